@testable import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

final class ParserTests: XCTestCase {
    private func parse(_ text: String) throws -> Expression { try Expression(parsing: text) }

    func testPrecedenceFollowsPython() throws {
        XCTAssertEqual(try parse("1 + 2*3").description, "1 + 2 * 3")
        XCTAssertEqual(try parse("(1 + 2)*3").description, "(1 + 2) * 3")
        XCTAssertEqual(try parse("-x**2").node, .unary(.negate, Expression(.binary(.power, try parse("x"), try parse("2")))))
        XCTAssertEqual(try parse("2**-1").description, "2 ** -1")
        XCTAssertEqual(try parse("2**3**2").description, "2 ** 3 ** 2")
        XCTAssertEqual(try parse("(2**3)**2").description, "(2 ** 3) ** 2")
        XCTAssertEqual(try parse("a - (b - c)").description, "a - (b - c)")
        XCTAssertEqual(try parse("a - b - c").description, "a - b - c")
        XCTAssertEqual(try parse("a / (b * c)").description, "a / (b * c)")
        XCTAssertEqual(try parse("not a and b or c").description, "not a and b or c")
        XCTAssertEqual(try parse("not (a and b)").description, "not (a and b)")
        XCTAssertEqual(try parse("a > 1 and b <= 2").description, "a > 1 and b <= 2")
        XCTAssertEqual(try parse("x // 2 % 3").description, "x // 2 % 3")
        XCTAssertEqual(try parse("+x").description, "+x")
    }

    func testLiterals() throws {
        XCTAssertEqual(try parse("3").node, .integer(3))
        XCTAssertEqual(try parse("3.").node, .float(3))
        XCTAssertEqual(try parse(".5").node, .float(0.5))
        XCTAssertEqual(try parse("1e-3").node, .float(1e-3))
        XCTAssertEqual(try parse("2.5E+2").node, .float(250))
        XCTAssertEqual(try parse("True").node, .boolean(true))
        XCTAssertEqual(try parse("False").node, .boolean(false))
    }

    func testComparisonChainsBecomeConjunctions() throws {
        let chain = try parse("0 < x < 1")
        XCTAssertEqual(chain, try parse("0 < x and x < 1"))
    }

    func testCallsAndSpans() throws {
        let text = "clip(v, -1, exp(w))"
        let expression = try parse(text)
        guard case .call("clip", let arguments) = expression.node else { return XCTFail("not a call") }
        XCTAssertEqual(arguments.count, 3)
        XCTAssertEqual(expression.span, SourceSpan(0, text.utf8.count))
        XCTAssertEqual(SourceText(text, role: "x").excerpt(arguments[2].span), "exp(w)")
        XCTAssertEqual(expression.functionNames, ["clip", "exp"])
        XCTAssertEqual(expression.identifiers, ["v", "w"])
    }

    func testPrintedExpressionsParseBackToTheSameTree() throws {
        let texts = ["(El - v)/taum", "-(a + b)*c", "a**-0.5", "-2**2", "(-2)**2", "x - -y", "a/b/c", "a/(b/c)",
                     "not not True", "exp(-t/tau)*sin(2*pi*f*t)", "1e-20*x", "(a < b) == (c < d)"]
        for text in texts {
            let expression = try parse(text)
            XCTAssertEqual(try parse(expression.description), expression, text)
        }
    }

    func testStatements() throws {
        let statements = try Statement.parseLines("""
            v = Vr   # reset
            w += b

            x -= 1; y *= 2;
            """)
        XCTAssertEqual(statements.map(\.description), ["v = Vr", "w += b", "x -= 1", "y *= 2"])
        XCTAssertEqual(statements[1].expanded.description, "w = w + b")
        XCTAssertEqual(statements[2].operator, .subtract)
    }

    func testNewlinesInsideParenthesesAndBackslashContinuations() throws {
        XCTAssertEqual(try parse("(a +\n b)").description, "a + b")
        let statements = try Statement.parseLines("v = a + \\\n  b\nw = 1")
        XCTAssertEqual(statements.map(\.description), ["v = a + b", "w = 1"])
    }

    func testRenderedErrorShowsTheLineAndACaret() throws {
        let source = SourceText("x = 1\ny = a ? b", role: "reset")
        let error = ModelError(.syntax, "Unexpected character '?'", source: source, span: SourceSpan(12, 13))
        XCTAssertEqual(error.description, "Unexpected character '?'\nreset, line 2:\n    y = a ? b\n          ^")
    }
}
