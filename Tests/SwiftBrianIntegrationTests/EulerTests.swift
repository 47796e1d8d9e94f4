import SwiftBrianIntegration
import XCTest

final class EulerTests: XCTestCase {
    func testFirstOrderOnEveryModel() throws {
        for model in SolvedModel.all {
            XCTAssertEqual(try model.order(.euler), 1, accuracy: 0.1, model.name)
        }
    }

    func testWritesBriansForwardEulerStep() throws {
        let update = try stateUpdate("dv/dt = -v/tau : 1", namespace: "tau = 10*ms", method: .euler)
        XCTAssertEqual(update.statements.map(\.description), ["_v = v + dt * (-v / tau)", "v = _v"])
    }

    /// Euler–Maruyama: the noise term is drawn once per step as dt**0.5*randn().
    func testEulerMaruyamaForAdditiveNoise() throws {
        let update = try stateUpdate("dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1",
                                     namespace: "tau = 10*ms\nmu = 0.5\nsigma = 0.2", method: .euler)
        XCTAssertEqual(update.statements.map(\.description), [
            "xi = dt ** 0.5 * randn()",
            "_x = x + dt * ((mu - x) / tau) + sigma * sqrt(2 / tau) * xi",
            "x = _x",
        ])
    }

    func testRefusesMultiplicativeNoise() {
        assertIntegrationError("'euler' cannot integrate these equations: the factor of xi in dx/dt depends on the "
                               + "state variable x (multiplicative noise); use 'heun' or 'milstein'") {
            _ = try stateUpdate("dx/dt = mu*x + s*x*xi : 1", namespace: "mu = 1/second\ns = 0.5*second**-0.5",
                                method: .euler)
        }
        assertIntegrationError("the factor of xi in dx/dt depends on the time t") {
            _ = try stateUpdate("dx/dt = -x/tau + t*s*xi : 1", namespace: "tau = 10*ms\ns = 1*second**-1.5",
                                method: .euler)
        }
    }
}
