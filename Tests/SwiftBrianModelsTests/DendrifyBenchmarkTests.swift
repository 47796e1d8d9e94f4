import SwiftBrian
import SwiftBrianModels
import XCTest

/// The dendritic-network benchmark against Dendrify 2.2 on Brian 2.9, run as `swiftbrian bench`
/// runs it (1 ms, then the timed part). Nothing in the network is random, so the counts are
/// Brian's exactly: `scripts/dendrify_bench.py 40 numpy --duration 0.3` (and `cpp_standalone`)
/// print spikes=135 dspikes=610 synapses=3600 rate_e_hz=7.67 rate_i_hz=14.83.
final class DendrifyBenchmarkTests: XCTestCase {
    func testSmallNetworkGivesBriansSpikesOnBothBackends() throws {
        for backend in [BackendKind.native, .interpreter] {
            let model = try BenchmarkModel.dendrifyNetwork.build(n: 40, backend: backend)
            XCTAssertEqual(model.duration.value, 1, accuracy: 1e-15)
            XCTAssertEqual(model.synapses.map(\.size), [200, 200, 800, 800, 800, 800])
            XCTAssertEqual(model.populations.map(\.name), ["e", "i"])
            try model.network.run(1 * ms)
            let spikesBefore = try XCTUnwrap(model.spikes).numEvents
            let dendriticBefore = try XCTUnwrap(model.dendriticSpikes).numEvents
            try model.network.run(300 * ms)
            let spikes = try XCTUnwrap(model.spikes), dendritic = try XCTUnwrap(model.dendriticSpikes)
            XCTAssertEqual(spikes.numEvents - spikesBefore, 135, "\(backend)")
            XCTAssertEqual(dendritic.numEvents - dendriticBefore, 610, "\(backend)")
            let timed = spikes.i.dropFirst(spikesBefore)
            XCTAssertEqual(timed.filter { $0 < 20 }.count, 46, "7.67 Hz × 20 neurons × 0.3 s")
        }
    }

    /// Every neuron of a target population gets the same number of synapses from each projection
    /// (the formula's fixed in-degree).
    func testConnectionsHaveFixedInDegree() throws {
        let model = try BenchmarkModel.dendrifyNetwork.build(n: 40)
        for (synapses, expected) in zip(model.synapses, [10, 10, 40, 40, 40, 40]) {
            let counts = Dictionary(grouping: try synapses.j, by: { $0 }).mapValues(\.count)
            XCTAssertEqual(counts.count, 20, synapses.name)
            XCTAssertEqual(Set(counts.values), [expected], synapses.name)
        }
    }

    func testRefusesASingleNeuron() {
        XCTAssertThrowsError(try BenchmarkModel.dendrifyNetwork.build(n: 1)) { error in
            XCTAssert("\(error)".contains("at least 2 neurons"), "\(error)")
        }
    }
}
