@testable import swiftbrian
import SwiftBrian
@testable import SwiftBrianModels
import XCTest

/// `swiftbrian analyze` on thousands of random mutations of valid models, run in-process (a
/// crash would end the test run): every input is analyzed or refused with a `ModelError`; and
/// input nested deeper than ``Expression/maximumDepth`` is refused with an error, never a stack
/// overflow.
final class AnalyzeFuzzTests: XCTestCase {
    private static let models = [
        """
        dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
        dge/dt = -ge/taue : volt
        dgi/dt = -gi/taui : volt
        """,
        """
        dv/dt = (gl*(El - v) - g_na*m**3*h*(v - ENa) + I)/Cm : volt
        dm/dt = alpha_m*(1 - m) - beta_m*m : 1
        dh/dt = 0.07*exp((El - v)/(20*mV))/ms*(1 - h) - h/(1 + exp((El - v + 30*mV)/(10*mV)))/ms : 1
        alpha_m = 0.1/mV*(v - El + 25*mV)/(1 - exp(-(v - El + 25*mV)/(10*mV)))/ms : Hz
        beta_m = 4*exp(-(v - El)/(18*mV))/ms : Hz
        I : amp
        """,
        """
        dv/dt = (El - v + sigma*sqrt(taum)*xi)/taum : volt
        dw/dt = (a*(v - El) - w)/tauw : volt
        sigma = 2*mV : volt
        """,
    ]

    private static let fragments = [
        "(", ")", "exp(", "-", "+", "*", "/", "**", "v", "El", "mV", ":", "=", "\n", "1e308", "0", "xi",
        "(unless refractory)", "log(", "sqrt(", ",", "dv/dt", "volt", "#", "and", "<", "i", "t", "clip(v, 0, 1)",
    ]

    private let namespace: Namespace = ["El": -65 * mV, "taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms,
                                        "gl": 0.1 * msiemens, "g_na": 100 * msiemens, "ENa": 50 * mV,
                                        "Cm": 1 * ufarad, "a": Quantity(value: 0.1), "tauw": 100 * ms, "Vt": -50 * mV,
                                        "Vr": -60 * mV]

    /// Analyzes `equations` as `swiftbrian analyze` does; only a `ModelError` may come out.
    private func analyze(_ equations: String, threshold: String? = "v > Vt", reset: String? = "v = Vr",
                         file: StaticString = #filePath, line: UInt = #line) -> ModelError? {
        let model = ModelDescription(origin: "fuzz", equations: equations, namespace: namespace,
                                     threshold: threshold, reset: reset, refractory: "5 ms")
        do {
            _ = try model.analysisReport(method: nil)
            return nil
        } catch let error as ModelError {
            XCTAssertFalse(error.description.isEmpty, file: file, line: line)
            return error
        } catch {
            XCTFail("not a ModelError: \(error)\n\(equations)", file: file, line: line)
            return nil
        }
    }

    /// `text` changed in one random way: a piece deleted, duplicated or replaced, or a fragment
    /// inserted.
    private func mutated(_ text: String, _ generator: inout ScriptRandom) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return Self.fragments.randomElement(using: &generator)! }
        let start = Int.random(in: 0..<characters.count, using: &generator)
        let end = min(characters.count, start + Int.random(in: 1...12, using: &generator))
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: characters.removeSubrange(start..<end)
        case 1: characters.insert(contentsOf: characters[start..<end], at: start)
        case 2: characters.replaceSubrange(start..<end, with: Self.fragments.randomElement(using: &generator)!)
        default: characters.insert(contentsOf: Self.fragments.randomElement(using: &generator)!, at: start)
        }
        return String(characters)
    }

    func testMutatedModelsAreAnalyzedOrRefused() {
        var generator = ScriptRandom(seed: 20_261_201)   // the same inputs on every run
        var refused = 0
        for round in 0..<3000 {
            var text = Self.models[round % Self.models.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) { text = mutated(text, &generator) }
            let threshold = round % 7 == 0 ? mutated("v > Vt", &generator) : "v > Vt"
            if analyze(text, threshold: threshold) != nil { refused += 1 }
        }
        XCTAssertGreaterThan(refused, 1000)
        XCTAssertLessThan(refused, 3000)
    }

    func testDeepInputIsRefusedWithAnError() {
        let deep = [
            "dv/dt = " + String(repeating: "(", count: 10_000) + "-v" + String(repeating: ")", count: 10_000)
                + "/(10*ms) : 1",
            "dv/dt = " + String(repeating: "exp(", count: 10_000) + "-v" + String(repeating: ")", count: 10_000)
                + "/(10*ms) : 1",
            "dv/dt = " + String(repeating: "-", count: 30_000) + "v/(10*ms) : 1",
            "dv/dt = -(" + Array(repeating: "v", count: 20_000).joined(separator: " + ") + ")/(10*ms) : 1",
            "dv/dt = -v/(10*ms)" + String(repeating: "**2", count: 5_000) + " : 1",
        ]
        for text in deep {
            let error = analyze(text)
            XCTAssertEqual(error?.kind, .syntax)
            XCTAssertTrue(error?.message.contains("nested too deeply: more than 200 levels") ?? false, "\(String(describing: error))")
            XCTAssertNotNil(error?.span)
        }
        let chain = (["dv/dt = -s4999/(10*ms) : 1", "s0 = v : 1"] + (1..<5000).map { "s\($0) = s\($0 - 1) + v : 1" })
            .joined(separator: "\n")
        let error = analyze(chain)
        XCTAssertEqual(error?.kind, .invalidEquations)
        XCTAssertTrue(error?.message.contains("is nested too deeply once the subexpressions it uses are put in") ?? false,
                      "\(String(describing: error))")
        // Within the limit, deep input works.
        XCTAssertNil(analyze("dv/dt = -(" + Array(repeating: "v", count: 150).joined(separator: " + ") + ")/(10*ms) : volt"))
        XCTAssertNil(analyze("dv/dt = " + String(repeating: "(", count: 150) + "-v" + String(repeating: ")", count: 150)
                             + "/(10*ms) : volt"))
    }
}
