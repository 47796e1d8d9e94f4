import SwiftBrianUnits
import XCTest

final class QuantityArrayTests: XCTestCase {
    func testElementsAreQuantities() throws {
        let voltages = [-70, -65, -60] * mV
        XCTAssertEqual(voltages.count, 3)
        XCTAssertEqual(voltages[1], -65 * mV)
        XCTAssertEqual(voltages.dimension, .voltage)
        XCTAssertEqual(Array(voltages), [-70 * mV, -65 * mV, -60 * mV])
        XCTAssertEqual(try voltages.in(mV), [-70, -65, -60])
        XCTAssertEqual(voltages.map(\.dimension), [.voltage, .voltage, .voltage])
    }

    func testBuildingFromQuantitiesChecksDimensions() throws {
        XCTAssertEqual(try QuantityArray([1 * ms, 2 * ms]), [1, 2] * ms)
        XCTAssertEqual(try QuantityArray([]), QuantityArray(values: []))
        XCTAssertThrowsError(try QuantityArray([1 * ms, 2 * mV])) { error in
            XCTAssertEqual((error as? DimensionMismatchError)?.secondDimension, .voltage)
        }
    }

    func testElementwiseArithmetic() throws {
        let a = [1, 2, 3] * mV
        let b = [10, 20, 30] * mV
        XCTAssertEqual(try (a + b).in(mV), [11, 22, 33])
        XCTAssertEqual(try (b - a).in(mV), [9, 18, 27])
        XCTAssertEqual(try (a * b).dimension, Dimension.voltage.raised(to: 2))
        XCTAssertEqual(try (b / a).values, [10, 10, 10])
        XCTAssertEqual((-a).values, [-0.001, -0.002, -0.003])
        XCTAssertEqual((a / (1 * mV)).values, [1, 2, 3])
        XCTAssertEqual(((1 * mV) / ([1, 2, 4] * mV)).values, [1, 0.5, 0.25])
        XCTAssertEqual((a * (2 * nS)).dimension, .current)
        XCTAssertEqual(((2 * nS) * a).dimension, .current)
        XCTAssertEqual((2 * a).values, [0.002, 0.004, 0.006])
        XCTAssertEqual((a * 2).values, [0.002, 0.004, 0.006])
    }

    func testScalarsAndLengthOneArraysBroadcast() throws {
        let a = [1, 2, 3] * mV
        XCTAssertEqual(try (a + 1 * mV).in(mV), [2, 3, 4])
        XCTAssertEqual(try (1 * mV - a).in(mV), [0, -1, -2])
        XCTAssertEqual(try (a - 1 * mV).in(mV), [0, 1, 2])
        XCTAssertEqual(try (1 * mV + a).in(mV), [2, 3, 4])
        XCTAssertEqual(try (QuantityArray(2 * mV) * a).count, 3)
    }

    func testMismatchedDimensionsAndLengthsThrow() {
        let a = [1, 2, 3] * mV
        XCTAssertThrowsError(try a + [1, 2, 3] * second) { error in
            XCTAssertEqual("\(error)", "Cannot calculate [1. 2. 3.] mV + [1. 2. 3.] s, units do not "
                + "match (units are volt and second).")
        }
        XCTAssertThrowsError(try a - 1 * amp)
        XCTAssertThrowsError(try a + [1, 2] * mV) { error in
            XCTAssertEqual(error as? UnitError, .lengthMismatch(
                operation: "Cannot calculate [1. 2. 3.] mV + [1. 2.] mV", firstCount: 3, secondCount: 2))
        }
        XCTAssertThrowsError(try a * ([1, 2] * mV))
        XCTAssertThrowsError(try a.in(second))
    }

    func testAllZeroDimensionlessArraysAddToAnyDimension() throws {
        let a = [1, 2, 3] * mV
        XCTAssertEqual(try (a + QuantityArray(values: [0, 0, 0])).dimension, .voltage)
        XCTAssertThrowsError(try a + QuantityArray(values: [0, 1, 0]))
    }
}
