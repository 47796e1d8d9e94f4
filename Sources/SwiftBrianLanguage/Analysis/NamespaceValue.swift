import SwiftBrianUnits

/// What one name of a ``Namespace`` stands for: a value (a quantity or a plain number) or a
/// function model code can call.
public enum NamespaceEntry: Sendable {
    /// A value: `taum = 20*ms`, `Ne = 3200`.
    case value(Quantity)
    /// A function: a user ``Function`` or a TimedArray.
    case function(Function)
}

/// A value a ``Namespace`` literal can hold, so that quantities, plain numbers, TimedArrays and
/// functions go in one literal, as in a Brian script's namespace:
///
///     let namespace: Namespace = ["taum": 20 * ms, "w0": 0.5, "Ne": 3200, "stimulus": stimulus]
public protocol NamespaceValue: Sendable {
    /// What the name given to this value stands for.
    var namespaceEntry: NamespaceEntry { get }
}

extension Quantity: NamespaceValue {
    /// The quantity itself.
    public var namespaceEntry: NamespaceEntry { .value(self) }
}

extension Double: NamespaceValue {
    /// The number, dimensionless.
    public var namespaceEntry: NamespaceEntry { .value(Quantity(value: self)) }
}

extension Int: NamespaceValue {
    /// The number, dimensionless.
    public var namespaceEntry: NamespaceEntry { .value(Quantity(value: Double(self))) }
}

extension Function: NamespaceValue {
    /// The function.
    public var namespaceEntry: NamespaceEntry { .function(self) }

    /// The same function called by `newName` in model code.
    func named(_ newName: String) -> Function {
        guard newName != name else { return self }
        var copy = Function(newName, arguments: arguments, result: result, implementation: implementation)
        copy.table = table
        copy.cImplementation = cImplementation
        copy.isConstantOverStep = isConstantOverStep
        return copy
    }
}
