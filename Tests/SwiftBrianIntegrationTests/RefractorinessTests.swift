import Foundation
import SwiftBrianIntegration
import SwiftBrianLanguage
import XCTest

/// `(unless refractory)`: flagged variables stay unchanged while not_refractory is false, and
/// evolve exactly as without the flag while it is true (the comparisons are exact, ==). In these
/// models no unflagged variable reads a flagged one, so the unflagged ones always evolve as
/// without the flag.
final class RefractorinessTests: XCTestCase {
    private let cuba = """
        dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
        dge/dt = -ge/taue : volt
        dgi/dt = -gi/taui : volt
        """
    private let namespace = "taum = 20*ms\ntaue = 5*ms\ntaui = 10*ms\nEl = -49*mV"

    /// Steps a flagged and an unflagged model side by side from the same values and with the
    /// same noise, with not_refractory alternating in blocks of 7 steps.
    private func compare(_ equations: String, namespace: String, _ method: IntegrationMethod,
                         values: [String: Double], flagged: Set<String>,
                         file: StaticString = #filePath, line: UInt = #line) throws {
        let analyzed = try analyze(equations, namespace: namespace, refractory: true)
        let plainEquations = equations.replacingOccurrences(of: " (unless refractory)", with: "")
        let plainAnalyzed = try analyze(plainEquations, namespace: namespace)
        var refractory = Stepper(try StateUpdate.make(for: analyzed, method: method), analyzed, values: values)
        var plain = Stepper(try StateUpdate.make(for: plainAnalyzed, method: method), plainAnalyzed, values: values)
        let (noise, plainNoise) = (SeededNormal(seed: 7), SeededNormal(seed: 7))
        for step in 0..<60 {
            let active = (step / 7) % 2 == 0
            plain.values = refractory.values
            plain.values["not_refractory"] = nil
            refractory.values["not_refractory"] = active ? 1 : 0
            let before = refractory.values
            try refractory.step(t: Double(step) * 1e-4, dt: 1e-4, normal: noise.normal)
            try plain.step(t: Double(step) * 1e-4, dt: 1e-4, normal: plainNoise.normal)
            for (name, value) in plain.values {
                let actual = refractory.values[name] ?? .nan
                if !active, flagged.contains(name) {
                    XCTAssertEqual(actual, before[name], "\(method) \(name) frozen at step \(step)", file: file, line: line)
                } else {
                    XCTAssertEqual(actual, value, "\(method) \(name) step \(step)", file: file, line: line)
                }
            }
        }
    }

    func testFlaggedVariableIsFrozenWithEveryMethod() throws {
        let values = ["v": -0.06, "ge": 0.01, "gi": -0.004]
        for method in [IntegrationMethod.exact, .euler, .rk2, .rk4, .heun, .exponentialEuler] {
            try compare(cuba, namespace: namespace, method, values: values, flagged: ["v"])
        }
        for method in [IntegrationMethod.milstein, .heun] {
            try compare("dx/dt = -x/tau + s*x*xi : 1 (unless refractory)", namespace: "tau = 10*ms\ns = 1*second**-0.5",
                        method, values: ["x": 1], flagged: ["x"])
        }
    }

    /// While v is frozen, an unflagged variable that reads v evolves with v held constant.
    func testUnflaggedVariableSeesTheFrozenValue() throws {
        let equations = """
            dv/dt = (El - v)/taum : volt (unless refractory)
            dw/dt = (a*(v - El) - w)/tauw : amp
            """
        let analyzed = try analyze(equations, namespace: namespace + "\na = 4*nS\ntauw = 100*ms", refractory: true)
        let update = try StateUpdate.make(for: analyzed, method: .exact)
        var stepper = Stepper(update, analyzed, values: ["v": -0.06, "w": 1e-11, "not_refractory": 0])
        try stepper.run(steps: 50, dt: 1e-4)
        let drive = 4e-9 * (-0.06 + 0.049)
        XCTAssertEqual(stepper.values["v"], -0.06)
        assertRelative(stepper.values["w"] ?? .nan, drive + (1e-11 - drive) * exp(-0.005 / 0.1), 1e-12)
    }

    /// The flag has no effect when the model has no not_refractory variable, as in Brian without
    /// a refractory period.
    func testFlagNeedsRefractoriness() throws {
        let flagged = try stateUpdate(cuba, namespace: namespace, method: .euler)
        let plain = try stateUpdate(cuba.replacingOccurrences(of: " (unless refractory)", with: ""),
                                    namespace: namespace, method: .euler)
        XCTAssertEqual(flagged.statements, plain.statements)
        let refractory = try stateUpdate(cuba, namespace: namespace, method: .euler, refractory: true)
        XCTAssertEqual(refractory.statements[0].description,
                       "_v = v + dt * (int(not_refractory) * ((ge + gi - (v - El)) / taum))")
    }
}
