import SwiftBrianUnits

/// Equations checked against a namespace: every name resolved, every unit consistent, every flag
/// allowed where it stands, no subexpression defined in terms of itself. Thresholds, resets and
/// other code are checked against the same variables.
public struct AnalyzedEquations: Sendable {
    /// Where the equations are used; decides which flags are allowed.
    public enum Context: String, Sendable {
        /// A `NeuronGroup`.
        case neuronGroup = "neuron group"
        /// A `Synapses` object.
        case synapses
        /// A `SpatialNeuron` (a multicompartment neuron).
        case spatialNeuron = "spatial neuron"

        /// The flags allowed on each kind of equation here.
        public func allows(_ flag: EquationFlag) -> Bool {
            switch self {
            case .neuronGroup:
                return [.constant, .shared, .linked, .unlessRefractory, .constantOverDt].contains(flag)
            case .synapses:
                return [.constant, .shared, .linked, .eventDriven, .clockDriven, .summed, .constantOverDt].contains(flag)
            case .spatialNeuron:
                return [.constant, .shared, .linked, .unlessRefractory, .constantOverDt, .pointCurrent].contains(flag)
            }
        }
    }

    /// The equations.
    public let equations: Equations
    /// Names resolve here.
    public private(set) var scope: Scope
    /// Where the equations are used.
    public let context: Context

    /// Checks `equations` in `context`, resolving external names in `namespace`; `extraVariables`
    /// adds variables the group provides (`lastspike`, `not_refractory`, ...).
    public init(_ equations: Equations, namespace: Namespace = Namespace(), context: Context = .neuronGroup,
                extraVariables: [VariableDescription] = []) throws {
        self.equations = equations
        self.context = context
        var variables = VariableDescription.builtins + extraVariables
        for equation in equations {
            let kind: VariableDescription.Kind
            switch equation.kind {
            case .differential: kind = .state
            case .parameter: kind = .parameter
            case .subexpression: kind = .subexpression
            }
            variables.append(VariableDescription(
                name: equation.name, dimension: equation.dimension, type: equation.type, kind: kind,
                isWritable: equation.kind != .subexpression && !equation.has(.constant),
                isConstant: equation.kind == .parameter && equation.has(.constant), isShared: equation.has(.shared)))
        }
        scope = Scope(variables: variables, namespace: namespace)
        for equation in equations { try check(equation) }
        _ = try inlinedSubexpressions()
    }

    /// The same equations checked against `namespace` instead (values changed between runs): a
    /// value whose unit no longer fits is an error at the equation that uses it.
    public func replacingNamespace(_ namespace: Namespace) throws -> AnalyzedEquations {
        var copy = self
        copy.scope.namespace = namespace
        for equation in equations { try copy.check(equation) }
        return copy
    }

    private func check(_ equation: Equation) throws {
        for flag in equation.flags where !context.allows(flag) {
            throw ModelError(.invalidFlag, "The flag '\(flag.rawValue)' cannot be used in a \(context.rawValue) "
                             + "(on '\(equation.name)')", source: equation.source, span: equation.flagSpans[flag])
        }
        guard let expression = equation.expression else { return }
        let checker = DimensionChecker(scope: scope, source: equation.source)
        switch equation.kind {
        case .differential:
            try checker.check(expression, has: equation.dimension / .time, what: "d\(equation.name)/dt")
        case .subexpression:
            // A linked variable may be shared: that depends on what it is linked to (checked then).
            if equation.has(.shared), let name = expression.identifiers.sorted().first(where: { name in
                scope.variables[name].map { !$0.isShared && equations[name]?.has(.linked) != true } ?? false
            }) {
                throw ModelError(.invalidEquations, "The shared subexpression '\(equation.name)' refers to '\(name)', "
                                 + "which is not shared", source: equation.source, span: span(of: name, in: expression))
            }
            // As in Brian, named noise (`xi_pop`) may stand in a subexpression (it is substituted
            // into the differential equations), plain `xi` may not.
            if let noise = expression.identifiers.first(where: { $0 == "xi" }) {
                throw ModelError(.invalidEquations, "The noise term '\(noise)' may only appear in differential "
                                 + "equations, not in the subexpression '\(equation.name)'",
                                 source: equation.source, span: span(of: noise, in: expression))
            }
            if equation.type == .boolean {
                guard try checker.isBoolean(expression) else {
                    throw ModelError(.dimensionMismatch, "'\(equation.name)' is boolean, but its expression is not "
                                     + "a condition", source: equation.source, span: expression.span)
                }
                _ = try checker.dimension(of: expression)
            } else {
                try checker.check(expression, has: equation.dimension, what: "'\(equation.name)'")
            }
        case .parameter:
            break
        }
    }

    private func span(of name: String, in expression: Expression) -> SourceSpan {
        var found = expression.span
        var done = false
        expression.visit { node in
            if !done, case .name(name) = node.node {
                found = node.span
                done = true
            }
        }
        return found
    }

    /// The description of the variable `name`, if the model has one.
    public func variable(_ name: String) -> VariableDescription? { scope.variables[name] }

    /// Each subexpression's expression with the subexpressions it uses inlined, recursively
    /// (those marked `constant over dt` stay names: they are evaluated once per step).
    public func inlinedSubexpressions() throws -> [String: Expression] {
        let definitions = Dictionary(uniqueKeysWithValues: equations.equations(ofKind: .subexpression)
            .filter { !$0.has(.constantOverDt) }.map { ($0.name, $0) })
        var done: [String: Expression] = [:]
        func inline(_ name: String, path: [String]) throws -> Expression {
            if let expression = done[name] { return expression }
            let equation = definitions[name]!
            if path.contains(name) {
                let cycle = (path.drop { $0 != name } + [name]).joined(separator: " -> ")
                throw ModelError(.invalidEquations, "The subexpression '\(name)' depends on itself (\(cycle))",
                                 source: equation.source, span: equation.nameSpan)
            }
            // Each subexpression in a chain adds a level: a chain too long makes an expression too deep.
            let tooDeep = ModelError(.invalidEquations, "The subexpression '\(name)' is nested too deeply once the "
                                     + "subexpressions it uses are put in: more than \(Expression.maximumDepth) "
                                     + "levels", source: equation.source, span: equation.nameSpan)
            guard path.count < Expression.maximumDepth else { throw tooDeep }
            var replacements: [String: Expression] = [:]
            for used in equation.expression!.identifiers where definitions[used] != nil {
                replacements[used] = try inline(used, path: path + [name])
            }
            let expression = equation.expression!.substituting(replacements)
            guard expression.depth <= Expression.maximumDepth else { throw tooDeep }
            done[name] = expression
            return expression
        }
        for name in definitions.keys.sorted() { _ = try inline(name, path: []) }
        return done
    }

    /// The right-hand side of every differential equation with subexpressions inlined, in order.
    public func substitutedDifferentialEquations() throws -> [(name: String, expression: Expression)] {
        let subexpressions = try inlinedSubexpressions()
        return equations.equations(ofKind: .differential).map { ($0.name, $0.expression!.substituting(subexpressions)) }
    }

    // MARK: Code checked against the model

    /// Parses and checks a condition such as a threshold (`v > Vt`): it must be boolean.
    public func checkCondition(_ text: String, role: String) throws -> Expression {
        let source = SourceText(text, role: role)
        let expression = try Parser.expression(source)
        let checker = DimensionChecker(scope: scope, source: source)
        _ = try checker.dimension(of: expression)
        guard try checker.isBoolean(expression) else {
            throw ModelError(.dimensionMismatch, "The \(role) must be a condition (e.g. 'v > -50*mV'), "
                             + "but '\(text.trimmingWhitespace)' is not boolean", source: source, span: expression.span)
        }
        return expression
    }

    /// Parses and checks an expression of dimension `expected` (such as a refractory period).
    public func checkExpression(_ text: String, role: String, dimension expected: Dimension) throws -> Expression {
        let source = SourceText(text, role: role)
        let expression = try Parser.expression(source)
        try DimensionChecker(scope: scope, source: source).check(expression, has: expected, what: "the \(role)")
        return expression
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}
