import SwiftBrianLanguage
import SwiftBrianSymbolic

/// A right-hand side split as `f + g_1*xi_1 + g_2*xi_2 + ...`: the drift `f` and the factor
/// `g_i` of each noise term it uses.
struct StochasticSplit {
    /// The deterministic part `f`.
    let drift: Expression
    /// The factor of each noise term, for the noise terms the equation uses.
    let diffusion: [String: Expression]
}

extension DifferentialSystem {
    /// Each equation split into drift and noise factors, after Brian's refractory factor. A
    /// deterministic right-hand side is its own drift, as written.
    func stochasticSplits() throws -> [String: StochasticSplit] {
        var splits: [String: StochasticSplit] = [:]
        for (variable, rightHandSide) in equations {
            let expression = explicitRightHandSide(variable, rightHandSide)
            let used = noiseVariables.filter(expression.identifiers.contains)
            guard !used.isEmpty else {
                splits[variable] = StochasticSplit(drift: expression, diffusion: [:])
                continue
            }
            let system: LinearSystem
            do {
                system = try LinearSystem([symbolic(expression)], variables: used)
            } catch let failure as LinearSystem.Failure {
                throw Unsupported("d\(variable)/dt cannot be split into a deterministic part and noise terms: "
                                  + "it is not linear in \(failure.variable)", in: variable)
            }
            var diffusion: [String: Expression] = [:]
            for (column, noise) in used.enumerated() where !system.coefficient(0, column).isZero {
                diffusion[noise] = system.coefficient(0, column).expression
            }
            splits[variable] = StochasticSplit(drift: system.constants[0].expression, diffusion: diffusion)
        }
        return splits
    }

    /// Why the noise is multiplicative, or nil when it is additive: a noise factor depends on a
    /// state variable, on the time `t` or on a draw (Brian's rule).
    func multiplicativeNoise(in splits: [String: StochasticSplit]) -> Unsupported? {
        for variable in variables {
            for (noise, factor) in splits[variable]?.diffusion.sorted(by: { $0.key < $1.key }) ?? [] {
                let names = factor.identifiers
                let location = "the factor of \(noise) in d\(variable)/dt"
                if let dependency = variables.first(where: names.contains) {
                    return Unsupported("\(location) depends on the state variable \(dependency) (multiplicative noise)",
                                       in: variable)
                }
                if names.contains("t") {
                    return Unsupported("\(location) depends on the time t (multiplicative noise)", in: variable)
                }
                if let draw = symbolic(factor).drawnFunctions.sorted().first {
                    return Unsupported("\(location) calls \(draw)(), which is not constant over a time step", in: variable)
                }
            }
        }
        return nil
    }

    /// `xi = dt**0.5*randn()` for each noise term: afterwards `xi` holds its Wiener increment.
    var noiseDraws: [Statement] {
        noiseVariables.map { Statement($0, .sqrtDt * .call("randn", [])) }
    }
}
