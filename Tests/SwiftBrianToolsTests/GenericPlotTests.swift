import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// `Plot.of`, brian2tools' `brian_plot`: each kind of object gives its kind of plot, with a title
/// and axes labelled with their units, read back from the SVG; figures of several panels.
final class GenericPlotTests: XCTestCase, SVGAssertions {
    func testSpikeMonitorGivesARasterOfAllOrSomeNeurons() throws {
        let example = try ExampleNetwork.shared.get()
        let all = try SVGDocument.check(try Plot.of(example.spikes).svg())
        assertLabels(all, title: "Spikes of P", x: "Time (ms)", y: "Neuron index")
        XCTAssertEqual(marks(all.withClass("dots").first), example.spikes.numEvents)

        let subset = try Plot.of(example.spikes, PlotOptions(neurons: 10..<60))
        let expected = example.spikes.i.filter { (10..<60).contains($0) }.count
        XCTAssertEqual(subset.series[0].x.count, expected)
        XCTAssertEqual(subset.yAxis.range, 9.5...59.5)
        XCTAssertEqual(subset.title, "Spikes of P, neurons 10\u{2013}59 of 400")
        XCTAssertThrowsError(try Plot.of(example.spikes, PlotOptions(neurons: 390..<410))) {
            XCTAssertTrue("\($0)".contains("neurons 0 to 399"), "\($0)")
        }
    }

    func testStateMonitorGivesTracesLabelledInTheModelsTerms() throws {
        let example = try ExampleNetwork.shared.get()
        let document = try SVGDocument.check(try Plot.of(example.voltage).svg())
        assertLabels(document, title: "v of P", x: "Time (ms)", y: "v (mV)")
        XCTAssertEqual(document.withClass("line").compactMap { $0.attributes["data-label"] }, ["v[0]", "v[1]", "v[2]"])

        let labelled = try Plot.of(example.voltage, PlotOptions(indices: [0, 2], labels: ["first", "third"]))
        XCTAssertEqual(labelled.series.compactMap(\.label), ["first", "third"])
        XCTAssertThrowsError(try Plot.of(example.voltage, PlotOptions(labels: ["one"]))) {
            XCTAssertTrue("\($0)".contains("3 traces, but 1 labels"), "\($0)")
        }
        XCTAssertThrowsError(try Plot.of(example.voltage, PlotOptions(variable: "ge")))
    }

    func testStateMonitorOfSeveralVariablesNeedsTheVariable() throws {
        let group = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : volt\ndw/dt = -w/(10*ms) : amp")
        // Not run: a run would move the default clock that the shared example network's plots read.
        let monitor = try StateMonitor(group, variables: ["v", "w"], name: "both")
        XCTAssertThrowsError(try Plot.of(monitor)) {
            XCTAssertTrue("\($0)".contains("records v, w: say which"), "\($0)")
        }
        XCTAssertEqual(try Plot.of(monitor, PlotOptions(variable: "w")).yAxis.title, "w (A)")
    }

    func testRateMonitorGivesTheRateSmoothedOverOneMillisecond() throws {
        let example = try ExampleNetwork.shared.get()
        let document = try SVGDocument.check(try Plot.of(example.rate).svg())
        XCTAssertEqual(text(document, "title"), "Population rate of P (Gaussian window, 1 ms)")
        XCTAssertEqual(text(document, "y-label"), "Rate (Hz)")
        XCTAssertEqual(document.withClass("line").count, 1)
    }

    func testSynapsesGiveAnImageScatterOrBinsBySize() throws {
        let example = try ExampleNetwork.shared.get()
        let synapses = example.excitatory
        // 320 sources and 400 targets: fewer than 1000 each, so an image of the pairs.
        let image = try SVGDocument.check(try Plot.of(synapses).svg())
        XCTAssertEqual(image.withClass("heatmap").first?.attributes["data-columns"], "400")
        XCTAssertEqual(text(image, "x-label"), "Source neuron index")
        XCTAssertEqual(text(image, "y-label"), "Target neuron index")
        XCTAssertEqual(text(image, "title"), "Synapses of Ce: P \u{2192} P")
        XCTAssertTrue(image.withClass("colorbar").isEmpty, "one synapse per pair: black cells, no colour bar")

        let scatter = try SVGDocument.check(try Plot.of(synapses, PlotOptions(connectivity: .scatter)).svg())
        XCTAssertEqual(marks(scatter.withClass("dots").first), synapses.size)

        let binned = try Plot.of(synapses, PlotOptions(connectivity: .hexbin))
        XCTAssertEqual(binned.colorBar?.title, "Synapses per bin")
        XCTAssertTrue(binned.title.hasSuffix("(hexagonal bins)"))
        let hexagons = try SVGDocument.check(binned.svg())
        XCTAssertEqual(hexagons.withClass("hexagons").count, 1)
        XCTAssertEqual(binned.series[0].x.count, Set(zip(binned.series[0].x, binned.series[0].y).map { "\($0) \($1)" }).count,
                       "one hexagon per occupied bin")

        let empty = try Synapses(example.neurons, example.neurons, name: "unconnected")
        XCTAssertThrowsError(try Plot.of(empty)) { XCTAssertTrue("\($0)".contains("no synapses"), "\($0)") }
    }

    func testLargeSynapsesAreBinnedAndRefuseAHugeImage() throws {
        let source = try NeuronGroup(3000, model: "v : 1"), target = try NeuronGroup(3000, model: "v : 1")
        let synapses = try Synapses(source, target, name: "wide")
        let sources = (0..<15_000).map { $0 / 5 }
        try synapses.connect(i: sources, j: sources.indices.map { ($0 * 7) % 3000 })
        // 15,000 synapses over 3000 × 3000 neurons: too many for a scatter.
        let plot = try Plot.of(synapses)
        guard case .hexagons(let width, let height) = plot.series[0].style else {
            return XCTFail("15,000 synapses over 3000 × 3000 neurons are drawn in hexagonal bins")
        }
        XCTAssertEqual(width, 3000.0 / Double(Plot.synapseBins), accuracy: 1e-9)
        XCTAssertGreaterThan(height, width, "pointy-topped hexagons")
        XCTAssertEqual(plot.series[0].colors?.count, plot.series[0].x.count)
        XCTAssertEqual(plot.colorBar?.title, "Synapses per bin")
        XCTAssertThrowsError(try Plot.of(synapses, PlotOptions(connectivity: .image))) {
            XCTAssertTrue("\($0)".contains("3000 × 3000 cells"), "\($0)")
        }
    }

    /// Each point falls in the hexagon whose centre is nearest (in hexagon-shaped distance), and
    /// the hexagons tile the plane: a point on a lattice's centre is in that centre's bin.
    func testHexagonalBinsPutEachPointInTheNearestHexagon() {
        let bins = HexagonalBins(x: 0...10, y: 0...10, columns: 10, aspect: 1)
        XCTAssertEqual(bins.width, 1)
        XCTAssertEqual(bins.rowStep, 3.0.squareRoot() / 2, accuracy: 1e-12)
        XCTAssertEqual(bins.height * 3 / 4, bins.rowStep, accuracy: 1e-12)
        let first = bins.bin(2, 2 * bins.rowStep * 3)
        XCTAssertEqual(first, HexagonalBins.Bin(lattice: 0, a: 2, b: 3))
        let second = bins.bin(2.5, bins.rowStep * 3)
        XCTAssertEqual(second, HexagonalBins.Bin(lattice: 1, a: 2, b: 1))
        XCTAssertEqual(bins.centre(second).x, 2.5, accuracy: 1e-12)
        XCTAssertEqual(bins.centre(second).y, 3 * bins.rowStep, accuracy: 1e-12)
        // Just inside a hexagon's flat side and just inside its upper point.
        XCTAssertEqual(bins.bin(2.49, 6 * bins.rowStep), first)
        XCTAssertEqual(bins.bin(2, 6 * bins.rowStep + bins.height / 2 - 0.01), first)
        XCTAssertEqual(bins.bin(2, 6 * bins.rowStep + bins.height / 2 + 0.05).lattice, 1)
    }

    func testSynapticVariableGivesItsValuesOnTheMatrixAgainstIOrJOrAsAHistogram() throws {
        let example = try ExampleNetwork.shared.get()
        let w = try example.excitatory.variable("w")
        let matrix = try Plot.of(w)
        XCTAssertEqual(matrix.colorBar?.title, "w (mV)")
        XCTAssertEqual(matrix.title, "w of Ce: P \u{2192} P")
        let scatter = try Plot.of(w, PlotOptions(connectivity: .scatter))
        XCTAssertEqual(scatter.colorBar?.title, "w (mV)")
        XCTAssertEqual(scatter.series[0].colors?.count, example.excitatory.size)

        let bySource = try SVGDocument.check(try Plot.of(w, PlotOptions(synapticView: .againstSource)).svg())
        XCTAssertEqual(text(bySource, "x-label"), "Source neuron index i")
        XCTAssertEqual(text(bySource, "y-label"), "w (mV)")
        XCTAssertEqual(marks(bySource.withClass("dots").first), example.excitatory.size)
        let byTarget = try Plot.of(w, PlotOptions(unit: volt, synapticView: .againstTarget))
        XCTAssertEqual(byTarget.xAxis.title, "Target neuron index j")
        XCTAssertEqual(byTarget.yAxis.title, "w (V)")
        XCTAssertEqual(byTarget.series[0].x, try example.excitatory.j.map(Double.init))

        let histogram = try SVGDocument.check(try Plot.of(w, PlotOptions(synapticView: .histogram(bins: 8))).svg())
        XCTAssertEqual(marks(histogram.withClass("bars").first), 8)
        XCTAssertEqual(text(histogram, "x-label"), "w (mV)")
        XCTAssertEqual(text(histogram, "y-label"), "Number of synapses")
        XCTAssertThrowsError(try Plot.of(w, PlotOptions(unit: second)))
    }

    func testAGroupVariableGivesItsValuesAgainstTheIndex() throws {
        let example = try ExampleNetwork.shared.get()
        let plot = try Plot.of(example.neurons.v)
        XCTAssertEqual(plot.xAxis.title, "Index")
        XCTAssertEqual(plot.yAxis.title, "v (mV)")
        XCTAssertEqual(plot.title, "v of P")
        XCTAssertEqual(plot.series[0].x.count, 400)
    }

    func testMorphologyAndMulticompartmentNeuronGiveADendrogram() throws {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 100 * um, n: 10)
        let dendrogram = try SVGDocument.check(try Plot.of(morpho).svg())
        XCTAssertEqual(text(dendrogram, "y-label"), "Distance from the root (µm)")
        XCTAssertEqual(text(dendrogram, "title"), "Dendrogram")
        let neuron = try SpatialNeuron(morphology: morpho, model: "Im = gL*(EL - v) : amp/meter**2",
                                       namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV], name: "cell")
        XCTAssertEqual(try Plot.of(neuron).title, "Dendrogram of cell")
    }

    func testMorphologyInSpaceColouredByValues() throws {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 100 * um, n: 10)
        let values = QuantityArray(values: (0..<11).map { -0.07 + 0.001 * Double($0) }, dimension: .voltage)
        let projected = try Plot.of(morpho, PlotOptions(title: "v at 1 ms", variable: "v", values: values,
                                                        projection: .xy))
        XCTAssertEqual(projected.colorBar?.title, "v (mV)")
        XCTAssertEqual(projected.xAxis.title, "x (µm)")
        XCTAssertEqual(try Plot.of(morpho, PlotOptions(variable: "v", values: values)).colorBar?.title, "v (mV)",
                       "a dendrogram coloured by the values")
        XCTAssertThrowsError(try Plot.of(morpho, PlotOptions(values: QuantityArray(values: [1, 2]))))
    }

    func testStateMonitorWithPositionsGivesASpaceTimePicture() throws {
        let example = try ExampleNetwork.shared.get()
        let positions = QuantityArray(values: [0, 1e-4, 2e-4], dimension: .length)
        let plot = try Plot.of(example.voltage, PlotOptions(title: "v along P", unit: mV, positions: positions))
        XCTAssertEqual(plot.title, "v along P")
        XCTAssertEqual(plot.colorBar?.title, "v (mV)")
        XCTAssertNotNil(plot.heatMap)
    }

    /// Computed quantities (an order parameter over time, a rate against a current) go through
    /// `Plot.of` too, their units on the axes.
    func testCurvesOfComputedQuantitiesAreLabelledWithTheirUnits() throws {
        let t = [0.0, 0.5, 1.0, 1.5] * second
        let uncoupled = Curve(x: t, y: QuantityArray(values: [0.1, 0.2, 0.1, 0.15]), xLabel: "Time",
                              yLabel: "Order parameter r", label: "uncoupled")
        let coupled = Curve(x: t, y: QuantityArray(values: [0.1, 0.6, 0.9, 0.95]), xLabel: "Time",
                            yLabel: "Order parameter r", label: "K = 1/s")
        let document = try SVGDocument.check(try Plot.of([uncoupled, coupled]).svg())
        assertLabels(document, title: "Order parameter r against Time", x: "Time (ms)", y: "Order parameter r")
        XCTAssertEqual(document.withClass("line").compactMap { $0.attributes["data-label"] }, ["uncoupled", "K = 1/s"])
        let inSeconds = try Plot.of(coupled, PlotOptions(title: "Synchrony", timeUnit: second))
        XCTAssertEqual(inSeconds.xAxis.title, "Time (s)")
        XCTAssertEqual(inSeconds.series[0].x, [0, 0.5, 1, 1.5])

        let rate = Curve(x: [1, 2, 3] * nA, y: [0, 12, 30] * Hz, xLabel: "Input current", yLabel: "Firing rate")
        let fI = try Plot.of(rate)
        XCTAssertEqual(fI.xAxis.title, "Input current (nA)")
        XCTAssertEqual(fI.yAxis.title, "Firing rate (Hz)")
        XCTAssertTrue(fI.yAxis.includesZero)
        let inPicoamperes = try Plot.of(rate, PlotOptions(xUnit: pA))
        XCTAssertEqual(inPicoamperes.xAxis.title, "Input current (pA)")
        XCTAssertEqual(inPicoamperes.series[0].x[2], 3000, accuracy: 1e-9)
        let iterations = Curve(x: QuantityArray(values: [0, 1, 2]), y: [25, 12.5, 18.75] * mV, xLabel: "Iteration",
                               yLabel: "Threshold estimate")
        XCTAssertTrue(try Plot.of(iterations).xAxis.integerTicks)

        XCTAssertThrowsError(try Plot.of([Curve]())) { XCTAssertTrue("\($0)".contains("no curve"), "\($0)") }
        XCTAssertThrowsError(try Plot.of(Curve(x: t, y: QuantityArray(values: [1]), xLabel: "Time", yLabel: "r"))) {
            XCTAssertTrue("\($0)".contains("4 x values but 1 y values"), "\($0)")
        }
        XCTAssertThrowsError(try Plot.of([coupled, rate])) {
            XCTAssertTrue("\($0)".contains("must share their dimensions"), "\($0)")
        }
        XCTAssertThrowsError(try Plot.of([uncoupled, coupled], PlotOptions(labels: ["one"])))
        XCTAssertThrowsError(try Plot.of(rate, PlotOptions(xUnit: ms)))
    }

    /// A diverging value (an exponential integrate-and-fire voltage recorded before its
    /// threshold) is drawn near the plot area, not at coordinates the rasterizer wraps around.
    func testDivergingValuesStayNearThePlotArea() throws {
        let plot = Plot(xAxis: PlotAxis("Time", unit: "ms"), yAxis: PlotAxis("v", unit: "mV", range: -80...10),
                        series: [PlotSeries(x: [0, 1, 2, 3], y: [-70, 5e11, -60, -1e300])])
        let document = try SVGDocument.check(plot.svg())
        let path = try XCTUnwrap(document.withClass("line").first?.attributes["d"])
        let numbers = path.split { "MLml ,".contains($0) }.compactMap { Double($0) }
        XCTAssertEqual(numbers.count, 8)
        XCTAssertLessThan(numbers.map(abs).max() ?? .infinity, 10_000)
    }

    func testWindowKeepsThePointsInside() throws {
        let example = try ExampleNetwork.shared.get()
        let rate = try Plot.of(example.rate).window(100...200)
        XCTAssertEqual(rate.xAxis.range, 100...200)
        XCTAssertFalse(rate.series[0].x.isEmpty)
        XCTAssertTrue(rate.series[0].x.allSatisfy { (100...200).contains($0) })
    }

    func testFigurePanelsShareTheTimeAxisAndLineUp() throws {
        let example = try ExampleNetwork.shared.get()
        let figure = Figure(title: "Raster over rate", panels: [try Plot.of(example.spikes, PlotOptions(neurons: 0..<50)),
                                                                 try Plot.of(example.rate)],
                            rowHeights: [2, 1], sharesXAxis: true)
        let document = try SVGDocument.check(figure.svg())
        XCTAssertEqual(text(document, "figure-title"), "Raster over rate")
        XCTAssertEqual(document.withClass("panel").count, 2)
        XCTAssertEqual(document.withClass("x-label").map(\.text), ["", "Time (ms)"], "the time axis titled once")
        XCTAssertEqual(document.withClass("y-label").map(\.text), ["Neuron index", "Rate (Hz)"])
        // The plot areas start at the same x (their clip rectangles), the raster twice as high.
        let areas = document.all("rect").filter { $0.attributes["height"] != "100%" && $0.attributes["x"] != nil }
            .prefix(2)
        XCTAssertEqual(Set(areas.map { $0.attributes["x"] }).count, 1)
        let laid = figure.laidOutPanels()
        XCTAssertEqual(laid[0].height, 2 * laid[1].height, accuracy: 1e-9)
        XCTAssertEqual(laid[0].xAxis.range, laid[1].xAxis.range)

        let columns = Figure.columns([[laid[0], laid[1]], [laid[0]]], title: "Two states")
        XCTAssertEqual(columns.panels.count, 4)
        XCTAssertEqual(columns.columns, 2)
        XCTAssertEqual(Figure(laid[0]).svg(), laid[0].svg(), "a figure of one untitled plot is that plot")
    }

    /// Every kind of plot, and a figure, as SVG and PNG files.
    func testEveryKindOfPlotBecomesSVGAndPNG() throws {
        let example = try ExampleNetwork.shared.get()
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 100 * um, n: 10)
        let pictures: [(String, any Picture)] = [
            ("generic_raster", try Plot.of(example.spikes)), ("generic_state", try Plot.of(example.voltage)),
            ("generic_rate", try Plot.of(example.rate)), ("generic_synapses", try Plot.of(example.excitatory)),
            ("generic_weights", try Plot.of(example.excitatory.w)),
            ("generic_hexbin", try Plot.of(example.excitatory, PlotOptions(connectivity: .hexbin))),
            ("generic_weights_hexbin", try Plot.of(example.excitatory.w, PlotOptions(connectivity: .hexbin))),
            ("generic_weights_i", try Plot.of(example.excitatory.w, PlotOptions(synapticView: .againstSource))),
            ("generic_dendrogram", try Plot.of(morpho)),
            ("generic_curve", try Plot.of(Curve(x: [0.1, 0.2, 0.3] * nA, y: [0, 12, 30] * Hz, xLabel: "Input current",
                                                yLabel: "Firing rate"))),
            ("generic_figure", Figure.columns([[try Plot.of(example.spikes, PlotOptions(neurons: 0..<50)),
                                                try Plot.of(example.rate)]], title: "P", rowHeights: [2, 1])),
        ]
        for (name, picture) in pictures {
            try picture.writeSVG(to: TestOutput.url("\(name).svg"))
            _ = try SVGDocument.check(try String(contentsOf: TestOutput.url("\(name).svg"), encoding: .utf8))
        }
        guard PNGConverter.isAvailable else {
            throw XCTSkip("neither librsvg's library (librsvg2-2) nor rsvg-convert (librsvg2-bin) is installed, "
                          + "so no PNG is made")
        }
        for (name, picture) in pictures {
            let url = TestOutput.url("\(name).png")
            try picture.writePNG(to: url, scale: 1)
            XCTAssertEqual(Array(try Data(contentsOf: url).prefix(4)), [0x89, 0x50, 0x4E, 0x47], name)
        }
    }
}
