@testable import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

/// Every malformed input is a thrown `ModelError` whose message names the problem in the user's
/// terms and whose caret sits under the offending text.
final class MalformedInputTests: XCTestCase {
    private let namespace: Namespace = [
        "tau": 10 * ms, "El": -65 * mV, "Vt": -50 * mV, "Vr": -60 * mV, "I0": 1 * nA, "g": 10 * nS,
    ]

    private func analyze(_ equations: String) throws {
        _ = try AnalyzedEquations(try Equations(equations), namespace: namespace)
    }

    private func lif() throws -> AnalyzedEquations {
        try AnalyzedEquations(try Equations("""
            dv/dt = (El - v)/tau : volt
            I = g*(El - v) : amp
            C : farad (constant)
            b : boolean
            """), namespace: namespace)
    }

    // MARK: Syntax of equations

    func testSyntaxErrorsInEquations() {
        let cases: [(String, String, String)] = [
            ("dv/dt = -v/tau", "Expected ': unit' after the equation of 'v'", ""),
            ("dv/dt = -v/tau : ", "Missing unit after ':' for 'v'", ""),
            ("dv/dt = : volt", "Expected an expression for 'v' after '='", ":"),
            ("dv/dx = -v/tau : volt", "expected 'dt', found 'dx'", "dx"),
            ("v/dt = -v/tau : volt", "must start with 'dx/dt'", "v"),
            ("dv/dt -v/tau : volt", "Expected '=' after 'dv/dt'", "-"),
            ("dv/dt = (El - v/tau : volt", "Expected ')' to close the '('", ":"),
            ("dv/dt = El - v)/tau : volt", "Expected ': unit' after the equation of 'v'", ")"),
            ("dv/dt = El -- : volt", "Expected an expression, found ':'", ":"),
            ("dv/dt = 5mV/tau : volt", "a number cannot run into a name", "5mV"),
            ("dv/dt = -v/tau ? 2 : volt", "Unexpected character '?'", "?"),
            ("dv/dt = -v/tau : volt (unless refractory", "missing their closing ')'", "("),
            ("dv/dt = -v/tau : volt (unles refractory)", "Unknown flag 'unles refractory'", "unles refractory"),
            ("v : volt (constant) extra", "Unexpected 'extra' after the unit of 'v'", "extra"),
            ("v : volt; w : amp", "Unexpected ';' after the unit of 'v'", ";"),
            ("x : volt (event-driven)", "cannot be used on the parameter of 'x'", "event-driven"),
            ("x : volt (constant, constant)", "is given twice", "constant"),
            ("x : volt ()", "Empty flag", ")"),
            ("x y : volt", "Expected '=' or ':' after 'x'", "y"),
            ("3 : volt", "An equation must start with", "3"),
            ("x : vlt", "Unknown unit 'vlt' (did you mean 'volt'?)", "vlt"),
            ("x : mV", "must be a base unit: 'mV' is scaled; use 'volt'", "mV"),
            ("x : 2", "must be a unit, not the number 2", "2"),
            ("x : volt**v", "Expected a number as the exponent of a unit", "v"),
            ("f = exp(v, : 1", "Expected an argument of 'exp'", ":"),
            ("f = exp(x=1) : 1", "Keyword arguments are not supported", "="),
            ("f = () : 1", "Empty parentheses", "()"),
            ("f = a and : 1", "Expected an expression, found ':'", ":"),
            ("f = lambda : 1", "'lambda' cannot be used here: it is a keyword", "lambda"),
        ]
        for (text, message, excerpt) in cases {
            assertModelError(message, under: excerpt) { try self.analyze(text) }
        }
    }

    // MARK: Names

    func testInvalidAndUnknownNames() {
        let cases: [(String, String, String, ModelError.Kind)] = [
            ("dv/dt = (El - v)/tua : volt", "Unknown identifier 'tua' (did you mean 'tau'?)", "tua", .unknownIdentifier),
            ("dv/dt = (El - v)/tau + foo_bar_baz : volt", "Unknown identifier 'foo_bar_baz'", "foo_bar_baz",
             .unknownIdentifier),
            ("dv/dt = ep(-v)/tau : 1", "Unknown function 'ep' (did you mean 'exp'?)", "ep(-v)", .unknownIdentifier),
            ("dv/dt = exp/tau : 1", "'exp' is a function", "exp", .invalidCall),
            ("dv/dt = tau(v)/tau : 1", "'tau' is not a function", "tau(v)", .invalidCall),
            ("t : second", "'t' has a special meaning", "t", .invalidIdentifier),
            ("dt : second", "'dt' has a special meaning", "dt", .invalidIdentifier),
            ("i : 1", "'i' has a special meaning", "i", .invalidIdentifier),
            ("N : 1", "'N' has a special meaning", "N", .invalidIdentifier),
            ("xi : 1", "'xi' has a special meaning", "xi", .invalidIdentifier),
            ("xi_2 : 1", "'xi_2' has a special meaning", "xi_2", .invalidIdentifier),
            ("ms : second", "'ms' is the name of a unit", "ms", .invalidIdentifier),
            ("exp : 1", "'exp' is the name of a function", "exp", .invalidIdentifier),
            ("pi : 1", "'pi' is the name of a constant", "pi", .invalidIdentifier),
            ("_x : 1", "starts with an underscore", "_x", .invalidIdentifier),
            ("x : 1\nx : 1", "Duplicate definition of variable 'x'", "x", .invalidEquations),
            ("a = b : 1\nb = a : 1", "depends on itself", "a", .invalidEquations),
        ]
        for (text, message, excerpt, kind) in cases {
            assertModelError(message, under: excerpt, kind: kind) { try self.analyze(text) }
        }
    }

    // MARK: Units

    func testUnitMismatches() {
        let cases: [(String, String, String)] = [
            ("dv/dt = (El - v)/tau + I0 : volt", "The unit of 'I0' is amp, but dv/dt must be in volt/second", "I0"),
            ("dv/dt = (El - v) : volt", "but dv/dt must be in volt/second", "(El - v)"),
            ("dv/dt = (El - I0)/tau : volt", "Cannot subtract 'El' (volt) and 'I0' (amp)", "I0"),
            ("dv/dt = -v/tau : 1\nx = v + tau : 1", "The unit of 'tau' is second, but 'x' must be in 1", "tau"),
            ("x = (v + tau)*mV : volt\ndv/dt = -v/tau : 1", "Cannot add 'v' (1) and 'tau' (second)", "tau"),
            ("x = exp(tau) : 1", "argument 1 of 'exp' must be dimensionless", "tau"),
            ("x = clip(El, 0, 1) : volt", "argument 2 of 'clip' must have the unit of argument 1", "0"),
            ("x = El**tau : 1", "The exponent 'tau' must be dimensionless", "tau"),
            ("x : 1\ny = El**x : 1", "so its exponent 'x' must be a constant number", "x"),
            ("x = El // Vt : 1", "Floor division '//' needs dimensionless operands", "El // Vt"),
            ("x = El > 1 : boolean", "Cannot compare 'El' (volt) and '1' (1)", "1"),
            ("x = El + 1 : boolean", "'x' is boolean, but its expression is not a condition", "El + 1"),
            ("x = El % tau : volt", "Cannot take the remainder of 'El' (volt) and 'tau' (second)", "tau"),
            ("x = exp(1, 2) : 1", "'exp' takes 1 argument, but 2 were given", "exp(1, 2)"),
            ("x = rand(1) : 1", "'rand' takes 0 arguments, but 1 was given", "rand(1)"),
            ("x = xi : 1", "may only appear in differential equations", "xi"),
            ("dv/dt = -v/tau : volt (summed)", "cannot be used on the differential equation of 'v'", "summed"),
            ("v : volt (event-driven)", "cannot be used on the parameter of 'v'", "event-driven"),
            ("dv/dt = -v/tau : 1 (event-driven)", "cannot be used in a neuron group", "event-driven"),
            ("x : 1 (linked, constant)", "'linked' of 'x' cannot be combined with other flags", "linked"),
            ("dv/dt = -v/tau : 1\nx = v : 1 (shared)", "The shared subexpression 'x' refers to 'v'", "v"),
        ]
        for (text, message, excerpt) in cases {
            assertModelError(message, under: excerpt) { try self.analyze(text) }
        }
    }

    // MARK: Thresholds, resets, namespaces

    func testThresholdsAndResets() throws {
        let model = try lif()
        assertModelError("The threshold must be a condition", under: "v + Vt") {
            _ = try model.checkCondition("v + Vt", role: "threshold")
        }
        assertModelError("Cannot compare 'v' (volt) and '-50' (1)", under: "-50") {
            _ = try model.checkCondition("v > -50", role: "threshold")
        }
        assertModelError("Unknown identifier 'Vtt' (did you mean 'Vt'?)", under: "Vtt") {
            _ = try model.checkCondition("v > Vtt", role: "threshold")
        }
        assertModelError("The reset assigns to 'w', which is not a variable of the model", under: "w") {
            _ = try model.checkCode("w = Vr", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("cannot assign to 'I': it is a subexpression", under: "I") {
            _ = try model.checkCode("I = 0*amp", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("cannot assign to 'C': it is a constant parameter", under: "C") {
            _ = try model.checkCode("C = 1*pF", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("cannot assign to 't': it is a built-in variable", under: "t") {
            _ = try model.checkCode("t = 0*ms", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("The unit of 'tau' is second, but a value for 'v' must be in volt", under: "tau") {
            _ = try model.checkCode("v = Vr\nv += tau", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("a factor in '*=' on 'v' must be in 1", under: "Vr") {
            _ = try model.checkCode("v *= Vr", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("'b' is boolean, so it must be assigned a condition", under: "v") {
            _ = try model.checkCode("b = v", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("Expected an assignment", under: "Vr") {
            _ = try model.checkCode("v Vr", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("one statement per line", under: "w") {
            _ = try model.checkCode("v = Vr w = 1", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("Expected an expression after '='", under: "") {
            _ = try model.checkCode("v = ", role: "reset", allowsSharedWrites: false)
        }
        assertModelError("The unit of 'v' is volt, but the refractory period must be in second", under: "v") {
            _ = try model.checkExpression("v", role: "refractory period", dimension: .time)
        }
    }

    func testNamespaceValues() {
        assertModelError("Unknown name 'areaa': neither a unit nor a value defined above", under: "areaa") {
            _ = try Namespace(assignments: "area = 2*um2\nCm = 1*ufarad/cm2*areaa")
        }
        assertModelError("Expected 'name = value'", under: "taum 20 ms") {
            _ = try Namespace(assignments: "taum 20 ms")
        }
        assertModelError("'ms' is the name of a unit", under: "ms ") {
            _ = try Namespace(assignments: "ms = 2*second")
        }
        assertModelError("Unknown unit 'mVV' (did you mean 'mV'?)", under: "mVV") {
            _ = try UnitSpecification.parseQuantity("-65 mVV")
        }
    }

    func testMessagesShowTheLineAndTheCaret() {
        do {
            try analyze("dv/dt = (El - v)/tau + I0 : volt")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual("\(error)", """
                The unit of 'I0' is amp, but dv/dt must be in volt/second
                equations:
                    dv/dt = (El - v)/tau + I0 : volt
                                           ^^
                """)
        }
        do {
            try analyze("dv/dt = (El - v)/tau : volt\nx = v + tau : volt")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual("\(error)", """
                The unit of 'tau' is second, but 'x' must be in volt
                equations, line 2:
                    x = v + tau : volt
                            ^^^
                """)
        }
    }
}
