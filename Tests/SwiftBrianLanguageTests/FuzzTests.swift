@testable import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

/// Random and mutated model text thrown at the parser and analyzer: errors only, never a crash,
/// and every error's span lies inside the text it points into.
final class FuzzTests: XCTestCase {
    /// SplitMix64, so every run sees the same inputs.
    private struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private static let fragments = [
        "dv/dt", "=", ":", "volt", "1", "(", ")", "v", "tau", "-", "+", "*", "/", "**", "//", "%", "\n", " ",
        "exp(", "xi", "unless refractory", "event-driven", ",", "2.5", "1e-3", "mV", "and", "not", "<", ">=",
        "#", "\\\n", "boolean", "integer", "constant", "I", "El", "t", "sqrt(", "clip(", "é", "\t", ".", "e",
        "siemens/meter**2", "second**-0.5", "True", "==", "_x", "9999999999999999999999", "1.5e400",
    ]

    private let namespace: Namespace = ["tau": 10 * ms, "El": -65 * mV, "I": 1 * nA]

    private func exercise(_ text: String) {
        check { _ = try AnalyzedEquations(try Equations(text), namespace: self.namespace) }
        check { _ = try Expression(parsing: text) }
        check { _ = try Statement.parseLines(text) }
        check { _ = try Namespace(assignments: text) }
        check { _ = try UnitSpecification.parseQuantity(text) }
    }

    private func check(_ body: () throws -> Void) {
        do {
            try body()
        } catch let error as ModelError {
            if let source = error.source, let span = error.span {
                XCTAssertTrue(0 <= span.start && span.start <= span.end && span.end <= source.bytes.count,
                              "span \(span) outside \(source.bytes.count) bytes: \(error)")
            }
            XCTAssertFalse(error.description.isEmpty)
        } catch {
            XCTFail("not a ModelError: \(error)")
        }
    }

    func testRandomFragments() {
        var generator = Generator(state: 20_261_123)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...14, using: &generator)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &generator)! }.joined()
            exercise(text)
        }
    }

    func testMutatedClassicModels() {
        var generator = Generator(state: 42)
        let alphabet = Array("abvtdxi_()+-*/:=,.0123456789 \n#e\\\"'é")
        for model in ClassicModel.all {
            for _ in 0..<150 {
                var characters = Array(model.equations)
                for _ in 0..<Int.random(in: 1...4, using: &generator) where !characters.isEmpty {
                    let position = Int.random(in: 0..<characters.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: characters.remove(at: position)
                    case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: position)
                    default: characters[position] = alphabet.randomElement(using: &generator)!
                    }
                }
                exercise(String(characters))
            }
        }
    }
}
