import SwiftBrianLanguage

/// Forward Euler, and Euler–Maruyama when there are noise terms (Brian's `euler`):
///
///     x_new = x + dt*f(x, t) + g(x, t)*dW
///
/// Noise must be additive: its factors may not depend on state variables or on `t`.
enum Euler: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        let splits = try system.stochasticSplits()
        if let problem = system.multiplicativeNoise(in: splits) {
            throw Unsupported(problem.reason + "; use 'heun' or 'milstein'", in: problem.variable)
        }
        let updates = system.variables.compactMap { variable -> Statement? in
            guard let split = splits[variable] else { return nil }
            let noise = split.diffusion.sorted { $0.key < $1.key }.map { $0.value * .name($0.key) }
            let value = noise.reduce(.name(variable) + .dt * split.drift, +)
            return Statement(system.temporary(variable), value)
        }
        return system.noiseDraws + updates + system.finalAssignments
    }
}
