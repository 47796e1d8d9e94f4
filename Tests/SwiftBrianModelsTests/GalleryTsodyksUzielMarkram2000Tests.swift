import Foundation
import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// Tsodyks, Uziel & Markram 2000 population bursts (`tsodyks_uziel_markram2000`) at the
/// original's size and times (500 neurons, 0.9 s burn-in, 4.2 s recorded). Brian 2.9 (Brian's
/// `Tsodyks_Uziel_Markram_2000.py`, numpy target, NumPy and Brian seeded 1–3): mean rate 12.0,
/// 10.7, 11.6 Hz; 3, 3, 4 population spikes (activity above 0.05, episodes 20 ms apart); peak
/// activity 0.106, 0.182, 0.162; mean recovered fraction of all E→E synapses 0.438, 0.460, 0.429.
/// SwiftBrian, seeds 1–3: 11.1, 12.2, 10.9 Hz; 1, 4, 2 population spikes; peaks 0.192, 0.164,
/// 0.174; recovered fraction (400 synapses) 0.494, 0.394, 0.471.
final class GalleryTsodyksUzielMarkram2000Tests: XCTestCase {
    private func statistic(_ result: GalleryResult, _ name: String) -> Double {
        result.statistic(name) ?? .nan
    }

    /// Irregular firing at a few hertz, interrupted by population spikes in which a large part
    /// of the network fires within milliseconds; the excitatory synapses are depleted (the mean
    /// recovered fraction well below 1).
    func testTheNetworkFiresInPopulationBursts() throws {
        let result = try TsodyksUzielMarkram2000().run(seed: 1)
        XCTAssert((8...16).contains(statistic(result, "mean_rate")), "\(result.statistics)")
        XCTAssert((1...8).contains(statistic(result, "population_spikes")), "\(result.statistics)")
        XCTAssert((0.08...0.4).contains(statistic(result, "peak_activity")), "\(result.statistics)")
        XCTAssert((0.3...0.6).contains(statistic(result, "mean_recovered")), "\(result.statistics)")
    }

    /// The clock-driven Tsodyks–Markram synapses (exact integration of the coupled x, y), the
    /// four summed variables and the monitors added after the burn-in agree on every backend.
    func testBackendsAgree() throws {
        var example = TsodyksUzielMarkram2000()
        example.burnin = 50 * ms
        let native = try assertIdenticalOnEveryBackend(example, seed: 2, duration: 120 * ms)
        XCTAssertGreaterThan(native.spikes[0].value.numEvents, 0)
    }

    func testPopulationActivityFindsEpisodes() throws {
        let G = try SpikeGeneratorGroup(4, indices: [0, 1, 2, 3, 0, 1, 2, 0, 1], times: [5, 5, 5, 6, 10, 40, 40, 70, 90] * ms,
                                        name: "activity_spikes")
        let spikes = try SpikeMonitor(G)
        try Network(G, spikes).run(100 * ms)
        let activity = PopulationActivity(spikes: [spikes], neurons: 4, bin: 1e-3, from: 0.002, to: 0.1)
        XCTAssertEqual(activity.values.count, 98)
        XCTAssertEqual(activity.values[3], 0.75)  // three of four neurons in [5 ms, 6 ms)
        XCTAssertEqual(activity.meanRate, 9 / 4 / 0.098, accuracy: 1e-9)
        // Bins above 0.3: 5 ms (0.75) and 40 ms (0.5): two episodes 35 ms apart, one within 50 ms.
        XCTAssertEqual(activity.episodes(above: 0.3, gap: 0.02).count, 2)
        XCTAssertEqual(activity.episodes(above: 0.3, gap: 0.05).count, 1)
        XCTAssertEqual(activity.fraction(above: 0.3), 5.0 / 9, accuracy: 1e-12)
        XCTAssertEqual(PopulationActivity(spikes: [], neurons: 4, bin: 1e-3, from: 0, to: 0.01).fraction(above: 0), 0)
    }

    func testTruncatedNormalStaysWithinItsBounds() {
        var random = ScriptRandom(seed: 3)
        let draws = (0..<2000).map { _ in random.truncatedNormal(mean: 0.04, deviation: 0.02, within: 0.001...0.07) }
        XCTAssert(draws.allSatisfy { $0 > 0.001 && $0 <= 0.07 })
        XCTAssertEqual(draws.reduce(0, +) / 2000, 0.04, accuracy: 0.003)  // truncated symmetrically enough
    }
}
