import Foundation
import SwiftBrianUnits
// Foundation also declares a `Dimension`; this import makes the name mean ours.
import struct SwiftBrianUnits.Dimension
import XCTest

final class QuantityArithmeticTests: XCTestCase {
    func testUnitsAreValuesInSIBaseUnits() {
        XCTAssertEqual(-65 * mV, Quantity(value: -0.065, dimension: .voltage))
        XCTAssertEqual(20 * ms, Quantity(value: 0.02, dimension: .time))
        XCTAssertEqual(ms * 20, 20 * ms)
        XCTAssertEqual(5.6 * nS, Quantity(value: 5.6e-9, dimension: .conductance))
        XCTAssertEqual(1 * Mohm, Quantity(value: 1e6, dimension: .resistance))
    }

    func testMultiplicationAndDivisionCombineDimensions() throws {
        let current = (10 * mV) / (2 * Mohm)
        XCTAssertEqual(current.dimension, .current)
        XCTAssertEqual(try current.in(nA), 5, accuracy: 1e-12)
        XCTAssertEqual((1 / ms).dimension, .frequency)
        XCTAssertEqual(try (1 / ms).in(Hz), 1000, accuracy: 1e-9)
        XCTAssertEqual(((20 * ms) / 2).value, 0.01)
        XCTAssertEqual((nS * mV).dimension, .current)
        XCTAssertEqual((200 * pF / (10 * nS)).dimension, .time)
        XCTAssertTrue((mV / volt).isDimensionless)
    }

    func testAdditionAndSubtractionOfMatchingDimensions() throws {
        XCTAssertEqual(try (20 * ms + 5 * ms).in(ms), 25, accuracy: 1e-12)
        XCTAssertEqual(try (1 * volt - 300 * mV).in(mV), 700, accuracy: 1e-9)
        XCTAssertEqual(-(3 * nA), Quantity(value: -(3 * 1e-9), dimension: .current))
        XCTAssertEqual(try Quantity(value: 2) + 1, Quantity(value: 3))
        XCTAssertEqual(try 1 - Quantity(value: 0.25), Quantity(value: 0.75))
    }

    func testAddingADimensionlessZeroKeepsTheOtherDimension() throws {
        XCTAssertEqual(try 3 * mV + 0, 3 * mV)
        XCTAssertEqual(try 0 + 3 * mV, 3 * mV)
        XCTAssertEqual(try 0 - 3 * mV, -3 * mV)
        XCTAssertEqual(try Quantity(value: 0) + 3 * mV, 3 * mV)
        XCTAssertThrowsError(try 3 * mV + 0 * second)
        XCTAssertThrowsError(try 3 * mV + 1)
    }

    func testAddingMismatchedDimensionsThrowsAnErrorNamingBothUnits() {
        XCTAssertThrowsError(try 1 * volt + 1 * second) { error in
            guard let mismatch = error as? DimensionMismatchError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(mismatch.firstDimension, .voltage)
            XCTAssertEqual(mismatch.secondDimension, .time)
            XCTAssertEqual(mismatch.operation, "Cannot calculate 1. V + 1. s")
            XCTAssertEqual(mismatch.description,
                           "Cannot calculate 1. V + 1. s, units do not match (units are volt and second).")
            XCTAssertEqual(mismatch.localizedDescription, mismatch.description)
        }
        XCTAssertThrowsError(try 3 * mV / second - 2 * amp / metre2) { error in
            XCTAssertEqual("\(error)", "Cannot calculate 0.003 m^2 kg s^-4 A^-1 - 2. m^-2 A, units do "
                + "not match (units are volt/second and amp/metre**2).")
        }
        XCTAssertThrowsError(try 3 * mV + 2) { error in
            XCTAssertEqual("\(error)",
                           "Cannot calculate 3. mV + 2.0, units do not match (units are volt and 1).")
        }
    }

    func testWholeAndFractionalPowers() throws {
        XCTAssertEqual((2 * metre).raised(to: 2), 4 * metre2)
        XCTAssertEqual((4 * metre2).raised(to: Rational(1) / 2), 2 * metre)
        XCTAssertEqual((8 * metre3).raised(to: Rational(1) / 3).dimension, .length)
        XCTAssertEqual((2 * ms).raised(to: -1).dimension, .frequency)
        XCTAssertEqual((9 * metre2).squareRoot(), 3 * metre)
        XCTAssertEqual(sqrt(16 * second), Quantity(value: 4, dimension: .time.raised(to: Rational(1) / 2)))
        XCTAssertEqual(sqrt(16 * second).raised(to: 2), 16 * second)
        XCTAssertEqual(try (4 * metre2).raised(to: 0.5), 2 * metre)
        XCTAssertEqual(try (5 * mV).raised(to: 2.0).dimension, Dimension.voltage.raised(to: 2))
        XCTAssertEqual(try Quantity(value: 2).raised(to: Double.pi).value, Foundation.pow(2, Double.pi))
    }

    func testIrrationalPowersOfDimensionalQuantitiesThrow() {
        XCTAssertThrowsError(try (5 * mV).raised(to: Double.pi)) { error in
            XCTAssertEqual(error as? UnitError,
                           .irrationalExponent(exponent: Double.pi, dimension: .voltage))
            XCTAssertTrue("\(error)".contains("volt"))
        }
        XCTAssertThrowsError(try (5 * mV).raised(to: Double.nan))
    }

    func testPowersWhoseExponentsWouldOverflowThrow() throws {
        let huge = try (2 * metre).raised(to: 1e12)
        XCTAssertThrowsError(try huge.raised(to: 1e12)) { error in
            guard case .exponentOverflow = error as? UnitError else {
                return XCTFail("unexpected error \(error)")
            }
        }
    }

    func testExpressingAQuantityInAUnit() throws {
        XCTAssertEqual(try (20 * ms).in(second), 0.02)
        XCTAssertEqual(try (-65 * mV).in(mV), -65)
        XCTAssertEqual(try (1 * cm2).in(um2), 1e8, accuracy: 1e-4)
        XCTAssertThrowsError(try (20 * ms).in(mV)) { error in
            XCTAssertEqual((error as? DimensionMismatchError)?.secondDimension, .voltage)
            XCTAssertEqual("\(error)", "Cannot express 20. ms in units of 1. mV, units do not "
                + "match (units are second and volt).")
        }
    }
}
