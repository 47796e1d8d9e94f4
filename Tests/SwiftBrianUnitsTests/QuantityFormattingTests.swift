import SwiftBrianUnits
import XCTest

/// Formatting beyond the strings checked against Brian in `BrianStringTests`.
final class QuantityFormattingTests: XCTestCase {
    func testFormattingInAUnitOfAnotherDimensionThrows() {
        XCTAssertThrowsError(try (3 * mV).formatted(in: second)) { error in
            XCTAssertEqual((error as? DimensionMismatchError)?.firstDimension, .voltage)
            XCTAssertEqual((error as? DimensionMismatchError)?.secondDimension, .time)
        }
        XCTAssertThrowsError(try ([1, 2] * mV).formatted(in: amp))
    }

    func testNegativePrecisionThrows() {
        XCTAssertThrowsError(try (3 * mV).formatted(in: mV, precision: -1)) { error in
            XCTAssertEqual(error as? UnitError, .negativePrecision(-1))
        }
    }

    func testUnitSymbolsAreFoundFromTheUnitsSize() throws {
        XCTAssertEqual(try (2 * cm).formatted(in: mmetre), "20. mm")
        XCTAssertEqual(try (2 * cm).formatted(in: cm * 1), "2. cm")
        XCTAssertEqual(try (1 * hertz).formatted(in: becquerel), "1. Hz")
        XCTAssertEqual(try (3 * liter).formatted(in: liter), "3. l")
        XCTAssertEqual(try (1 * cm2).formatted(in: cm * cm), "1. cm^2")
        XCTAssertEqual(try (2 * siemens / metre2).formatted(in: siemens / metre2), "2. m^-4 kg^-1 s^3 A^2")
        XCTAssertEqual(try (2 * farad / metre).formatted(in: farad / metre), "2. F/m")
    }

    func testUnnamedUnitsPrintAsMultiples() throws {
        XCTAssertEqual(try (6 * mV).formatted(in: 3 * mV), "2. × (3. mV)")
        XCTAssertEqual(try (6 * mV).formatted(in: 3 * mV, precision: 2), "2. × (3. mV)")
    }

    func testDimensionlessQuantitiesPrintBare() throws {
        XCTAssertEqual((mV / mV).description, "1.0")
        XCTAssertEqual(try Quantity(value: 0.5).formatted(in: Quantity(value: 0.01)), "50.")
        XCTAssertEqual(QuantityArray(values: [1, 2]).description, "[1. 2.]")
    }

    func testQuantitiesWithoutANamedUnitUseBaseUnits() {
        XCTAssertEqual((4 * metre / second).description, "4. m s^-1")
        XCTAssertEqual(Quantity(value: 2, dimension: .time.raised(to: -Rational(1) / 2)).description, "2. s^-0.5")
    }

    func testLongArraysAreSummarisedAndUseTheShownValuesForTheUnit() {
        // The first and last three values are micro-volts, the hidden middle is volts.
        let values = [1e-6, 2e-6, 3e-6] + Array(repeating: 1, count: 1000) + [4e-6, 5e-6, 6e-6]
        XCTAssertEqual((values * volt).description, "[1. 2. 3. ... 4. 5. 6.] uV")
        let thousand = (Array(repeating: 1, count: 1000) * volt).description
        XCTAssertFalse(thousand.contains("..."))
        XCTAssertEqual(thousand.components(separatedBy: "1.").count - 1, 1000)
        XCTAssertTrue((Array(repeating: 1, count: 1001) * volt).description.contains(" ... "))
    }
}
