import SwiftBrianIntegration
import XCTest

final class StochasticHeunTests: XCTestCase {
    /// Brian's heun integrates the drift with forward Euler: on ODEs it is euler, order 1.
    func testEqualsEulerOnDeterministicEquations() throws {
        for model in SolvedModel.all {
            let heun = try stateUpdate(model.equations, namespace: model.namespace, method: .heun)
            let euler = try stateUpdate(model.equations, namespace: model.namespace, method: .euler)
            XCTAssertEqual(heun.statements, euler.statements, model.name)
            XCTAssertEqual(try model.order(.heun), 1, accuracy: 0.1, model.name)
        }
    }

    /// Strong order 1 for scalar multiplicative noise, against the Stratonovich solution.
    func testStrongOrderOneOnGeometricBrownianMotion() throws {
        XCTAssertEqual(try GeometricBrownianMotion(mu: 0.5).strongOrder(.heun), 1, accuracy: 0.25)
    }

    func testSupportValuesForMultiplicativeNoise() throws {
        let model = GeometricBrownianMotion(mu: 0.5)
        let update = try stateUpdate(model.equations, namespace: model.namespace, method: .heun)
        XCTAssertEqual(update.statements.map(\.description), [
            "xi = dt ** 0.5 * randn()",
            "_x_support_x_xi = x + s * x * xi",
            "_g_support_x_xi = s * _x_support_x_xi",
            "_x = x + dt * (mu * x) + xi * (s * x + _g_support_x_xi) / 2",
            "x = _x",
        ])
    }

    /// Several noise terms, shared between equations, as Brian allows for heun.
    func testNonDiagonalNoise() throws {
        let update = try stateUpdate("""
            dx/dt = -x/tau + s*x*xi_1 + s*xi_2 : 1
            dy/dt = -y/tau + s*x*xi_1 : 1
            """, namespace: "tau = 10*ms\ns = 1*second**-0.5", method: .heun)
        XCTAssertEqual(update.statements.map(\.description), [
            "xi_1 = dt ** 0.5 * randn()",
            "xi_2 = dt ** 0.5 * randn()",
            "_x_support_x_xi_1 = x + s * x * xi_1",
            "_g_support_x_xi_1 = s * _x_support_x_xi_1",
            "_g_support_y_xi_1 = s * _x_support_x_xi_1",
            "_x = x + dt * (-x / tau) + xi_1 * (s * x + _g_support_x_xi_1) / 2 + s * xi_2",
            "_y = y + dt * (-y / tau) + xi_1 * (s * x + _g_support_y_xi_1) / 2",
            "x = _x",
            "y = _y",
        ])
    }
}
