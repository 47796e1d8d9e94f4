import SwiftBrianUnits

/// A value given to a variable of a group before or between runs (`G.v.set("Vr + rand()*(Vt - Vr)")`),
/// as the model description reports it. Recorded by every `set` of ``VariableView``.
public struct InitializationRecord: Sendable, Equatable {
    /// What was assigned.
    public enum Value: Sendable, Equatable {
        /// One quantity for every element.
        case quantity(Quantity)
        /// An expression evaluated for each element, as written.
        case expression(String)
        /// One value per element: their number, smallest and largest, and their dimension.
        case array(count: Int, minimum: Double, maximum: Double, dimension: Dimension)
    }

    /// The variable set.
    public let variable: String
    /// The value assigned.
    public let value: Value
    /// The condition restricting the elements set, if any (`"i < 10"`).
    public let condition: String?
    /// The elements of the group set, when only a subgroup's were (`10..<20`); nil for all.
    public let elements: Range<Int>?
    /// The number of runs the group had been through when the value was set: 0 before the first
    /// run, more when set between runs.
    public internal(set) var runsBefore: Int

    /// A record of `variable` set to `value`, where `condition` holds, for `elements`, after
    /// `runsBefore` runs.
    public init(variable: String, value: Value, condition: String? = nil, elements: Range<Int>? = nil,
                runsBefore: Int = 0) {
        self.variable = variable
        self.value = value
        self.condition = condition
        self.elements = elements
        self.runsBefore = runsBefore
    }
}
