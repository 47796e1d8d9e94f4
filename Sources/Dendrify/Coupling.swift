import SwiftBrian

/// How two connected compartments are coupled electrically (Dendrify's `g` argument of
/// `connect`): the coupling conductance `g_a_b` of the currents `I_a_b = (V_a - V_b)*g_a_b`.
public enum Coupling {
    /// Half of each cylinder in series, Dendrify's default: g = 1/((r₁ + r₂)/2) with the axial
    /// resistance r = 4·rAxial·length/(π·diameter²) of each compartment. Both compartments need
    /// length, diameter and rAxial.
    case halfCylinders
    /// The axial resistance of one of the two compartments: g = 1/r of that compartment.
    case cylinder(of: Compartment)
    /// An explicit conductance (the only coupling of compartments given by absolute values).
    case conductance(Quantity)

    /// The coupling conductance (S) between `a` and `b`, checked: explicit conductances positive,
    /// geometric couplings only between compartments with geometry.
    func conductance(between a: CompartmentDefinition, _ b: CompartmentDefinition) throws -> Double {
        let pair = "the connection of '\(a.name)' and '\(b.name)'"
        func resistance(_ compartment: CompartmentDefinition) throws -> Double {
            if compartment.properties.isDimensionless {
                throw ModelError(.invalidArgument, "\(pair) needs an explicit conductance (.conductance(...)): "
                                 + "'\(compartment.name)' is given by absolute values (cmAbs, glAbs), so its axial "
                                 + "resistance is unknown")
            }
            guard let r = compartment.properties.axialResistance else {
                let missing = compartment.properties.missingForAxialResistance.joined(separator: ", ")
                throw ModelError(.invalidArgument, "\(pair) needs the axial resistance of '\(compartment.name)', "
                                 + "which has no \(missing) (give them to the compartment or rAxial to the NeuronModel)")
            }
            return r
        }
        switch self {
        case .halfCylinders:
            return 1 / ((try resistance(a) + resistance(b)) / 2)
        case .cylinder(of: let compartment):
            guard compartment.name == a.name || compartment.name == b.name else {
                throw ModelError(.invalidArgument, "\(pair) cannot use the cylinder of '\(compartment.name)', "
                                 + "which is not one of the two")
            }
            return 1 / (try resistance(compartment.name == a.name ? a : b))
        case .conductance(let g):
            try ArgumentChecks.positive(g, "The coupling conductance", of: pair, dimension: .conductance,
                                        unit: "a conductance")
            return g.value
        }
    }
}
