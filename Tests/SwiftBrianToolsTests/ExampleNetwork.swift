import Foundation
import SwiftBrian

/// A small recurrent network of leaky integrate-and-fire neurons with current-based exponential
/// synapses (a 400-neuron CUBA), run once and shared by the tests: spikes, voltage traces,
/// population rate and weighted synapses to export and plot.
final class ExampleNetwork {
    let neurons: NeuronGroup
    let excitatory: Synapses
    let spikes: SpikeMonitor
    let voltage: StateMonitor
    let rate: PopulationRateMonitor
    let network: Network
    let wallSeconds: Double

    /// The network, simulated for 500 ms.
    nonisolated(unsafe) static let shared: Result<ExampleNetwork, Error> = Result { try ExampleNetwork() }

    private init() throws {
        seed(2024)
        defaultClock.dt = 0.1 * ms
        let N = 400, Ne = 320
        let namespace: Namespace = ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV,
                                    "Vr": -60 * mV, "El": -49 * mV, "we": (60 * 0.27 / 10) * mV,
                                    "wi": (-20 * 4.5 / 10) * mV, "Ne": Quantity(value: Double(Ne))]
        neurons = try NeuronGroup(N, model: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms, method: .exact, namespace: namespace,
            name: "P")
        try neurons.v.set("Vr + rand() * (Vt - Vr)")
        excitatory = try Synapses(neurons, neurons, model: "w : volt", onPre: "ge += w", namespace: namespace,
                                  name: "Ce")
        let inhibitory = try Synapses(neurons, neurons, onPre: "gi += wi", namespace: namespace, name: "Ci")
        try excitatory.connect(condition: "i<Ne", p: 0.2)
        try inhibitory.connect(condition: "i>=Ne", p: 0.2)
        try excitatory.w.set("we * (0.5 + rand())")
        spikes = try SpikeMonitor(neurons, name: "spikes")
        voltage = try StateMonitor(neurons, "v", record: [0, 1, 2], name: "voltage")
        rate = try PopulationRateMonitor(neurons, name: "rate")
        network = try Network(neurons, excitatory, inhibitory, spikes, voltage, rate)
        let start = DispatchTime.now().uptimeNanoseconds
        try network.run(500 * ms)
        wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
