import SwiftBrianLanguage

/// The second-order Runge–Kutta (midpoint) method, Brian's `rk2`; deterministic equations only:
///
///     k = dt*f(x, t)
///     x_new = x + dt*f(x + k/2, t + dt/2)
enum MidpointRungeKutta: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        try system.requireDeterministic()
        let drifts = system.equations.map { system.explicitRightHandSide($0.variable, $0.rightHandSide) }
        let k = system.variables.map { "_k_" + $0 }
        let midpoint = Dictionary(zip(system.variables, k).map { variable, k in
            (variable, Expression.name(variable) + .name(k) / .integer(2))
        }, uniquingKeysWith: { first, _ in first })
        var statements = zip(k, drifts).map { Statement($0, .dt * $1) }
        for (variable, drift) in zip(system.variables, drifts) {
            let value = Expression.name(variable) + .dt * system.evaluated(drift, at: midpoint, time: .t + .dt / .integer(2))
            statements.append(Statement(system.temporary(variable), value))
        }
        return statements + system.finalAssignments
    }
}
