import SwiftBrian
import XCTest

/// Brian 2.9's reference case for stochastic differential equations: an Ornstein–Uhlenbeck process
/// under Euler–Maruyama, judged by statistics with known expectations (the case's seed cannot be
/// reproduced, so only the distribution is compared); both backends draw the same numbers.
final class NoiseReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testOrnsteinUhlenbeck() throws {
        let reference = try ReferenceCase("ou_noise")
        seed(20240612)
        let n = 1000, mu = 0.5
        let result = try reference.check { backend in
            let G = try NeuronGroup(n, model: "dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1", method: .euler,
                                    namespace: ["tau": 10 * ms, "mu": Quantity(value: mu), "sigma": Quantity(value: 0.2)],
                                    name: "G")
            try G.x.set(mu)
            let M = try StateMonitor(G, "x", dt: 1 * ms)
            try Network(G, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            try result.samples("G.x", M, "x")
            return result
        }
        guard case .samples(let t, let rows)? = result["G.x"] else { return XCTFail("no samples") }

        // Deviations from the known mean, samples at t = 50 ... 299 ms.
        let kept = t.indices.filter { t[$0] >= 0.05 - 1e-9 }
        let x = rows.map { trace in kept.map { trace[$0] - mu } }
        let S = kept.count, L = 10, P = S - L
        XCTAssertEqual(S, 250)
        let mean = x.map { $0.reduce(0, +) }.reduce(0, +) / Double(n * S) + mu
        let variance = x.map { $0.reduce(0) { $0 + $1 * $1 } }.reduce(0, +) / Double(n * S)
        let lagged = x.map { row in (0..<P).reduce(0) { $0 + row[$1] * row[$1 + L] } }.reduce(0, +) / Double(n * P)
        for (key, value) in [("x.mean", mean), ("x.variance", variance),
                             ("x.autocorrelation_lag_tau", lagged / variance)] {
            let (expected, tolerance) = try reference.statistic(key)
            XCTAssertLessThanOrEqual(abs(value - expected), tolerance, "ou_noise \(key): \(value), expected \(expected)")
        }
    }
}
