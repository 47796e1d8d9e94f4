import SwiftBrianLanguage

/// The classical fourth-order Runge–Kutta method, Brian's `rk4`; deterministic equations only:
///
///     k1 = dt*f(x, t)
///     k2 = dt*f(x + k1/2, t + dt/2)
///     k3 = dt*f(x + k2/2, t + dt/2)
///     k4 = dt*f(x + k3, t + dt)
///     x_new = x + (k1 + 2*k2 + 2*k3 + k4)/6
enum RungeKutta4: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        try system.requireDeterministic()
        let variables = system.variables
        let drifts = system.equations.map { system.explicitRightHandSide($0.variable, $0.rightHandSide) }
        let half = Expression.dt / .integer(2)
        // Each stage: the divisor of the previous stage added to the state, and the time.
        let stages: [(divisor: Int?, time: Expression)] = [(nil, .t), (2, .t + half), (2, .t + half), (1, .t + .dt)]
        var statements: [Statement] = []
        for (index, stage) in stages.enumerated() {
            var state: [String: Expression] = [:]
            if let divisor = stage.divisor {
                for variable in variables {
                    let previous = Expression.name(name(index, variable))
                    state[variable] = .name(variable) + (divisor == 1 ? previous : previous / .integer(divisor))
                }
            }
            for (variable, drift) in zip(variables, drifts) {
                statements.append(Statement(name(index + 1, variable),
                                            .dt * system.evaluated(drift, at: state, time: stage.time)))
            }
        }
        for variable in variables {
            let k = (1...4).map { Expression.name(name($0, variable)) }
            let sum = k[0] + .integer(2) * k[1] + .integer(2) * k[2] + k[3]
            statements.append(Statement(system.temporary(variable), .name(variable) + sum / .integer(6)))
        }
        return statements + system.finalAssignments
    }

    /// `_k2_v`: stage `index` of `variable`.
    private static func name(_ index: Int, _ variable: String) -> String { "_k\(index)_\(variable)" }
}
