import Foundation
import SwiftBrianIntegration
import SwiftBrianLanguage
import XCTest

/// The generated updates, executed by the Evaluator, against Brian 2.9's own results in
/// Tests/Fixtures/reference (final states after 100 ms), with each case's tolerance.
final class BrianReferenceTests: XCTestCase {
    /// Final values of `neurons` after `steps` steps, each neuron starting from `initial(i)`.
    private func finalValues(_ equations: String, namespace: String, method: IntegrationMethod, dt: Double,
                             steps: Int, neurons: [Int], initial: (Int) -> [String: Double]) throws -> [[String: Double]] {
        let analyzed = try analyze(equations, namespace: namespace)
        let update = try StateUpdate.make(for: analyzed, method: method)
        return try neurons.map { neuron in
            var stepper = Stepper(update, analyzed, values: initial(neuron))
            try stepper.run(steps: steps, dt: dt)
            return stepper.values
        }
    }

    private func compare(_ values: [[String: Double]], neurons: [Int], reference: [String: Any], group: String,
                         variables: [String], rtol: Double, atol: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        for variable in variables {
            let expected = try finalState(reference, "\(group).\(variable)")
            for (position, neuron) in neurons.enumerated() {
                assertRelative(values[position][variable] ?? .nan, expected[neuron], rtol, absolute: atol,
                               "\(group).\(variable)[\(neuron)]", file: file, line: line)
            }
        }
    }

    func testEulerOnNonlinearDecay() throws {
        let reference = try referenceCase("euler_nonlinear")
        let neurons = Array(0..<10)
        let values = try finalValues("dv/dt = -v**1.1/tau : 1", namespace: "tau = 10*ms", method: .euler, dt: 1e-4,
                                     steps: 1000, neurons: neurons) { ["v": 0.1 + 0.1 * Double($0)] }
        try compare(values, neurons: neurons, reference: reference, group: "G", variables: ["v"], rtol: 1e-10, atol: 1e-14)
    }

    /// HH with I = 0.7 nA*i/N: neuron 0 rests, neurons 5 and 9 fire repeatedly.
    private func hodgkinHuxley(_ method: IntegrationMethod, dt: Double, steps: Int, neurons: [Int]) throws -> [[String: Double]] {
        try finalValues(HodgkinHuxley.equations, namespace: HodgkinHuxley.namespace, method: method, dt: dt,
                        steps: steps, neurons: neurons) { ["v": -0.065, "m": 0, "n": 0, "h": 0, "I": 0.7e-9 * Double($0) / 10] }
    }

    func testExponentialEulerOnHodgkinHuxley() throws {
        let neurons = [0, 5, 9]
        let values = try hodgkinHuxley(.exponentialEuler, dt: 1e-4, steps: 1000, neurons: neurons)
        try compare(values, neurons: neurons, reference: referenceCase("hh_exponential_euler"), group: "G",
                    variables: ["v", "m", "n", "h"], rtol: 1e-8, atol: 1e-10)
    }

    func testRungeKutta4OnHodgkinHuxley() throws {
        let values = try hodgkinHuxley(.rk4, dt: 5e-5, steps: 2000, neurons: [9])
        try compare(values, neurons: [9], reference: referenceCase("hh_rk4"), group: "G",
                    variables: ["v", "m", "n", "h"], rtol: 1e-8, atol: 1e-10)
    }

    func testMidpointAndHeunOnHodgkinHuxley() throws {
        let reference = try referenceCase("hh_rk2_heun")
        for (method, group) in [(IntegrationMethod.rk2, "RK2"), (.heun, "HEUN")] {
            let values = try hodgkinHuxley(method, dt: 2.5e-5, steps: 4000, neurons: [9])
            try compare(values, neurons: [9], reference: reference, group: group,
                        variables: ["v", "m", "n", "h"], rtol: 1e-8, atol: 1e-10)
        }
    }

    /// lif_refractory, group A: exact integration with `(unless refractory)`, refractory 5 ms,
    /// threshold v > 1, reset v = 0; every spike step and the final v must match Brian's.
    func testExactLeakyIntegrateAndFireWithRefractoriness() throws {
        let reference = try referenceCase("lif_refractory")
        let analyzed = try analyze("dv/dt = (I - v)/tau : 1 (unless refractory)\nI : 1 (constant)",
                                   namespace: "tau = 10*ms", refractory: true)
        let update = try StateUpdate.make(for: analyzed, method: .exact)
        let dt = 1e-4
        func timestep(_ time: Double) -> Int { Int((time + 1e-3 * dt) / dt) }
        var spikes: [(step: Int, neuron: Int)] = []
        var finals: [Double] = []
        for neuron in 0..<20 {
            var stepper = Stepper(update, analyzed, values: ["v": 0, "I": 0.9 + 1.1 * Double(neuron) / 19])
            var lastSpike = -1e4
            for step in 0..<2000 {
                let t = Double(step) * dt
                let notRefractory = timestep(t - lastSpike) >= timestep(0.005)
                stepper.values["not_refractory"] = notRefractory ? 1 : 0
                try stepper.step(t: t, dt: dt)
                if (stepper.values["v"] ?? 0) > 1, notRefractory {
                    spikes.append((step, neuron))
                    lastSpike = t
                    stepper.values["v"] = 0
                }
            }
            finals.append(stepper.values["v"] ?? .nan)
        }
        let recorded = try XCTUnwrap((reference["spikes"] as? [String: Any])?["A"] as? [String: Any])
        let indices = try XCTUnwrap(recorded["i"] as? [Int]), times = try XCTUnwrap(recorded["t"] as? [Double])
        let expected = zip(times, indices).map { (Int(($0 / dt).rounded()), $1) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        let observed = spikes.sorted { ($0.step, $0.neuron) < ($1.step, $1.neuron) }
        XCTAssertEqual(observed.map(\.step), expected.map(\.0))
        XCTAssertEqual(observed.map(\.neuron), expected.map(\.1))
        let expectedFinals = try finalState(reference, "A.v")
        for (neuron, value) in finals.enumerated() {
            assertRelative(value, expectedFinals[neuron], 1e-9, absolute: 1e-12, "A.v[\(neuron)]")
        }
    }
}
