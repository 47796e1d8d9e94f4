import Foundation
import SwiftBrianIntegration
import XCTest

final class ExponentialEulerTests: XCTestCase {
    /// Exact for linear decay with a constant input, first order on a conditionally linear system.
    func testExactOnLinearDecayAndFirstOrderOtherwise() throws {
        XCTAssertLessThan(try SolvedModel.decay.error(.exponentialEuler, steps: 16), 1e-15)
        let model = SolvedModel.conditionallyLinear
        XCTAssertEqual(try model.order(.exponentialEuler), 1, accuracy: 0.15)
        XCTAssertLessThan(try model.error(.exponentialEuler, steps: 64), try model.error(.euler, steps: 64),
                          "the exponential step is more accurate than Euler on stiff decay")
    }

    /// Each variable is advanced from the start-of-step values: the new value of w does not
    /// feed into v's update.
    func testAdvancesEveryVariableFromTheStartOfTheStep() throws {
        let update = try stateUpdate(SolvedModel.conditionallyLinear.equations, namespace: "tau = 10*ms",
                                     method: .exponentialEuler)
        XCTAssertEqual(update.statements.map(\.description), [
            "_v = v * exp(-dt * (1 + w ** 2) / tau)",
            "_w = w * exp(-dt / tau)",
            "v = _v",
            "w = _w",
        ])
    }

    /// Brian's three cases: B/A computed once; B = 0 a pure exponential; A = 0 an Euler step.
    func testBriansThreeCases() throws {
        let update = try stateUpdate("""
            dv/dt = (El - v + I*R)/tau : volt
            dw/dt = -w/tau : 1
            du/dt = (v - El)/(R*tau*amp) + w/second : 1
            I : amp
            """, namespace: "tau = 10*ms\nEl = -70*mV\nR = 100*Mohm", method: .exponentialEuler)
        XCTAssertEqual(update.statements.map(\.description), [
            "_BA_v = -El - I * R",
            "_v = (v + _BA_v) * exp(-dt / tau) - _BA_v",
            "_w = w * exp(-dt / tau)",
            "_u = u + dt * ((v - El) / (R * amp * tau) + w / second)",
            "v = _v",
            "w = _w",
            "u = _u",
        ])
    }

    /// Hodgkin–Huxley gating variables are linear in themselves; v in m, n, h.
    func testIntegratesHodgkinHuxley() throws {
        let update = try stateUpdate(HodgkinHuxley.equations, namespace: HodgkinHuxley.namespace,
                                     method: .exponentialEuler)
        let targets = update.statements.map(\.target)
        XCTAssertEqual(targets, ["_BA_v", "_v", "_BA_m", "_m", "_BA_n", "_n", "_BA_h", "_h", "v", "m", "n", "h"])
    }

    /// A function of the variable itself stays in B (or A), evaluated at the start of the step, as
    /// Brian collects the terms with the factor v.
    func testConditionallyLinearInTheVariableItself() throws {
        let update = try stateUpdate("dv/dt = (tanh(v) - 2*v + 1)/ms : 1", namespace: "", method: .exponentialEuler)
        XCTAssertEqual(update.statements.map(\.description), [
            "_BA_v = -ms * (1 / ms + tanh(v) / ms) / 2",
            "_v = (v + _BA_v) * exp(-2 * dt / ms) - _BA_v",
            "v = _v",
        ])
    }

    func testRefusesWhatIsNotConditionallyLinear() {
        assertIntegrationError("'exponential_euler' cannot integrate these equations: dv/dt is not conditionally linear in v") {
            _ = try stateUpdate("dv/dt = -v**3/tau : 1", namespace: "tau = 10*ms", method: .exponentialEuler)
        }
        assertIntegrationError("'exponential_euler' cannot integrate these equations: dv/dt is not conditionally linear in v") {
            _ = try stateUpdate("dv/dt = (v**2 - v)/tau : 1", namespace: "tau = 10*ms", method: .exponentialEuler)
        }
        assertIntegrationError("'exponential_euler' cannot integrate these equations: they are stochastic") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi : 1", namespace: "tau = 10*ms\ns = 1*second**-0.5",
                                method: .exponentialEuler)
        }
    }
}
