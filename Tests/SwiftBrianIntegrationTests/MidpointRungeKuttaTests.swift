import SwiftBrianIntegration
import XCTest

final class MidpointRungeKuttaTests: XCTestCase {
    func testSecondOrderOnEveryModel() throws {
        for model in SolvedModel.all {
            XCTAssertEqual(try model.order(.rk2), 2, accuracy: 0.15, model.name)
        }
    }

    /// The midpoint stage shifts every state variable and the time.
    func testMidpointStageShiftsStateAndTime() throws {
        let update = try stateUpdate("dv/dt = (sin(2*pi*t/period) - v)/tau : 1", namespace: "tau = 10*ms\nperiod = 5*ms",
                                     method: .rk2)
        XCTAssertEqual(update.statements.map(\.description), [
            "_k_v = dt * ((sin(2 * pi * t / period) - v) / tau)",
            "_v = v + dt * ((sin(2 * pi * (t + dt / 2) / period) - (v + _k_v / 2)) / tau)",
            "v = _v",
        ])
    }

    func testRefusesStochasticEquations() {
        assertIntegrationError("'rk2' cannot integrate these equations: they are stochastic (dx/dt uses the noise term "
                               + "xi); stochastic equations need 'euler', 'heun' or 'milstein'") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi : 1", namespace: "tau = 10*ms\ns = 1*second**-0.5", method: .rk2)
        }
    }
}
