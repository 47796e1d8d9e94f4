import SwiftBrian
import XCTest

/// Synapses beyond the reference cases: creation order, multiple spikes on one target, storage.
final class SynapsesBehaviourTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// A small recurrent LIF network with random weights and delays, its synapses created from
    /// `pairs` in the given order; returns the final membrane potentials and the spike count.
    private func simulate(_ pairs: [(Int, Int)], backend: BackendKind) throws -> ([Double], Int) {
        seed(11)
        let G = try NeuronGroup(50, model: "dv/dt = (1.2 - v)/(10*ms) : 1 (unless refractory)", threshold: "v > 1",
                                reset: "v = 0", refractory: 2 * ms, name: "G")
        try G.v.set("0.9*i/N")
        let S = try Synapses(G, G, model: "w : 1", onPre: "v_post += w", name: "S")
        try S.connect(i: pairs.map(\.0), j: pairs.map(\.1))
        try S.w.set("0.02 + 0.01*((i*7 + j*13) % 5)")
        try S.delay.set("(0.5 + 0.3*((i + 2*j) % 7))*ms")
        let spikes = try SpikeMonitor(G)
        try Network(G, S, spikes, backend: backend).run(200 * ms)
        return (try G.v.values.values, spikes.numEvents)
    }

    func testResultsDoNotDependOnTheOrderSynapsesWereCreatedIn() throws {
        var generator = SystemRandomNumberGenerator()
        var pairs: [(Int, Int)] = []
        for i in 0..<50 { for j in 0..<50 where (i * 31 + j * 17) % 9 == 0 { pairs.append((i, j)) } }
        let (v, count) = try simulate(pairs, backend: .native)
        XCTAssertGreaterThan(count, 100)
        for _ in 0..<3 {
            let (shuffledV, shuffledCount) = try simulate(pairs.shuffled(using: &generator), backend: .native)
            XCTAssertEqual(shuffledCount, count)
            for (a, b) in zip(shuffledV, v) { XCTAssertEqual(a, b, accuracy: 1e-12 * max(abs(b), 1e-300)) }
        }
        let (interpreted, interpretedCount) = try simulate(pairs.reversed(), backend: .interpreter)
        XCTAssertEqual(interpretedCount, count)
        for (a, b) in zip(interpreted, v) { XCTAssertEqual(a, b, accuracy: 1e-12 * max(abs(b), 1e-300)) }
    }

    func testSeveralSpikesOnOneTargetInOneStepAllApply() throws {
        let input = try SpikeGeneratorGroup(5, indices: [0, 1, 2, 3, 4],
                                            times: QuantityArray(values: [1e-3, 1e-3, 1e-3, 1e-3, 1e-3], dimension: .time),
                                            name: "input")
        let target = try NeuronGroup(1, model: "v : 1", name: "target")
        let S = try Synapses(input, target, model: "w : 1", onPre: "v += w", name: "S")
        try S.connect()
        try S.w.set("1 + i")
        try Network(input, target, S).run(2 * ms)
        XCTAssertEqual(try target.v[0].value, 15)
        XCTAssertEqual(try S.N_incoming.values.values, [5, 5, 5, 5, 5])
        XCTAssertEqual(try S.N_outgoing.values.values, [1, 1, 1, 1, 1])
    }

    func testStorageIsSmallAndSynapsesKeepTheirCreationNumbers() throws {
        let G = try NeuronGroup(4, model: "v : 1", threshold: "v > 1", name: "G")
        let S = try Synapses(G, G, model: "w : 1", onPre: "v_post += w", name: "S")
        try S.connect(i: [3, 0, 2, 0], j: [1, 2, 3, 0])
        try S.connect(i: [1], j: [1])
        XCTAssertEqual(S.bytesPerSynapse, 16, "the postsynaptic index, w and the creation order")
        XCTAssertEqual(try S.i, [3, 0, 2, 0, 1], "numbered in creation order, as in Brian")
        XCTAssertEqual(try S.j, [1, 2, 3, 0, 1])
        let plain = try Synapses(G, G, onPre: "v_post += 1", name: "plain")
        try plain.connect(p: 1)
        XCTAssertEqual(plain.bytesPerSynapse, 4, "only the postsynaptic index: nothing else is used")
        XCTAssertEqual(S.bytesPerSynapse, 20, "reading i keeps the presynaptic indices")
        let delayed = try Synapses(G, G, onPre: "v_post += 1", name: "delayed")
        try delayed.connect(p: 1)
        try delayed.delay.set(try QuantityArray(Array(repeating: 1 * ms, count: 16)))
        XCTAssertEqual(delayed.bytesPerSynapse, 16, "the postsynaptic index, the delay and the delay in whole steps")
    }
}
