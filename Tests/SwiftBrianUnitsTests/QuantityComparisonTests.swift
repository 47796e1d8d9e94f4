import SwiftBrianUnits
import XCTest

final class QuantityComparisonTests: XCTestCase {
    func testComparisonsOfTheSameDimension() throws {
        XCTAssertTrue(try (-70 * mV).isLess(than: -65 * mV))
        XCTAssertFalse(try (-65 * mV).isLess(than: -65 * mV))
        XCTAssertTrue(try (-65 * mV).isLessThanOrEqual(to: -0.065 * volt))
        XCTAssertTrue(try (1 * second).isGreater(than: 999 * ms))
        XCTAssertFalse(try (1 * ms).isGreater(than: 1 * second))
        XCTAssertTrue(try (1 * ms).isGreaterThanOrEqual(to: 1000 * usecond))
        XCTAssertFalse(try (1 * ms).isGreaterThanOrEqual(to: 1001 * usecond))
    }

    func testComparingWithDimensionlessZeroOrInfinityIsAllowed() throws {
        XCTAssertTrue(try (3 * mV).isGreater(than: Quantity(value: 0)))
        XCTAssertTrue(try Quantity(value: 0).isLess(than: 3 * mV))
        XCTAssertTrue(try (3 * mV).isLess(than: Quantity(value: .infinity)))
        XCTAssertTrue(try (3 * mV).isGreater(than: Quantity(value: -.infinity)))
    }

    func testComparingDifferentDimensionsThrows() {
        XCTAssertThrowsError(try (3 * mV).isLess(than: 2 * amp)) { error in
            XCTAssertEqual("\(error)", "Cannot compare 3. mV < 2. A, units do not match "
                + "(units are volt and amp).")
        }
        XCTAssertThrowsError(try (3 * mV).isGreater(than: 0 * second))
        XCTAssertThrowsError(try (3 * mV).isLessThanOrEqual(to: Quantity(value: 1)))
        XCTAssertThrowsError(try (3 * mV).isGreaterThanOrEqual(to: .infinity * second))
    }

    func testEqualityComparesValueAndDimension() {
        XCTAssertEqual(1000 * mV, 1 * volt)
        XCTAssertNotEqual(1 * volt, 1 * amp)
        XCTAssertNotEqual(1 * volt, 1.5 * volt)
        XCTAssertEqual(Set([1 * volt, 1000 * mV, 1 * amp]).count, 2)
    }
}
