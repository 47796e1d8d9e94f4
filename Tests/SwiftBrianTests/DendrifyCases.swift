import Dendrify
import SwiftBrian
import SwiftBrianModels

/// The Dendrify models of the four reference cases in Tests/Fixtures/compartments/dendrify,
/// written with the Swift API as each case's script writes them with Dendrify's (call with
/// `defaultClock.dt` at the case's time step: dSpike durations become steps of it). Three are the
/// gallery's models (dendritic_attenuation, dendritic_io, dendrify_network).
enum DendrifyCases {
    /// dendrify_attenuation: soma – trunk – prox – dist, from geometry, half-cylinder couplings.
    static func attenuation() throws -> NeuronModel {
        try DendriticAttenuation.model(cm: 1 * uF / cm2, gl: 50 * uS / cm2, rAxial: 400 * ohm * cm, vRest: -70 * mV)
    }

    /// dendrify_io: soma – dend with Na dSpikes, an AMPA and an NMDA synapse.
    static func io() throws -> NeuronModel {
        try DendriticIO.model()
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
        try DendrifyNetwork.model()
    }
}
