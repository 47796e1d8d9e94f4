import Foundation
import SwiftBrianIntegration
import SwiftBrianLanguage
import XCTest

final class ExactTests: XCTestCase {
    /// Runs `steps` steps of 0.1 ms of the exact update and returns the final values.
    private func run(_ equations: String, namespace: String, values: [String: Double], steps: Int,
                     file: StaticString = #filePath, line: UInt = #line) throws -> [String: Double] {
        let analyzed = try analyze(equations, namespace: namespace)
        let update = try StateUpdate.make(for: analyzed, method: .exact)
        var stepper = Stepper(update, analyzed, values: values)
        try stepper.run(steps: steps, dt: 1e-4)
        return stepper.values
    }

    func testScalarDecayWithPerNeuronTimeConstant() throws {
        let equations = "dv/dt = (El - v)/tau : volt\ntau : second (constant)"
        let update = try stateUpdate(equations, namespace: "El = -70*mV", method: .exact)
        XCTAssertEqual(update.statements.map(\.description), ["_v = El + (v - El) * exp(-dt / tau)", "v = _v"])
        for tau in [0.003, 0.02] {
            let result = try run(equations, namespace: "El = -70*mV", values: ["v": -0.05, "tau": tau], steps: 200)
            assertRelative(result["v"] ?? .nan, -0.07 + 0.02 * exp(-0.02 / tau), 1e-12)
        }
    }

    /// 500 independent equations, and 50 independent coupled pairs: each block is solved on its
    /// own, its new values reading only its own variables.
    func testManyIndependentBlocks() throws {
        var lines = (0..<500).map { "dv\($0)/dt = (\($0 % 7)*mV - v\($0))/tau : volt" }
        for k in 0..<50 {
            lines.append("da\(k)/dt = (b\(k) - 2*a\(k))/tau : 1")
            lines.append("db\(k)/dt = (a\(k) - 3*b\(k))/tau : 1")
        }
        let equations = lines.joined(separator: "\n")
        let update = try stateUpdate(equations, namespace: "tau = 10*ms", method: .exact)
        let values = Dictionary(uniqueKeysWithValues: update.statements.map { ($0.target, $0.value) })
        let state = (0..<500).map { "v\($0)" } + (0..<50).flatMap { ["a\($0)", "b\($0)"] }
        func stateRead(_ target: String) -> Set<String> {
            Set(values[target]?.identifiers ?? []).intersection(state)
        }
        for k in 0..<500 { XCTAssertEqual(stateRead("_v\(k)"), ["v\(k)"]) }
        for k in 0..<50 { XCTAssertEqual(stateRead("_a\(k)"), ["a\(k)", "b\(k)"]) }
        var initial = Dictionary(uniqueKeysWithValues: state.map { ($0, 0.0) })
        initial["v3"] = 0.01
        initial["a7"] = 1
        let result = try run(equations, namespace: "tau = 10*ms", values: initial, steps: 100)
        assertRelative(result["v3"] ?? .nan, 0.003 + 0.007 * exp(-1.0), 1e-12)
        assertRelative(result["v4"] ?? .nan, 0.004 * (1 - exp(-1.0)), 1e-12)
        // a' = (-2a + b)/tau, b' = (a - 3b)/tau: eigenvalues (-5 ± sqrt(5))/2 per tau.
        let (fast, slow) = ((-5 - 5.0.squareRoot()) / 2, (-5 + 5.0.squareRoot()) / 2)
        let (slowWeight, fastWeight) = ((slow + 3) / (slow - fast), (fast + 3) / (fast - slow))
        assertRelative(result["a7"] ?? .nan, slowWeight * exp(slow) + fastWeight * exp(fast), 1e-10)
        XCTAssertEqual(result["a8"], 0)
    }

    /// CUBA's triangular system: v driven by two decaying conductances, with per-neuron taum.
    func testTriangularSystemOfCUBA() throws {
        let equations = """
            dv/dt = (ge + gi - (v - El))/taum : volt
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            taum : second (constant)
            """
        let (taum, taue, taui, El) = (0.02, 0.005, 0.01, -0.049)
        let (v0, ge0, gi0) = (-0.055, 0.004, -0.009)
        let result = try run(equations, namespace: "taue = 5*ms\ntaui = 10*ms\nEl = -49*mV",
                             values: ["v": v0, "ge": ge0, "gi": gi0, "taum": taum], steps: 300)
        let t = 0.03
        let a = ge0 * taue / (taue - taum), b = gi0 * taui / (taui - taum)
        assertRelative(result["ge"] ?? .nan, ge0 * exp(-t / taue), 1e-12)
        assertRelative(result["gi"] ?? .nan, gi0 * exp(-t / taui), 1e-12)
        assertRelative(result["v"] ?? .nan,
                       El + (v0 - El - a - b) * exp(-t / taum) + a * exp(-t / taue) + b * exp(-t / taui), 1e-12)
    }

    /// An alpha synapse: a repeated eigenvalue, so the solution has a t*exp(-t/taus) term.
    func testAlphaSynapseWithRepeatedEigenvalue() throws {
        let equations = "ds/dt = -s/taus : 1\ndg/dt = (s - g)/taus : 1"
        let update = try stateUpdate(equations, namespace: "taus = 3*ms", method: .exact)
        XCTAssertEqual(update.statements.map(\.description)[1], "_g = (g + dt * s / taus) * exp(-dt / taus)")
        let result = try run(equations, namespace: "taus = 3*ms", values: ["s": 1.5, "g": 0.2], steps: 250)
        let (t, taus) = (0.025, 0.003)
        assertRelative(result["s"] ?? .nan, 1.5 * exp(-t / taus), 1e-12)
        assertRelative(result["g"] ?? .nan, (0.2 + 1.5 * t / taus) * exp(-t / taus), 1e-12)
    }

    /// A coupled, non-triangular system with numeric coefficients and a constant input, against
    /// the closed form exp(M*t) = exp(tr/2*t)*(cosh(d*t)*I + sinh(d*t)/d*(M - tr/2*I)).
    func testCoupledTwoDimensionalSystem() throws {
        let equations = "dv/dt = (w - v + c)/tau : 1\ndw/dt = (v - 2*w)/tau2 : 1"
        let (tau, tau2, c) = (0.01, 0.005, 0.3)
        let result = try run(equations, namespace: "tau = 10*ms\ntau2 = 5*ms\nc = 0.3",
                             values: ["v": 1, "w": -0.5], steps: 400)
        let m = [[-1 / tau, 1 / tau], [1 / tau2, -2 / tau2]]
        let b = [c / tau, 0]
        let determinant = m[0][0] * m[1][1] - m[0][1] * m[1][0]
        let fixed = [-(m[1][1] * b[0] - m[0][1] * b[1]) / determinant, -(m[0][0] * b[1] - m[1][0] * b[0]) / determinant]
        let half = (m[0][0] + m[1][1]) / 2
        let d = ((m[0][0] - m[1][1]) * (m[0][0] - m[1][1]) / 4 + m[0][1] * m[1][0]).squareRoot()
        let t = 0.04
        let (ch, sh) = (cosh(d * t), sinh(d * t) / d)
        let deviation = [1 - fixed[0], -0.5 - fixed[1]]
        let expected = (0..<2).map { i in
            fixed[i] + exp(half * t) * (0..<2).reduce(0.0) { sum, j in
                sum + ((i == j ? ch : 0) + sh * (m[i][j] - (i == j ? half : 0))) * deviation[j]
            }
        }
        assertRelative(result["v"] ?? .nan, expected[0], 1e-12)
        assertRelative(result["w"] ?? .nan, expected[1], 1e-12)
    }

    /// Three coupled variables, against a Taylor series of the matrix exponential.
    func testCoupledThreeDimensionalSystem() throws {
        let equations = """
            dx/dt = (-3*x + y + z)/tau : 1
            dy/dt = (x - 2*y)/tau : 1
            dz/dt = (2*x + y - 4*z)/tau : 1
            """
        let tau = 0.01, dt = 1e-4, steps = 100
        let result = try run(equations, namespace: "tau = 10*ms", values: ["x": 1, "y": 2, "z": -1], steps: steps)
        let m = [[-3.0, 1, 1], [1, -2, 0], [2, 1, -4]].map { $0.map { $0 / tau * dt * Double(steps) } }
        var term = [1.0, 2, -1], total = term
        for k in 1...40 {
            term = (0..<3).map { i in (0..<3).reduce(0.0) { $0 + m[i][$1] * term[$1] } / Double(k) }
            total = zip(total, term).map(+)
        }
        for (index, name) in ["x", "y", "z"].enumerated() {
            assertRelative(result[name] ?? .nan, total[index], 1e-12, name)
        }
    }

    /// Brian's reference case coupled_linear_exact: distinct eigenvalues (A) and an alpha synapse
    /// driving v (B), 1000 steps of 0.1 ms.
    func testMatchesBriansCoupledLinearExactCase() throws {
        let reference = try referenceCase("coupled_linear_exact")
        let namespace = "taum = 20*ms\ntaue = 5*ms\ntaus = 3*ms"
        let groups: [(String, String, (Int) -> [String: Double])] = [
            ("A", "dv/dt = (ge - v)/taum : 1\ndge/dt = -ge/taue : 1",
             { ["v": 0.1 * Double($0), "ge": 1 - 0.2 * Double($0)] }),
            ("B", "dv/dt = (g - v)/taum : 1\ndg/dt = (s - g)/taus : 1\nds/dt = -s/taus : 1",
             { ["v": -0.05 * Double($0), "g": 0.1 * Double($0), "s": 1 + 0.5 * Double($0)] }),
        ]
        for (group, equations, initial) in groups {
            for neuron in 0..<5 {
                let result = try run(equations, namespace: namespace, values: initial(neuron), steps: 1000)
                for (name, value) in result {
                    let expected = try finalState(reference, "\(group).\(name)")[neuron]
                    assertRelative(value, expected, 1e-9, absolute: 1e-13, "\(group).\(name)[\(neuron)]")
                }
            }
        }
    }

    func testRefusals() {
        let cases: [(String, String, String)] = [
            ("dv/dt = -v*w/tau : 1\ndw/dt = -w/tau : 1", "tau = 10*ms",
             "'exact' cannot integrate these equations: the coefficient of v in dv/dt depends on the state variable w"),
            ("dv/dt = -v**3/tau : 1", "tau = 10*ms", "dv/dt is not linear in v"),
            ("dv/dt = -v/tau + s*xi : 1", "tau = 10*ms\ns = 1*second**-0.5", "they are stochastic"),
            ("dv/dt = (sin(2*pi*t/tau) - v)/tau : 1", "tau = 10*ms",
             "dv/dt depends on the time t, so it is not constant over a time step"),
            ("dv/dt = (rand() - v)/tau : 1", "tau = 10*ms", "dv/dt calls rand(), which is not constant over a time step"),
            ("dv/dt = I/C : volt\nI : amp", "C = 1*nF",
             "its linear system is singular: dv/dt does not depend on v, so it has no unique fixed point"),
            ("dv/dt = -v/tau : 1\ndw/dt = v/tau : 1", "tau = 10*ms", "dw/dt does not depend on w"),
            ("dx/dt = v/tau : 1\ndv/dt = -x/tau : 1", "tau = 10*ms",
             "the solution for x, v oscillates (its matrix has complex eigenvalues)"),
            ("dv/dt = (w - v)/tau : 1\ndw/dt = (v - 2*w)/tau2 : 1\ntau2 : second", "tau = 10*ms",
             "is not a numeric constant"),
            ("dv/dt = (w - v)/tau : 1\ndw/dt = (v - w)/tau : 1", "tau = 10*ms",
             "its linear system is singular: the coupled equations of v, w have no unique fixed point"),
        ]
        for (equations, namespace, message) in cases {
            assertIntegrationError(message) { _ = try stateUpdate(equations, namespace: namespace, method: .exact) }
        }
    }

    /// The error shows the equation at fault with a caret under it.
    func testErrorPointsAtTheEquation() throws {
        XCTAssertThrowsError(try stateUpdate("dv/dt = -v/tau : 1\ndw/dt = -w**3/tau : 1", namespace: "tau = 10*ms",
                                             method: .exact)) { error in
            let error = error as? ModelError
            XCTAssertEqual(error?.excerpt, "dw/dt = -w**3/tau : 1")
            XCTAssertTrue(error?.description.contains("^^^") ?? false, "\(String(describing: error))")
        }
    }
}
