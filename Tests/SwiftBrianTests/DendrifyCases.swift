import Dendrify
import SwiftBrian

/// The Dendrify models of the four reference cases in Tests/Fixtures/compartments/dendrify,
/// written with the Swift API as each case's script writes them with Dendrify's (call with
/// `defaultClock.dt` at the case's time step: dSpike durations become steps of it).
enum DendrifyCases {
    /// dendrify_attenuation: soma – trunk – prox – dist, from geometry, half-cylinder couplings.
    static func attenuation() throws -> NeuronModel {
        let soma = try Dendrify.Soma("soma", length: 25 * um, diameter: 25 * um)
        let trunk = try Dendrite("trunk", length: 100 * um, diameter: 1.5 * um)
        let prox = try Dendrite("prox", length: 100 * um, diameter: 1.2 * um)
        let dist = try Dendrite("dist", length: 100 * um, diameter: 1 * um)
        return try NeuronModel(connections: [(soma, trunk), (trunk, prox), (prox, dist)], cm: 1 * uF / cm2,
                               gl: 50 * uS / cm2, rAxial: 400 * ohm * cm, vRest: -70 * mV)
    }

    /// dendrify_io: soma – dend with Na dSpikes, an AMPA and an NMDA synapse.
    static func io() throws -> NeuronModel {
        let soma = try Dendrify.Soma("soma", cmAbs: 200 * pF, glAbs: 10 * nS)
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.dspikes("Na", gRise: 30 * nS, gFall: 15 * nS)
        try dend.synapse(.ampa, tag: "x", g: 3 * nS, tDecay: 2 * ms)
        try dend.synapse(.nmda, tag: "x", g: 3 * nS, tDecay: 50 * ms)
        let model = try NeuronModel(connections: [(soma, dend, .conductance(15 * nS))], vRest: -65 * mV)
        try model.configDspikes("Na", threshold: -35 * mV, durationRise: 1.2 * ms, durationFall: 2.4 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0.2 * ms, refractory: 5 * ms)
        return model
    }

    /// dendrify_point_adex: Brette & Gerstner's AdEx point neuron.
    static func pointAdex() throws -> PointNeuronModel {
        let model = try PointNeuronModel(model: .adex, cmAbs: 281 * pF, glAbs: 30 * nS, vRest: -70.6 * mV)
        try model.addParameters(["Vth": -50.4 * mV, "DeltaT": 2 * mV, "tauw": 144 * ms, "a": 4 * nS,
                                 "b": 0.0805 * nA, "Vr": -70.6 * mV])
        return model
    }

    /// dendrify_network_small: soma with an apical (AMPA, rise–decay NMDA, Na dSpikes) and a basal
    /// (AMPA, GABA) dendrite.
    static func networkSmall() throws -> NeuronModel {
        let soma = try Dendrify.Soma("soma", model: .leakyIF, cmAbs: 150 * pF, glAbs: 10 * nS)
        let apical = try Dendrite("apical", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        let basal = try Dendrite("basal", cmAbs: 40 * pF, glAbs: 2 * nS)
        try apical.synapse(.ampa, tag: "ext", g: 6 * nS, tDecay: 2.5 * ms)
        try apical.synapse(.nmda, tag: "ext", g: 4 * nS, tRise: 5 * ms, tDecay: 60 * ms, scaleG: true)
        try apical.dspikes("Na", gRise: 25 * nS, gFall: 12 * nS)
        try basal.synapse(.ampa, tag: "rec", g: 8 * nS, tDecay: 3 * ms)
        try basal.synapse(.gaba, tag: "inh", g: 5 * nS, tDecay: 8 * ms)
        let model = try NeuronModel(connections: [(soma, apical, .conductance(12 * nS)),
                                                  (soma, basal, .conductance(10 * nS))], vRest: -65 * mV)
        try model.configDspikes("Na", threshold: -40 * mV, durationRise: 1 * ms, durationFall: 2 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0.3 * ms, refractory: 4 * ms)
        return model
    }
}
