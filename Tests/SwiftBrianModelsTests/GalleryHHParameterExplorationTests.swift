import SwiftBrian
import SwiftBrianModels
import SwiftBrianTools
import XCTest

/// The parameter exploration (`hh_parameter_exploration`): Hodgkin–Huxley neurons on a grid of
/// sodium conductances × injected currents, their firing rates as an image.
final class GalleryHHParameterExplorationTests: XCTestCase {
    /// A 5 × 5 grid over the original's ranges, the original's 10 s. The neurons are deterministic,
    /// so the spike counts are Brian's exactly. Brian 2.9 (cython;
    /// `Tests/Fixtures/gallery/hh_parameter_exploration.py 5 5 10`): no spike at g_na = 10 mS/cm²; at
    /// I = 0, 5, 10, 15, 20 pA, 72, 89, 103, 115, 126 spikes at g_na = 32.5; 106, 119, 130, 140, 150
    /// at 55; 123, 134, 145, 155, 164 at 77.5; 134, 145, 155, 164, 174 at 100 mS/cm² (2643 in all).
    func testRatesMatchBrianOnASmallGrid() throws {
        var example = HHParameterExploration()
        example.n_g_na = 5
        example.n_I = 5
        let result = try example.run(seed: 1)
        let brian: [(String, Double)] = [
            ("rate_g_na_10_I_20", 0), ("rate_g_na_55_I_20", 15), ("rate_g_na_100_I_20", 17.4), ("rate_g_na_100_I_10", 15.5),
            ("rate_g_na_55_I_10", 13), ("mean_rate", 2643 / 250), ("max_rate", 17.4), ("fraction_firing", 0.8),
        ]
        for (name, brian) in brian {
            XCTAssertEqual(try XCTUnwrap(result.statistic(name), name), brian, accuracy: 1e-12, name)
        }
        let image = try XCTUnwrap(result.figures.first?.value.panels.first)
        XCTAssertEqual(image.heatMap?.columns, 5)
        XCTAssertEqual(image.heatMap?.rows, 5)
        XCTAssertEqual(image.xAxis.title, "g_Na (mS/cm²)")
        XCTAssertEqual(image.yAxis.title, "I (pA)")
        XCTAssertEqual(image.colorBar?.title, "Firing rate (Hz)")
    }

    /// The grid is the original's meshgrid (g_na changes fastest), on every backend and thread
    /// count alike.
    func testGridOrderAndBackendsAgree() throws {
        var example = HHParameterExploration()
        (example.n_g_na, example.n_I) = (3, 2)
        let native = try example.run(seed: 1, duration: 200 * ms)
        let neuron = try XCTUnwrap(native.network.objects.compactMap { $0 as? NeuronGroup }.first)
        XCTAssertEqual(try neuron.I.values(in: pA), [0, 0, 0, 20, 20, 20])
        let area = 20000e-12
        for (value, expected) in zip(try neuron.g_na.values.values, [10.0, 55, 100, 10, 55, 100]) {
            XCTAssertEqual(value, expected * 10 * area, accuracy: 1e-18)
        }
        let interpreted = try example.run(seed: 1, backend: .interpreter, duration: 200 * ms)
        XCTAssertEqual(interpreted.statistics, native.statistics)
        example.I_max = 3 * mV
        XCTAssertThrowsError(try example.run(seed: 1, duration: 1 * ms)) { error in
            XCTAssert("\(error)".contains("'I_max' of 'hh_parameter_exploration' must be in"), "\(error)")
        }
    }

    /// `Plot.image`: one cell per grid point, halfway to its neighbours, coloured by value with a
    /// colour bar over the values' range; axes and bar labelled with units; grids that do not fit refused.
    func testImagePlot() throws {
        let plot = try Plot.image(x: [1, 2, 4], xAxis: PlotAxis("delay", unit: "ms"), y: [0, 1], yAxis: PlotAxis("k"),
                                  values: [0, 1, 2, 3, 4, .nan], label: "rate", unit: "Hz")
        XCTAssertEqual(plot.title, "rate over delay and k")
        XCTAssertEqual(plot.xAxis.title, "delay (ms)")
        XCTAssertEqual(plot.yAxis.title, "k")
        XCTAssertEqual(plot.heatMap?.xEdges, [0.5, 1.5, 3, 5])
        XCTAssertEqual(plot.heatMap?.yEdges, [-0.5, 0.5, 1.5])
        XCTAssertEqual(plot.colorBar?.range, 0...4)
        XCTAssertEqual(plot.colorBar?.title, "rate (Hz)")
        XCTAssertNil(plot.heatMap?.colors[5], "a value that is not finite leaves its cell blank")
        XCTAssertNotEqual(plot.heatMap?.colors[0], plot.heatMap?.colors[4])
        XCTAssert(plot.svg(id: "image").contains("<svg"))
        XCTAssertThrowsError(try Plot.image(x: [1, 1], xAxis: PlotAxis("x"), y: [0], yAxis: PlotAxis("y"), values: [0, 0],
                                            label: "v")) { error in
            XCTAssert("\(error)".contains("strictly increasing, but x value 1 is 1.0"), "\(error)")
        }
        XCTAssertThrowsError(try Plot.image(x: [1, 2], xAxis: PlotAxis("x"), y: [0], yAxis: PlotAxis("y"), values: [0],
                                            label: "v")) { error in
            XCTAssert("\(error)".contains("An image of 2 × 1 cells needs one value per cell, but there are 1 values"), "\(error)")
        }
    }
}
