import SwiftBrian
import XCTest

/// Synapses stored in target order (all onto one neuron, `j = i`) keep no list of the synapses
/// sorted by target: the synapses of a target are a range, which the native backend's on_post
/// loop visits as a range loop (vectorized, its finite checks done block by block). Results are
/// the same bits on both backends and thread counts, and a failed check names the same synapse.
final class PostsynapticRangeTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// Brian's STDP speed test (its `taupost` changed) with `inputs` Poisson inputs onto `targets` neurons
    /// (input `k` onto target `k % targets`), run for `duration`; the input and output spikes and
    /// every synaptic variable afterwards.
    private func stdp(inputs: Int, targets: Int, duration: Quantity, backend: BackendKind,
                      threads: Int = 1) throws -> (bits: [UInt64], outputSpikes: Int, stored: Int) {
        seed(11)
        let namespace: Namespace = [
            "taum": 10 * ms, "taupre": 20 * ms, "taupost": 13 * ms, "Ee": 0 * mV, "vt": -54 * mV, "vr": -60 * mV,
            "El": -74 * mV, "taue": 5 * ms, "gmax": Quantity(value: 0.01), "dApre": Quantity(value: 1e-4),
            "dApost": Quantity(value: -1.05e-4),
        ]
        let input = try PoissonGroup(inputs, rates: 15 * Hz, name: "input")
        let neurons = try NeuronGroup(targets, model: """
            dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
            dge/dt = -ge / taue : 1
            """, threshold: "v>vt", reset: "v = vr", method: .exact, namespace: namespace, name: "neurons")
        let S = try Synapses(input, neurons, model: """
            w : 1
            dApre/dt = -Apre / taupre : 1 (event-driven)
            dApost/dt = -Apost / taupost : 1 (event-driven)
            """, onPre: """
            ge += w
            Apre += dApre
            w = clip(w + Apost, 0, gmax)
            """, onPost: """
            Apost += dApost
            w = clip(w + Apre, 0, gmax)
            """, namespace: namespace, name: "S")
        try S.connect(j: "i % \(targets)")
        // Strong enough that the targets fire often from the start.
        try S.w.set("0.2 + 0.8 * rand()")
        let inputSpikes = try SpikeMonitor(input, name: "in_mon"), outputSpikes = try SpikeMonitor(neurons, name: "out_mon")
        try Network(input, neurons, S, inputSpikes, outputSpikes, backend: backend, threads: threads).run(duration)
        var values = inputSpikes.t.values + inputSpikes.i.map(Double.init) + outputSpikes.t.values
        for name in ["w", "Apre", "Apost", "lastupdate"] { values += try S.variable(name).values.values }
        return (values.map(\.bitPattern), outputSpikes.numEvents, S.bytesPerSynapse)
    }

    /// One target: no member list (4 bytes less per synapse). Several targets with synapses
    /// stored by source: the list stays.
    func testSynapsesInTargetOrderKeepNoMemberList() throws {
        let one = try stdp(inputs: 50, targets: 1, duration: 1 * ms, backend: .native)
        let three = try stdp(inputs: 50, targets: 3, duration: 1 * ms, backend: .native)
        XCTAssertEqual(one.stored, 4 + 4 * 8, "the postsynaptic index and w, Apre, Apost, lastupdate")
        XCTAssertEqual(three.stored, 4 + 4 + 4 * 8, "and the synapses sorted by target")
    }

    /// The on_post loop over a range (one target; 70,000 synapses: two blocks of the finite
    /// checks) and over a member list (three targets) gives the same bits on both backends, on 1
    /// and 2 threads, and the targets fire.
    func testOnPostGivesTheSameBitsOnEveryBackend() throws {
        for (inputs, targets, duration) in [(1, 1, 200 * ms), (37, 1, 30 * ms), (2000, 1, 20 * ms), (70_000, 1, 3 * ms),
                                            (2000, 3, 20 * ms)] {
            let reference = try stdp(inputs: inputs, targets: targets, duration: duration, backend: .interpreter)
            if inputs > 1 { XCTAssertGreaterThan(reference.outputSpikes, 0, "\(inputs) inputs") }
            for threads in [1, 2] {
                let native = try stdp(inputs: inputs, targets: targets, duration: duration, backend: .native,
                                      threads: threads)
                XCTAssertTrue(native.bits == reference.bits, "\(inputs) inputs onto \(targets), \(threads) threads")
            }
        }
    }

    /// A value that stops being finite in the on_post loop stops the run with the same message on
    /// both backends: the first synapse in loop order, and its last finite value (that of the
    /// first statement, when the second makes it infinite).
    func testANonFiniteValueInTheOnPostLoopNamesTheSameSynapse() throws {
        var messages: [String] = []
        for backend in [BackendKind.interpreter, .native] {
            let input = try NeuronGroup(300, model: "v : 1", name: "src")
            let target = try NeuronGroup(1, model: "v : 1", threshold: "t > 0.15*ms", name: "dst")
            let S = try Synapses(input, target, model: "x : 1", onPost: "x = 2 * x\nx = x * 1e200 + 1", name: "S")
            try S.connect()
            try S.x.set("1e250 * (i == 207 or i == 250)")
            let net = try Network(input, target, S, backend: backend)
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            XCTAssertEqual(try S.x.values.values[207], .infinity)
            XCTAssertEqual(try S.x.values.values[0], 1, "the loop ran to its end")
        }
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(messages[0].hasPrefix("'x' of 'S' became +inf for synapse 207 at t = 0.0002 s "
                                            + "(last finite value: 2e+250)"), messages[0])
        XCTAssertEqual(messages.first, messages.last)
    }
}
