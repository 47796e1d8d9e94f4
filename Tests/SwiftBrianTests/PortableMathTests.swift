import Foundation
import SwiftBrian
import SwiftBrianPortableMath
import XCTest

/// ``PortableMath``: the interpreter's Swift and the generated C give the same bits, and the
/// values are within 1 ulp of the C library's.
final class PortableMathTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// The arguments: special values, the edges of overflow and of the subnormal range, and 20,000
    /// pseudo-random values spread over the whole range and concentrated around 0.
    private static let arguments: [Double] = {
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 1e-300, -1e-300, .leastNonzeroMagnitude, 709.782712893384, 709.79, 710, 1e4,
                                -708.39, -708.4, -744.4, -745.13, -745.14, -746, -1e4, .infinity, -.infinity, .nan,
                                Double.ulpOfOne, -Double.ulpOfOne, 0.34657359027997264, -0.34657359027997264]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for k in 0..<20_000 {
            // A 64-bit linear congruential generator: reproducible, no dependence on the RNG.
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append(k % 2 == 0 ? -746 + 1456 * unit : -20 + 40 * unit)
        }
        return values
    }()

    /// `function` of each of `x` on both backends (bit-identical), as a model computes it.
    private func values(of function: String, _ x: [Double]) throws -> [Double] {
        try values(of: "\(function)(x)", x, p: x)
    }

    /// `expression` of `x` and `p` (one pair per neuron) on both backends (bit-identical).
    private func values(of expression: String, _ x: [Double], p: [Double]) throws -> [Double] {
        let result = try onBothBackends(expression) { backend in
            let G = try NeuronGroup(x.count, model: "x : 1\np : 1\ny : 1", name: "G")
            try G.x.set(x)
            try G.p.set(p)
            let network = try Network(G, G.runRegularly("y = \(expression)"), backend: backend, checkFinite: false)
            try network.run(0.1 * ms)
            var result = CaseResult()
            result.final("y", try G.y.values)
            return result
        }
        return result.numbers("y")
    }

    /// `name` of each of `x`, computed by a model on both backends, is bit for bit `portable` and
    /// within 1 ulp of `libm` (the same special values).
    private func check(_ name: String, _ x: [Double], portable: (Double) -> Double, libm: (Double) -> Double) throws {
        let y = try values(of: name, x)
        XCTAssertEqual(y.count, x.count)
        for (argument, value) in zip(x, y) {
            XCTAssertEqual(value.bitPattern, portable(argument).bitPattern, "\(name)(\(argument))")
            let expected = libm(argument)
            if expected.isNaN {
                XCTAssertTrue(value.isNaN, "\(name)(\(argument))")
            } else if expected.isInfinite || expected == 0 {
                XCTAssertEqual(value, expected, "\(name)(\(argument))")
            } else {
                XCTAssertLessThanOrEqual(abs(value - expected), expected.ulp,
                                         "\(name)(\(argument)) = \(value), libm \(expected)")
            }
        }
    }

    func testExpIsTheSameOnBothBackendsAndWithinOneUlp() throws {
        try check("exp", Self.arguments, portable: PortableMath.exp, libm: Foundation.exp)
        try checkAccuracy("exp", Self.exponentialArguments, portable: PortableMath.exp, reference: expl, bound: 1)
        XCTAssertEqual(PortableMath.exp(0), 1)
        XCTAssertEqual(PortableMath.exp(-0.0), 1)
    }

    /// log over positive numbers from the subnormal to the largest, around 1, and the special values.
    func testLogIsTheSameOnBothBackendsAndWithinOneUlp() throws {
        var x: [Double] = [0, -0.0, -1, 1, 2, 0.5, .leastNonzeroMagnitude, 0x1p-1030, .greatestFiniteMagnitude, .infinity, -.infinity, .nan,
                           1.0000000000000002, 0.9999999999999999, 1.4142135623730951, 1.4142135623730954]
        x += Self.arguments.filter(\.isFinite).map { Foundation.exp($0 < -744 ? -744 : ($0 > 709 ? 709 : $0)) }
        x += Self.arguments.filter { $0.isFinite && abs($0) <= 20 }.map { 1 + $0 / 40 }
        try check("log", x, portable: PortableMath.log, libm: Foundation.log)
    }

    /// cos(2π u) and sin(2π u), the two values of a pair of normal random numbers: within 2 ulp
    /// of the C library's cos(2π·u) and sin(2π·u), give or take the rounding of the argument 2π·u
    /// in the latter; exact at the quarter turns. (That the generated C's `sb_sincos_turns` and
    /// `sb_turns` give the same bits is tested by every noisy model on both backends.)
    func testCosineAndSineOfTurns() {
        var state: UInt64 = 12345
        for _ in 0..<100_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            for (name, value, libm) in [("cos", PortableMath.cosineOfTurns(u), Foundation.cos(2 * Double.pi * u)),
                                        ("sin", PortableMath.sineOfTurns(u), Foundation.sin(2 * Double.pi * u))] {
                XCTAssertLessThanOrEqual(abs(value - libm), 2 * libm.ulp + (2 * Double.pi * u).ulp, "\(name)(2π·\(u))")
            }
        }
        XCTAssertEqual([0, 0.25, 0.5, 0.75].map(PortableMath.cosineOfTurns), [1, 0, -1, 0])
        XCTAssertEqual([0, 0.25, 0.5, 0.75].map(PortableMath.sineOfTurns), [0, 1, 0, -1])
    }

    /// With fast math the generated C calls the C library's (vectorized) exp, whose results differ
    /// from the portable one only in the last bits.
    func testFastMathUsesTheLibraryExp() throws {
        let x = Self.arguments.filter { $0.isFinite && abs($0) < 700 }
        let G = try NeuronGroup(x.count, model: "x : 1\ny : 1", name: "G")
        try G.x.set(x)
        let network = try Network(G, G.runRegularly("y = exp(x)"), backend: .native, fastMath: true)
        try network.run(0.1 * ms)
        for (argument, value) in zip(x, try G.y.plainValues) {
            let libm = Foundation.exp(argument)
            XCTAssertLessThanOrEqual(abs(value - libm), 4 * libm.ulp, "exp(\(argument)) = \(value), libm \(libm)")
        }
    }

    // MARK: - The functions built on exp and log, sine and cosine, pow

    /// `count` reproducible uniform numbers in [0, 1) (a 64-bit linear congruential generator).
    private static func uniforms(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    /// Powers of two times 1.37 from 2^-1 down to the subnormal range, both signs: arguments near 0.
    private static let tiny: [Double] = stride(from: 1, through: 1074, by: 7).flatMap { k -> [Double] in
        let value = 1.37 * Double(sign: .plus, exponent: -k, significand: 1)
        return [value, -value]
    }

    /// Arguments where earlier evaluations broke the bounds: exp 1.17 ulp at 707.36 (`e^r` as
    /// `(T r + 1) r + 1`), cosh 1.55 at 12.17 (the same), expm1 1.24 ulp at 37.07 and exprel 2.38
    /// at 36.87 (`2^k (1 + m) - 1` rounded twice for `k = 53`, `54`).
    private static let formerlyInaccurate: [Double] = [
        -666.4532332428247, -0.9983846487136314, 707.3596457964296, -704.584095175576, 0.3951925286933743,
        12.170710933771147, -1.7433150800925739, 37.06507666952935, 37.07237956321217, 36.82608055626834,
        36.87154914916684,
    ]

    /// The arguments of the exponential family: those of exp, the tiny ones, 5,000 in [-1, 1] and
    /// those where earlier evaluations were off.
    private static let exponentialArguments: [Double] = arguments + tiny + uniforms(5_000, seed: 7).map { 2 * $0 - 1 }
        + formerlyInaccurate

    /// The error of `value` in units in the last place of the reference value (computed in 64-bit
    /// precision, so exact to a thousandth of a double's ulp); 0 for the same special value.
    private func ulps(_ value: Double, _ reference: Float80) -> Double {
        let rounded = Double(reference)
        if reference.isNaN { return value.isNaN ? 0 : .infinity }
        if rounded.isInfinite || value.isInfinite { return value == rounded ? 0 : .infinity }
        return Double(abs(Float80(value) - reference) / Float80(rounded.ulp))
    }

    /// `name` of each of `x`, computed by a model on both backends, is bit for bit `portable`, and
    /// within `bound` ulps of `reference` (the C library's long-double function).
    private func checkAccuracy(_ name: String, _ x: [Double], portable: (Double) -> Double,
                               reference: (Float80) -> Float80, bound: Double) throws {
        let y = try values(of: name, x)
        XCTAssertEqual(y.count, x.count)
        var worst = (error: 0.0, argument: 0.0)
        for (argument, value) in zip(x, y) {
            XCTAssertEqual(value.bitPattern, portable(argument).bitPattern, "\(name)(\(argument))")
            let error = ulps(value, reference(Float80(argument)))
            if !(error <= worst.error) { worst = (error, argument) }
        }
        XCTAssertLessThanOrEqual(worst.error, bound, "\(name): \(worst.error) ulp at \(worst.argument)")
    }

    func testExpm1AndExprel() throws {
        let x = Self.exponentialArguments
        try checkAccuracy("expm1", x, portable: PortableMath.expm1, reference: expm1l, bound: 1)
        // exprel overflows where expm1 does (as Brian's).
        try checkAccuracy("exprel", x.filter { !($0 > 709.78) }, portable: PortableMath.exprel, reference: { $0 == 0 ? 1 : expm1l($0) / $0 }, bound: 2)
        XCTAssertEqual(PortableMath.expm1(-0.0).sign, .minus)
        XCTAssertEqual(PortableMath.expm1(1e-300), 1e-300)
        XCTAssertEqual([-Double.infinity, 0, 710].map(PortableMath.expm1), [-1, 0, .infinity])
        XCTAssertEqual([0, -0.0, Double.leastNonzeroMagnitude].map(PortableMath.exprel), [1, 1, 1])
    }

    func testHyperbolicFunctions() throws {
        let x = Self.exponentialArguments + [710.4, 710.47, -710.47, 710.48]
        try checkAccuracy("sinh", x, portable: PortableMath.sinh, reference: sinhl, bound: 2)
        try checkAccuracy("cosh", x, portable: PortableMath.cosh, reference: coshl, bound: 1.5)
        try checkAccuracy("tanh", x, portable: PortableMath.tanh, reference: tanhl, bound: 2.5)
        XCTAssertEqual(PortableMath.sinh(-0.0).sign, .minus)
        XCTAssertEqual(PortableMath.tanh(-0.0).sign, .minus)
        XCTAssertEqual([-Double.infinity, .infinity].map(PortableMath.tanh), [-1, 1])
        XCTAssertEqual(PortableMath.cosh(-.infinity), .infinity)
    }

    /// log1p from just above -1 to the largest number, near 0, and its special values.
    func testLog1p() throws {
        var x: [Double] = [-1, -2, -1.0.nextUp, 0, -0.0, .infinity, -.infinity, .nan, .greatestFiniteMagnitude,
                           .leastNonzeroMagnitude]
        x += Self.tiny.filter { $0 > -1 }
        x += Self.uniforms(5_000, seed: 11).map { $0 - 1 }
        x += Self.uniforms(5_000, seed: 12).map { Foundation.pow(10, 600 * $0 - 300) }
        try checkAccuracy("log1p", x, portable: PortableMath.log1p, reference: log1pl, bound: 1)
        XCTAssertEqual(PortableMath.log1p(-0.0).sign, .minus)
        XCTAssertEqual(PortableMath.log1p(-1), -.infinity)
    }

    /// log10 over the positive numbers (with the special values), exact at the powers of ten.
    func testLog10() throws {
        var x: [Double] = [0, -0.0, -1, 1, 10, 0.1, .leastNonzeroMagnitude, 0x1p-1030, .greatestFiniteMagnitude,
                           .infinity, -.infinity, .nan]
        x += Self.uniforms(10_000, seed: 13).map { Foundation.pow(10, 616 * $0 - 308) }
        x += Self.uniforms(2_000, seed: 14).map { 0.5 + $0 }
        try checkAccuracy("log10", x, portable: PortableMath.log10, reference: log10l, bound: 1)
        for k in 0...22 {
            XCTAssertEqual(PortableMath.log10(Double("1e\(k)") ?? 0), Double(k), "log10(1e\(k))")
        }
    }

    /// sin and cos within 1 ulp up to 2^20 π/2, next to the multiples of π/2 too; beyond, the sine
    /// of a number within an ulp or so of the argument, and always within [-1, 1].
    func testSineAndCosine() throws {
        var x: [Double] = [0, -0.0, .pi, -.pi, .pi / 2, .pi / 4, 1e-300, .leastNonzeroMagnitude, .infinity, -.infinity, .nan]
        x += Self.tiny
        x += Self.uniforms(5_000, seed: 15).map { 20 * $0 - 10 }
        x += Self.uniforms(5_000, seed: 16).map { 3.2e6 * $0 - 1.6e6 }
        for u in Self.uniforms(2_000, seed: 17) {
            let nearMultiple = (u * 1e6).rounded() * (Double.pi / 2)
            x += [nearMultiple.nextDown, nearMultiple, nearMultiple.nextUp]
        }
        try checkAccuracy("sin", x, portable: PortableMath.sin, reference: sinl, bound: 1)
        try checkAccuracy("cos", x, portable: PortableMath.cos, reference: cosl, bound: 1)
        XCTAssertEqual(PortableMath.sin(-0.0).sign, .minus)

        let large = Self.uniforms(2_000, seed: 18).map { Foundation.pow(10, 6.3 + 300 * $0) } + [1e300, -1e300, 0x1p50]
        let sines = try values(of: "sin", large), cosines = try values(of: "cos", large)
        for (argument, (sine, cosine)) in zip(large, zip(sines, cosines)) {
            XCTAssertEqual(sine.bitPattern, PortableMath.sin(argument).bitPattern, "sin(\(argument))")
            XCTAssertEqual(cosine.bitPattern, PortableMath.cos(argument).bitPattern, "cos(\(argument))")
            XCTAssertTrue(abs(sine) <= 1 && abs(cosine) <= 1, "sin, cos(\(argument))")
            if abs(argument) < 0x1p50 {
                XCTAssertLessThanOrEqual(abs(sine - Foundation.sin(argument)), 2 * argument.ulp, "sin(\(argument))")
            }
        }
    }

    /// pow over bases and exponents whose powers span the whole range, negative bases with whole
    /// exponents, and C's special values.
    func testPower() throws {
        var x: [Double] = [], p: [Double] = []
        let units = Self.uniforms(24_000, seed: 19)
        for k in stride(from: 0, to: units.count, by: 3) {
            let base = Foundation.pow(10, 40 * units[k] - 20)
            x.append(base)
            p.append((1400 * units[k + 1] - 700) / Foundation.log(base))
            x.append(-(0.5 + 2 * units[k + 2]))
            p.append((200 * units[k + 1] - 100).rounded())
            x.append(0.9 + 0.2 * units[k + 2])
            p.append(10 * units[k] - 5)
        }
        let special: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, -3, 2.5, -2.5, .infinity, -.infinity, .nan,
                                 1e300, -1e300, 0x1p53 + 2, -(0x1p52 + 1), .leastNonzeroMagnitude, -.leastNonzeroMagnitude]
        for base in special {
            for exponent in special {
                x.append(base)
                p.append(exponent)
            }
        }
        let y = try values(of: "x ** p", x, p: p)
        var worst = (error: 0.0, base: 0.0, exponent: 0.0)
        for ((base, exponent), value) in zip(zip(x, p), y) {
            XCTAssertEqual(value.bitPattern, PortableMath.pow(base, exponent).bitPattern, "\(base) ** \(exponent)")
            let libm = Foundation.pow(base, exponent)
            if libm.isNaN || libm.isInfinite || libm == 0 || abs(libm) == 1 {
                XCTAssertTrue(value == libm && value.sign == libm.sign || value.isNaN && libm.isNaN,
                              "\(base) ** \(exponent) = \(value), C \(libm)")
            }
            let error = ulps(value, powl(Float80(base), Float80(exponent)))
            if !(error <= worst.error) { worst = (error, base, exponent) }
        }
        XCTAssertLessThanOrEqual(worst.error, 1.5, "pow: \(worst.error) ulp at \(worst.base) ** \(worst.exponent)")
        XCTAssertEqual(PortableMath.pow(10, -1), 0.1)
        XCTAssertEqual(PortableMath.pow(2e-4, 0.5), Foundation.sqrt(2e-4))
    }

    /// Constant subexpressions, folded before either backend runs, use the same functions.
    func testConstantFoldingUsesThePortableFunctions() throws {
        let y = try values(of: "tanh(0.3) + sin(2.5) + 1.3**2.7 + exprel(0.2) + 0*x", [0], p: [0])
        let expected = PortableMath.tanh(0.3) + PortableMath.sin(2.5) + PortableMath.pow(1.3, 2.7) + PortableMath.exprel(0.2)
        XCTAssertEqual(y.first?.bitPattern, expected.bitPattern)
    }
}
