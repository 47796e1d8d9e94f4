import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// Dopamine-modulated STDP (Brian's `examples/frompapers/Izhikevich_2007.py`). The model is
/// deterministic: Brian 2.9 (numpy target) gives the same numbers on seeds 1–3, and so does
/// SwiftBrian, to the last digits.
final class GalleryIzhikevich2007Tests: XCTestCase {
    /// Brian 2.9, seeds 1–3: the strength after classical STDP (3 s) 0.000517594654683469 gmax,
    /// after the three rewarded pairings (6 s) 0.004519392646657924 gmax; the eligibility trace
    /// peaks at 0.006583484029431663 gmax, dopamine at 0.5443816107270114 gmax; 6 spikes each.
    func testRewardedPairingsStrengthenTheSynapseAsInBrian() throws {
        let result = try Izhikevich2007().run(seed: 1)
        for (name, brian) in [("s_classical", 0.000517594654683469), ("s_end", 0.004519392646657924),
                              ("c_peak", 0.006583484029431663), ("d_peak", 0.5443816107270114)] {
            let value = try XCTUnwrap(result.statistic(name), name)
            XCTAssertEqual(value, brian, accuracy: 1e-9 * brian, "\(name) (Brian: \(brian))")
        }
        XCTAssertEqual(result.statistic("pre_spikes"), 6)
        XCTAssertEqual(result.statistic("post_spikes"), 6)
        // The reward, not the pairings alone, makes the difference: almost nine times stronger.
        XCTAssertGreaterThan(try XCTUnwrap(result.statistic("s_end")), 8 * (try XCTUnwrap(result.statistic("s_classical"))))
        let s = try XCTUnwrap(result.states.first?.value).values("s", index: 0).values
        XCTAssertEqual(s.count, 60_000)
        XCTAssertEqual(result.figures.first?.value.panels.count, 4)
    }

    /// Without rewards, eligibility alone changes nothing: with `epsilon_dopa` = 0 the strength
    /// stays at its value after classical STDP.
    func testWithoutDopamineTheStrengthStays() throws {
        var example = Izhikevich2007()
        example.epsilon_dopa = 0
        let result = try example.run(seed: 1)
        XCTAssertEqual(result.statistic("s_end"), result.statistic("s_classical"))
        XCTAssertEqual(result.statistic("d_peak"), 0)
    }

    /// Classical STDP for 0.6 s, then eligibility traces (no reward comes before 3.5 s): the same
    /// bits on every backend.
    func testEveryBackendAgrees() throws {
        let native = try assertIdenticalOnEveryBackend(Izhikevich2007(), seed: 1, duration: 1.2 * second)
        XCTAssertEqual(native.spikes.first?.value.numEvents, 4)
    }
}
