import SwiftBrianLanguage

/// Brian's `heun`: the stochastic Heun method for Stratonovich equations, with any noise. The
/// drift is forward Euler, so on deterministic equations it is exactly `euler`:
///
///     x_support = x + g(x, t)*dW
///     g_support = g(x_support, t + dt)
///     x_new = x + dt*f(x, t) + dW*(g(x, t) + g_support)/2
enum StochasticHeun: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        let splits = try system.stochasticSplits()
        let support = SupportValues(system, splits, support: { variable, noise in
            splits[variable]?.diffusion[noise].map { .name(variable) + $0 * .name(noise) }
        }, time: .t + .dt)
        let updates = system.variables.compactMap { variable -> Statement? in
            guard let split = splits[variable] else { return nil }
            let noise = split.diffusion.sorted { $0.key < $1.key }.map { noise, factor -> Expression in
                let supported = support.factors[variable]?[noise] ?? factor
                if supported == factor { return factor * .name(noise) }
                return .name(noise) * (factor + supported) / .integer(2)
            }
            return Statement(system.temporary(variable), noise.reduce(.name(variable) + .dt * split.drift, +))
        }
        return system.noiseDraws + support.statements + updates + system.finalAssignments
    }
}
