@testable import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

final class AnalysisTests: XCTestCase {
    private func dimension(_ text: String, _ variables: [VariableDescription] = [],
                           namespace: Namespace = Namespace()) throws -> Dimension {
        let source = SourceText(text, role: "expression")
        let checker = DimensionChecker(scope: Scope(variables: VariableDescription.builtins + variables,
                                                    namespace: namespace), source: source)
        return try checker.dimension(of: try Parser.expression(source))
    }

    private let v = VariableDescription(name: "v", dimension: volt.dimension, kind: .state, isWritable: true,
                                        isConstant: false)

    func testDimensionInference() throws {
        XCTAssertEqual(try dimension("v/ms", [v]), (volt / second).dimension)
        XCTAssertEqual(try dimension("v*v", [v]), (volt * volt).dimension)
        XCTAssertEqual(try dimension("sqrt(v*v)", [v]), volt.dimension)
        XCTAssertEqual(try dimension("v**2", [v]), (volt * volt).dimension)
        XCTAssertEqual(try dimension("(v/mV)**1.5", [v]), .dimensionless)
        XCTAssertEqual(try dimension("abs(-v)", [v]), volt.dimension)
        XCTAssertEqual(try dimension("clip(v, -mV, mV)", [v]), volt.dimension)
        XCTAssertEqual(try dimension("v > 3*mV and not (v < 0*volt)", [v]), .dimensionless)
        XCTAssertEqual(try dimension("exprel(v/mV) + sign(v) + int(i/2) + rand() + randn()", [v]), .dimensionless)
        XCTAssertEqual(try dimension("t*N + dt*i"), second.dimension)
        XCTAssertEqual(try dimension("xi"), Dimension.time.raised(to: Rational(-1) / 2))
        XCTAssertEqual(try dimension("pi*e + inf"), .dimensionless)
    }

    func testResolutionOrderModelThenNamespaceThenUnits() throws {
        // A model variable hides a namespace value of the same name, which hides a unit.
        let namespace: Namespace = ["v": 3 * second, "metre": 1 * amp]
        XCTAssertEqual(try dimension("v", [v], namespace: namespace), volt.dimension)
        XCTAssertEqual(try dimension("v", namespace: namespace), second.dimension)
        XCTAssertEqual(try dimension("metre", namespace: namespace), amp.dimension)
        XCTAssertEqual(try dimension("metre"), metre.dimension)
    }

    func testUserFunctionsWithUnitSignatures() throws {
        let rate = Function("rate_of", arguments: [.dimension(volt.dimension)], result: .dimension(hertz.dimension)) {
            $0[0] * 1000
        }
        let namespace = Namespace([:], functions: [rate])
        XCTAssertEqual(try dimension("rate_of(v)", [v], namespace: namespace), hertz.dimension)
        XCTAssertThrowsError(try dimension("rate_of(1)", [v], namespace: namespace)) { error in
            XCTAssertTrue("\(error)".contains("argument 1 of 'rate_of' must be in volt"), "\(error)")
        }
        let evaluator = Evaluator(lookup: { $0 == "v" ? 0.002 : nil }, function: { namespace.functions[$0] })
        XCTAssertEqual(try evaluator.evaluate(try Expression(parsing: "rate_of(v)")), 2, accuracy: 1e-12)
    }

    func testEvaluatorFollowsPythonSemantics() throws {
        let evaluator = Evaluator(lookup: { ["x": -1.7, "y": 3][$0] })
        func value(_ text: String) throws -> Double { try evaluator.evaluate(try Expression(parsing: text)) }
        XCTAssertEqual(try value("int(x)"), -1)
        XCTAssertEqual(try value("floor(x)"), -2)
        XCTAssertEqual(try value("ceil(x)"), -1)
        XCTAssertEqual(try value("-7 % 3"), 2)
        XCTAssertEqual(try value("7 % -3"), -2)
        XCTAssertEqual(try value("-7 // 2"), -4)
        XCTAssertEqual(try value("7 / 2"), 3.5)
        XCTAssertEqual(try value("sign(0) + sign(x)"), -1)
        XCTAssertEqual(try value("clip(y, 0, 2)"), 2)
        XCTAssertEqual(try value("2**-1"), 0.5)
        XCTAssertEqual(try value("-2**2"), -4)
        XCTAssertEqual(try value("x < 0 and y > 2"), 1)
        XCTAssertEqual(try value("not (x < 0) or False"), 0)
        XCTAssertEqual(try value("exprel(0)"), 1)
        XCTAssertEqual(try value("exprel(1e-10)"), 1 + 5e-11, accuracy: 1e-16)
        XCTAssertEqual(try value("0 < y < 4"), 1)
    }

    func testSuggestions() {
        XCTAssertEqual(Suggestions.closest(to: "tua", among: ["tau", "taum", "v"]), "tau")
        XCTAssertEqual(Suggestions.closest(to: "vlot", among: ["volt", "vt"]), "volt")
        XCTAssertNil(Suggestions.closest(to: "completely_different", among: ["tau", "v"]))
    }
}
