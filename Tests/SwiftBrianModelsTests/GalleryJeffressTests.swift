import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// The Jeffress example's azimuth readout against the true azimuth of the turning sound. Brian 2.9
/// (Brian's `examples/synapses/jeffress.py`, 1 s, seeds 1–6; the readout computed as the example
/// computes it): correlation of the readout (most active detector per 50 ms bin) with the true
/// azimuth 0.959, 0.974, 0.967, 0.982, 0.760, 0.863; median error 8.34, 9.00, 8.40, 8.49, 9.60,
/// 10.56°; correlation of each spike's detector with the detector matching the delay 0.781, 0.824,
/// 0.721, 0.751, 0.777, 0.742. SwiftBrian, seeds 1–6: 0.884–0.985, 7.68–10.23°, 0.700–0.788.
final class GalleryJeffressTests: XCTestCase {
    func testJeffressReadsTheAzimuthFromTheMostActiveDetector() throws {
        let result = try Jeffress().run(seed: 1)
        func statistic(_ name: String) throws -> Double { try XCTUnwrap(result.statistic(name), name) }
        XCTAssert((0.7...1).contains(try statistic("azimuth_correlation")), "Brian: 0.760–0.982")
        XCTAssert((5...15).contains(try statistic("median_azimuth_error")), "Brian: 8.34–10.56°")
        XCTAssert((0.6...0.9).contains(try statistic("spike_place_correlation")), "Brian: 0.721–0.824")
        let spikes = try XCTUnwrap(result.spikes.first?.value)
        XCTAssert((400...800).contains(spikes.numEvents), "Brian, seeds 1–6: 525–600 spikes, got \(spikes.numEvents)")
        // The delay lines, set by expressions where i == 0 and where i == 1, span 1.1 times the
        // largest interaural delay (2/3 ms) in opposite directions.
        let synapses = try XCTUnwrap(result.network.objects.compactMap { $0 as? Synapses }.first)
        let delays = try synapses.delay.values.values
        for (k, (i, j)) in zip(try synapses.i, try synapses.j).enumerated() {
            let expected = Double(i == 0 ? j : 29 - j) / 29 * 1.1 * (0.2 / 300)
            XCTAssertEqual(delays[k], expected, accuracy: 1e-15, "synapse \(i) → \(j)")
        }
    }

    /// The sound read at `t - delay` (a subexpression of the angle), `(unless refractory)` noisy
    /// ears and delays set by expressions: the same spikes and delays on every backend.
    func testJeffressIsIdenticalOnEveryBackend() throws {
        var example = Jeffress()
        example.num_neurons = 10
        example.readout_bin = 5 * ms
        let native = try assertIdenticalOnEveryBackend(example, seed: 2, duration: 40 * ms)
        XCTAssertGreaterThan(native.spikes.first?.value.numEvents ?? 0, 0)
    }

    func testJeffressRefusesParametersItCannotUse() {
        var example = Jeffress()
        example.num_neurons = 1
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'num_neurons' of 'jeffress' must be at least 2"), "\(error)")
        }
        example = Jeffress()
        example.sound_speed = 300 * metre
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'sound_speed' of 'jeffress' must be a positive speed"), "\(error)")
        }
        example = Jeffress()
        example.readout_bin = 0 * ms
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'readout_bin' of 'jeffress' must be a positive time"), "\(error)")
        }
    }

    /// The readout's summaries: Pearson's correlation (NaN for a constant sample, as for a run of
    /// one readout bin) and the median.
    func testSampleStatistics() {
        XCTAssertEqual(SampleStatistics.correlation([1, 2, 3], [2, 4, 6]), 1, accuracy: 1e-15)
        XCTAssertEqual(SampleStatistics.correlation([1, 2, 3], [3, 1, 2]), -0.5, accuracy: 1e-15)
        XCTAssert(SampleStatistics.correlation([1, 1, 1], [1, 2, 3]).isNaN)
        XCTAssert(SampleStatistics.correlation([], []).isNaN)
        XCTAssertEqual(SampleStatistics.median([3, 1, 2]), 2)
        XCTAssertEqual(SampleStatistics.median([4, 1, 3, 2]), 2.5)
        XCTAssert(SampleStatistics.median([]).isNaN)
    }
}
