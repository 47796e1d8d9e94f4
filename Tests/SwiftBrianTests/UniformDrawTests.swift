import SwiftBrian
import XCTest

/// `rand()` gives the same bits on every backend: the generated C turns a Philox block's top 53
/// bits into a double through the mantissa of 2^52 (`sb_unit`, which vectorizes) instead of an
/// integer conversion, and must give what `RandomNumbers.unit` gives in Swift.
final class UniformDrawTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// 20,000 draws in a regular operation, a threshold and a reset, so that draws below and above
    /// 1/2 (the 53rd bit unset and set) and near 0 occur, in vectorized loops and in the
    /// threshold's scan.
    func testUniformDrawsAreTheSameOnEveryBackend() throws {
        let result = try onBothBackends("rand()") { backend in
            seed(5)
            let G = try NeuronGroup(20_000, model: "u : 1\nw : 1", threshold: "rand() < 0.01", reset: "w = rand()",
                                    name: "U")
            let spikes = try SpikeMonitor(G)
            try Network(G, G.runRegularly("u = rand()", name: "U_draws"), spikes, backend: backend).run(0.3 * ms)
            var result = CaseResult()
            result.final("u", try G.variable("u").values)
            result.final("w", try G.variable("w").values)
            result.spikes("spikes", spikes)
            return result
        }
        let u = result.numbers("u")
        XCTAssertEqual(u.count, 20_000)
        XCTAssertTrue(u.allSatisfy { $0 >= 0 && $0 < 1 })
        XCTAssertTrue(u.contains { $0 >= 0.5 } && u.contains { $0 < 0.5 })
        XCTAssertTrue(u.contains { $0 < 1e-3 })
        XCTAssertTrue(result.numbers("w").contains { $0 > 0 })
    }
}
