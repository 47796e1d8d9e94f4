import SwiftBrian

/// What `reversalRise:`/`reversalFall:` of dSpikes accept, as Dendrify does: a voltage
/// (`70 * mV`) or the name of one of Dendrify's default reversal potentials (`"E_Na"`, `"E_K"`,
/// `"E_Ca"`, `"E_AMPA"`, `"E_NMDA"`, `"E_GABA"`).
public protocol ReversalPotential: Sendable {}

extension Quantity: ReversalPotential {}
extension String: ReversalPotential {}

/// Dendrify's default parameters, which every model's namespace holds.
enum DefaultParameters {
    /// The defaults, in Dendrify's order (`Gamma_NMDA` is the integer 0, as in Dendrify).
    static let all: ModelParameters = {
        var parameters = ModelParameters()
        parameters.set("E_AMPA", 0 * mV)
        parameters.set("E_NMDA", 0 * mV)
        parameters.set("E_GABA", -80 * mV)
        parameters.set("E_Na", 70 * mV)
        parameters.set("E_K", -89 * mV)
        parameters.set("E_Ca", 136 * mV)
        parameters.set("Mg_con", Quantity(value: 1.0))
        parameters.set("Alpha_NMDA", Quantity(value: 0.062))
        parameters.set("Beta_NMDA", Quantity(value: 3.57))
        parameters.set("Gamma_NMDA", Quantity(value: 0), isInteger: true)
        return parameters
    }()

    /// The voltage `reversal` stands for, checked (`argument` of `owner` in messages).
    static func voltage(_ reversal: any ReversalPotential, _ argument: String, of owner: String) throws -> Quantity {
        let what = "\(argument) of \(owner)"
        switch reversal {
        case let quantity as Quantity:
            try ArgumentChecks.finite(quantity, argument, of: owner, dimension: .voltage, unit: "a voltage")
            return quantity
        case let name as String:
            let known = all.names.filter { $0.hasPrefix("E_") }
            guard known.contains(name), let value = all[name] else {
                throw ModelError(.invalidArgument, "\(what) '\(name)' is not one of Dendrify's reversal "
                                 + "potentials (\(known.joined(separator: ", "))); give a voltage instead")
            }
            return value
        default:
            throw ModelError(.invalidArgument, "\(what) must be a voltage or the name of a reversal potential")
        }
    }
}
