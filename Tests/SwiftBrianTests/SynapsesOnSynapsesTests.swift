import SwiftBrian
import XCTest

/// Synapses whose source or target is another `Synapses` group, as Brian allows: a reward onto
/// plastic synapses (Izhikevich 2007) and neurotransmitter summed from synapses into astrocytes
/// (Stimberg et al. 2018).
final class SynapsesOnSynapsesTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func spikes(_ name: String, at times: [Double]) throws -> SpikeGeneratorGroup {
        try SpikeGeneratorGroup(1, indices: times.map { _ in 0 },
                                times: QuantityArray(values: times.map { $0 * 1e-3 }, dimension: .time), name: name)
    }

    /// A reward arriving between a pre- and a postsynaptic spike writes `d` of the plastic synapse
    /// and nothing else: the synapse's event-driven trace still decays over the whole 30 ms
    /// between its spikes (the reward's pathway has no `lastupdate` of its own to set).
    func testARewardOntoPlasticSynapsesLeavesTheirEventDrivenClockAlone() throws {
        for backend in [BackendKind.interpreter, .native, .cudaEmulated] {
            let pre = try spikes("pre", at: [10])
            let post = try spikes("post", at: [40])
            let plastic = try Synapses(pre, post, model: """
                dApre/dt = -Apre/(20*ms) : 1 (event-driven)
                w : 1
                d : 1
                """, onPre: "Apre += 1", onPost: "w += Apre", name: "plastic")
            try plastic.connect()
            let dopamine = try spikes("dopamine", at: [25])
            let reward = try Synapses(dopamine, plastic, onPre: "d_post += 0.5", name: "reward")
            try reward.connect()
            try Network(pre, post, plastic, dopamine, reward, backend: backend).run(50 * ms)
            XCTAssertEqual(try plastic.d.plainValues, [0.5], "\(backend)")
            XCTAssertEqual(try XCTUnwrap(plastic.w.plainValues.first), exp(-1.5), accuracy: 1e-12, "\(backend)")
        }
    }

    /// `total_post = y_pre : 1 (summed)` from synapses into another group: each element gets the
    /// sum over the synapses connected to it.
    func testASummedVariableFromSynapsesAddsTheirValues() throws {
        var results: [[Double]] = []
        for backend in [BackendKind.interpreter, .native, .cudaEmulated] {
            let G = try NeuronGroup(3, model: "", name: "G")
            let H = try NeuronGroup(1, model: "", name: "H")
            let S = try Synapses(G, H, model: "y : 1", name: "S")
            try S.connect()
            try S.y.set([1, 2, 4])
            let A = try NeuronGroup(2, model: "total : 1", name: "A")
            let E = try Synapses(S, A, model: "total_post = y_pre : 1 (summed)", name: "E")
            try E.connect(j: "i % 2")
            try Network(G, H, S, A, E, backend: backend).run(0.1 * ms)
            results.append(try A.total.plainValues)
        }
        XCTAssertEqual(results, Array(repeating: [5, 2], count: 3))
    }

    func testSynapsesChangedAfterSynapsesOntoThemWereCreatedAreRefused() throws {
        let G = try NeuronGroup(2, model: "", name: "G")
        let S = try Synapses(G, G, model: "y : 1", name: "S")
        try S.connect(i: [0], j: [1])
        let A = try NeuronGroup(1, model: "total : 1", name: "A")
        let E = try Synapses(S, A, model: "total_post = y_pre : 1 (summed)", name: "E")
        try S.connect(i: [1], j: [0])
        XCTAssertThrowsError(try E.connect()) { error in
            XCTAssertEqual((error as? ModelError)?.message,
                           "'E' was created when its source 'S' had 1 synapse, but it now has 2: connect 'S' "
                           + "before creating Synapses from or onto it, and add no synapses to it afterwards")
        }
        let F = try Synapses(S, A, model: "total_post = y_pre : 1 (summed)", name: "F")
        try F.connect()
        try S.connect(i: [1], j: [1])
        XCTAssertThrowsError(try Network(G, S, A, F).run(1 * ms)) { error in
            XCTAssert("\(error)".contains("'F' was created when its source 'S' had 2 synapses, but it now has 3"), "\(error)")
        }
        XCTAssertEqual(try F.i, [0, 1])  // still readable
    }

    func testSynapsesStoredOutOfCreationOrderCannotBeTargets() throws {
        let G = try NeuronGroup(2, model: "", name: "G")
        let S = try Synapses(G, G, model: "d : 1", name: "S")
        try S.connect(i: [1, 0], j: [0, 1])
        let R = try SpikeGeneratorGroup(1, indices: [0], times: QuantityArray(values: [0.001], dimension: .time), name: "R")
        let reward = try Synapses(R, S, onPre: "d_post += 1", name: "reward")
        XCTAssertThrowsError(try reward.connect()) { error in
            XCTAssert("\(error)".contains("The synapses of 'S', the target of 'reward', were not created in the order of "
                                          + "their presynaptic indices"), "\(error)")
        }
    }
}
