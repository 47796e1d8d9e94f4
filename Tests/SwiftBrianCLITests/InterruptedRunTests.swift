import Foundation
import SwiftBrian
import SwiftBrianModels
import SwiftBrianTools
@testable import swiftbrian
import XCTest

/// Ctrl-C as early as it can come: every example, stopped before its first step, still writes
/// its outputs.
final class InterruptedRunTests: XCTestCase {
    override func tearDown() {
        RunInterruption.reset()
    }

    func testEveryExampleStoppedBeforeItsFirstStepStillWritesItsOutputs() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-stopped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for example in Gallery.all {
            RunInterruption.request()
            let result = try example.simulate(seed: 1, backend: .native, duration: 0.05 * second, report: nil)
            XCTAssertEqual(result.network.t.value, 0, "\(example.name) did not run")
            let folder = root.appendingPathComponent(example.name)
            let (files, _) = try RunOutputs.write(result, summary: RunSummary(result.network), to: folder, plots: true)
            XCTAssertTrue(files.contains { $0.hasSuffix("report.html") }, "\(example.name): \(files)")
        }
    }
}
