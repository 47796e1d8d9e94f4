import SwiftBrian

extension Plot {
    /// The recorded values of `variable` over time (brian2tools' `plot_state`), one line per
    /// recorded element, with a legend (`v[3]`) for two to ten lines.
    ///
    /// - Parameters:
    ///   - indices: the elements to show; by default all recorded ones.
    ///   - timeUnit: the unit of the time axis; by default milliseconds (seconds beyond 10 s).
    ///   - unit: the unit of the values; by default the unit Brian would print them in.
    ///   - title: the title; by default the variable and group names.
    /// - Throws: `ModelError` when `variable` or an index is not recorded, or a unit does not fit.
    public static func stateTraces(_ monitor: StateMonitor, variable: String, indices: [Int]? = nil,
                                   timeUnit: Quantity? = nil, unit: Quantity? = nil,
                                   title: String? = nil) throws -> Plot {
        let indices = indices ?? monitor.record
        let traces = try indices.map { try monitor.values(variable, index: $0) }
        let times = monitor.t
        let end = times.values.last ?? 0
        let timeAxis = try AxisUnit(timeUnit ?? AxisUnit.defaultTime(upTo: end), for: times, describing: "time")
        let all = QuantityArray(values: traces.flatMap(\.values),
                                dimension: try traces.first?.dimension ?? monitor.source.variable(variable).values.dimension)
        let valueAxis = try AxisUnit(unit, for: all, describing: "'\(variable)'")
        let x = timeAxis.scaled(times)
        let labelled = (2...10).contains(traces.count)
        let series = zip(indices, traces).enumerated().map { position, trace in
            PlotSeries(x: x, y: valueAxis.scaled(trace.1), style: .line(width: traces.count > 10 ? 1 : 1.5),
                       color: .series(position), label: labelled ? "\(variable)[\(trace.0)]" : nil)
        }
        let timeRange: ClosedRange<Double>? = times.count > 1 ? x[0]...x[x.count - 1] : nil
        return Plot(title: title ?? "\(variable) of \(monitor.source.name)",
                    xAxis: PlotAxis("Time", unit: timeAxis.symbol, range: timeRange),
                    yAxis: PlotAxis(variable, unit: valueAxis.symbol),
                    series: series)
    }
}
