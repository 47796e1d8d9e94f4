import SwiftBrianUnits

/// A set of model equations, as written in Brian:
///
///     let eqs = try Equations("""
///         dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
///         dge/dt = -ge/taue : volt
///         dgi/dt = -gi/taui : volt
///         """)
///
/// Equations keep the order they were written in; each name is defined once.
public struct Equations: Hashable, Sendable, RandomAccessCollection, CustomStringConvertible {
    /// The equations in the order they were written.
    public private(set) var equations: [Equation]

    /// Parses `text`: one equation per line (a right-hand side may continue over lines), `#` comments.
    public init(_ text: String) throws {
        var parser = try EquationsParser(SourceText(text, role: "equations"))
        try self.init(checking: try parser.parse())
    }

    /// Equations made of `equations`, which must define distinct, valid names (as in Brian, not
    /// ending in `_pre` or `_post`, which name the neurons' variables in synapse code, except the
    /// target of a summed variable) and differential equations only of floating-point variables.
    public init(checking equations: [Equation]) throws {
        var seen: Set<String> = []
        for equation in equations {
            try Identifiers.checkVariableName(equation.name, source: equation.source, span: equation.nameSpan)
            if !equation.has(.summed), let suffix = ["_pre", "_post"].first(where: { equation.name.hasSuffix($0) }) {
                throw ModelError(.invalidIdentifier, "'\(equation.name)' cannot be used as a variable name: the "
                                 + "suffix '\(suffix)' refers to a neuron's variable in synapse code",
                                 source: equation.source, span: equation.nameSpan)
            }
            if equation.kind == .differential, equation.type != .float {
                throw ModelError(.invalidEquations, "A differential equation can only define a floating-point "
                                 + "variable, but '\(equation.name)' is \(equation.type.rawValue)",
                                 source: equation.source, span: equation.unitSpan)
            }
            guard seen.insert(equation.name).inserted else {
                throw ModelError(.invalidEquations, "Duplicate definition of variable '\(equation.name)'",
                                 source: equation.source, span: equation.nameSpan)
            }
        }
        self.equations = equations
    }

    public var startIndex: Int { equations.startIndex }
    public var endIndex: Int { equations.endIndex }
    public subscript(position: Int) -> Equation { equations[position] }

    /// The equation defining `name`, if any.
    public subscript(name: String) -> Equation? { equations.first { $0.name == name } }

    /// The names of all variables defined, in order.
    public var names: [String] { equations.map(\.name) }

    /// The equations of one kind, in order.
    public func equations(ofKind kind: Equation.Kind) -> [Equation] { equations.filter { $0.kind == kind } }

    /// Whether any equation has a noise term.
    public var isStochastic: Bool { equations.contains { !$0.stochasticVariables.isEmpty } }

    /// The names every right-hand side uses that these equations do not define (excluding noise terms).
    public var externalIdentifiers: Set<String> {
        let defined = Set(names)
        return Set(equations.flatMap { $0.expression?.identifiers ?? [] })
            .subtracting(defined).filter { !Equation.isStochasticVariable($0) }
    }

    /// Both sets of equations together, as Brian's `eqs1 + eqs2`; a name defined in both is an
    /// error, as in Brian.
    public static func + (lhs: Equations, rhs: Equations) throws -> Equations {
        try Equations(checking: lhs.equations + rhs.equations)
    }

    /// The equations and those written in `rhs` together, as Brian's `eqs + '...'`.
    public static func + (lhs: Equations, rhs: String) throws -> Equations {
        try lhs + Equations(rhs)
    }

    /// Parses `text` and substitutes `replacements` in it, as Brian's
    /// `Equations('dv/dt = -v/tau : volt', tau='tau_e', v='V')` (see ``substituting(_:)``).
    public init(_ text: String, substituting replacements: [String: Replacement]) throws {
        self = try Equations(text).substituting(replacements)
    }

    /// The equations with names replaced, as Brian's `Equations(eqs, tau='tau_e', v='V')` does:
    ///
    /// - a replacement that is a name renames a variable, or an external name, everywhere (a
    ///   variable also on the left-hand side); the new name of a variable must not be defined
    ///   already;
    /// - a value (`.value(10 * ms)`, or a number) or an expression (`"2*tau_e"`) replaces an
    ///   external name; a variable cannot be replaced by one.
    ///
    /// Names the equations neither define nor use are ignored, as in Brian, so one set of
    /// replacements can serve several templates. Unlike Brian, which replaces text, an expression
    /// replaces the name as a whole: `-v/tau` with `tau = "2*tau_e"` is `-v/(2*tau_e)`.
    public func substituting(_ replacements: [String: Replacement]) throws -> Equations {
        var expressions: [String: Expression] = [:]
        var renames: [String: String] = [:]
        let defined = Set(names), used = externalIdentifiers
        for (name, replacement) in replacements.sorted(by: { $0.key < $1.key })
        where defined.contains(name) || used.contains(name) {
            let expression = try replacement.expression()
            guard defined.contains(name) else {
                expressions[name] = expression
                continue
            }
            let equation = self[name]
            guard case .name(let newName) = expression.node else {
                throw ModelError(.invalidEquations, "Cannot replace the variable '\(name)' by a value or an expression: "
                                 + "only its name can change", source: equation?.source, span: equation?.nameSpan)
            }
            guard newName != name else { continue }
            if defined.contains(newName) || renames.values.contains(newName) {
                throw ModelError(.invalidEquations, "Cannot rename the variable '\(name)' to '\(newName)': "
                                 + "'\(newName)' is defined already", source: equation?.source, span: equation?.nameSpan)
            }
            renames[name] = newName
            expressions[name] = expression
        }
        return try Equations(checking: equations.map { equation in
            var copy = equation
            copy.name = renames[equation.name] ?? equation.name
            copy.expression = equation.expression?.substituting(expressions)
            return copy
        })
    }

    /// What a name is replaced by in `substituting(_:)`: a string literal is a name or an
    /// expression, a number literal a dimensionless value.
    public enum Replacement: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
        Sendable {
        /// A new name, or an expression in Brian's syntax.
        case text(String)
        /// A fixed value.
        case value(Quantity)

        public init(stringLiteral value: String) { self = .text(value) }
        public init(floatLiteral value: Double) { self = .value(Quantity(value: value)) }
        public init(integerLiteral value: Int) { self = .value(Quantity(value: Double(value))) }

        func expression() throws -> Expression {
            switch self {
            case .text(let text): return try Parser.expression(SourceText(text, role: "replacement"))
            case .value(let quantity): return Expression.literal(quantity)
            }
        }
    }

    /// One equation per line, in Brian's syntax.
    public var description: String { equations.map(\.description).joined(separator: "\n") }
}

extension Expression {
    /// A literal for a quantity: a number times its base unit (`0.01*second`), or just the number.
    public static func literal(_ quantity: Quantity) -> Expression {
        let number = Expression(.float(quantity.value))
        guard !quantity.isDimensionless else { return number }
        let unit = try? Parser.expression(SourceText(quantity.dimension.description, role: "unit"))
        return unit.map { Expression(.binary(.multiply, number, $0)) } ?? number
    }
}
