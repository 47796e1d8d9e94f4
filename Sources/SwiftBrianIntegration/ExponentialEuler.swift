import SwiftBrianLanguage
import SwiftBrianSymbolic

/// Brian's `exponential_euler` for conditionally linear equations: each right-hand side is
/// written as `A*x + B` by collecting the terms with the factor `x` of its own variable (see
/// ``SymbolicExpression/linearDecomposition(in:)``; `A` and `B` may depend on the other
/// variables, on `t`, and on `x` itself inside functions, as `tanh(x)`), and every variable is
/// advanced from the values at the start of the step:
///
///     x_new = -B/A + (x + B/A)*exp(A*dt)    (A ≠ 0, B ≠ 0; B/A is computed once, as _BA_x)
///     x_new = x*exp(A*dt)                   (B = 0)
///     x_new = x + dt*B                      (A = 0: an Euler step, as Brian does)
enum ExponentialEuler: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        try system.requireDeterministic()
        var statements: [Statement] = []
        for (variable, rightHandSide) in system.equations {
            guard let split = system.symbolic(rightHandSide).linearDecomposition(in: variable) else {
                throw Unsupported("d\(variable)/dt is not conditionally linear in \(variable) (multiplied out, "
                                  + "it must be A*\(variable) + B with no other power of \(variable))", in: variable)
            }
            let (a, b) = (split.coefficient, split.remainder)
            let x = Expression.name(variable)
            let update: Expression
            if a.isEquivalent(to: 0) {
                update = x + .dt * b.expression
            } else {
                let growth = Expression.call("exp", [(a * .symbol("dt")).expression])
                if b.isEquivalent(to: 0) {
                    update = x * growth
                } else {
                    let ratio = "_BA_" + variable
                    statements.append(Statement(ratio, (b / a).expression))
                    update = (x + .name(ratio)) * growth - .name(ratio)
                }
            }
            let frozen = system.refractoryVariables.contains(variable)
            statements.append(Statement(system.temporary(variable),
                                        frozen ? DifferentialSystem.refractoryBlend(update, frozen: x) : update))
        }
        return statements + system.finalAssignments
    }
}
