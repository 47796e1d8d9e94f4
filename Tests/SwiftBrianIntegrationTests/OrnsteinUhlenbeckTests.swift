import Foundation
import SwiftBrianIntegration
import XCTest

/// dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi: stationary mean mu and variance sigma**2.
final class OrnsteinUhlenbeckTests: XCTestCase {
    let (mu, sigma, tau, dt) = (0.5, 0.2, 0.01, 0.001)

    /// With additive noise, euler, heun and milstein all give the AR(1) chain
    /// x' = c*x + (1 - c)*mu + sigma*sqrt(2*dt/tau)*N(0, 1), c = 1 - dt/tau = 0.9, whose stationary
    /// variance is V = sigma**2*(2*dt/tau)/(1 - c**2) (about 5% above sigma**2 at this dt).
    /// From one seeded chain of n = 20000 steps after a burn-in of 200 steps, the standard errors
    /// of the sample mean and of the mean of (x - mu)**2 are sqrt(V/n*(1 + c)/(1 - c)) and
    /// V*sqrt(2/n*(1 + c**2)/(1 - c**2)); the bound is 5 standard errors.
    func testStationaryMeanAndVariance() throws {
        let c = 1 - dt / tau
        let variance = sigma * sigma * (2 * dt / tau) / (1 - c * c)
        let (burnIn, n) = (200, 20000)
        let meanError = (variance / Double(n) * (1 + c) / (1 - c)).squareRoot()
        let varianceError = variance * (2 / Double(n) * (1 + c * c) / (1 - c * c)).squareRoot()
        let analyzed = try analyze("dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1",
                                   namespace: "mu = 0.5\nsigma = 0.2\ntau = 10*ms")
        for method in [IntegrationMethod.euler, .heun, .milstein] {
            var stepper = Stepper(try StateUpdate.make(for: analyzed, method: method), analyzed, values: ["x": mu])
            let generator = SeededNormal(seed: 20240612)
            var (sum, squares) = (0.0, 0.0)
            for step in 0..<(burnIn + n) {
                try stepper.step(t: Double(step) * dt, dt: dt, normal: generator.normal)
                guard step >= burnIn, let x = stepper.values["x"] else { continue }
                sum += x
                squares += (x - mu) * (x - mu)
            }
            XCTAssertEqual(sum / Double(n), mu, accuracy: 5 * meanError, "\(method) mean")
            XCTAssertEqual(squares / Double(n), variance, accuracy: 5 * varianceError, "\(method) variance")
        }
    }

    /// Brian's automatic choice for additive noise is euler (Euler–Maruyama).
    func testAutomaticChoiceIsEuler() throws {
        let update = try stateUpdate("dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1",
                                     namespace: "mu = 0.5\nsigma = 0.2\ntau = 10*ms")
        XCTAssertEqual(update.method, .euler)
    }
}
