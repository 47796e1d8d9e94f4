import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// PNG export through librsvg: its library loaded at run time, else its converter `rsvg-convert`;
/// a clear error saying how to install it where neither is found.
final class PNGExportTests: XCTestCase {
    /// The width and height in a PNG's IHDR chunk.
    private func size(_ png: Data) -> [Int] {
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        return [width, height]
    }

    /// Sets the environment variable `name` to `value` while `body` runs.
    private func with<T>(_ name: String, _ value: String, _ body: () throws -> T) rethrows -> T {
        let previous = ProcessInfo.processInfo.environment[name]
        setenv(name, value, 1)
        defer { if let previous { setenv(name, previous, 1) } else { unsetenv(name) } }
        return try body()
    }

    private func requireLibrary() throws {
        guard PNGConverter.libraryIsAvailable else {
            throw XCTSkip("librsvg's library (Debian package librsvg2-2) is not installed, so no PNG is drawn by it")
        }
    }

    func testRasterBecomesAPNG() throws {
        guard PNGConverter.isAvailable else {
            throw XCTSkip("neither librsvg's library (librsvg2-2) nor rsvg-convert (librsvg2-bin) is installed, "
                          + "so no PNG is made")
        }
        let example = try ExampleNetwork.shared.get()
        let url = TestOutput.url("raster_test.png")
        try Plot.raster(example.spikes).writePNG(to: url, scale: 1)
        // The plot's 720 × 440 pixels at scale 1.
        XCTAssertEqual(size(try Data(contentsOf: url)), [720, 440])
    }

    func testAMorphologyAndASpaceTimePictureBecomePNGs() throws {
        guard PNGConverter.isAvailable else {
            throw XCTSkip("neither librsvg's library (librsvg2-2) nor rsvg-convert (librsvg2-bin) is installed, "
                          + "so no PNG is made")
        }
        let cell = try MorphologySamples.swcCell()
        let morphology = try Plot.morphology(cell, values: cell.flattened.distanceArray, label: "distance")
        XCTAssertEqual(size(try morphology.pngData(scale: 1)), [720, 560])
        let wave = MorphologySamples.travellingWave(times: 500, positions: 50)
        let spaceTime = try Plot.spaceTime(times: wave.times, positions: wave.positions, values: wave.values,
                                           unit: mV, label: "v")
        XCTAssertEqual(size(try spaceTime.pngData(scale: 1)), [720, 440])
    }

    func testTheLibraryDrawsWithoutTheConverter() throws {
        try requireLibrary()
        let plot = Plot(title: "Library", xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
                        series: [PlotSeries(x: [0, 1, 2], y: [1, 3, 2])])
        let png = try with(PNGConverter.environmentVariable, "/nonexistent/rsvg-convert") { try plot.pngData(scale: 1.5) }
        XCTAssertEqual(size(png), [1080, 660])
    }

    func testALongRunsRasterBecomesASmallPNG() throws {
        try requireLibrary()
        let plot = try RandomSpikes.longRun.get()
        let url = TestOutput.url("raster_1.3M.png")
        try plot.writePNG(to: url)
        XCTAssertEqual(size(try Data(contentsOf: url)), [1440, 880])
    }

    func testWhatCannotBeDrawnIsAnErrorNotACrash() throws {
        try requireLibrary()
        XCTAssertThrowsError(try PNGConverter.png(fromSVG: "<svg xmlns=\"http://www.w3.org/2000/svg\"")) { error in
            guard case ToolsError.renderingFailed = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".hasPrefix("The plot could not be made into a PNG: librsvg could not read"), "\(error)")
        }
        let huge = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"), width: 30_000, height: 20_000)
        XCTAssertThrowsError(try huge.pngData(scale: 1)) { error in
            guard case ToolsError.tooLarge = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("30000 × 20000 pixels"), "\(error)")
        }
        XCTAssertThrowsError(try huge.pngData(scale: 0)) { XCTAssertTrue($0 is ModelError, "\($0)") }
        let wide = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"), width: 40_000, height: 200)
        XCTAssertThrowsError(try wide.pngData(scale: 1)) { error in
            guard case ToolsError.renderingFailed = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("cairo failed making a 40000 × 200 image"), "\(error)")
        }
    }

    func testWithoutLibrsvgTheErrorSaysHowToInstallIt() throws {
        let plot = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"))
        try with(PNGConverter.libraryEnvironmentVariable, "/nonexistent/librsvg-2.so.2") {
            XCTAssertFalse(PNGConverter.libraryIsAvailable)
            try with(PNGConverter.environmentVariable, "/nonexistent/rsvg-convert") {
                XCTAssertFalse(PNGConverter.isAvailable)
                XCTAssertThrowsError(try plot.pngData()) { error in
                    guard case ToolsError.converterMissing = error else { return XCTFail("\(error)") }
                    let message = "\(error)"
                    XCTAssertTrue(message.hasPrefix("PNG export needs librsvg, which was not found: its library "
                                                    + "(/nonexistent/librsvg-2.so.2) was not found, and the converter "
                                                    + "rsvg-convert is neither on $PATH nor in"), message)
                    XCTAssertTrue(message.contains("apt-get install librsvg2-2"), message)
                    XCTAssertTrue(message.contains("SVG export works without it"), message)
                }
                XCTAssertThrowsError(try plot.writePNG(to: TestOutput.url("never.png")))
            }
        }
        XCTAssertFalse(plot.svg().isEmpty, "SVG needs no converter")
    }
}
