import SwiftBrian
import XCTest

/// A model assembled from templates, as a Brian script does (`Tests/Fixtures/brian/templating.py`
/// prints Brian 2.9's values): values substituted, a synapse template renamed, blocks added.
final class EquationsTemplatingTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testTemplatedModelRunsAsBrian() throws {
        let synapse = try Equations("dg/dt = -g/tau : 1")
        let eqs = try Equations("dv/dt = (E - v)/tau_m + I : volt", substituting: ["E": .value(-65 * mV)])
            + Equations("I = w*g_e/ms : volt/second")
            + synapse.substituting(["g": "g_e", "tau": "tau_e"])
        XCTAssertEqual(eqs.names, ["v", "I", "g_e"])
        let result = try onBothBackends("templates") { backend in
            let G = try NeuronGroup(1, model: eqs, method: .euler,
                                    namespace: ["tau_m": 10 * ms, "tau_e": 5 * ms, "w": 2 * mV], name: "G")
            try G.v.set(-65 * mV)
            try G.g_e.set(1)
            try Network(G, backend: backend).run(5 * ms)
            var result = CaseResult()
            result.final("v", try G.v.values)
            result.final("g_e", try G.g_e.values)
            return result
        }
        XCTAssertEqual(try XCTUnwrap(result.numbers("v").first), -0.060183272258991588, accuracy: 1e-15)
        XCTAssertEqual(try XCTUnwrap(result.numbers("g_e").first), 0.36416968008711703, accuracy: 1e-15)
    }
}
