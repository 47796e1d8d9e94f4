import SwiftBrian
import SwiftBrianModels
import XCTest

/// Brian's CUBA benchmark network (4000 neurons, p = 0.02, 1 s; `brian2_bench.py cuba 4000`) on
/// the interpreter. Brian 2.9 (cython) gives, for seeds 1, 2, 3: mean rate 5.758, 5.670, 5.897 Hz
/// and mean ISI CV (neurons with at least two intervals) 0.5856, 0.5849, 0.5879.
final class CUBANetworkTests: XCTestCase {
    func testRateAndIrregularityAgreeWithBrian() throws {
        let cuba = try BenchmarkModel.cuba.build(n: 4000, backend: .interpreter, seed: 1)
        try cuba.network.run(1 * second)
        let spikes = try XCTUnwrap(cuba.spikes)
        let rate = Double(spikes.numEvents) / 4000
        let cv = SpikeStatistics.meanCV(spikes, minimumSpikes: 3)
        print("CUBA on the interpreter: rate \(rate) Hz, CV \(cv), synapses \(cuba.synapses.map(\.size).reduce(0, +))")
        XCTAssertEqual(rate, 5.78, accuracy: 0.35)
        XCTAssertEqual(cv, 0.586, accuracy: 0.02)
    }
}
