import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// Plots as SVG: well-formed, labelled with units, one mark per data point, fast with many points.
final class PlotSVGTests: XCTestCase, SVGAssertions {
    func testRasterHasOneDotPerSpikeAndTimeInMilliseconds() throws {
        let example = try ExampleNetwork.shared.get()
        let document = try SVGDocument.check(try Plot.raster(example.spikes).svg())
        XCTAssertEqual(text(document, "x-label"), "Time (ms)")
        XCTAssertEqual(text(document, "y-label"), "Neuron index")
        XCTAssertEqual(text(document, "title"), "Spikes of P")
        let dots = document.withClass("dots").first
        XCTAssertEqual(marks(dots), example.spikes.numEvents)
        XCTAssertEqual(dots?.attributes["data-points"], String(example.spikes.numEvents))
        // Ticks every 100 ms over the 500 ms run.
        XCTAssertEqual(document.withClass("x-ticks").isEmpty, false)
        let xTicks = document.elements.drop { $0.attributes["class"] != "x-ticks" }.dropFirst()
            .prefix { $0.name == "text" }.map(\.text)
        XCTAssertEqual(xTicks, ["0", "100", "200", "300", "400", "500"])
    }

    func testStateTracesShowTheVariableInMillivoltsWithALegend() throws {
        let example = try ExampleNetwork.shared.get()
        let document = try SVGDocument.check(try Plot.stateTraces(example.voltage, variable: "v").svg())
        XCTAssertEqual(text(document, "y-label"), "v (mV)")
        XCTAssertEqual(text(document, "x-label"), "Time (ms)")
        XCTAssertEqual(document.withClass("line").count, 3)
        let legend = document.elements.filter { $0.name == "text" && $0.text.hasPrefix("v[") }.map(\.text)
        XCTAssertEqual(legend, ["v[0]", "v[1]", "v[2]"])
        let inVolts = try SVGDocument.check(try Plot.stateTraces(example.voltage, variable: "v", indices: [1],
                                                                  unit: volt).svg())
        XCTAssertEqual(text(inVolts, "y-label"), "v (V)")
        XCTAssertEqual(inVolts.withClass("line").count, 1)
    }

    func testRateFICurveHistogramAndConnectivity() throws {
        let example = try ExampleNetwork.shared.get()
        let rate = try SVGDocument.check(try Plot.rate(example.rate).svg())
        XCTAssertEqual(text(rate, "y-label"), "Rate (Hz)")
        XCTAssertEqual(text(rate, "title"), "Population rate of P (Gaussian window, 1 ms)")

        let currents = QuantityArray(values: [0, 0.5e-9, 1e-9], dimension: .current)
        let rates = QuantityArray(values: [0, 20, 45], dimension: .frequency)
        let curve = try SVGDocument.check(try Plot.fICurve(input: currents, rate: rates).svg())
        XCTAssertEqual(text(curve, "x-label"), "Input current (nA)")
        XCTAssertEqual(text(curve, "y-label"), "Firing rate (Hz)")

        let histogram = try Plot.weightHistogram(example.excitatory, bins: 12)
        XCTAssertEqual(histogram.series[0].y.reduce(0, +), Double(example.excitatory.size))
        let bars = try SVGDocument.check(histogram.svg())
        XCTAssertEqual(marks(bars.withClass("bars").first), 12)
        XCTAssertEqual(text(bars, "x-label"), "w (mV)")

        let connectivity = try SVGDocument.check(try Plot.connectivity(example.excitatory).svg())
        XCTAssertEqual(marks(connectivity.withClass("dots").first), example.excitatory.size)
        XCTAssertEqual(text(connectivity, "x-label"), "Source neuron index")
    }

    func testHistogramBinsAsNumPy() throws {
        let plot = try Plot.histogram(QuantityArray(values: [0, 1, 1, 2, 3, 4, .nan]), bins: 4, label: "x")
        XCTAssertEqual(plot.series[0].x, [0, 1, 2, 3])
        XCTAssertEqual(plot.series[0].y, [1, 2, 1, 2], "the last bin includes its right edge")
        XCTAssertThrowsError(try Plot.histogram(QuantityArray(values: [1]), bins: 0, label: "x"))
    }

    func testManySpikesStayFastAndSmall() throws {
        let count = 100_000
        let plot = try RandomSpikes.raster(count: count, neurons: 4000, seconds: 2)
        let start = Date()
        let svg = plot.svg()
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 5, "a 100,000-spike raster renders in \(seconds) s")
        XCTAssertLessThan(svg.utf8.count, 1_000_000)
        let document = try SVGDocument.check(svg)
        XCTAssertTrue(document.withClass("dots").isEmpty, "more points than cells of 2 × 2 pixels: a density")
        let density = try XCTUnwrap(document.withClass("density").first)
        XCTAssertEqual(density.attributes["data-points"], String(count))
        XCTAssertEqual(density.attributes["data-cell-size"], "2")
        let shades = document.elements.filter { $0.name == "path" && $0.attributes["fill-opacity"] != nil }
        XCTAssertGreaterThan(shades.count, 3, "random spikes give several shades")
        print("100,000-spike raster: \(String(format: "%.3f", seconds)) s, \(svg.utf8.count / 1000) kB")
    }

    func testFewPointsAreDotsAndManyADensity() throws {
        func plot(_ count: Int) -> SVGDocument? {
            let x = (0..<count).map { Double($0 % 500) }, y = (0..<count).map { Double($0 / 500) }
            return try? SVGDocument.check(Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
                                               series: [PlotSeries(x: x, y: y, style: .dots(diameter: 2))]).svg())
        }
        // The default plot area is about 640 × 370 pixels: about 59,000 cells of 2 × 2 pixels.
        XCTAssertEqual(marks(plot(50_000)?.withClass("dots").first), 50_000)
        XCTAssertEqual(plot(70_000)?.withClass("density").count, 1)
        XCTAssertEqual(plot(70_000)?.withClass("dots").count, 0)
    }

    func testLongTracesAreThinnedToThePixelColumns() throws {
        let x = (0..<200_000).map { Double($0) * 1e-3 }
        let plot = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
                        series: [PlotSeries(x: x, y: x.map { sin($0 * 40) })])
        let document = try SVGDocument.check(plot.svg())
        let path = document.withClass("line").first?.attributes["d"] ?? ""
        let points = path.filter { $0 == "L" || $0 == "M" }.count
        XCTAssertLessThan(points, 4 * 720)
        XCTAssertGreaterThan(points, 600)
        XCTAssertEqual(document.withClass("line").first?.attributes["data-points"], "200000")
    }

    func testTextIsEscapedAndBadArgumentsAreModelErrors() throws {
        let plot = Plot(title: "a < b & \"c\"", xAxis: PlotAxis("x'"), yAxis: PlotAxis("y"))
        XCTAssertEqual(text(try SVGDocument.check(plot.svg()), "title"), "a < b & \"c\"")
        let times = QuantityArray(values: [0.001], dimension: .time)
        XCTAssertThrowsError(try Plot.raster(indices: [0, 1], times: times)) {
            XCTAssertTrue("\($0)".contains("2 indices and 1 times"), "\($0)")
        }
        XCTAssertThrowsError(try Plot.raster(indices: [0], times: times, timeUnit: mV)) {
            XCTAssertEqual(($0 as? ModelError)?.kind, .dimensionMismatch, "\($0)")
        }
        XCTAssertThrowsError(try Plot.fICurve(input: times, rate: times)) {
            XCTAssertTrue("\($0)".contains("must be frequencies"), "\($0)")
        }
    }

    func testEmptyAndDegenerateDataStillRender() throws {
        let empty = try Plot.raster(indices: [], times: QuantityArray(values: [], dimension: .time))
        XCTAssertEqual(marks(try SVGDocument.check(empty.svg()).withClass("dots").first), 0)
        let flat = Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y"),
                        series: [PlotSeries(x: [1, 2, 3, 4], y: [5, .nan, 5, 5], label: "flat")])
        let document = try SVGDocument.check(flat.svg())
        XCTAssertEqual(document.withClass("line").first?.attributes["d"]?.filter { $0 == "M" }.count, 2,
                       "a NaN breaks the line")
        XCTAssertEqual(try SVGDocument.check(Plot(xAxis: PlotAxis("x"), yAxis: PlotAxis("y")).svg()).withClass("series").count, 0)
        let histogram = try Plot.histogram(QuantityArray(values: [2, 2], dimension: .voltage), bins: 3, label: "w")
        XCTAssertEqual(histogram.series[0].y, [0, 2, 0], "equal values get a bin of width 1 around them, as NumPy's")
        _ = try SVGDocument.check(histogram.svg())
    }

    /// An axis's unit suits its largest value: currents decaying towards 0 stay in pA, not aA.
    func testAxisUnitSuitsTheLargestValue() throws {
        let current = Curve(x: [0, 1, 2, 3] * ms, y: [150e-12, 1e-15, 1e-20, 1e-25] * amp, xLabel: "Time", yLabel: "I")
        let plot = try Plot.of(current)
        XCTAssertEqual(plot.yAxis.title, "I (pA)")
        XCTAssertEqual(plot.series[0].y[0], 150, accuracy: 1e-9)
    }

    /// A title too long for the picture is set smaller, one that fits at the usual size.
    func testLongTitlesShrinkToFit() throws {
        func size(_ title: String) throws -> Double {
            let plot = Plot(title: title, xAxis: PlotAxis("x"), yAxis: PlotAxis("y"), width: 300, height: 200)
            let document = try SVGDocument.check(plot.svg())
            return Double(document.withClass("title").first?.attributes["font-size"] ?? "") ?? 0
        }
        XCTAssertEqual(try size("Short"), 15)
        let long = try size(String(repeating: "A long title ", count: 6))
        XCTAssertLessThan(long, 15)
        XCTAssertGreaterThanOrEqual(long, 10)
    }

    func testTicksAreRoundNumbers() {
        XCTAssertEqual(AxisTicks(range: 0...500, count: 6).labels, ["0", "100", "200", "300", "400", "500"])
        XCTAssertEqual(AxisTicks(range: -63.9...(-49.4), count: 6).labels,
                       ["\u{2212}62.5", "\u{2212}60.0", "\u{2212}57.5", "\u{2212}55.0", "\u{2212}52.5", "\u{2212}50.0"])
        XCTAssertEqual(AxisTicks(range: 0...1, count: 5).labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        XCTAssertEqual(AxisTicks(range: -0.5...4.5, count: 6, integers: true).labels, ["0", "1", "2", "3", "4"])
        XCTAssertEqual(AxisTicks(range: -0.5...0.5, count: 6, integers: true).labels, ["0"])
        XCTAssertEqual(AxisTicks(range: -1e-3...1e-3, count: 4).values.count, 5)
    }
}
