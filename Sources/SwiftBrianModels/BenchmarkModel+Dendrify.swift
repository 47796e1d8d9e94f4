import SwiftBrian
import SwiftBrianKernel

/// The dendritic-network benchmark, as `scripts/dendrify_bench.py` builds it with Dendrify on Brian.
extension BenchmarkModel {
    /// The parts of the dendritic network that the bench reports on.
    struct DendrifyNetworkParts {
        /// Every object to simulate (neurons, second reset, inputs, synapses, the dSpike monitor).
        let objects: [NetworkObject]
        /// The neurons, both populations.
        let neurons: NeuronGroup
        /// The six projections (inputs → E and I, E → E, E → I, I → E, I → I).
        let synapses: [Synapses]
        /// The dendritic (Na) spike events of every neuron.
        let dspikes: EventMonitor
    }

    /// `n` neurons of ``DendrifyNetwork``'s model (the gallery's small network, with its second
    /// reset), the first `n / 2` excitatory, the rest inhibitory, driven by `n` regular input
    /// oscillators (rates 2.5–7.5 Hz); every connection by the formula `j = (7919 i + 104729 k +
    /// c) mod N_post for k in range(K)` (fixed in- and out-degree, nothing random): inputs onto
    /// the apical AMPA and NMDA synapses (K = 5 per population), E and I onto the basal AMPA and
    /// GABA synapses (K = 40 per population, 2 ms delay). See scripts/dendrify_bench.py.
    static func dendrifyNetwork(_ n: Int) throws -> DendrifyNetworkParts {
        guard n >= 2 else {
            throw ModelError(.invalidArgument, "The dendritic network needs at least 2 neurons (one per population), "
                             + "but N is \(n)")
        }
        // 90 synapses per neuron (5 from the inputs per population and input, 40 per population and
        // neuron), each listed as a pair before it is made and then stored.
        try MemoryBudget.require(MemoryBudget.bytes(n, each: 90 * 48), for: "the \(n) neurons' synapses")
        let (neurons, secondReset) = try DendrifyNetwork.neurons(n, name: "neurons")
        let excitatory = try neurons[0..<(n / 2)], inhibitory = try neurons[(n / 2)..<n]
        let inputs = try NeuronGroup(n, model: """
            dphase/dt = rate : 1
            rate : Hz (constant)
            """, threshold: "phase >= 1", reset: "phase -= 1", method: .euler, name: "inputs")
        try inputs.variable("rate").set("5*Hz*(0.5 + ((37*i) % 101)/100.0)")
        try inputs.variable("phase").set("((61*i) % 97)/97.0")
        let apical = "s_AMPA_ext_apical += 1.0; s_NMDA_ext_apical += 1.0"
        let projections: [(Group, Group, String, Int, String, Quantity?)] = [
            (inputs, excitatory, apical, 5, "input_E", nil),
            (inputs, inhibitory, apical, 5, "input_I", nil),
            (excitatory, excitatory, "s_AMPA_rec_basal += 0.25", 40, "EE", 2 * ms),
            (excitatory, inhibitory, "s_AMPA_rec_basal += 0.5", 40, "EI", 2 * ms),
            (inhibitory, excitatory, "s_GABA_inh_basal += 0.5", 40, "IE", 2 * ms),
            (inhibitory, inhibitory, "s_GABA_inh_basal += 0.5", 40, "II", 2 * ms),
        ]
        let synapses = try projections.enumerated().map { offset, projection in
            let (source, target, onPre, count, name, delay) = projection
            let synapses = try Synapses(source, target, onPre: PathwayCode(onPre), delay: delay, name: name)
            // Brian's generator `j='(7919*i + 104729*k + c) % N_post for k in range(K)'`, pair by pair
            // (SwiftBrian's generators take only the form 'k for k in ...').
            let pairs = (0..<source.size).flatMap { i in
                (0..<count).map { k in (i: i, j: (7919 * i + 104729 * k + offset) % target.size) }
            }
            try synapses.connect(i: pairs.map(\.i), j: pairs.map(\.j))
            return synapses
        }
        let dspikes = try EventMonitor(neurons, "spike_Na_apical", name: "dspikes")
        return DendrifyNetworkParts(objects: [neurons, secondReset, inputs] + synapses + [dspikes], neurons: neurons,
                                    synapses: synapses, dspikes: dspikes)
    }
}
