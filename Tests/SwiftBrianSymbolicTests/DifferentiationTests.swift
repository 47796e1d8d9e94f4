import SwiftBrianSymbolic
import XCTest

final class DifferentiationTests: XCTestCase {
    /// Central finite difference of `text` in `variable` at `values`.
    private func finiteDifference(_ text: String, _ variable: String, _ values: [String: Double]) throws -> Double {
        let h = 1e-6 * max(1, abs(values[variable] ?? 0))
        var up = values, down = values
        up[variable, default: 0] += h
        down[variable, default: 0] -= h
        return (try evaluate(text, up) - evaluate(text, down)) / (2 * h)
    }

    /// Checks the symbolic derivative against a finite difference at each point.
    private func check(_ text: String, _ variable: String = "x", at points: [[String: Double]],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let derivative = try symbolic(text, file: file, line: line).derivative(withRespectTo: variable)
        for point in points {
            let expected = try finiteDifference(text, variable, point)
            assertClose(try evaluate(derivative, point), expected, tolerance: 1e-6,
                        "d/d\(variable) \(text) = \(derivative) at \(point)", file: file, line: line)
        }
    }

    func testEveryBuiltinFunctionMatchesFiniteDifferences() throws {
        let points: [[String: Double]] = [["x": 0.3, "y": 1.7], ["x": -0.45, "y": 0.6]]
        let positive: [[String: Double]] = [["x": 0.3, "y": 1.7], ["x": 2.2, "y": 0.6]]
        for text in ["exp(2*x)", "sin(x*y)", "cos(x**2)", "tan(x)", "sinh(x)", "cosh(y*x)", "tanh(3*x)",
                     "arcsin(x)", "arccos(x/2)", "arctan(x*y)", "abs(x - 1)", "exprel(x)", "exprel(-3*x)",
                     "expm1(2*x)", "log1p(x*y)", "timestep(x, y) + x",
                     "sqrt(x**2 + y)", "x**3 - 2*x*y", "(x + 1)/(x**2 + y)", "y**x",
                     "clip(3*x, -0.5, 0.5)*y", "clip(y, x, 2)"] {
            try check(text, at: points)
        }
        for text in ["log(x)", "log10(x*y)", "x**y", "x**x", "x**y*exp(-x)", "sqrt(x)", "1/sqrt(x)", "x**2.5"] {
            try check(text, at: positive)
        }
    }

    func testPartialDerivativesWithRespectToOtherNames() throws {
        try check("x**y", "y", at: [["x": 1.5, "y": 0.7]])
        try check("(El - v)/taum + I/C", "v", at: [["El": -0.07, "v": -0.06, "taum": 0.02, "I": 1e-9, "C": 2e-10]])
        try check("exp((v - VT)/DeltaT)*gL*DeltaT", "v", at: [["v": -0.05, "VT": -0.05, "DeltaT": 0.002, "gL": 1e-8]])
    }

    func testSimpleRulesGiveSimpleForms() throws {
        XCTAssertEqual(try symbolic("-v/tau").derivative(withRespectTo: "v"), symbolic("-1/tau"))
        XCTAssertEqual(try symbolic("x**3").derivative(withRespectTo: "x"), symbolic("3*x**2"))
        XCTAssertEqual(try symbolic("exp(-x/tau)").derivative(withRespectTo: "x"), symbolic("-exp(-x/tau)/tau"))
        XCTAssertEqual(try symbolic("abs(x)").derivative(withRespectTo: "x"), symbolic("sign(x)"))
        XCTAssertEqual(try symbolic("w*exp(y)").derivative(withRespectTo: "x"), 0)
    }

    func testPiecewiseConstantFunctionsAndDrawsHaveZeroDerivative() throws {
        for text in ["int(x)", "floor(3*x)", "ceil(x)", "sign(x)", "x > 1", "not (x > 1)", "rand()*y", "randn()"] {
            XCTAssertEqual(try symbolic(text).derivative(withRespectTo: "x"), 0, text)
        }
    }

    func testUnknownFunctionsCannotBeDifferentiated() {
        XCTAssertThrowsError(try symbolic("f(x) + 1").derivative(withRespectTo: "x")) { error in
            XCTAssertEqual((error as? DifferentiationError)?.function, "f")
            XCTAssertEqual((error as? DifferentiationError)?.variable, "x")
        }
        XCTAssertEqual(try symbolic("f(y) + x").derivative(withRespectTo: "x"), 1, "f does not depend on x")
    }
}
