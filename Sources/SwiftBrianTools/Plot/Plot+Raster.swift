import Foundation
import SwiftBrian

extension Plot {
    /// A raster plot of the events of `monitor` (brian2tools' `plot_raster`): a dot for each
    /// spike, at its time and the index of its neuron, over the whole run so far. With more spikes
    /// than cells of 2 × 2 pixels, the plot shows their density per cell instead.
    ///
    /// - Parameters:
    ///   - neurons: the neurons shown (a readable subset of a large population); by default all.
    ///   - timeUnit: the unit of the time axis; by default milliseconds (seconds beyond 10 s).
    ///   - title: the title; by default "Spikes of NAME" (and the neurons shown, for a subset).
    /// - Throws: `ModelError` when `neurons` is empty or not within the source, or `timeUnit` is
    ///   not a time.
    public static func raster(_ monitor: EventMonitor, neurons: Range<Int>? = nil, timeUnit: Quantity? = nil,
                              title: String? = nil) throws -> Plot {
        let size = monitor.source.size
        let duration = monitor.clock.t.value > 0 ? monitor.clock.t : nil
        guard let neurons, neurons != 0..<size else {
            return try raster(indices: monitor.i, times: monitor.t, neurons: size, duration: duration,
                              timeUnit: timeUnit, title: title ?? "Spikes of \(monitor.source.name)")
        }
        guard !neurons.isEmpty, neurons.lowerBound >= 0, neurons.upperBound <= size else {
            throw ModelError(.invalidArgument, "A raster of '\(monitor.source.name)' can show neurons 0 to \(size - 1), "
                             + "but neurons \(neurons.lowerBound) to \(neurons.upperBound - 1) were asked for")
        }
        let indices = monitor.i, times = monitor.t  // each a copy of the recording: read once
        let kept = indices.indices.filter { neurons.contains(indices[$0]) }
        var plot = try raster(indices: kept.map { indices[$0] },
                              times: QuantityArray(values: kept.map { times.values[$0] }, dimension: times.dimension),
                              neurons: neurons.upperBound, duration: duration, timeUnit: timeUnit,
                              title: title ?? "Spikes of \(monitor.source.name), neurons \(neurons.lowerBound)\u{2013}"
                                + "\(neurons.upperBound - 1) of \(size)")
        plot.yAxis.range = (Double(neurons.lowerBound) - 0.5)...(Double(neurons.upperBound) - 0.5)
        return plot
    }

    /// A raster plot of spikes given as neuron `indices` and `times` (one each per spike).
    ///
    /// - Parameters:
    ///   - neurons: the number of neurons, for the range of the index axis; by default up to
    ///     the highest index.
    ///   - duration: the end of the time axis; by default the last spike.
    ///   - timeUnit: the unit of the time axis; by default milliseconds (seconds beyond 10 s).
    /// - Throws: `ModelError` when the counts differ, `times` or `timeUnit` are not times, or
    ///   `duration` is not a positive time.
    public static func raster(indices: [Int], times: QuantityArray, neurons: Int? = nil, duration: Quantity? = nil,
                              timeUnit: Quantity? = nil, title: String = "Raster plot") throws -> Plot {
        guard indices.count == times.count else {
            throw ModelError(.invalidArgument, "A raster plot needs one neuron index per spike time, but there are "
                             + "\(indices.count) indices and \(times.count) times")
        }
        guard times.dimension == .time else {
            throw ModelError(.dimensionMismatch, "Spike times must be times, but they are in \(times.dimension)")
        }
        if let duration, duration.dimension != .time || !(duration.value > 0) {
            throw ModelError(.invalidArgument, "The duration of a raster plot must be a positive time, but it is \(duration)")
        }
        let end = duration?.value ?? times.values.max() ?? 0
        let unit = try AxisUnit(timeUnit ?? AxisUnit.defaultTime(upTo: end), for: times, describing: "spike times")
        let rows = max(neurons ?? 0, (indices.max() ?? -1) + 1, 1)
        // Dots of 3 pixels, smaller as spikes crowd: 1.2 pixels from 100,000 spikes on.
        let diameter = min(3, max(1.2, 3 - 0.9 * log10(max(1, Double(indices.count) / 1000))))
        let series = PlotSeries(x: unit.scaled(times), y: indices.map(Double.init), style: .dots(diameter: diameter),
                                color: .ink)
        let timeRange: ClosedRange<Double>? = end > 0 ? 0...(end / unit.scale) : nil
        return Plot(title: title,
                    xAxis: PlotAxis("Time", unit: unit.symbol, range: timeRange),
                    yAxis: PlotAxis("Neuron index", range: -0.5...(Double(rows) - 0.5), integerTicks: true),
                    series: [series])
    }
}
