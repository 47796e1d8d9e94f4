import Foundation
import XCTest

/// `swiftbrian describe` as a newcomer uses it.
final class DescribeCommandTests: XCTestCase {
    func testMarkdownIsPrintedForAConfiguredExample() throws {
        let output = try SwiftBrianExecutable.run(["describe", "cuba", "--set", "N=500", "--duration", "0.01"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "# Model description: cuba")
        XCTAssert(lines.contains("500 neurons, integrated with the exact method."), output.stdout)
        XCTAssert(lines.contains("- Run 1: 10 ms, from 0 s to 10 ms"), output.stdout)
        XCTAssert(lines.contains("- Random seed: 1"), output.stdout)
        XCTAssert(lines.contains { $0.hasPrefix("$$\\frac{dv}{dt} = ") })
    }

    func testHTMLAndLaTeXAreWrittenToAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-describe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (format, start) in [("html", "<!DOCTYPE html>"), ("latex", "\\section{Model description: cuba}")] {
            let file = folder.appendingPathComponent("description.\(format)")
            let output = try SwiftBrianExecutable.run(["describe", "cuba", "--set", "N=200", "--duration", "0.005",
                                                       "--seed", "4", "--format", format, "--output", file.path])
            XCTAssertEqual(output.status, 0, output.stderr)
            XCTAssertEqual(output.stdout, "")
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssert(text.hasPrefix(start), text)
            XCTAssert(text.contains("Random seed: 4"), text)
        }
    }

    func testBadArgumentsAreClearErrors() throws {
        let format = try SwiftBrianExecutable.run(["describe", "cuba", "--format", "pdf"])
        XCTAssertEqual(format.status, 1)
        XCTAssert(format.stderr.contains("Unknown format 'pdf'; choose one of markdown, html, latex"), format.stderr)
        let example = try SwiftBrianExecutable.run(["describe", "cubb"])
        XCTAssertEqual(example.status, 1)
        XCTAssert(example.stderr.contains("Unknown example 'cubb'"), example.stderr)
        let output = try SwiftBrianExecutable.run(["describe", "cuba", "--set", "N=100", "--duration", "0.001",
                                                   "--output", "/nonexistent-folder/description.md"])
        XCTAssertEqual(output.status, 1)
        XCTAssert(output.stderr.contains("Cannot write the description to '/nonexistent-folder/description.md'"),
                  output.stderr)
    }
}
