import SwiftBrianIntegration
import XCTest

final class MilsteinTests: XCTestCase {
    /// Brian's correction uses dW**2 where the textbook derivative-free Milstein scheme has
    /// dW**2 - dt, so it converges to the Stratonovich solution (the Itô one differs by a drift).
    /// Without drift it is the Stratonovich Milstein scheme, of strong order 1. With drift, the
    /// correction also carries (g'*f/2)*dt**0.5*dW**2, whose mean (g'*f/2)*dt**1.5 per step adds
    /// up to an error of order dt**0.5: Brian's scheme has strong order 1/2 there, and so has this
    /// port, which generates the same code.
    func testConvergesToTheStratonovichSolution() throws {
        let driftless = GeometricBrownianMotion(mu: 0)
        XCTAssertEqual(try driftless.strongOrder(.milstein), 1, accuracy: 0.25)
        for steps in [32, 128] {
            XCTAssertEqual(try driftless.strongError(.milstein, steps: steps),
                           try driftless.strongError(.heun, steps: steps), accuracy: 1e-12)
        }
        XCTAssertEqual(try GeometricBrownianMotion(mu: 0.5).strongOrder(.milstein), 0.5, accuracy: 0.2)
    }

    func testDerivativeFreeCorrection() throws {
        let model = GeometricBrownianMotion(mu: 0.5)
        let update = try stateUpdate(model.equations, namespace: model.namespace, method: .milstein)
        XCTAssertEqual(update.statements.map(\.description), [
            "xi = dt ** 0.5 * randn()",
            "_x_support_x_xi = x + dt * (mu * x) + dt ** 0.5 * (s * x)",
            "_g_support_x_xi = s * _x_support_x_xi",
            "_k_x_xi = (_g_support_x_xi - s * x) * xi ** 2 / (2 * dt ** 0.5)",
            "_x = x + dt * (mu * x) + s * x * xi + _k_x_xi",
            "x = _x",
        ])
    }

    /// With additive noise the correction vanishes and milstein is Euler–Maruyama.
    func testAdditiveNoiseIsEulerMaruyama() throws {
        let equations = "dx/dt = -x/tau + s*xi : 1", namespace = "tau = 10*ms\ns = 1*second**-0.5"
        XCTAssertEqual(try stateUpdate(equations, namespace: namespace, method: .milstein).statements,
                       try stateUpdate(equations, namespace: namespace, method: .euler).statements)
    }

    func testRefusesNonDiagonalNoise() {
        assertIntegrationError("'milstein' cannot integrate these equations: its noise is not diagonal: dx/dt uses xi_1 and xi_2") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi_1 + s*xi_2 : 1", namespace: "tau = 10*ms\ns = 1*second**-0.5",
                                method: .milstein)
        }
        assertIntegrationError("its noise is not diagonal: xi appears in dx/dt and dy/dt") {
            _ = try stateUpdate("dx/dt = -x/tau + s*xi : 1\ndy/dt = -y/tau + s*xi : 1",
                                namespace: "tau = 10*ms\ns = 1*second**-0.5", method: .milstein)
        }
    }
}
