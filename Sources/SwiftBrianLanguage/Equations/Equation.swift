import SwiftBrianUnits

/// One line of a model: a differential equation (`dv/dt = (El - v)/taum : volt`), a subexpression
/// (`I = g*(E - v) : amp`) or a parameter (`tau : second (constant)`).
public struct Equation: Hashable, Sendable, CustomStringConvertible {
    /// The three kinds of equation.
    public enum Kind: String, Hashable, Sendable {
        /// `dx/dt = expression : unit`
        case differential = "differential equation"
        /// `x = expression : unit`
        case subexpression
        /// `x : unit`
        case parameter
    }

    /// The variable the equation defines.
    public var name: String
    /// Differential equation, subexpression or parameter.
    public var kind: Kind
    /// The right-hand side (nil for a parameter).
    public var expression: Expression?
    /// The variable's dimension (for a differential equation: of the variable, not its derivative).
    public var dimension: Dimension
    /// Float, integer or boolean.
    public var type: VariableType
    /// The flags in parentheses after the unit, in the order written.
    public var flags: [EquationFlag]
    /// The text the equation was written in.
    public var source: SourceText
    /// The whole equation.
    public var span: SourceSpan
    /// The variable's name on the left-hand side.
    public var nameSpan: SourceSpan
    /// The unit specification.
    public var unitSpan: SourceSpan
    /// Each flag's place.
    public var flagSpans: [EquationFlag: SourceSpan]

    /// Whether the equation carries `flag`.
    public func has(_ flag: EquationFlag) -> Bool { flags.contains(flag) }

    /// The noise terms (`xi`, `xi_1`, ...) the right-hand side uses.
    public var stochasticVariables: Set<String> {
        expression?.identifiers.filter(Equation.isStochasticVariable) ?? []
    }

    /// Whether `name` denotes white noise: `xi` or `xi_` followed by a suffix.
    public static func isStochasticVariable(_ name: String) -> Bool {
        name == "xi" || (name.hasPrefix("xi_") && name.count > 3)
    }

    /// The equation in Brian's syntax.
    public var description: String {
        let unit = type == .float ? dimension.unitSpecification : type.rawValue
        let flagText = flags.isEmpty ? "" : " (\(flags.map(\.rawValue).joined(separator: ", ")))"
        switch kind {
        case .differential: return "d\(name)/dt = \(expression!) : \(unit)\(flagText)"
        case .subexpression: return "\(name) = \(expression!) : \(unit)\(flagText)"
        case .parameter: return "\(name) : \(unit)\(flagText)"
        }
    }
}

/// The value type of a variable.
public enum VariableType: String, Hashable, Sendable {
    /// A floating-point number with a unit.
    case float
    /// An integer (dimensionless).
    case integer
    /// True or false (dimensionless).
    case boolean
}

/// The flags Brian accepts after an equation's unit.
public enum EquationFlag: String, Hashable, Sendable, CaseIterable {
    /// A parameter that does not change during a run.
    case constant
    /// One value for the whole group.
    case shared
    /// A parameter that refers to a variable of another group.
    case linked
    /// A differential equation that is not integrated while the neuron is refractory.
    case unlessRefractory = "unless refractory"
    /// A synaptic variable integrated only when a spike arrives.
    case eventDriven = "event-driven"
    /// A synaptic variable integrated every time step (the default).
    case clockDriven = "clock-driven"
    /// A synaptic subexpression summed into a variable of the pre- or postsynaptic group.
    case summed
    /// A subexpression evaluated once at the start of each step.
    case constantOverDt = "constant over dt"
    /// In a multicompartment neuron, a current in amp injected into each compartment: it enters
    /// the membrane current `Im` divided by the compartment's area.
    case pointCurrent = "point current"

    /// The kinds of equation the flag may follow.
    public var allowedKinds: Set<Equation.Kind> {
        switch self {
        case .constant, .linked: return [.parameter]
        case .shared: return [.parameter, .subexpression]
        case .unlessRefractory, .eventDriven, .clockDriven: return [.differential]
        case .summed, .constantOverDt: return [.subexpression]
        case .pointCurrent: return [.differential, .parameter, .subexpression]
        }
    }
}
