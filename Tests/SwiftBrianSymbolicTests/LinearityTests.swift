import SwiftBrianSymbolic
import XCTest

final class LinearityTests: XCTestCase {
    func testLinearExpressions() throws {
        let cases: [(String, String, String, String)] = [
            ("-v/tau", "v", "-1/tau", "0"),
            ("(El - v)/taum", "v", "-1/taum", "El/taum"),
            ("(-v + w**2)/tau", "v", "-1/tau", "w**2/tau"),
            ("x*(1 + y) - 3", "x", "1 + y", "-3"),
            ("(ge + gi - (v - El))/taum", "v", "-1/taum", "(El + ge + gi)/taum"),
            ("x*(1 + 1/x)", "x", "1", "1"),
            ("x*(x + 1) - x**2 + exp(y)", "x", "1", "exp(y)"),
            ("rand()*y", "x", "0", "rand()*y"),
        ]
        for (text, variable, coefficient, remainder) in cases {
            let expression = symbolic(text)
            XCTAssertTrue(expression.isLinear(in: variable), text)
            let split = try XCTUnwrap(expression.linearDecomposition(in: variable), text)
            XCTAssertTrue(split.coefficient.isEquivalent(to: symbolic(coefficient)), "\(text): \(split.coefficient)")
            if !split.remainder.drawnFunctions.isEmpty {
                XCTAssertEqual(split.remainder.description, "y * rand()")
            } else {
                XCTAssertTrue(split.remainder.isEquivalent(to: symbolic(remainder)), "\(text): \(split.remainder)")
            }
        }
    }

    /// The remainder keeps the shape of the expression where it can.
    func testRemainderKeepsTheExpressionsShape() throws {
        let split = try XCTUnwrap(symbolic("(gl*(El - v) + I)/Cm").linearDecomposition(in: "v"))
        XCTAssertEqual(split.remainder, symbolic("(gl*El + I)/Cm"))
    }

    func testNonlinearExpressions() {
        for text in ["x**2", "x**2 - x", "1/x", "x + 1/x", "sqrt(x)", "floor(x)", "abs(x)", "exp(x)", "tanh(x) + 1",
                     "clip(x, 0, 1)", "sin(x)", "x**y", "2**x", "(x*y)**2 + x"] {
            XCTAssertFalse(symbolic(text).isLinear(in: "x"), text)
            XCTAssertNil(symbolic(text).linearDecomposition(in: "x"), text)
        }
    }

    /// Brian's rule: the terms with the factor `x` make the coefficient, the others the remainder,
    /// even where either still reads `x` inside a function.
    func testConditionallyLinearExpressions() throws {
        let cases: [(String, String, String)] = [
            ("tanh(x) - 2*x + 1", "-2", "tanh(x) + 1"),
            ("x*exp(x)", "exp(x)", "0"),
            ("x + floor(x)", "1", "floor(x)"),
            ("int(x > 0)*x", "int(x > 0)", "0"),
            ("f(x)*x - y", "f(x)", "-y"),
            ("exprel(x)*x*(1 + y)", "exprel(x) + y*exprel(x)", "0"),
            ("(x + 1)*sin(x)", "sin(x)", "sin(x)"),
        ]
        for (text, coefficient, remainder) in cases {
            let split = try XCTUnwrap(symbolic(text).linearDecomposition(in: "x"), text)
            XCTAssertEqual(split.coefficient, symbolic(coefficient), text)
            XCTAssertEqual(split.remainder, symbolic(remainder), text)
        }
    }

    /// Hodgkin–Huxley gating equations are linear in their own variable.
    func testConditionallyLinearGating() throws {
        let gating = symbolic("0.32*(13 - v)/(exp((13 - v)/4) - 1)*(1 - m) - 0.28*(v - 40)/(exp((v - 40)/5) - 1)*m")
        XCTAssertTrue(gating.isLinear(in: "m"))
        let split = try XCTUnwrap(gating.linearDecomposition(in: "m"))
        for (v, m) in [(-63.0, 0.05), (-20.0, 0.6)] {
            let values = ["v": v, "m": m]
            let whole = try evaluate(gating, values)
            let rebuilt = try evaluate(split.coefficient, values) * m + evaluate(split.remainder, values)
            assertClose(rebuilt, whole, tolerance: 1e-13)
        }
    }

    func testLinearSystemOfCUBA() throws {
        let system = try LinearSystem([symbolic("(ge + gi - (v - El))/taum"), symbolic("-ge/taue"),
                                       symbolic("-gi/taui")], variables: ["v", "ge", "gi"])
        let matrix = (0..<3).map { row in (0..<3).map { system.coefficient(row, $0) } }
        XCTAssertEqual(matrix[0], [symbolic("-1/taum"), symbolic("1/taum"), symbolic("1/taum")])
        XCTAssertEqual(matrix[1], [0, symbolic("-1/taue"), 0])
        XCTAssertEqual(matrix[2], [0, 0, symbolic("-1/taui")])
        XCTAssertEqual(system.columns(ofRow: 1), [1])
        XCTAssertEqual(system.constants, [symbolic("El/taum"), 0, 0])
    }

    func testLinearSystemFailures() {
        XCTAssertThrowsError(try LinearSystem([symbolic("-v*w/tau"), symbolic("-w/tau")], variables: ["v", "w"])) {
            assertFailure($0, row: 0, variable: "v", dependency: "w")
        }
        XCTAssertThrowsError(try LinearSystem([symbolic("-v/tau"), symbolic("-w**3")], variables: ["v", "w"])) {
            assertFailure($0, row: 1, variable: "w", dependency: "w")
        }
        XCTAssertThrowsError(try LinearSystem([symbolic("floor(v) - w")], variables: ["v", "w"])) {
            assertFailure($0, row: 0, variable: "v", dependency: nil)
        }
    }

    private func assertFailure(_ error: Error, row: Int, variable: String, dependency: String?,
                               file: StaticString = #filePath, line: UInt = #line) {
        guard let failure = error as? LinearSystem.Failure else {
            return XCTFail("unexpected \(error)", file: file, line: line)
        }
        XCTAssertEqual(failure.row, row, file: file, line: line)
        XCTAssertEqual(failure.variable, variable, file: file, line: line)
        XCTAssertEqual(failure.dependency, dependency, file: file, line: line)
    }
}
