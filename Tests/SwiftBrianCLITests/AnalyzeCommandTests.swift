import Foundation
import XCTest

/// Runs the built `swiftbrian` tool as a newcomer would and checks what it prints.
final class AnalyzeCommandTests: XCTestCase {
    private func swiftbrian(_ arguments: [String], input: String? = nil) throws -> SwiftBrianExecutable.Output {
        try SwiftBrianExecutable.run(arguments, input: input)
    }

    private static let cubaNamespace = ["taum=20 ms", "taue=5 ms", "taui=10 ms", "El=-49 mV", "Vt=-50 mV",
                                        "Vr=-60 mV"].flatMap { ["--namespace", $0] }

    func testDefaultAnalyzesTheBuiltInCUBAModel() throws {
        let output = try swiftbrian(["analyze"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("Integration method: exact (chosen automatically)"), output.stdout)
        XCTAssertTrue(output.stdout.contains("v > Vt"), output.stdout)
    }

    func testCUBAFromAFileChoosesExact() throws {
        let output = try swiftbrian(["analyze", "examples/cuba.eqs"] + Self.cubaNamespace
                                    + ["--threshold", "v > Vt", "--reset", "v = Vr", "--refractory", "5 ms"])
        XCTAssertEqual(output.status, 0, output.stderr)
        // Table columns are aligned with spaces; compare with runs of spaces folded to two.
        let text = output.stdout.replacingOccurrences(of: " {2,}", with: "  ", options: .regularExpression)
        XCTAssertTrue(text.contains("Integration method: exact"), text)
        for line in ["v  volt  differential equation  (unless refractory)", "taum  20. ms  namespace",
                     "Threshold\n  v > Vt", "Reset\n  v = Vr", "Refractory\n  5. ms"] {
            XCTAssertTrue(text.contains(line), "missing \"\(line)\" in:\n\(text)")
        }
        let update = text.components(separatedBy: "State update, once per time step\n")[1]
        XCTAssertTrue(update.contains("v = "), update)
        XCTAssertTrue(update.contains("ge = "), update)
    }

    /// Brian 2.9 tries exact, euler, heun in turn: COBAHH, not linear, gets euler. Brian's COBAHH
    /// benchmark names exponential_euler explicitly, and so can the command line.
    func testCOBAHHIsEulerAutomaticallyAndExponentialEulerOnRequest() throws {
        let arguments = ["analyze", "examples/cobahh.eqs", "--namespace-file", "examples/cobahh.namespace",
                         "--threshold", "v > -20*mV", "--refractory", "3 ms"]
        let automatic = try swiftbrian(arguments)
        XCTAssertEqual(automatic.status, 0, automatic.stderr)
        XCTAssertTrue(automatic.stdout.contains("Integration method: euler (chosen automatically)"), automatic.stdout)

        let requested = try swiftbrian(arguments + ["--method", "exponential_euler"])
        XCTAssertEqual(requested.status, 0, requested.stderr)
        let text = requested.stdout
        XCTAssertTrue(text.contains("Integration method: exponential_euler (as requested)"), text)
        XCTAssertTrue(text.contains("_m = "), text)
        XCTAssertTrue(text.contains("exp("), text)
    }

    func testUnitMismatchPrintsACaretUnderTheTerm() throws {
        let output = try swiftbrian(["analyze", "-", "--namespace", "El=-65 mV", "--namespace", "taum=10 ms",
                                     "--namespace", "I=1 nA"], input: "dv/dt = (El - v)/taum + I : volt\n")
        XCTAssertEqual(output.status, 1)
        XCTAssertEqual(output.stdout, "")
        XCTAssertEqual(output.stderr, """
            error: The unit of 'I' is amp, but dv/dt must be in volt/second
            equations:
                dv/dt = (El - v)/taum + I : volt
                                        ^

            """)
    }

    func testErrorsInOptionsAreReportedWithCarets() throws {
        let badThreshold = try swiftbrian(["analyze", "--threshold", "v > 3"])
        XCTAssertEqual(badThreshold.status, 1)
        XCTAssertTrue(badThreshold.stderr.contains("Cannot compare 'v' (volt) and '3' (1)"), badThreshold.stderr)
        XCTAssertTrue(badThreshold.stderr.contains("threshold:\n    v > 3\n        ^"), badThreshold.stderr)

        let badMethod = try swiftbrian(["analyze", "--method", "rk5"])
        XCTAssertEqual(badMethod.status, 1)
        XCTAssertTrue(badMethod.stderr.contains("Unknown integration method 'rk5'"), badMethod.stderr)

        let missingFile = try swiftbrian(["analyze", "no/such/file.eqs"])
        XCTAssertEqual(missingFile.status, 1)
        XCTAssertTrue(missingFile.stderr.contains("Cannot read the file 'no/such/file.eqs'"), missingFile.stderr)

        let badNamespace = try swiftbrian(["analyze", "--namespace", "taum=20 mss"])
        XCTAssertEqual(badNamespace.status, 1)
        XCTAssertTrue(badNamespace.stderr.contains("Unknown"), badNamespace.stderr)

        let impossible = try swiftbrian(["analyze", "-", "--method", "exact"], input: "dv/dt = -v**3/second : 1\n")
        XCTAssertEqual(impossible.status, 1)
        XCTAssertTrue(impossible.stderr.contains("exact"), impossible.stderr)
    }

    func testHelpDescribesTheCommand() throws {
        let output = try swiftbrian(["analyze", "--help"])
        XCTAssertEqual(output.status, 0)
        XCTAssertTrue(output.stdout.contains("--namespace"), output.stdout)
        XCTAssertTrue(output.stdout.contains("exponential_euler"), output.stdout)
    }
}
