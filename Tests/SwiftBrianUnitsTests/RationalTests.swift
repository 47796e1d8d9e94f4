import SwiftBrianUnits
import XCTest

final class RationalTests: XCTestCase {
    private func fraction(_ numerator: Int, _ denominator: Int) throws -> Rational {
        try XCTUnwrap(Rational(numerator: numerator, denominator: denominator))
    }

    func testFractionsAreStoredInLowestTermsWithPositiveDenominator() throws {
        let half = try fraction(-3, -6)
        XCTAssertEqual(half.numerator, 1)
        XCTAssertEqual(half.denominator, 2)
        let negative = try fraction(4, -6)
        XCTAssertEqual(negative.numerator, -2)
        XCTAssertEqual(negative.denominator, 3)
        XCTAssertEqual(try fraction(0, -5), Rational(0))
        XCTAssertEqual(try fraction(2, 4), try fraction(1, 2))
    }

    func testInvalidFractionsAreRejectedNotTrapped() {
        XCTAssertNil(Rational(numerator: 1, denominator: 0))
        XCTAssertNil(Rational(numerator: 1, denominator: Int.min))
        XCTAssertNotNil(Rational(numerator: Int.min, denominator: Int.min))
    }

    func testArithmetic() throws {
        let half = try fraction(1, 2)
        let third = try fraction(1, 3)
        XCTAssertEqual(half + third, try fraction(5, 6))
        XCTAssertEqual(half - third, try fraction(1, 6))
        XCTAssertEqual(half * third, try fraction(1, 6))
        XCTAssertEqual(half / third, try fraction(3, 2))
        XCTAssertEqual(-half, try fraction(-1, 2))
        XCTAssertEqual(Rational(3) * half, try fraction(3, 2))
        XCTAssertEqual((-half).magnitude, half)
    }

    func testComparisonIsExact() throws {
        XCTAssertLessThan(try fraction(1, 3), try fraction(1, 2))
        XCTAssertLessThan(try fraction(-1, 2), Rational(0))
        XCTAssertGreaterThan(Rational(Int.max), try fraction(Int.max - 1, 1))
        XCTAssertLessThan(try fraction(Int.max - 1, Int.max), Rational(1))
    }

    func testApproximatingFindsSimpleFractions() throws {
        XCTAssertEqual(Rational(approximating: 0.5), try fraction(1, 2))
        XCTAssertEqual(Rational(approximating: 1 / 3.0), try fraction(1, 3))
        XCTAssertEqual(Rational(approximating: -1.5), try fraction(-3, 2))
        XCTAssertEqual(Rational(approximating: 2), Rational(2))
        XCTAssertEqual(Rational(approximating: -7), Rational(-7))
        XCTAssertEqual(Rational(approximating: 0), Rational(0))
        XCTAssertEqual(Rational(approximating: 0.001), try fraction(1, 1000))
        XCTAssertEqual(Rational(approximating: 2 / 3.0 + 1e-12), try fraction(2, 3))
    }

    func testApproximatingRejectsWhatHasNoSmallFraction() {
        XCTAssertNil(Rational(approximating: Double.pi))
        XCTAssertNil(Rational(approximating: 2.0.squareRoot()))
        XCTAssertNil(Rational(approximating: 1 / 1001.0))
        XCTAssertNil(Rational(approximating: .nan))
        XCTAssertNil(Rational(approximating: .infinity))
        XCTAssertNil(Rational(approximating: 1e300))
    }

    func testMultiplicationReportsOverflow() throws {
        let big = Rational(Int.max / 2)
        XCTAssertTrue(big.multipliedReportingOverflow(by: 4).overflow)
        let product = try fraction(6, 5).multipliedReportingOverflow(by: try fraction(5, 3))
        XCTAssertFalse(product.overflow)
        XCTAssertEqual(product.partialValue, 2)
        // Cross-cancelling avoids overflow that a naive product would hit.
        let huge = try fraction(Int.max, 3)
        XCTAssertEqual(huge.multipliedReportingOverflow(by: try fraction(3, Int.max)).partialValue, 1)
    }

    func testDescriptionAndDoubleValue() throws {
        XCTAssertEqual(Rational(3).description, "3")
        XCTAssertEqual(try fraction(-1, 2).description, "-1/2")
        XCTAssertEqual(try fraction(1, 4).doubleValue, 0.25)
        XCTAssertTrue(Rational(4).isInteger)
        XCTAssertFalse(try fraction(4, 3).isInteger)
    }
}
