@testable import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest
import struct SwiftBrianLanguage.Expression
import struct SwiftBrianUnits.Dimension

final class EquationsTests: XCTestCase {
    func testEveryClassicAndReferenceModelParsesAndAnalyzes() throws {
        for model in ClassicModel.all {
            XCTAssertNoThrow(try model.analyze(), model.name)
        }
    }

    func testReferenceFixturesAreAllCovered() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/reference").standardized
        let cases = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
        XCTAssertEqual(cases.count, 21)
        let covered = ClassicModel.all.map(\.name).joined(separator: " ")
        for name in cases where !["synapses_connect_patterns", "hh_exponential_euler", "hh_rk4", "hh_rk2_heun"]
            .contains(name) {
            XCTAssertTrue(covered.contains(name), "no model for reference case \(name)")
        }
    }

    func testCUBAVariablesKindsAndFlags() throws {
        let eqs = try Equations(ClassicModel.all[0].equations)
        XCTAssertEqual(eqs.names, ["v", "ge", "gi"])
        XCTAssertTrue(eqs.allSatisfy { $0.kind == .differential && $0.dimension == volt.dimension })
        XCTAssertTrue(eqs.allSatisfy { $0.flags == [.unlessRefractory] })
        XCTAssertEqual(eqs.externalIdentifiers, ["El", "taum", "taue", "taui"])
        XCTAssertEqual(eqs["v"]?.description, "dv/dt = (ge + gi - (v - El)) / taum : volt (unless refractory)")
    }

    func testParametersTypesAndUnits() throws {
        let eqs = try Equations("""
            g : siemens/meter**2 (constant, shared)
            n : integer
            b : boolean
            s : second**-0.5
            x : 1
            """)
        XCTAssertEqual(eqs["g"]?.dimension, (siemens / (metre * metre)).dimension)
        XCTAssertEqual(eqs["g"]?.flags, [.constant, .shared])
        XCTAssertEqual(eqs["n"]?.type, .integer)
        XCTAssertEqual(eqs["b"]?.type, .boolean)
        XCTAssertEqual(eqs["s"]?.dimension, Dimension.time.raised(to: Rational(-1) / 2))
        XCTAssertEqual(eqs["x"]?.dimension, .dimensionless)
        XCTAssertTrue(eqs.allSatisfy { $0.kind == .parameter })
    }

    func testMultiLineEquationsAndComments() throws {
        let eqs = try Equations("""
            # a comment line
            dv/dt = (El - v
                     + I*R)/tau   # continued
                    : volt
            I : amp  # input
            """)
        XCTAssertEqual(eqs.names, ["v", "I"])
        XCTAssertEqual(eqs["v"]?.expression?.description, "(El - v + I * R) / tau")
    }

    func testFlagsOfAllKinds() throws {
        let eqs = try Equations("""
            dx/dt = -x/tau : 1 (event-driven)
            dy/dt = -y/tau : 1 (clock-driven)
            s = x + y : 1 (summed)
            c = x*2 : 1 (constant over dt)
            """)
        XCTAssertEqual(eqs.map(\.flags), [[.eventDriven], [.clockDriven], [.summed], [.constantOverDt]])
    }

    func testNoiseTerms() throws {
        let eqs = try Equations("dx/dt = -x/tau + sigma*xi/sqrt(tau) + xi_2*tau**-0.5 : 1")
        XCTAssertEqual(eqs["x"]?.stochasticVariables, ["xi", "xi_2"])
        XCTAssertTrue(eqs.isStochastic)
        let analyzed = try AnalyzedEquations(eqs, namespace: ["tau": 10 * ms, "sigma": Quantity(value: 0.1)])
        XCTAssertEqual(analyzed.equations.count, 1)
    }

    func testCombiningEquations() throws {
        let membrane = try Equations("dv/dt = (I - v)/tau : 1")
        let input = try Equations("I = I0*sin(2*pi*f*t) : 1")
        let both = try membrane + input
        XCTAssertEqual(both.names, ["v", "I"])
        assertModelError("Duplicate definition of variable 'v'", under: "v") { _ = try both + membrane }
    }

    func testSubstitutingRenamesAndReplaces() throws {
        let eqs = try Equations("""
            dv/dt = (El - v)/tau : volt
            I = g*(E - v) : amp
            """)
        let renamed = try eqs.substituting(["v": "V", "tau": "tau_m", "E": "E_syn + 5*mV"])
        XCTAssertEqual(renamed.names, ["V", "I"])
        XCTAssertEqual(renamed["V"]?.expression?.description, "(El - V) / tau_m")
        XCTAssertEqual(renamed["I"]?.expression?.description, "g * (E_syn + 5 * mV - V)")
        let valued = try eqs.substituting(["tau": .value(10 * ms)])
        XCTAssertEqual(valued["v"]?.expression?.description, "(El - v) / (0.01 * second)")
        assertModelError("Cannot replace the variable 'v' by a value or an expression: only its name can change",
                         under: "v") { _ = try eqs.substituting(["v": "2*x"]) }
        assertModelError("Cannot rename the variable 'v' to 'I': 'I' is defined already", under: "v") {
            _ = try eqs.substituting(["v": "I"])
        }
        XCTAssertEqual(try eqs.substituting(["nothing": "x", "v": "v"]), eqs, "unused names are ignored, as in Brian")
    }

    /// Brian's `Equations('...', tau='tau_e', v='V', E=-70*mV)` and `+` (the text Brian prints,
    /// `Tests/Fixtures/brian/templating.py`, is `dV/dt = ((-70. * mvolt) - V)/tau_e : V` and
    /// `dge/dt = -ge/tau_e : S`).
    func testTemplatesAsBrian() throws {
        let template = try Equations("dv/dt = (E - v)/tau : volt\ndge/dt = -ge/tau : siemens",
                                     substituting: ["tau": "tau_e", "v": "V", "E": .value(-70 * mV)])
        XCTAssertEqual(template.description, """
            dV/dt = (-0.07 * volt - V) / tau_e : volt
            dge/dt = -ge / tau_e : siemens
            """)
        let scaled = try Equations("dx/dt = -x/tau : 1", substituting: ["tau": "2*tau_e"])
        XCTAssertEqual(scaled.description, "dx/dt = -x / (2 * tau_e) : 1", "an expression replaces the name as a whole")
        let counted = try Equations("dn/dt = k*rate : 1", substituting: ["k": 3])
        XCTAssertEqual(counted.description, "dn/dt = 3.0 * rate : 1")
        let both = try template + "dw/dt = -w/tau_w : 1"
        XCTAssertEqual(both.names, ["V", "ge", "w"])
        assertModelError("Duplicate definition of variable 'ge'", under: "ge") { _ = try both + "ge : siemens" }
    }

    func testSubexpressionsAreInlinedRecursively() throws {
        let analyzed = try ClassicModel.all.first { $0.name == "subexpressions_functions" }!.analyze()
        let inlined = try analyzed.inlinedSubexpressions()
        XCTAssertEqual(inlined["drive"]?.description,
                       "clip(ampl * sin(2 * pi * f * t) + 0.2, -0.4, 0.6) + 0.1 * int(v > 0.25)")
        let differential = try analyzed.substitutedDifferentialEquations()
        XCTAssertEqual(differential.map(\.name), ["v", "c", "z"])
        XCTAssertFalse(differential.contains { !$0.expression.identifiers.isDisjoint(with: ["drive", "steps", "y"]) })
    }

    func testConstantOverDtSubexpressionsStayNames() throws {
        let analyzed = try AnalyzedEquations(try Equations("""
            dv/dt = (s - v)/tau : 1
            s = sin(2*pi*t/tau) : 1 (constant over dt)
            """), namespace: ["tau": 10 * ms])
        XCTAssertEqual(try analyzed.substitutedDifferentialEquations().first?.expression.description, "(s - v) / tau")
    }

    func testNamespaceAssignmentsUseUnitsAndEarlierValues() throws {
        let namespace = try Namespace(assignments: ClassicModel.hhNamespace + "\nI0 = 0.7 nA  # input")
        XCTAssertEqual(namespace.values["area"]!.value, 2e-8, accuracy: 1e-20)
        XCTAssertEqual(namespace.values["Cm"]!.value, 2e-10, accuracy: 1e-22)
        XCTAssertEqual(namespace.values["Cm"]!.dimension, farad.dimension)
        XCTAssertEqual(namespace.values["I0"]!.value, 0.7e-9, accuracy: 1e-21)
    }

    func testUnitSpecificationsParse() throws {
        XCTAssertEqual(try UnitSpecification.parse("siemens/meter**2").dimension, (siemens / metre / metre).dimension)
        XCTAssertEqual(try UnitSpecification.parse("1"), Quantity(value: 1))
        XCTAssertEqual(try UnitSpecification.parse("Hz").dimension, Dimension.time.raised(to: Rational(-1)))
        XCTAssertEqual(try UnitSpecification.parseQuantity("20 ms").value, 0.02, accuracy: 1e-15)
        XCTAssertEqual(try UnitSpecification.parseQuantity("-65*mV").value, -0.065, accuracy: 1e-15)
        XCTAssertEqual(try UnitSpecification.parseQuantity("1e-3").value, 1e-3)
    }
}
