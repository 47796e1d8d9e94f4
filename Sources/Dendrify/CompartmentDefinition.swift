import SwiftBrian

/// Everything Dendrify knows about one compartment, as a value: a ``NeuronModel`` takes a copy
/// of each compartment's definition, so changing a compartment afterwards does not change the
/// model (as Dendrify copies its compartments).
struct CompartmentDefinition: Sendable {
    /// The name, the suffix of every variable (`V_dend`).
    let name: String
    /// Whether it is a soma (a dendrite otherwise).
    let isSoma: Bool
    /// Equations and the synaptic, noise and user parameters.
    var text: ModelText
    /// Geometry or absolute values, and the resting potential.
    var properties: PassiveProperties
    /// The coupling conductances `g_<other>_<name>` (S), in the order connected.
    var couplings: [(name: String, conductance: Double)] = []
    /// Dendritic spikes, in the order added.
    var dspikes: [DendriticSpikes] = []

    /// What messages call it.
    var owner: String { "'\(name)'" }

    /// The parameters in Dendrify's order: synaptic, noise and user parameters, coupling
    /// conductances, dSpike parameters, then `EL`, `C`, `gL` and Dendrify's defaults.
    var parameters: ModelParameters {
        var parameters = text.parameters
        for coupling in couplings {
            parameters.set(coupling.name, Quantity(value: coupling.conductance, dimension: .conductance))
        }
        for spikes in dspikes { parameters.merge(spikes.parameters) }
        parameters.merge(properties.parameters(suffix: text.suffix))
        return parameters
    }

    /// The dSpike events by name, with their conditions.
    var events: [String: String] {
        Dictionary(dspikes.map { ($0.event, $0.condition) }, uniquingKeysWith: { _, last in last })
    }

    /// The statements run on each dSpike event, by event name.
    var eventActions: [String: String] {
        Dictionary(dspikes.map { ($0.event, $0.action) }, uniquingKeysWith: { _, last in last })
    }

    /// Connects this compartment to `other`, whose coupling current `I_<other>_<name>` is
    /// inserted into `I_<name>`, with conductance `g` (S).
    mutating func couple(to other: String, conductance g: Double) {
        let current = "I_\(other)_\(name)"
        text.insertCurrent("\(current) ")
        text.append("\(current) = (V_\(other)-V_\(name)) * g_\(other)_\(name)  :amp")
        couplings.append(("g_\(other)_\(name)", g))
    }

    /// Throws unless capacitance, leak and resting potential are known.
    func checkComplete() throws {
        try CompartmentDefinition.checkComplete(properties, owner: "The compartment \(owner)")
    }

    /// Throws unless `p` gives the capacitance, leak and resting potential of `owner`.
    static func checkComplete(_ p: PassiveProperties, owner: String) throws {
        func incomplete(_ what: String) -> ModelError {
            ModelError(.invalidArgument, "\(owner) has no \(what)")
        }
        if p.isDimensionless {
            if p.cmAbs == nil { throw incomplete("cmAbs, which a compartment with glAbs needs") }
            if p.glAbs == nil { throw incomplete("glAbs, which a compartment with cmAbs needs") }
        } else {
            if p.length == nil || p.diameter == nil {
                throw incomplete("geometry (length and diameter) or absolute values (cmAbs and glAbs)")
            }
            if p.cm == nil { throw incomplete("cm") }
            if p.gl == nil { throw incomplete("gl") }
        }
        if p.vRest == nil { throw incomplete("vRest") }
    }
}
