import SwiftBrian
import XCTest

/// The README's examples, as written there, so that they keep working.
final class ReadmeCUBATests: XCTestCase {
    /// "Writing your own model: CUBA, line by line".
    func testAnnotatedCUBARuns() throws {

        seed(1)                                          // Brian's seed(): the same seed, the same run
        defaultClock.dt = 0.1 * ms                       // defaultclock.dt = 0.1*ms
        let N = 4000, Ne = 3200
        // The values the equations use; Swift cannot read your local variables as Python can.
        let namespace: Namespace = ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV,
                                    "Vr": -60 * mV, "El": -49 * mV, "we": 1.62 * mV, "wi": -9 * mV,
                                    "Ne": Ne]        // plain numbers too
        let P = try NeuronGroup(N, model: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """,                                         // checked here: names, units, flags
            threshold: "v > Vt", reset: "v = Vr",        // a condition and statements, as strings
            refractory: 5 * ms, method: .exact,          // Brian would pick exact itself
            namespace: namespace, name: "P")
        try P.v.set("Vr + rand() * (Vt - Vr)")           // P.v = 'Vr + rand() * (Vt - Vr)'
        let Ce = try Synapses(P, P, onPre: "ge += we", namespace: namespace, name: "Ce")
        let Ci = try Synapses(P, P, onPre: "gi += wi", namespace: namespace, name: "Ci")
        try Ce.connect(condition: "i < Ne", p: 0.02)     // Ce.connect('i<Ne', p=0.02)
        try Ci.connect(condition: "i >= Ne", p: 0.02)
        let spikes = try SpikeMonitor(P)
        try Network(P, Ce, Ci, spikes).run(1 * second, report: .text)   // native code, compiled and cached
        print(spikes.numEvents)                          // spikes.i, spikes.t (with units), spikes.count
        print(spikes.spikeTrains()[0])                   // spike_trains(): every neuron, silent ones too
        XCTAssertGreaterThan(spikes.numEvents, 15_000)
    }
}
