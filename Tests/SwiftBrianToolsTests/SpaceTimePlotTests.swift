import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// Space–time pictures of a variable along a cell: a heat map with a colour bar.
final class SpaceTimePlotTests: XCTestCase {
    /// The 64 colours a space–time picture uses.
    private let palette = Set((0..<Plot.spaceTimeLevels).map {
        ColorMap.viridis.color(at: Double($0) / Double(Plot.spaceTimeLevels - 1), levels: Plot.spaceTimeLevels)
    })

    func testEveryTimeAndPositionIsACellColouredByItsValue() throws {
        let times = QuantityArray(values: [0, 1e-3, 2e-3, 3e-3, 4e-3], dimension: .time)
        let positions = QuantityArray(values: [0, 10e-6, 20e-6, 30e-6], dimension: .length)
        // v = -70 mV + (time index + place index) mV: lowest at the start at the first place.
        let values = (0..<5).map { t in (0..<4).map { p in -70e-3 + Double(t + p) * 1e-3 } }
        let plot = try Plot.spaceTime(times: times, positions: positions, values: values, unit: mV, label: "v")
        let heatMap = try XCTUnwrap(plot.heatMap)
        XCTAssertEqual([heatMap.columns, heatMap.rows], [5, 4])
        XCTAssertEqual(heatMap.xEdges, [-0.5, 0.5, 1.5, 2.5, 3.5, 4.5])
        for (edge, expected) in zip(heatMap.yEdges, [-5.0, 5, 15, 25, 35]) { XCTAssertEqual(edge, expected, accuracy: 1e-9) }
        XCTAssertEqual(heatMap.colors.first, "#440154")
        XCTAssertEqual(heatMap.colors.last, "#fde725")
        XCTAssertEqual(heatMap.color(row: 1, column: 0), heatMap.color(row: 0, column: 1))
        XCTAssertEqual(plot.xAxis.range, -0.5...4.5)
        XCTAssertEqual(plot.colorBar?.range, -70...(-63))

        let document = try SVGDocument.check(plot.svg())
        let cells = document.withClass("heatmap").first
        XCTAssertEqual(cells?.attributes["data-columns"], "5")
        XCTAssertEqual(cells?.attributes["data-rows"], "4")
        let fills = document.children(ofClass: "heatmap").compactMap { $0.attributes["fill"] }
        XCTAssertEqual(fills.count, 8, "one path per value from -70 to -63 mV")
        XCTAssertTrue(fills.allSatisfy { palette.contains(PlotColor($0)) })
        XCTAssertEqual(document.withClass("colorbar-label").first?.text, "v (mV)")
        XCTAssertEqual(document.withClass("x-label").first?.text, "Time (ms)")
        XCTAssertEqual(document.withClass("y-label").first?.text, "Position (µm)")
        XCTAssertEqual(document.withClass("title").first?.text, "v over time and position")
    }

    /// The translation and scale of the heat map's cells, and the plot area (x, y, width, height).
    private func placement(_ document: SVGDocument) -> (cells: [Double], area: [Double]) {
        let transform = document.withClass("heatmap").first?.attributes["transform"] ?? ""
        let cells = transform.split(whereSeparator: { "(), ".contains($0) }).compactMap { Double($0) }
        let clip = document.all("rect").first?.attributes ?? [:]
        return (cells, ["x", "y", "width", "height"].map { Double(clip[$0] ?? "") ?? .nan })
    }

    func testCellsFillThePlotAreaEvenlySpacedOrNot() throws {
        let times = QuantityArray(values: [0, 1e-3, 2e-3, 3e-3, 4e-3], dimension: .time)
        let values = (0..<5).map { t in (0..<3).map { p in Double(t * p) * 1e-3 } }
        // Evenly spaced: cells of one width and height, in cell units.
        let even = QuantityArray(values: [0, 10e-6, 20e-6], dimension: .length)
        let evenDocument = try SVGDocument.check(Plot.spaceTime(times: times, positions: even, values: values,
                                                                unit: mV, label: "v").svg())
        let (cells, area) = placement(evenDocument)
        XCTAssertEqual(cells.count, 4)
        guard cells.count == 4 else { return }
        XCTAssertEqual(cells[0], area[0], accuracy: 0.05)
        XCTAssertEqual(cells[0] + 5 * cells[2], area[0] + area[2], accuracy: 0.1)
        XCTAssertEqual(cells[1], area[1] + area[3], accuracy: 0.05)
        XCTAssertEqual(cells[1] + 3 * cells[3], area[1], accuracy: 0.1)
        // Unevenly spaced positions: rows in pixels from the bottom edge, halfway between them.
        let uneven = QuantityArray(values: [0, 10e-6, 40e-6], dimension: .length)
        let plot = try Plot.spaceTime(times: times, positions: uneven, values: values, unit: mV, label: "v")
        XCTAssertEqual(plot.heatMap?.yEdges.map { $0.rounded() }, [-5, 5, 25, 55])
        let unevenDocument = try SVGDocument.check(plot.svg())
        let (unevenCells, unevenArea) = placement(unevenDocument)
        XCTAssertEqual(unevenCells.last, 1)
        let rows = unevenDocument.children(ofClass: "heatmap").flatMap { path in
            (path.attributes["d"] ?? "").split(separator: "Z").map { rectangle in
                rectangle.split(whereSeparator: { "MHV ".contains($0) }).compactMap { Double($0) }
            }
        }
        let heights = Set(rows.map { abs(($0.count > 3 ? $0[3] : 0) - ($0.count > 1 ? $0[1] : 0)) })
        // Rows of 10, 20 and 30 µm over 60 µm of the area's height.
        let perMicrometre = unevenArea[3] / 60
        XCTAssertEqual(heights.sorted().map { ($0 / perMicrometre).rounded() }, [10, 20, 30])
    }

    func testPositionsAreSortedEqualOnesShareARowAndBinsReachHalfway() {
        let bins = HeatMapBins([20, 0, 20, 10], limit: 300)
        XCTAssertEqual(bins.bin, [2, 0, 2, 1])
        XCTAssertEqual(bins.edges, [-5, 5, 15, 25])
        let grouped = HeatMapBins((0..<10).map(Double.init), limit: 4)
        XCTAssertEqual(grouped.bin, [0, 0, 0, 1, 1, 1, 2, 2, 2, 3])
        XCTAssertEqual(grouped.edges, [-0.5, 2.5, 5.5, 8.5, 9.5])
        XCTAssertEqual(HeatMapBins([7], limit: 300).edges, [6.5, 7.5])
        XCTAssertEqual(HeatMapBins([], limit: 300).count, 0)
    }

    func testALongRecordingIsAveragedIntoAtMost300By300CellsAndStaysSmall() throws {
        let wave = MorphologySamples.travellingWave(times: 3000, positions: 700)
        let plot = try Plot.spaceTime(times: wave.times, positions: wave.positions, values: wave.values, unit: mV,
                                      label: "v")
        let heatMap = try XCTUnwrap(plot.heatMap)
        XCTAssertEqual(heatMap.columns, 300)
        XCTAssertEqual(heatMap.rows, 234)
        let svg = plot.svg()
        try SVGDocument.check(svg)
        XCTAssertLessThan(svg.utf8.count, 1_000_000)
        // Averaging keeps the resting value where the wave has not come yet.
        XCTAssertEqual(plot.colorBar?.range.lowerBound ?? 0, -70, accuracy: 1e-6)
    }

    func testValuesThatDoNotFitAreErrors() throws {
        let times = QuantityArray(values: [0, 1e-3, 2e-3], dimension: .time)
        let positions = QuantityArray(values: [0, 1e-6], dimension: .length)
        let row = [0.0, 0.0]
        func message(_ body: () throws -> Plot) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        XCTAssertTrue(message { try Plot.spaceTime(times: times, positions: positions, values: [row, row], unit: mV,
                                                   label: "v") }.contains("2 rows for 3 times"))
        XCTAssertTrue(message { try Plot.spaceTime(times: times, positions: positions, values: [row, [1], row],
                                                   unit: mV, label: "v") }.contains("row 1 has 1 values for 2 positions"))
        let wide = [0.0, 0.0, 0.0]
        XCTAssertTrue(message { try Plot.spaceTime(times: positions, positions: times, values: [wide, wide],
                                                   unit: mV, label: "v") }.contains("must be times"))
        XCTAssertTrue(message { try Plot.spaceTime(times: QuantityArray(values: [], dimension: .time),
                                                   positions: positions, values: [], unit: mV, label: "v") }
            .contains("at least one time"))
        let late = QuantityArray(values: [0, .infinity, 2e-3], dimension: .time)
        XCTAssertTrue(message { try Plot.spaceTime(times: late, positions: positions, values: [row, row, row],
                                                   unit: mV, label: "v") }.contains("time 1 is inf"))
        XCTAssertTrue(message { try Plot.spaceTime(times: times, positions: positions, values: [row, row, row],
                                                   unit: 0 * mV, label: "v") }.contains("must be positive"))
    }

    func testAStateMonitorsRecordingIsARowPerRecordedElement() throws {
        let group = try NeuronGroup(5, model: "dv/dt = -v/(10*ms) : volt", method: .exact, name: "spacetime_cable")
        try group.v.set("i * mV")
        let monitor = try StateMonitor(group, "v", name: "spacetime_v")
        let positions = QuantityArray(values: (0..<5).map { Double($0) * 10e-6 }, dimension: .length)
        XCTAssertThrowsError(try Plot.spaceTime(monitor, variable: "v", positions: positions)) { error in
            XCTAssertTrue("\(error)".contains("has recorded nothing"), "\(error)")
        }
        let network = try Network(group, monitor, backend: .interpreter)
        try network.run(2 * ms)
        let plot = try Plot.spaceTime(monitor, variable: "v", positions: positions)
        XCTAssertEqual([plot.heatMap?.columns, plot.heatMap?.rows], [monitor.t.count, 5])
        XCTAssertEqual(plot.title, "v of spacetime_cable")
        XCTAssertEqual(plot.colorBar?.title, "v (mV)")
        // Neuron 0 stays at 0 mV (the lowest), neuron 4 starts at 4 mV (the highest).
        XCTAssertEqual(plot.heatMap?.color(row: 0, column: 5), "#440154")
        XCTAssertEqual(plot.heatMap?.color(row: 4, column: 0), "#fde725")
        XCTAssertThrowsError(try Plot.spaceTime(monitor, variable: "v", positions: QuantityArray(positions.values.prefix(3).map { $0 * meter }))) { error in
            XCTAssertTrue("\(error)".contains("3 positions for 5 elements"), "\(error)")
        }
        XCTAssertThrowsError(try Plot.spaceTime(monitor, variable: "w", positions: positions))
        XCTAssertThrowsError(try Plot.spaceTime(monitor, variable: "v", positions: positions, unit: second))
    }
}

/// The colour map: viridis' colours, clamped, quantized.
final class ColorMapTests: XCTestCase {
    func testViridisEndsAndMiddleAndClamping() {
        let map = ColorMap.viridis
        XCTAssertEqual(map.color(at: 0), "#440154")
        XCTAssertEqual(map.color(at: 0.5), "#21918c")
        XCTAssertEqual(map.color(at: 1), "#fde725")
        XCTAssertEqual(map.color(at: -3), "#440154")
        XCTAssertEqual(map.color(at: 7), "#fde725")
        XCTAssertEqual(map.color(at: .nan), "#440154")
        XCTAssertEqual(map.color(for: 5, in: 0...10), "#21918c")
        XCTAssertEqual(map.color(for: 2, in: 2...2), "#21918c", "an empty range gives the middle")
        XCTAssertNil(map.color(for: .nan, in: 0...1))
        XCTAssertNil(map.color(for: .infinity, in: 0...1))
        XCTAssertEqual(map.color(at: 0.4, levels: 2), "#440154")
        XCTAssertEqual(map.color(at: 0.6, levels: 2), "#fde725")
        // 256 levels, of which neighbours may round to the same 8-bit colour.
        XCTAssertEqual(Set((0...1000).map { map.color(at: Double($0) / 1000) }).count, 253)
        XCTAssertEqual(map.stops.first?.color, "#440154")
        XCTAssertEqual(map.stops.last?.offset, 1)
    }
}
