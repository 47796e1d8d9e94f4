import SwiftBrian
import XCTest

/// `exponential_euler` on equations that are only *conditionally* linear in their variable, as
/// Brian 2.9 integrates them (`Tests/Fixtures/brian/conditionally_linear.py` prints Brian's
/// values): the terms with the factor `v` make `A`, the others `B`, both evaluated at the start of
/// the step even where they read `v` inside a function.
final class ConditionallyLinearTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testFunctionsOfTheVariableAreEvaluatedAtTheStartOfTheStep() throws {
        for (model, brian) in [("dv/dt = (tanh(v) - 2*v + 1)/ms : 1", 0.59870317511961579),
                               ("dv/dt = (1 - v*exp(v))/ms : 1", 0.51409572678694315)] {
            let result = try onBothBackends(model) { backend in
                let G = try NeuronGroup(1, model: model, method: .exponentialEuler, name: "G")
                try Network(G, backend: backend).run(1 * ms)
                var result = CaseResult()
                result.final("G.v", try G.v.values)
                return result
            }
            let v = try XCTUnwrap(result.numbers("G.v").first)
            XCTAssertEqual(v, brian, accuracy: 1e-8 * brian, model)
        }
    }
}
