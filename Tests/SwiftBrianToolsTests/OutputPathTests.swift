import Foundation
import SwiftBrian
import SwiftBrianTools
import XCTest

/// Plots, data and reports written to a path string, with the folders above it created (issue 10).
final class OutputPathTests: XCTestCase {
    func testWritersTakePathsAndCreateMissingFolders() throws {
        // Its own clock, so that the default clock other tests' plots read is left alone.
        let G = try NeuronGroup(3, model: "v : 1", threshold: "i == 1", clock: Clock(dt: 0.1 * ms), name: "G")
        let spikes = try SpikeMonitor(G)
        try Network(G, spikes).run(0.5 * ms)
        let root = TestOutput.url("paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let plot = try Plot.raster(spikes)
        try plot.writeSVG(to: root.path + "/plots/raster.svg")
        try spikes.writeNPZ(to: root.path + "/data/npz/spikes.npz")
        try spikes.writeCSV(to: root.path + "/data/csv/spikes.csv")
        try Report(title: "paths").add(plot).write(to: root.path + "/report/index.html")
        for file in ["plots/raster.svg", "data/npz/spikes.npz", "data/csv/spikes.csv", "report/index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path), file)
        }
    }

    func testPNGTakesAPathAndCreatesMissingFolders() throws {
        let plot = try Plot.raster(indices: [0, 1], times: [1, 2] * ms)
        let root = TestOutput.url("png-path-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            try plot.writePNG(to: root.path + "/png/raster.png")
        } catch let error as ToolsError {
            throw XCTSkip("PNG export is not available here: \(error)")
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.path + "/png/raster.png"))
    }
}
