import Foundation
import XCTest

/// `swiftbrian new NAME` (issue 10). Building and running the created package takes minutes, so
/// CI does it once after the tests (`scripts/check-new-package.sh`, called by `.ci/run`).
final class NewCommandTests: XCTestCase {
    private let checkout = SwiftBrianExecutable.repository

    func testNewCreatesAPackageDependingOnThisCheckout() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("MyModel")
        let output = try SwiftBrianExecutable.run(["new", "MyModel", "--out", folder.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("swift run"), output.stdout)

        let manifest = try String(contentsOf: folder.appendingPathComponent("Package.swift"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("name: \"MyModel\""), manifest)
        XCTAssertTrue(manifest.contains(".package(path: \"\(checkout.standardizedFileURL.path)\")"), manifest)
        XCTAssertTrue(manifest.contains(".product(name: \"SwiftBrian\", package: \"\(checkout.lastPathComponent)\")"),
                      manifest)
        XCTAssertTrue(manifest.contains(".product(name: \"SwiftBrianTools\""), manifest)
        let main = try String(contentsOf: folder.appendingPathComponent("Sources/MyModel/main.swift"), encoding: .utf8)
        for expected in ["import SwiftBrian", "import SwiftBrianTools", "NeuronGroup(", "Network(", "writeSVG(",
                         "writePNG(", "writeNPZ("] {
            XCTAssertTrue(main.contains(expected), "main.swift lacks \(expected)")
        }

        let again = try SwiftBrianExecutable.run(["new", "MyModel", "--out", folder.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists and is not empty"), again.stderr)
    }

    func testNewRefusesBadNamesAndCheckouts() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let badName = try SwiftBrianExecutable.run(["new", "9 lives", "--out", root.appendingPathComponent("a").path])
        XCTAssertEqual(badName.status, 1)
        XCTAssertTrue(badName.stderr.contains("'9 lives' cannot name a package"), badName.stderr)
        let elsewhere = try SwiftBrianExecutable.run(["new", "Model", "--out", root.appendingPathComponent("b").path,
                                                      "--swiftbrian-path", root.path])
        XCTAssertEqual(elsewhere.status, 1)
        XCTAssertTrue(elsewhere.stderr.contains("is not a SwiftBrian checkout"), elsewhere.stderr)
        let custom = try SwiftBrianExecutable.run(["new", "Model", "--out", root.appendingPathComponent("c").path,
                                                   "--swiftbrian-path", checkout.path])
        XCTAssertEqual(custom.status, 0, custom.stderr)
    }
}
