import SwiftBrianLanguage
import SwiftBrianSymbolic
import XCTest

/// The canonical form of `text`.
func symbolic(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> SymbolicExpression {
    do {
        return SymbolicExpression(try Expression(parsing: text))
    } catch {
        XCTFail("cannot parse \(text): \(error)", file: file, line: line)
        return 0
    }
}

/// The value of `expression` with the names in `values`, evaluated by the language's Evaluator
/// after converting back to an `Expression`.
func evaluate(_ expression: SymbolicExpression, _ values: [String: Double]) throws -> Double {
    try Evaluator(lookup: { values[$0] }).evaluate(expression.expression)
}

/// The value of the parsed `text` with the names in `values`.
func evaluate(_ text: String, _ values: [String: Double]) throws -> Double {
    try Evaluator(lookup: { values[$0] }).evaluate(try Expression(parsing: text))
}

/// Asserts `|actual - expected| <= tolerance*max(1, |expected|)`.
func assertClose(_ actual: Double, _ expected: Double, tolerance: Double, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs(actual - expected), tolerance * max(1, abs(expected)),
                             "\(actual) != \(expected) \(message)", file: file, line: line)
}
