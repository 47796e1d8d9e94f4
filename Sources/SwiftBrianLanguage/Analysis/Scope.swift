import SwiftBrianUnits

/// Resolves the names in a model's expressions in Brian's order: the model's own variables, then
/// the user's namespace, then units, constants and functions.
public struct Scope: Sendable {
    /// What a name refers to.
    public enum Resolution: Sendable {
        /// A variable of the model (or a built-in variable).
        case variable(VariableDescription)
        /// A fixed value: from the namespace, a unit or a constant.
        case value(Quantity)
    }

    /// The model's variables by name.
    public var variables: [String: VariableDescription]
    /// The user's values and functions.
    public var namespace: Namespace

    /// A scope over `variables` and `namespace`.
    public init(variables: [VariableDescription], namespace: Namespace) {
        self.variables = Dictionary(variables.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.namespace = namespace
    }

    /// What `name` refers to, or an error with suggestions when it is unknown.
    public func resolve(_ name: String, source: SourceText?, span: SourceSpan?) throws -> Resolution {
        if let variable = variables[name] { return .variable(variable) }
        if Equation.isStochasticVariable(name) {
            return .variable(VariableDescription(name: name, dimension: Dimension.time.raised(to: Rational(-1) / 2),
                                                 kind: .noise, isWritable: false, isConstant: false))
        }
        if let value = namespace.values[name] { return .value(value) }
        if let unit = UnitRegistry.named(name) { return .value(unit) }
        if let constant = Identifiers.constants[name] { return .value(Quantity(value: constant)) }
        if function(named: name) != nil {
            throw ModelError(.invalidCall, "'\(name)' is a function: call it with parentheses, as \(name)(...)",
                             source: source, span: span)
        }
        var message = "Unknown identifier '\(name)'"
        let candidates = Array(variables.keys) + Array(namespace.values.keys) + Array(Identifiers.constants.keys)
        if let suggestion = Suggestions.closest(to: name, among: candidates)
            ?? Suggestions.closest(to: name, among: UnitRegistry.allNames) {
            message += " (did you mean '\(suggestion)'?)"
        } else {
            message += ": it is neither a variable of the model nor in the namespace"
        }
        throw ModelError(.unknownIdentifier, message, source: source, span: span)
    }

    /// The function called `name`: the namespace's first, then the built-ins.
    public func function(named name: String) -> Function? {
        namespace.functions[name] ?? Function.builtins[name]
    }
}
