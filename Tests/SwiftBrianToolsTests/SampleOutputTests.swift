import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// Renders every kind of plot of a real simulation, and a report gathering them, into
/// ``TestOutput/directory`` for a person to look at; checks that each is a well-formed SVG (and
/// a PNG when the converter is installed).
final class SampleOutputTests: XCTestCase {
    func testPlotsOfASimulationRenderAndAreKept() throws {
        let example = try ExampleNetwork.shared.get()
        let currents = QuantityArray(values: (0..<20).map { Double($0) * 0.05e-9 }, dimension: .current)
        let rates = QuantityArray(values: currents.values.map { $0 < 0.3e-9 ? 0 : 80 * log(($0 / 0.3e-9) + 0.2) + 10 },
                                  dimension: .frequency)
        let plots: [(String, Plot)] = [
            ("raster", try Plot.raster(example.spikes)),
            ("voltage", try Plot.stateTraces(example.voltage, variable: "v")),
            ("rate", try Plot.rate(example.rate, smoothing: RateSmoothing(width: 2 * ms))),
            ("fi_curve", try Plot.fICurve(input: currents, rate: rates)),
            ("weights", try Plot.weightHistogram(example.excitatory)),
            ("connectivity", try Plot.connectivity(example.excitatory)),
        ]
        let report = Report(title: "A 400-neuron CUBA network")
            .add(RunSummary(example.network, wallTime: Quantity(value: example.wallSeconds, dimension: .time)))
        for (name, plot) in plots {
            try plot.writeSVG(to: TestOutput.url("\(name).svg"))
            try SVGDocument.check(plot.svg())
            report.add(plot)
            if PNGConverter.isAvailable {
                try plot.writePNG(to: TestOutput.url("\(name).png"))
            }
        }
        try report.write(to: TestOutput.url("report.html"))

        // A crowded raster: 100,000 spikes of 4000 neurons firing at about 12.5 Hz for 2 s.
        let crowded = try RandomSpikes.raster(count: 100_000, neurons: 4000, seconds: 2)
        try crowded.writeSVG(to: TestOutput.url("raster_100k.svg"))
        if PNGConverter.isAvailable { try crowded.writePNG(to: TestOutput.url("raster_100k.png")) }
        print("Sample plots and report in \(TestOutput.directory.path)")
    }
}

/// The pictures of multicompartment neurons, kept for a person to look at.
final class MorphologySampleOutputTests: XCTestCase {
    func testMorphologyDendrogramAndSpaceTimePlotsRenderAndAreKept() throws {
        let cell = try MorphologySamples.swcCell()
        let wave = MorphologySamples.travellingWave()
        let plots: [(String, Plot)] = [
            ("morphology_tree", try Plot.morphology(MorphologySamples.tree())),
            ("morphology_swc_distance", try Plot.morphology(cell, values: cell.flattened.distanceArray,
                                                            label: "distance")),
            ("dendrogram_swc", try Plot.dendrogram(cell, values: cell.flattened.distanceArray, label: "distance")),
            ("space_time_wave", try Plot.spaceTime(times: wave.times, positions: wave.positions, values: wave.values,
                                                   unit: mV, label: "v")),
        ]
        for (name, plot) in plots {
            try SVGDocument.check(plot.svg())
            try plot.writeSVG(to: TestOutput.url("\(name).svg"))
            if PNGConverter.isAvailable { try plot.writePNG(to: TestOutput.url("\(name).png")) }
        }
        print("Sample morphology plots in \(TestOutput.directory.path)")
    }
}

extension FlatMorphology {
    /// The distance of each compartment from the root, as a quantity.
    var distanceArray: QuantityArray { QuantityArray(values: distance, dimension: .length) }
}
