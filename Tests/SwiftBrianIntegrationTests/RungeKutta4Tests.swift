import SwiftBrianIntegration
import XCTest

final class RungeKutta4Tests: XCTestCase {
    func testFourthOrderOnEveryModel() throws {
        for model in SolvedModel.all {
            XCTAssertEqual(try model.order(.rk4), 4, accuracy: 0.2, model.name)
        }
    }

    func testStagesAdvanceAllVariablesTogether() throws {
        let update = try stateUpdate("dv/dt = -v/tau : 1\ndw/dt = (v - w)/tau : 1", namespace: "tau = 10*ms",
                                     method: .rk4)
        let lines = update.statements.map(\.description)
        XCTAssertEqual(lines.count, 12)
        XCTAssertEqual(lines[7], "_k4_w = dt * ((v + _k3_v - (w + _k3_w)) / tau)")
        XCTAssertEqual(lines[9], "_w = w + (_k1_w + 2 * _k2_w + 2 * _k3_w + _k4_w) / 6")
    }

    func testRefusesStochasticEquations() {
        assertIntegrationError("'rk4' cannot integrate these equations: they are stochastic (dx/dt uses the noise term xi)") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi : 1", namespace: "tau = 10*ms\ns = 1*second**-0.5", method: .rk4)
        }
    }
}
