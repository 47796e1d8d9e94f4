import SwiftBrian
import XCTest

/// The functions `timestep`, `expm1`, `log1p` and `poisson` against Brian 2.9
/// (`Tests/Fixtures/brian/functions.py` prints Brian's values), on both backends.
final class BuiltinFunctionsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
        seed(7)
    }

    func testTimestepExpm1AndLog1pAsBrian() throws {
        let x = [0, 0.3, 2.25, 2.2999, -0.05, 1e-12]
        let result = try onBothBackends("functions") { backend in
            let G = try NeuronGroup(x.count, model: "x : 1\nstep : 1\nem : 1\nl : 1", name: "G")
            try G.x.set(x)
            try G.step.set("timestep(x*ms, dt)")
            try G.em.set("expm1(x*1e-3)")
            try G.l.set("log1p(x*1e-3)")
            try Network(G, backend: backend).run(0.1 * ms)
            var result = CaseResult()
            for name in ["step", "em", "l"] { result.final(name, try G.variable(name).values) }
            return result
        }
        XCTAssertEqual(result.numbers("step"), [0, 3, 22, 23, 0, 0], "a thousandth of a step rounds 2.2999 ms up")
        let brian: [String: [Double]] = [
            "em": [0, 0.00030004500450033747, 0.0022525331495058523, 0.0023025467987401829, -4.9998750020833077e-05,
                   1.0000000000000007e-15],
            "l": [0, 0.00029995500899797546, 0.0022474725404792849, 0.0022972592781507267, -5.0001250041668229e-05,
                  9.9999999999999949e-16],
        ]
        for (name, expected) in brian {
            for (value, brianValue) in zip(result.numbers(name), expected) {
                XCTAssertEqual(value, brianValue, accuracy: 1e-15 * abs(brianValue), name)
            }
        }
    }

    func testTimestepTakesTimes() throws {
        let G = try NeuronGroup(1, model: "x : 1", name: "G")
        XCTAssertThrowsError(try G.x.set("timestep(x, dt)")) { error in
            XCTAssertTrue("\(error)".contains("second"), "\(error)")
        }
    }

    /// Mean and variance of 20000 draws for means on both sides of 10 (where the algorithm
    /// changes), within 5 standard errors of the theory; a draw is a whole number.
    func testPoissonDrawsHaveThePoissonMeanAndVariance() throws {
        let means = [0.5, 4, 15, 300]
        let n = 20000
        let result = try onBothBackends("poisson") { backend in
            let G = try NeuronGroup(n, model: means.indices.map { "k\($0) : 1" }.joined(separator: "\n"), name: "G")
            try G.runRegularly(means.enumerated().map { "k\($0.offset) = poisson(\($0.element))" }.joined(separator: "\n"),
                               name: "draws")
            try Network(G, backend: backend).run(0.1 * ms)
            var result = CaseResult()
            for k in means.indices { result.values("k\(k)", try G.variable("k\(k)").values.values) }
            return result
        }
        for (k, lambda) in means.enumerated() {
            let draws = result.numbers("k\(k)")
            XCTAssertEqual(draws.count, n)
            XCTAssertTrue(draws.allSatisfy { $0 >= 0 && $0 == $0.rounded() })
            let mean = draws.reduce(0, +) / Double(n)
            let variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            XCTAssertEqual(mean, lambda, accuracy: 5 * (lambda / Double(n)).squareRoot(), "mean of poisson(\(lambda))")
            XCTAssertEqual(variance, lambda, accuracy: 5 * ((lambda + 2 * lambda * lambda) / Double(n)).squareRoot(),
                           "variance of poisson(\(lambda))")
        }
    }

    /// Each call draws anew: two calls in one statement differ, and so do two steps.
    func testEveryPoissonCallIsANewDraw() throws {
        let result = try onBothBackends("poisson calls") { backend in
            let G = try NeuronGroup(1000, model: "a : 1\nb : 1", name: "G")
            try G.runRegularly("a = poisson(20) - poisson(20)\nb += poisson(3)", name: "draws")
            try Network(G, backend: backend).run(1 * ms)
            var result = CaseResult()
            result.values("a", try G.a.values.values)
            result.values("b", try G.b.values.values)
            return result
        }
        XCTAssertGreaterThan(result.numbers("a").filter { $0 != 0 }.count, 800)
        let b = result.numbers("b")
        XCTAssertEqual(b.reduce(0, +) / Double(b.count), 30, accuracy: 5 * (30.0 / 1000).squareRoot())
    }
}
