import Foundation
import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// Wang 2002 decision making (`wang2002`), shortened: N = 500 (the original scales the synaptic
/// weights with the population sizes), the stimulus from 0.5 to 2 s, 2.5 s in all. Brian 2.9
/// (Brian's `Wang_2002.py` at the same size and times, cython), coh = 51.2, seeds 1–3: pool 1 wins
/// every time, firing 11.8, 32.3, 32.2 Hz in the last 500 ms of the stimulus against 3.0, 1.2,
/// 1.3 Hz, decided after 1433, 450, 757 ms; spontaneous rates 1.1–2.0 Hz; coh = −51.2, seed 1:
/// pool 2 wins (28.4 Hz against 1.7 Hz, after 1100 ms). SwiftBrian, coh = 51.2, seeds 1–3: 27.9,
/// 30.4, 32.0 Hz against 1.5, 1.0, 1.2 Hz, after 818, 762, 344 ms; spontaneous 1.2–1.6 Hz;
/// coh = −51.2, seed 1: pool 2, 35.0 Hz against 1.5 Hz, after 609 ms.
final class GalleryWang2002Tests: XCTestCase {
    private func shortened(coh: Double) -> Wang2002 {
        var example = Wang2002()
        example.N = 500
        example.coh = coh
        example.stim_on = 500 * ms
        example.stim_off = 2000 * ms
        return example
    }

    private func statistic(_ result: GalleryResult, _ name: String) -> Double {
        result.statistic(name) ?? .nan
    }

    /// A strong coherence for pool 1 (and its mirror image for pool 2) is decided for that pool:
    /// the winner fires at tens of hertz at the end of the stimulus, the loser near its
    /// spontaneous rate, and the decision comes a few hundred milliseconds after the onset.
    func testTheFavouredPoolWinsTheDecision() throws {
        for (coh, winner) in [(51.2, 1.0), (-51.2, 2.0)] {
            let result = try shortened(coh: coh).run(seed: 1, duration: 2.5 * second)
            let (favoured, other) = winner == 1 ? ("rate_1", "rate_2") : ("rate_2", "rate_1")
            XCTAssertEqual(statistic(result, "winner"), winner, "coh \(coh)")
            XCTAssertEqual(statistic(result, "decision_winner"), winner, "coh \(coh)")
            XCTAssert((0.5...3).contains(statistic(result, "rate_spontaneous")), "\(result.statistics)")
            XCTAssert((10...50).contains(statistic(result, favoured)), "\(result.statistics)")
            XCTAssert((0...6).contains(statistic(result, other)), "\(result.statistics)")
            XCTAssert((300...1500).contains(statistic(result, "decision_time")), "\(result.statistics)")
        }
    }

    /// The stimulus, the NMDA summed variables (two in a row) and the subgroup labels give the
    /// same spikes on every backend.
    func testBackendsAgree() throws {
        var example = shortened(coh: 25.6)
        example.N = 100
        example.stim_on = 20 * ms
        let native = try assertIdenticalOnEveryBackend(example, seed: 2, duration: 150 * ms)
        XCTAssertGreaterThan(native.spikes[0].value.numEvents, 0)
    }

    func testBadParametersAreErrors() {
        var example = shortened(coh: 0)
        example.sigma = 4 * mV
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'sigma' of 'wang2002' must be a rate"), "\(error)")
        }
        example = shortened(coh: 0)
        example.fE = 0.5
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("two selective pools smaller than the excitatory population"), "\(error)")
        }
    }

    func testDecisionRateCountsSpikesInItsWindow() throws {
        let G = try SpikeGeneratorGroup(2, indices: [0, 1, 0, 1], times: [1, 2, 3, 14] * ms, name: "decision_spikes")
        let spikes = try SpikeMonitor(G)
        try Network(G, spikes).run(20 * ms)
        let pool = DecisionRate(spikes, neurons: 2, dt: 1e-4, to: 0.02)
        XCTAssertEqual(pool.rate(from: 0, to: 0.01), 3 / (2 * 0.01), accuracy: 1e-9)
        XCTAssertEqual(pool.rate(from: 0.003, to: 0.004), 1 / (2 * 0.001), accuracy: 1e-9)
        XCTAssertEqual(pool.rate(from: 0.01, to: 0.01), 0)
        let quiet = DecisionRate(spikes, neurons: 200, dt: 1e-4, to: 0.02)
        // 3 spikes in 5 ms by two neurons: 300 Hz, first reached at 4 ms (window [-1 ms, 4 ms)).
        let crossing = DecisionRate.crossing([quiet, pool], above: 250, window: 0.005, from: 0, to: 0.02)
        XCTAssertEqual(crossing?.pool, 1)
        XCTAssertEqual(crossing?.time ?? .nan, 0.004, accuracy: 1e-12)
        XCTAssertNil(DecisionRate.crossing([pool], above: 1000, window: 0.005, from: 0, to: 0.02))
    }
}
