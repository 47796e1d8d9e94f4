import SwiftBrianLanguage

/// Brian's `milstein`: the derivative-free Milstein method for diagonal noise (each equation has
/// at most one noise term, and no noise term is shared):
///
///     x_support = x + dt*f(x, t) + dt**0.5*g(x, t)
///     g_support = g(x_support, t)
///     k = (g_support - g(x, t))*dW**2/(2*dt**0.5)
///     x_new = x + dt*f(x, t) + g(x, t)*dW + k
///
/// As in Brian, `k` uses `dW**2`, not `dW**2 - dt`, so the scheme converges to the Stratonovich
/// solution, like `heun`. With additive noise `k` is zero and is left out.
enum Milstein: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        let splits = try system.stochasticSplits()
        try requireDiagonalNoise(system, splits)
        let support = SupportValues(system, splits, support: { variable, noise in
            guard let split = splits[variable] else { return nil }
            let drift = Expression.name(variable) + .dt * split.drift
            return split.diffusion[noise].map { drift + .sqrtDt * $0 } ?? drift
        }, time: .t)
        var corrections: [Statement] = []
        let updates = system.variables.compactMap { variable -> Statement? in
            guard let split = splits[variable] else { return nil }
            let noise = split.diffusion.sorted { $0.key < $1.key }.flatMap { noise, factor -> [Expression] in
                let supported = support.factors[variable]?[noise] ?? factor
                let increment = factor * .name(noise)
                guard supported != factor else { return [increment] }
                let k = "_k_\(variable)_\(noise)"
                let squared = Expression(.binary(.power, .name(noise), .integer(2)))
                corrections.append(Statement(k, (supported - factor) * squared / (.integer(2) * .sqrtDt)))
                return [increment, .name(k)]
            }
            return Statement(system.temporary(variable), noise.reduce(.name(variable) + .dt * split.drift, +))
        }
        return system.noiseDraws + support.statements + corrections + updates + system.finalAssignments
    }

    private static func requireDiagonalNoise(_ system: DifferentialSystem, _ splits: [String: StochasticSplit]) throws {
        var owner: [String: String] = [:]
        for variable in system.variables {
            let noise = splits[variable]?.diffusion.keys.sorted() ?? []
            if noise.count > 1 {
                throw Unsupported("its noise is not diagonal: d\(variable)/dt uses \(noise.joined(separator: " and "))",
                                  in: variable)
            }
            for term in noise {
                if let other = owner[term] {
                    throw Unsupported("its noise is not diagonal: \(term) appears in d\(other)/dt and d\(variable)/dt",
                                      in: variable)
                }
                owner[term] = variable
            }
        }
    }
}
