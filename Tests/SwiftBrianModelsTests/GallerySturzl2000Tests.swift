import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// The prey angle estimated by the scorpion's command neurons (the population vector of their
/// spike counts), true angle 144°. Brian 2.9 (Brian's `examples/frompapers/Sturzl_et_al_2000.py`,
/// 500 ms), seeds 1–3: 140.19, 134.03, 145.06° (seeds 4–10: 138.44–144.54°); each leg fires 117–132
/// spikes. SwiftBrian, seeds 1–10: 134.4–148.6° (seed 1: 145.5°), legs 120–129 spikes.
final class GallerySturzl2000Tests: XCTestCase {
    func testSturzlCommandNeuronsPointToThePrey() throws {
        let result = try Sturzl2000().run(seed: 1)
        let estimate = try XCTUnwrap(result.statistic("angle_estimate"))
        XCTAssert((130...158).contains(estimate), "estimate \(estimate)°, Brian: 134.03–145.06°")
        XCTAssertEqual(result.statistic("angle_true"), 144)
        let legRate = try XCTUnwrap(result.statistic("leg_rate"))
        XCTAssert((230...265).contains(legRate), "leg rate \(legRate) Hz, Brian: 234–264 Hz")
        // The command neurons facing the prey (legs at 112.5° and 157.5°) fire most, those behind
        // it least: the inhibition from the opposite legs arrives too late to stop them.
        let counts = try XCTUnwrap(result.spikes.first?.value.count)
        XCTAssertEqual(counts.indices.max { counts[$0] < counts[$1] }.map { [2, 3].contains($0) }, true, "\(counts)")
        XCTAssertLessThan(counts[5] + counts[6] + counts[7], counts[2] + counts[3], "\(counts)")
        // Each leg inhibits the command neurons of the three opposite legs: (j - i) % 8 is 3, 4 or
        // 5, with Python's modulo of a negative difference.
        let inhibition = try XCTUnwrap(result.network.objects.compactMap { $0 as? Synapses }
            .first { $0.name == "synapses_inh" })
        XCTAssertEqual(inhibition.size, 24)
        for (i, j) in zip(try inhibition.i, try inhibition.j) {
            XCTAssert([3, 4, 5].contains(((j - i) % 8 + 8) % 8), "\(i) → \(j)")
        }
    }

    /// The wave read at each leg's delay (`rates(t - d)`), delayed inhibition and exactly
    /// integrated alpha currents: the same spikes on every backend.
    func testSturzlIsIdenticalOnEveryBackend() throws {
        let native = try assertIdenticalOnEveryBackend(Sturzl2000(), seed: 3, duration: 60 * ms)
        XCTAssertGreaterThan(native.spikes.first?.value.numEvents ?? 0, 0)
    }

    func testSturzlRefusesANonPositiveWaveSpeed() {
        var example = Sturzl2000()
        example.vr = 0 * metre / second
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'vr' a positive speed"), "\(error)")
        }
    }
}
