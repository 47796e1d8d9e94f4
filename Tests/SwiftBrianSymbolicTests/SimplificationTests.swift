import SwiftBrianLanguage
import SwiftBrianSymbolic
import XCTest

final class SimplificationTests: XCTestCase {
    func testFoldsConstantsAndDropsNeutralElements() {
        XCTAssertEqual(symbolic("2*3 + 1"), 7)
        XCTAssertEqual(symbolic("x + 0"), .symbol("x"))
        XCTAssertEqual(symbolic("x*1"), .symbol("x"))
        XCTAssertEqual(symbolic("x**1"), .symbol("x"))
        XCTAssertEqual(symbolic("x**0"), 1)
        XCTAssertEqual(symbolic("0*exp(x)"), 0)
        XCTAssertEqual(symbolic("1**y"), 1)
        XCTAssertEqual(symbolic("x/1.0"), .symbol("x"))
        XCTAssertEqual(symbolic("2**-1"), .number(SymbolicNumber(numerator: 1, denominator: 2)))
        XCTAssertEqual(symbolic("-(-x)"), .symbol("x"))
        XCTAssertEqual(symbolic("+x"), .symbol("x"))
    }

    func testKeepsExactFractions() {
        XCTAssertEqual(symbolic("x/3*3"), .symbol("x"))
        XCTAssertEqual(symbolic("k/6 + k/3").description, "k / 2")
        XCTAssertEqual(symbolic("0.5*x + 0.5*x"), .symbol("x"))
        XCTAssertEqual(SymbolicNumber(0.1).description, "0.1", "0.1 is not a short binary fraction")
    }

    func testCollectsLikeTermsAndPowers() {
        XCTAssertEqual(symbolic("2*x + x - 3*x"), 0)
        XCTAssertEqual(symbolic("x - x"), 0)
        XCTAssertEqual(symbolic("x*x**2/x"), symbolic("x**2"))
        XCTAssertEqual(symbolic("a*b*a"), symbolic("a**2*b"))
        XCTAssertEqual(symbolic("sqrt(x)*sqrt(x)"), .symbol("x"))
        XCTAssertEqual(symbolic("(x**2)**3"), symbolic("x**6"))
        XCTAssertEqual(symbolic("(2*x)**2"), symbolic("4*x**2"))
        XCTAssertEqual(symbolic("tau*v/tau"), .symbol("v"))
        XCTAssertEqual(symbolic("exp(a + b) - exp(b + a)"), 0, "function arguments are canonical too")
    }

    func testFlattensAndDistributesNumbers() {
        XCTAssertEqual(symbolic("(a + (b + c)) + d"), symbolic("a + b + c + d"))
        XCTAssertEqual(symbolic("2*(x + y) - 2*x"), symbolic("2*y"))
        XCTAssertEqual(symbolic("x - (y - x)"), symbolic("2*x - y"))
    }

    func testDoesNotTakeRootsOfSquaresOrMergeDraws() {
        XCTAssertNotEqual(symbolic("(x**2)**0.5"), .symbol("x"), "sqrt(x**2) is |x|, not x")
        XCTAssertFalse(symbolic("rand() - rand()").isZero, "two draws are different numbers")
        let twoDraws = symbolic("rand() + rand()")
        XCTAssertEqual(twoDraws.description, "rand() + rand()")
        XCTAssertEqual(twoDraws.drawnFunctions, ["rand"])
    }

    func testFoldsComparisonsOfNumbersOnly() {
        XCTAssertEqual(symbolic("3 > 2"), 1)
        XCTAssertEqual(symbolic("not (1 > 2)"), 1)
        XCTAssertEqual(symbolic("v > 1").description, "v > 1")
        XCTAssertEqual(symbolic("7 // 2"), 3)
        XCTAssertEqual(symbolic("-7 % 3"), 2)
    }

    func testWritesReadableExpressions() {
        XCTAssertEqual(symbolic("-v*dt/tau + v").description, "v - dt * v / tau")
        XCTAssertEqual(symbolic("(El - v)/taum").description, "(El - v) / taum")
        XCTAssertEqual(symbolic("sigma*sqrt(2/tau)").description, "sigma * sqrt(2 / tau)")
        XCTAssertEqual(symbolic("1/sqrt(x)").description, "1 / sqrt(x)")
        XCTAssertEqual(symbolic("-x - y").description, "-x - y")
        XCTAssertEqual(symbolic("x**-2").description, "1 / x ** 2")
        XCTAssertEqual(symbolic("-3*a/(2*b*c)").description, "-3 * a / (2 * b * c)")
    }

    func testMultipliesOut() {
        XCTAssertEqual(symbolic("(x + 1)*(x - 1)").expanded, symbolic("x**2 - 1"))
        XCTAssertEqual(symbolic("(a + b)**2").expanded, symbolic("a**2 + 2*a*b + b**2"))
        XCTAssertEqual(symbolic("(a + b)/c").expanded, symbolic("a/c + b/c"))
        XCTAssertTrue(symbolic("x*(y + 1) - x*y - x").isEquivalent(to: 0))
        XCTAssertFalse(symbolic("x*(y + 1)").isEquivalent(to: symbolic("x*y")))
    }

    /// Simplifying never changes a value: every expression is evaluated before and after.
    func testCanonicalFormKeepsTheValue() throws {
        let values = ["x": 0.7, "y": -1.3, "z": 2.5, "tau": 0.02, "v": -0.065]
        let texts = [
            "(x + y)*(x - y)/z", "x**2.5 + y**2 - 3*x*y", "exp(-v/tau)*(x - y) + 2*(x - y)",
            "sqrt(z)*sqrt(z)*x - x*z", "-(x - (y - (z - v)))", "x/(y*z) - 1/(z*y)*x + y",
            "abs(y)*sign(y) - y + clip(x, 0, 0.5)", "(1 + x)**3 - (1 + x)**2", "2**x*2**y",
            "int(x > 0.5)*y + floor(z) - ceil(-z)", "v > -0.07 and x < 1", "log10(z)*log(z)/tau",
        ]
        for text in texts {
            let canonical = symbolic(text)
            let expected = try evaluate(text, values)
            assertClose(try evaluate(canonical, values), expected, tolerance: 1e-12, text)
            assertClose(try evaluate(canonical.expanded, values), expected, tolerance: 1e-12, "expanded " + text)
            let reparsed = symbolic(canonical.description)
            assertClose(try evaluate(reparsed, values), expected, tolerance: 1e-12, "reparsed " + text)
        }
    }

    func testNumericValue() {
        let lookup: (String) -> Double? = { ["tau": 0.01, "dt": 0.001][$0] }
        XCTAssertEqual(symbolic("exp(-dt/tau)").numericValue(lookup) ?? .nan, exp(-0.1), accuracy: 1e-15)
        XCTAssertNil(symbolic("v/tau").numericValue(lookup))
        XCTAssertNil(symbolic("rand()*tau").numericValue(lookup))
    }
}
