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
        let result = try onBothBackends(function) { backend in
            let G = try NeuronGroup(x.count, model: "x : 1\ny : 1", name: "G")
            try G.x.set(x)
            let network = try Network(G, G.runRegularly("y = \(function)(x)"), backend: backend, checkFinite: false)
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

    /// cos(2π u) for the normal random numbers: within 2 ulp of the C library's cos(2π·u), give or
    /// take the rounding of the argument 2π·u in the latter; exact at the quarter turns.
    func testCosineOfTurns() {
        var state: UInt64 = 12345
        for _ in 0..<100_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            let value = PortableMath.cosineOfTurns(u), libm = Foundation.cos(2 * Double.pi * u)
            XCTAssertLessThanOrEqual(abs(value - libm), 2 * libm.ulp + (2 * Double.pi * u).ulp, "cos(2π·\(u))")
        }
        XCTAssertEqual([0, 0.25, 0.5, 0.75].map(PortableMath.cosineOfTurns), [1, 0, -1, 0])
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
}
