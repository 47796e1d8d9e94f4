import SwiftBrianLanguage
import SwiftBrianSymbolic

/// A model's differential equations as the integrators see them: each right-hand side with the
/// subexpressions inlined, the noise terms, the variables frozen while refractory, and the scope
/// that tells parameters from namespace values.
struct DifferentialSystem {
    /// The state variables and their right-hand sides, in the order written.
    let equations: [(variable: String, rightHandSide: Expression)]
    /// The variables marked `(unless refractory)`, when the model has a `not_refractory` variable.
    let refractoryVariables: Set<String>
    /// The noise terms used (`xi`, `xi_1`, ...), sorted.
    let noiseVariables: [String]
    /// Where the model's names resolve.
    let scope: Scope

    /// The clock-driven differential equations of `analyzed`, or its `(event-driven)` ones.
    init(_ analyzed: AnalyzedEquations, eventDriven: Bool = false) throws {
        let differential = analyzed.equations.equations(ofKind: .differential)
        let selected = Set(differential.filter { $0.has(.eventDriven) == eventDriven }.map(\.name))
        equations = try analyzed.substitutedDifferentialEquations().filter { selected.contains($0.name) }
            .map { ($0.name, $0.expression) }
        let flagged = differential.filter { $0.has(.unlessRefractory) }
        refractoryVariables = analyzed.variable(Self.notRefractory) == nil ? [] : Set(flagged.map(\.name))
        noiseVariables = Set(equations.flatMap { $0.rightHandSide.identifiers.filter(Equation.isStochasticVariable) })
            .sorted()
        scope = analyzed.scope
    }

    /// The boolean variable that is false while a neuron is refractory.
    static let notRefractory = "not_refractory"

    /// The state variables, in order.
    var variables: [String] { equations.map(\.variable) }

    /// The canonical symbolic form of `expression`; calls of functions that are not stateless in
    /// this scope are draws.
    func symbolic(_ expression: Expression) -> SymbolicExpression {
        SymbolicExpression(expression, isStateless: { scope.function(named: $0)?.isStateless ?? true })
    }

    /// The value of `expression` when it is fixed for the run: built from numbers, namespace
    /// values, units, constants and stateless functions; nil when it reads a model variable.
    func constantValue(of expression: SymbolicExpression) -> Double? {
        expression.numericValue({ name in
            guard case .value(let quantity)? = try? scope.resolve(name, source: nil, span: nil) else { return nil }
            return quantity.value
        }, functions: scope.function(named:))
    }

    /// Throws unless the equations are deterministic.
    func requireDeterministic() throws {
        guard let noise = noiseVariables.first else { return }
        let user = equations.first { $0.rightHandSide.identifiers.contains(noise) }?.variable ?? noise
        throw Unsupported("they are stochastic (d\(user)/dt uses the noise term \(noise)); "
                          + "stochastic equations need 'euler', 'heun' or 'milstein'", in: user)
    }

    /// The final statements `v = _v`, one per state variable.
    var finalAssignments: [Statement] {
        variables.map { Statement($0, .name(temporary($0))) }
    }

    /// The temporary holding the new value of `variable`: `_v`.
    func temporary(_ variable: String) -> String { "_" + variable }

    /// `expression` at another state: each state variable `v` replaced by `state[v]` (when given)
    /// and `t` by `time` (when given).
    func evaluated(_ expression: Expression, at state: [String: Expression],
                   time: Expression? = nil) -> Expression {
        var replacements = state
        if let time { replacements["t"] = time }
        return expression.substituting(replacements)
    }
}
