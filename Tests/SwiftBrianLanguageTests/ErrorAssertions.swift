import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

/// Asserts that `body` throws a `ModelError` whose message contains `message` and whose caret
/// underlines exactly `excerpt` (nil: the error must have no place).
func assertModelError(_ message: String, under excerpt: String?, kind: ModelError.Kind? = nil,
                      file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected an error containing \"\(message)\"", file: file, line: line)
    } catch let error as ModelError {
        XCTAssertTrue(error.message.contains(message), "message was: \(error)", file: file, line: line)
        XCTAssertEqual(error.excerpt, excerpt, "caret under the wrong text:\n\(error)", file: file, line: line)
        if let kind { XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line) }
        if excerpt != nil {
            XCTAssertTrue(error.description.contains("^"), "no caret in:\n\(error)", file: file, line: line)
        }
    } catch {
        XCTFail("expected a ModelError, got \(error)", file: file, line: line)
    }
}
