import SwiftBrian

/// A CUBA network of 400 neurons (state updates, thresholds with refractoriness, resets, two
/// pathways adding to the targets' variables), a spike monitor and a state monitor of three
/// neurons, on `backend`, seeded.
func cubaNetwork(_ backend: BackendKind) throws -> (network: Network, group: NeuronGroup, spikes: SpikeMonitor,
                                                  trace: StateMonitor) {
    seed(3)
    defaultClock.dt = 0.1 * ms
    let namespace: Namespace = ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV,
                                "Vr": -60 * mV, "El": -49 * mV, "we": 1.62 * mV, "wi": -9 * mV, "Ne": 320]
    let P = try NeuronGroup(400, model: """
        dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
        dge/dt = -ge/taue : volt
        dgi/dt = -gi/taui : volt
        """, threshold: "v > Vt", reset: "v = Vr", refractory: 5 * ms, method: .exact,
        namespace: namespace, name: "P")
    try P.v.set("Vr + rand() * (Vt - Vr)")
    let Ce = try Synapses(P, P, onPre: "ge += we", namespace: namespace, name: "Ce")
    let Ci = try Synapses(P, P, onPre: "gi += wi", namespace: namespace, name: "Ci")
    try Ce.connect(condition: "i < Ne", p: 0.1)
    try Ci.connect(condition: "i >= Ne", p: 0.1)
    let spikes = try SpikeMonitor(P)
    let trace = try StateMonitor(P, variables: ["v"], record: [0, 17, 399])
    return (try Network(P, Ce, Ci, spikes, trace, backend: backend), P, spikes, trace)
}
