import SwiftBrian
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianNative
import XCTest

/// `int(x/d) >= n` is `x >= QuotientThreshold.least(d, n)` for every double `x` (NaN and the
/// infinities included), with adversarial time steps and step counts; the generated C finds the
/// same threshold; a refractory period compared this way gives Brian's `not_refractory` at the
/// boundaries, on every backend.
final class QuotientThresholdTests: XCTestCase {
    /// Positive finite divisors: time steps, tiny and huge ones, subnormals, odd mantissas.
    private let divisors: [Double] = [1e-4, 0.1e-3, 1.0 / 3.0 * 1e-3, 0.3e-3, 1e-4.nextUp, 1e-4.nextDown, 1, 3,
                                      0.7, 1e-300, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e300, .greatestFiniteMagnitude,
                                      2.2250738585072014e-308.nextDown, 123456.789]
    /// Step counts, whole as `int(...)` gives them, and values no `int` gives.
    private let counts: [Double] = [1, 2, 3, 5, 10, 49, 50, 51, 1000, 12345, 1099511627776, 9007199254740992, 1e300,
                                    .infinity, 0, -0.0, -1, -7, -.infinity, .nan, 0.5, 2.5]

    private func reaches(_ x: Double, _ d: Double, _ n: Double) -> Bool { (x / d).rounded(.towardZero) >= n }

    /// Values of `x` around the threshold and everywhere else.
    private func probes(_ d: Double, _ n: Double, _ threshold: Double) -> [Double] {
        var values: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1e-3 * d, d, -d]
        for center in [threshold, n * d, (n + 1e-3) * d] where center.isFinite {
            var low = center, high = center
            for _ in 0..<12 {
                values += [low, high]
                low = low.nextDown
                high = high.nextUp
            }
        }
        return values
    }

    func testTheComparisonWithTheThresholdIsTheTruncatedQuotient() {
        for d in divisors {
            for n in counts {
                let threshold = QuotientThreshold.least(divisor: d, reaching: n)
                for x in probes(d, n, threshold) {
                    XCTAssertEqual(x >= threshold, reaches(x, d, n), "x = \(x), d = \(d), n = \(n), threshold \(threshold)")
                }
                if threshold.isFinite {
                    XCTAssertTrue(reaches(threshold, d, n))
                    XCTAssertFalse(reaches(threshold.nextDown, d, n), "the least: d = \(d), n = \(n)")
                }
            }
        }
    }

    /// The refractory condition `int(x/dt) >= steps` with steps the same for every neuron loses
    /// its division; a condition with another divisor or per-neuron steps is kept.
    func testOnlyAUniformStepCountOverTheTimeStepIsRewritten() throws {
        let dt = try DoubleBuffer(name: "dt", count: 1, value: 1e-4), other = try DoubleBuffer(name: "other", count: 1, value: 1)
        let lastspike = try DoubleBuffer(name: "lastspike", count: 4, value: 0)
        let x = KernelExpression.binary(.subtract, .constant(1), .load(ArrayReference(lastspike, .element)))
        func condition(_ divisor: DoubleBuffer, _ steps: KernelExpression) -> KernelExpression {
            .binary(.greaterEqual, .call(.builtin("int"), [.binary(.divide, x, .load(ArrayReference(divisor, .shared)))]), steps)
        }
        let uniform = KernelExpression.call(.builtin("int"), [.binary(.divide, .constant(5e-3), .load(ArrayReference(dt, .shared)))])
        XCTAssertEqual(QuotientThreshold.withoutDivision(condition(dt, uniform), divisor: dt),
                       .binary(.greaterEqual, x, .call(.builtin(KernelFunctionNames.quotientThreshold),
                                                       [.load(ArrayReference(dt, .shared)), uniform])))
        for kept in [condition(other, uniform), condition(dt, .load(ArrayReference(lastspike, .element)))] {
            XCTAssertEqual(QuotientThreshold.withoutDivision(kept, divisor: dt), kept)
        }
    }

    /// The C function (`sb_quotient_threshold`) and the interpreter give the same bits.
    func testTheGeneratedCFindsTheSameThreshold() throws {
        guard NativeBackend.compilerAvailable else { throw XCTSkip("no C compiler") }
        let pairs = divisors.flatMap { d in counts.map { (d, $0) } }
        func thresholds(_ run: (Kernel) throws -> Void) throws -> [Double] {
            let d = try DoubleBuffer(name: "d", values: pairs.map(\.0)), n = try DoubleBuffer(name: "n", values: pairs.map(\.1))
            let y = try DoubleBuffer(name: "y", count: pairs.count, value: 0)
            let call = KernelExpression.call(.builtin(KernelFunctionNames.quotientThreshold),
                                             [.load(ArrayReference(d, .element)), .load(ArrayReference(n, .element))])
            try run(Kernel(name: "threshold_test", iteration: .range(0, pairs.count), vector: [.store(ArrayReference(y, .element), call)],
                           random: RandomKey(stream: 1, step: try DoubleBuffer(name: "step", count: 1, value: 0))))
            return y.array
        }
        let expected = pairs.map { QuotientThreshold.least(divisor: $0.0, reaching: $0.1).bitPattern }
        XCTAssertEqual(try thresholds { try Interpreter().execute($0) }.map(\.bitPattern), expected)
        XCTAssertEqual(try thresholds { try NativeBackend().run($0) }.map(\.bitPattern), expected)
    }

    /// Neurons whose `t - lastspike` lies a few doubles either side of a whole number of steps:
    /// `not_refractory` after one step is Brian's `int((t - lastspike + 1e-3*dt)/dt) >= int((ref +
    /// 1e-3*dt)/dt)` on every backend, for time steps that are not binary fractions.
    func testRefractorinessAtTheBoundaryOnEveryBackend() throws {
        for (dt, period) in [(0.1 * ms, 5 * ms), (1.0 / 3.0 * ms, 2 * ms), (0.3 * ms, 0.9 * ms), (0.1 * ms, 0.1 * ms)] {
            let dtValue = dt.value
            let steps = ((period.value + 1e-3 * dtValue) / dtValue).rounded(.towardZero)
            let t = 7 * dtValue
            var ages: [Double] = []
            for base in [steps * dtValue, steps * dtValue - 1e-3 * dtValue, (steps - 1) * dtValue, 0] {
                var low = base, high = base
                for _ in 0..<40 {
                    ages += [low, high]
                    low = low.nextDown
                    high = high.nextUp
                }
            }
            let expected = ages.map { age -> Double in
                let lastspike = t - age
                return ((t - lastspike + 1e-3 * dtValue) / dtValue).rounded(.towardZero) >= steps ? 1 : 0
            }
            XCTAssertTrue(expected.contains(0) && expected.contains(1))
            for backend in BackendKind.allCases where backend != .cuda {
                let clock = Clock(dt: dt)
                let G = try NeuronGroup(ages.count, model: "dv/dt = -v/(10*ms) : 1 (unless refractory)", threshold: "v > 1",
                                        refractory: period, clock: clock)
                let net = try Network(G, backend: backend)
                try net.run(7 * dt)
                try G.variable("lastspike").set(QuantityArray(values: ages.map { t - $0 }, dimension: .time))
                try net.run(dt)
                XCTAssertEqual(try G.variable("not_refractory").values.values, expected, "\(backend), dt \(dt)")
            }
        }
    }
}
