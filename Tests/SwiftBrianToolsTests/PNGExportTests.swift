import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// PNG export through rsvg-convert: a real PNG where the converter is installed, a clear error
/// saying how to install it where it is not.
final class PNGExportTests: XCTestCase {
    func testRasterBecomesAPNG() throws {
        guard PNGConverter.isAvailable else {
            throw XCTSkip("rsvg-convert is not installed (apt-get install librsvg2-bin), so no PNG is made")
        }
        let example = try ExampleNetwork.shared.get()
        let url = TestOutput.url("raster_test.png")
        try Plot.raster(example.spikes).writePNG(to: url, scale: 1)
        let png = try Data(contentsOf: url)
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // The IHDR chunk holds the size: the plot's 720 × 440 pixels at scale 1.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual([width, height], [720, 440])
    }

    func testAMissingConverterSaysHowToInstallIt() throws {
        let variable = PNGConverter.environmentVariable
        let previous = ProcessInfo.processInfo.environment[variable]
        setenv(variable, "/nonexistent/rsvg-convert", 1)
        defer { if let previous { setenv(variable, previous, 1) } else { unsetenv(variable) } }
        let plot = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        XCTAssertThrowsError(try plot.pngData()) { error in
            guard case ToolsError.converterMissing = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("apt-get install librsvg2-bin"), "\(error)")
            XCTAssertTrue("\(error)".contains("SVG export works without it"), "\(error)")
        }
        XCTAssertFalse(plot.svg().isEmpty, "SVG needs no converter")
    }
}
