import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// The LaTeX printer of the model description: expressions, statements, names and units.
final class LaTeXExpressionTests: XCTestCase {
    private let printer = LaTeXExpression(variables: ["v", "ge", "gi", "El", "taum", "Vt", "w", "x", "y", "a", "b"])

    private func latex(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        printer.typeset(try Expression(parsing: text))
    }

    func testFractionsSumsAndProducts() throws {
        XCTAssertEqual(try latex("(ge+gi-(v-El))/taum"), "\\frac{g_{e} + g_{i} - \\left(v - E_{l}\\right)}{\\tau_{m}}")
        XCTAssertEqual(try latex("a*(x + y)"), "a \\, \\left(x + y\\right)")
        XCTAssertEqual(try latex("2*x"), "2 \\, x")
        XCTAssertEqual(try latex("x*2"), "x \\cdot 2")
        XCTAssertEqual(try latex("a - (b - x)"), "a - \\left(b - x\\right)")
        XCTAssertEqual(try latex("-x/a"), "\\frac{-x}{a}")
        XCTAssertEqual(try latex("x // 2"), "\\left\\lfloor\\frac{x}{2}\\right\\rfloor")
        XCTAssertEqual(try latex("x % 3"), "x \\bmod 3")
    }

    func testPowersAndFunctions() throws {
        XCTAssertEqual(try latex("x**2"), "{x}^{2}")
        XCTAssertEqual(try latex("(x + 1)**(a/2)"), "{\\left(x + 1\\right)}^{\\frac{a}{2}}")
        XCTAssertEqual(try latex("exp(-x/a)"), "e^{\\frac{-x}{a}}")
        XCTAssertEqual(try latex("sqrt(x)"), "\\sqrt{x}")
        XCTAssertEqual(try latex("abs(x - y)"), "\\left|x - y\\right|")
        XCTAssertEqual(try latex("sin(x) + log(y) + log10(a)"),
                       "\\sin\\left(x\\right) + \\log\\left(y\\right) + \\log_{10}\\left(a\\right)")
        XCTAssertEqual(try latex("clip(w, 0, b)"), "\\operatorname{clip}\\left(w, 0, b\\right)")
        XCTAssertEqual(try latex("floor(x) + ceil(y)"), "\\left\\lfloor x\\right\\rfloor + \\left\\lceil y\\right\\rceil")
    }

    func testRandomNumbersAsDistributions() throws {
        XCTAssertEqual(try latex("El + rand()*(Vt - El)"),
                       "E_{l} + \\mathcal{U}(0,1) \\, \\left(V_{t} - E_{l}\\right)")
        XCTAssertEqual(try latex("randn()*x"), "\\mathcal{N}(0,1) \\, x")
    }

    func testComparisonsBooleansAndConditionals() throws {
        XCTAssertEqual(try latex("v > Vt"), "v > V_{t}")
        XCTAssertEqual(try latex("x <= y and a >= b"), "x \\leq y \\wedge a \\geq b")
        // `not` binds more loosely than a comparison, as in Python.
        XCTAssertEqual(try latex("x == y or not a != b"), "x = y \\vee \\lnot \\left(a \\neq b\\right)")
        XCTAssertEqual(try latex("(x < 1 or y > 2) and a == b"), "\\left(x < 1 \\vee y > 2\\right) \\wedge a = b")
        XCTAssertEqual(try latex("int(v > Vt)*x"), "\\operatorname{int}\\left(v > V_{t}\\right) \\, x")
        XCTAssertEqual(try latex("True"), "\\mathrm{True}")
    }

    func testNumbersAndUnits() throws {
        XCTAssertEqual(try latex("-70*mV"), "-70 \\, \\mathrm{mV}")
        XCTAssertEqual(try latex("1e-05*x"), "10^{-5} \\, x")
        XCTAssertEqual(try latex("2.5e-7"), "2.5 \\cdot 10^{-7}")
        XCTAssertEqual(try latex("0.0025"), "0.0025")
        XCTAssertEqual(try latex("x/ms + 3*Hz"), "\\frac{x}{\\mathrm{ms}} + 3 \\, \\mathrm{Hz}")
        XCTAssertEqual(try latex("5*uS"), "5 \\, \\mathrm{\\mu S}")
        // A parameter called like a unit is a name.
        XCTAssertEqual(LaTeXExpression(variables: ["ms"]).typeset(try Expression(parsing: "ms")), "m_{s}")
        XCTAssertEqual(LaTeXUnit.typeset(-49 * mV), "-49\\,\\mathrm{mV}")
        XCTAssertEqual(LaTeXUnit.typeset(Dimension.time), "\\mathrm{s}")
        XCTAssertEqual(LaTeXUnit.typeset(Dimension.dimensionless), "1")
        XCTAssertEqual(LaTeXUnit.typeset(symbol: "m^2 kg s^-3"), "\\mathrm{m}^{2}\\,\\mathrm{kg}\\,\\mathrm{s}^{-3}")
    }

    func testNames() {
        XCTAssertEqual(LaTeXName.typeset("tau"), "\\tau")
        XCTAssertEqual(LaTeXName.typeset("taum"), "\\tau_{m}")
        XCTAssertEqual(LaTeXName.typeset("tau_pre"), "\\tau_{pre}")
        XCTAssertEqual(LaTeXName.typeset("Delta"), "\\Delta")
        XCTAssertEqual(LaTeXName.typeset("v_post"), "v_{post}")
        XCTAssertEqual(LaTeXName.typeset("x1"), "x_{1}")
        XCTAssertEqual(LaTeXName.typeset("theta"), "\\theta")
        XCTAssertEqual(LaTeXName.typeset("ge"), "g_{e}")
        XCTAssertEqual(LaTeXName.typeset("v"), "v")
        XCTAssertEqual(LaTeXName.typeset("dt"), "dt")
        XCTAssertEqual(LaTeXName.typeset("wmax"), "\\mathit{wmax}")
        XCTAssertEqual(LaTeXName.typeset("number"), "\\mathit{number}")
        XCTAssertEqual(LaTeXName.typeset("I_syn_ext"), "I_{syn,ext}")
        // One subscript, never two: digits and underscores together.
        XCTAssertEqual(LaTeXName.typeset("I0__private"), "I_{0,private}")
        XCTAssertEqual(LaTeXName.typeset("r_length_1"), "r_{length,1}")
        XCTAssertEqual(LaTeXName.typeset("tau1_e"), "\\tau_{1,e}")
        XCTAssertEqual(LaTeXName.typeset("g_tau"), "g_{\\tau}")
    }

    func testStatements() throws {
        let statements = try Statement.parseLines("v = El\nge += w\nx *= 2")
        XCTAssertEqual(statements.map(printer.typeset),
                       ["v \\leftarrow E_{l}", "g_{e} \\mathrel{+=} w", "x \\mathrel{*=} 2"])
    }
}
