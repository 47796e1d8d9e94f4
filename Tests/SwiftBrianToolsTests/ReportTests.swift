import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// The HTML report: one self-contained, well-formed page with a summary table and inline plots.
final class ReportTests: XCTestCase {
    func testALongRunsReportStaysSmall() throws {
        let plot = try RandomSpikes.longRun.get()
        XCTAssertLessThan(plot.svg().utf8.count, 1_000_000, "a density of 2 × 2-pixel cells, not 1.3 million dots")
        let html = Report(title: "CUBA for 60 s").add(plot).html()
        XCTAssertLessThan(html.utf8.count, 1_000_000)
        XCTAssertEqual(try SVGDocument(html).all("svg").count, 1)
    }

    func testReportGathersSummaryAndPlots() throws {
        let example = try ExampleNetwork.shared.get()
        let report = try Report(title: "CUBA <small>")
            .add(RunSummary(example.network, wallTime: 1.25 * second))
            .add(Plot.raster(example.spikes))
            .add(heading: "Activity")
            .add(Plot.rate(example.rate))
            .add(note: "Rates smoothed with a 1 ms Gaussian.")
        let html = report.html()
        let document = try SVGDocument(html)
        XCTAssertEqual(document.all("title").first?.text, "CUBA <small>")
        XCTAssertEqual(document.all("svg").count, 2)
        let clipIDs = document.all("clipPath").compactMap { $0.attributes["id"] }
        XCTAssertEqual(Set(clipIDs).count, 2, "each plot has its own ids")
        XCTAssertFalse(html.contains("<?xml"), "inline SVG has no XML declaration")
        XCTAssertFalse(html.contains("src=") || html.contains("href=\"http"), "nothing is loaded from elsewhere")

        let rows = Dictionary(uniqueKeysWithValues: zip(document.all("th").map(\.text), document.all("td").map(\.text)))
        XCTAssertEqual(rows["Neurons"], "400")
        XCTAssertEqual(rows["Synapses"], RunSummary.integer(example.excitatory.size + (example.network.objects
            .compactMap { $0 as? Synapses }.first { $0.name == "Ci" }?.size ?? 0)))
        XCTAssertEqual(rows["Spikes"], RunSummary.integer(example.spikes.numEvents))
        let meanRate = Double(example.spikes.numEvents) / 400 / 0.5
        XCTAssertEqual(rows["Mean rate"], RunSummary.decimal(meanRate, digits: 3) + " Hz")
        XCTAssertNotNil(rows["CV of interspike intervals"].flatMap(Double.init))
        XCTAssertEqual(rows["Wall time"], "1.25 s")
        XCTAssertEqual(rows["Simulated time"], "0.5 s")

        let url = TestOutput.url("report_test.html")
        try report.write(to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), html)
    }

    /// A multicompartment neuron is one neuron; its compartments have no rate or CV of their own.
    func testSummaryCountsAMulticompartmentNeuronOnce() throws {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 100 * um, n: 10)
        let neuron = try SpatialNeuron(morphology: morpho, model: "Im = gL*(EL - v) : amp/meter**2",
                                       threshold: "v > -50*mV", thresholdLocation: 0,
                                       namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV])
        let network = try Network(neuron, try NeuronGroup(5, model: "x : 1"), try SpikeMonitor(neuron))
        try network.run(1 * ms)
        let rows = Dictionary(uniqueKeysWithValues: RunSummary(network).rows.map { ($0.name, $0.value) })
        XCTAssertEqual(rows["Neurons"], "6 (1 multicompartment, 11 compartments)")
        XCTAssertEqual(rows["Spikes"], "10", "v starts at 0 V, above the threshold, so the soma fires every step")
        XCTAssertNil(rows["Mean rate"])
        XCTAssertNil(rows["CV of interspike intervals"])
        let alone = try Network(neuron)
        XCTAssertEqual(RunSummary(alone).rows.first?.value, "1 (11 compartments)")
    }

    func testStatisticsAndFormatting() {
        XCTAssertEqual(SpikeTrainStatistics.coefficientOfVariation([2, 2, 2]), 0)
        XCTAssertEqual(SpikeTrainStatistics.coefficientOfVariation([1, 3])!, 0.5, accuracy: 1e-15)
        XCTAssertNil(SpikeTrainStatistics.coefficientOfVariation([1]))
        XCTAssertEqual(SpikeTrainStatistics.meanRate(spikes: 50, neurons: 10, duration: 0.5 * second),
                       10 * Hz)
        XCTAssertEqual(RunSummary.integer(1_234_567), "1,234,567")
        XCTAssertEqual(RunSummary.integer(999), "999")
        XCTAssertEqual(RunSummary.decimal(5.2468, digits: 3), "5.25")
        XCTAssertEqual(RunSummary.decimal(0.8712, digits: 3), "0.871")
    }
}
