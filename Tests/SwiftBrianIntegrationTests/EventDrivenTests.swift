import Foundation
import SwiftBrianIntegration
import SwiftBrianLanguage
import XCTest

/// Synaptic `(event-driven)` equations: solved exactly over `t - lastupdate` when an event
/// arrives, and left out of the clock-driven update.
final class EventDrivenTests: XCTestCase {
    private let stdp = """
        w : 1
        dApre/dt = -Apre/taupre : 1 (event-driven)
        dApost/dt = -Apost/taupost : 1 (event-driven)
        dg/dt = -g/taus : 1 (clock-driven)
        """
    private let namespace = "taupre = 20*ms\ntaupost = 20*ms\ntaus = 5*ms"

    private func analyzed() throws -> AnalyzedEquations {
        try AnalyzedEquations(Equations(stdp), namespace: Namespace(assignments: namespace), context: .synapses)
    }

    func testEventDrivenUpdateUsesTheTimeSinceTheLastUpdate() throws {
        let update = try XCTUnwrap(try StateUpdate.eventDriven(for: analyzed()))
        XCTAssertEqual(update.method, .exact)
        XCTAssertEqual(update.statements.map(\.description), [
            "_Apre = Apre * exp(-(t - lastupdate) / taupre)",
            "_Apost = Apost * exp(-(t - lastupdate) / taupost)",
            "Apre = _Apre",
            "Apost = _Apost",
        ])
        let constants = try analyzed().scope.namespace.values.mapValues(\.value)
        var values = ["Apre": 0.8, "Apost": 0.1, "t": 0.0125, "lastupdate": 0.0025]
        for statement in update.statements {
            values[statement.target] = try Evaluator(lookup: { values[$0] ?? constants[$0] }).evaluate(statement.value)
        }
        assertRelative(values["Apre"] ?? .nan, 0.8 * exp(-0.01 / 0.02), 1e-15)
    }

    func testClockDrivenUpdateLeavesEventDrivenVariablesOut() throws {
        let update = try StateUpdate.make(for: analyzed())
        XCTAssertEqual(update.statements.map(\.description), ["_g = g * exp(-dt / taus)", "g = _g"])
        XCTAssertNil(try StateUpdate.eventDriven(for: AnalyzedEquations(Equations("dg/dt = -g/taus : 1"),
                                                                         namespace: Namespace(assignments: namespace))))
    }

    func testNonlinearEventDrivenEquationsAreRefused() {
        assertIntegrationError("The event-driven equations cannot be solved exactly (use (clock-driven) instead): "
                               + "dA/dt is not linear in A") {
            _ = try StateUpdate.eventDriven(for: AnalyzedEquations(
                Equations("dA/dt = -A**2/taupre : 1 (event-driven)"), namespace: Namespace(assignments: namespace),
                context: .synapses))
        }
    }
}
