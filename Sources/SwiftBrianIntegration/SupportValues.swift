import SwiftBrianLanguage

/// The support values shared by Brian's stochastic Heun and Milstein methods: for each noise term
/// `xi`, a support state `x_support` and the noise factor evaluated there, `g(x_support, time)`.
struct SupportValues {
    /// The statements computing the support state and the factors there.
    var statements: [Statement] = []
    /// `factors[variable][noise]`: the name of the temporary holding `g(x_support)`, or the factor
    /// itself when it does not depend on the support state.
    var factors: [String: [String: Expression]] = [:]

    /// The support values of `splits` for each noise term: `support(variable, noise)` gives the
    /// support state of a variable (nil: the variable itself), `time` the time of the evaluation.
    /// Only the support states that some factor reads are computed.
    init(_ system: DifferentialSystem, _ splits: [String: StochasticSplit],
         support: (String, String) -> Expression?, time: Expression) {
        for noise in system.noiseVariables {
            let factors = system.variables.compactMap { variable in
                splits[variable]?.diffusion[noise].map { (variable, $0) }
            }
            let read = Set(factors.flatMap { $0.1.identifiers })
            var state: [String: Expression] = [:]
            for variable in system.variables where read.contains(variable) {
                guard let value = support(variable, noise) else { continue }
                let name = "_x_support_\(variable)_\(noise)"
                statements.append(Statement(name, value))
                state[variable] = .name(name)
            }
            for (variable, factor) in factors {
                let supported = system.evaluated(factor, at: state, time: time)
                if supported == factor {
                    self.factors[variable, default: [:]][noise] = factor
                } else {
                    let name = "_g_support_\(variable)_\(noise)"
                    statements.append(Statement(name, supported))
                    self.factors[variable, default: [:]][noise] = .name(name)
                }
            }
        }
    }
}
