/// What a ``KernelOperation/checkFinite(_:_:)`` watches: a value about to be stored into
/// `target`. When a value is NaN or infinite, the kernel still runs to its end (every backend
/// leaves the same state) and then fails with the first such value in loop order — the
/// variable, the element, the time and the value the element held before (the last finite one).
public struct FiniteCheck: Hashable, Sendable {
    /// Where the value is stored; its element before the store is the last finite value.
    public var target: ArrayReference
    /// The variable in the user's terms: `'v' of 'G'`.
    public var variable: String
    /// What an element is: `neuron`, `synapse`.
    public var element: String
    /// The unit of the values, as printed after a number (empty for dimensionless).
    public var unit: String
    /// The time of the kernel's clock.
    public var time: DoubleBuffer

    /// A check of values stored into `target`.
    public init(target: ArrayReference, variable: String, element: String, unit: String, time: DoubleBuffer) {
        self.target = target
        self.variable = variable
        self.element = element
        self.unit = unit
        self.time = time
    }

    /// The error message for `value` stored at element `index` at time `time`, where `last` was.
    public func message(value: Double, index: Int, time: Double, last: Double) -> String {
        text(value: FiniteCheck.word(value), index: "\(index)", time: String(format: "%g", time),
             last: String(format: "%g", last))
    }

    /// How a non-finite value is named: `NaN`, `+inf`, `-inf`.
    public static func word(_ value: Double) -> String {
        value.isNaN ? "NaN" : value > 0 ? "+inf" : "-inf"
    }

    private func text(value: String, index: String, time: String, last: String) -> String {
        "\(variable) became \(value) for \(element) \(index) at t = \(time) s (last finite value: \(last)"
            + (unit.isEmpty ? ")" : " \(unit))")
    }
}
