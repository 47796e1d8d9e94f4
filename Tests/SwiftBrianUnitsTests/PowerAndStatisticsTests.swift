import SwiftBrianUnits
import XCTest

/// `**` as Brian users write it, and `min`/`max`/`mean` on quantity arrays (issue 10).
final class PowerAndStatisticsTests: XCTestCase {
    func testPowerBindsTighterThanMultiplication() throws {
        let capacitance = try 1 * ufarad * cm ** -2
        XCTAssertEqual(capacitance.dimension, ufarad.dimension / cmetre2.dimension)
        XCTAssertEqual(capacitance.value, 1e-2, accuracy: 1e-15)
        XCTAssertEqual(try (20 * ms) ** 2, (20 * ms) * (20 * ms))
        XCTAssertEqual(try metre2 ** (Rational(1) / 2), metre)
        XCTAssertEqual(try 2 * mV ** 0, 2 * Quantity(value: 1))
    }

    func testPowerOverflowIsAnError() {
        XCTAssertThrowsError(try metre2 ** Int.max) { error in
            XCTAssertTrue("\(error)".contains("overflow") || "\(error)".contains("too large"), "\(error)")
        }
    }

    func testMinMaxMean() {
        let voltages = [-70, -65, -60] * mV
        XCTAssertEqual(voltages.min(), -70 * mV)
        XCTAssertEqual(voltages.max(), -60 * mV)
        XCTAssertEqual(voltages.mean().value, -0.065, accuracy: 1e-15)
        XCTAssertEqual(voltages.mean().dimension, .voltage)
        let empty = QuantityArray(values: [], dimension: .voltage)
        XCTAssertTrue(empty.mean().value.isNaN)
        XCTAssertTrue(empty.min().value.isNaN)
        XCTAssertEqual(empty.max().dimension, .voltage)
    }

    /// NumPy's `std` (population standard deviation): np.std([-70, -65, -60]) = 4.0825 mV.
    func testStandardDeviation() {
        let voltages = [-70, -65, -60] * mV
        XCTAssertEqual(voltages.std().value, 0.005 * (2.0 / 3).squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(voltages.std().dimension, .voltage)
        XCTAssertEqual(([2] * mV).std().value, 0)
        XCTAssertTrue(QuantityArray(values: [], dimension: .voltage).std().value.isNaN)
    }
}
