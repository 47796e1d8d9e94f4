import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// Synaptically activated astrocytes (Brian's
/// `examples/frompapers/Stimberg_et_al_2018/example_2_gchi_astrocyte.py`, 30 s at 1 ms, run in
/// Brian 2.9's runtime mode with the Cython target).
final class GalleryStimberg2018GChITests: XCTestCase {
    /// The deterministic astrocyte, Brian 2.9 on every seed: 7 Ca²⁺ pulses, peak C
    /// 1.1607964528349528 µM, mean C 0.45322697021597985 µM, peak Gamma_A 0.9485655729381105,
    /// std of h over the second half 0.0043690349782930212. The stochastic astrocyte, Brian 2.9
    /// seeds 1–3: 8, 5, 4 pulses; peak C 1.403, 1.401, 1.410 µM; mean C 0.495, 0.589, 0.582 µM;
    /// std of h 0.020, 0.135, 0.081 (seeds 1–32: 3–8 pulses, peak C 0.919–1.482 µM, mean C
    /// 0.321–0.660 µM, std of h 0.018–0.665). SwiftBrian, seeds 1–3: 6, 5, 5 pulses; peak C 1.337,
    /// 1.241, 1.178 µM; mean C 0.540, 0.484, 0.430 µM; std of h 0.373, 0.123, 0.173 (seeds 1–40:
    /// the same distributions as Brian's, Mann–Whitney p = 0.26–0.70).
    func testAstrocytesRespondToTheSynapseAsInBrian() throws {
        for seed: UInt64 in 1...3 {
            let result = try Stimberg2018GChI().run(seed: seed)
            for (name, brian) in [("C_peak_deterministic", 1.1607964528349528), ("C_mean_deterministic", 0.45322697021597985),
                                  ("Gamma_A_peak_deterministic", 0.9485655729381105),
                                  ("h_std_deterministic", 0.0043690349782930212)] {
                let value = try XCTUnwrap(result.statistic(name), name)
                XCTAssertEqual(value, brian, accuracy: 1e-9 * brian, "\(name) (Brian: \(brian))")
            }
            XCTAssertEqual(result.statistic("pulses_deterministic"), 7)
            let what = "seed \(seed): \(result.statistics)"
            XCTAssert((2...10).contains(try XCTUnwrap(result.statistic("pulses_stochastic"))), what)
            XCTAssert((0.85...1.55).contains(try XCTUnwrap(result.statistic("C_peak_stochastic"))), what)
            XCTAssert((0.25...0.75).contains(try XCTUnwrap(result.statistic("C_mean_stochastic"))), what)
            XCTAssert((0.94...0.96).contains(try XCTUnwrap(result.statistic("Gamma_A_peak_stochastic"))), what)
            // The channel noise: h fluctuates several times more than in the deterministic astrocyte.
            XCTAssert((0.01...0.6).contains(try XCTUnwrap(result.statistic("h_std_stochastic"))), what)
        }
    }

    /// A Ca²⁺ pulse counts when C rises through 0.5 µM, again only after C fell below 0.4 µM.
    func testPulsesNeedCalciumToFallBetweenThem() {
        let C = [0.1, 0.6, 0.45, 0.55, 0.3, 0.7, 0.2].map { $0 * umolar.value }
        XCTAssertEqual(Stimberg2018GChI.pulses(C, t: [0, 1, 2, 3, 4, 5, 6]), [1, 5])
    }

    /// Milstein's method with multiplicative noise and the summed variable from synapses into the
    /// astrocytes: the same bits on every backend.
    func testEveryBackendAgrees() throws {
        try assertIdenticalOnEveryBackend(Stimberg2018GChI(), seed: 1, duration: 2 * second)
    }
}
