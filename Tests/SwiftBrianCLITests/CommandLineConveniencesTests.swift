import Foundation
import XCTest

/// `--version`, negative option values and "did you mean" for example names (issue 10).
final class CommandLineConveniencesTests: XCTestCase {
    func testVersion() throws {
        let output = try SwiftBrianExecutable.run(["--version"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("0."), output.stdout)
    }

    func testNegativeNumbersReachValidation() throws {
        let duration = try SwiftBrianExecutable.run(["run", "cuba", "--duration", "-1"])
        XCTAssertEqual(duration.status, 1)
        XCTAssertTrue(duration.stderr.contains("--duration must be a positive number of seconds"), duration.stderr)
        let seed = try SwiftBrianExecutable.run(["run", "cuba", "--seed", "-3"])
        XCTAssertNotEqual(seed.status, 0)
        XCTAssertFalse(seed.stderr.contains("Missing value"), seed.stderr)
        let neurons = try SwiftBrianExecutable.run(["bench", "cuba", "--n", "-5"])
        XCTAssertEqual(neurons.status, 1)
        XCTAssertTrue(neurons.stderr.contains("--n must be positive, but it is -5"), neurons.stderr)
    }

    func testMisspeltNamesGetASuggestion() throws {
        let example = try SwiftBrianExecutable.run(["run", "cbua"])
        XCTAssertEqual(example.status, 1)
        XCTAssertTrue(example.stderr.contains("Unknown example 'cbua' (did you mean 'cuba'?)"), example.stderr)
        let model = try SwiftBrianExecutable.run(["bench", "cobahhh"])
        XCTAssertEqual(model.status, 1)
        XCTAssertTrue(model.stderr.contains("(did you mean 'cobahh'?)"), model.stderr)
    }
}
