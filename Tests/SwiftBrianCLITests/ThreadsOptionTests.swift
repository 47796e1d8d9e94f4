import Foundation
import XCTest

/// `--threads` of `swiftbrian bench` and `run`: the same spikes on 1 and 2 threads; a bad count is
/// an error in the user's terms.
final class ThreadsOptionTests: XCTestCase {
    func testBenchGivesTheSameSpikesOnOneAndTwoThreads() throws {
        let arguments = ["bench", "cuba", "--n", "2000", "--duration", "0.05"]
        let one = try SwiftBrianExecutable.run(arguments + ["--threads", "1"])
        let two = try SwiftBrianExecutable.run(arguments + ["--threads", "2"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(two.status, 0, two.stderr)
        func spikes(_ line: String) -> String? { line.split(separator: " ").first { $0.hasPrefix("spikes=") }.map(String.init) }
        XCTAssertNotNil(spikes(one.stdout), one.stdout)
        XCTAssertEqual(spikes(one.stdout), spikes(two.stdout))
    }

    func testBadThreadCounts() throws {
        for command in [["bench", "cuba", "--n", "10"], ["run", "cuba", "--no-plot", "--duration", "0.001"]] {
            for threads in ["0", "-2", "5000"] {
                let output = try SwiftBrianExecutable.run(command + ["--threads", threads])
                XCTAssertNotEqual(output.status, 0)
                XCTAssertTrue(output.stderr.contains("--threads must be from 1 to 1024"), output.stderr)
            }
        }
    }
}
