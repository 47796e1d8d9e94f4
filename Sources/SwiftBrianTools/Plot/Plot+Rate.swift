import SwiftBrian

extension Plot {
    /// The population rate of `monitor` over time (brian2tools' `plot_rate`), smoothed as
    /// `smoothing` says (by default a Gaussian window of 1 ms; `nil` shows the rate of each step).
    ///
    /// - Parameters:
    ///   - timeUnit: the unit of the time axis; by default milliseconds (seconds beyond 10 s).
    ///   - rateUnit: the unit of the rate axis; by default hertz.
    /// - Throws: `ModelError` when the smoothing width is not a positive time or a unit does
    ///   not fit.
    public static func rate(_ monitor: PopulationRateMonitor, smoothing: RateSmoothing? = RateSmoothing(width: 1 * ms),
                            timeUnit: Quantity? = nil, rateUnit: Quantity? = nil,
                            title: String? = nil) throws -> Plot {
        let times = monitor.t
        let rate = try smoothing.map { try $0.smoothedRate(of: monitor) } ?? monitor.rate
        let end = times.values.last ?? 0
        let timeAxis = try AxisUnit(timeUnit ?? AxisUnit.defaultTime(upTo: end), for: times, describing: "time")
        let rateAxis = try AxisUnit(rateUnit ?? Hz, for: rate, describing: "the rate")
        let x = timeAxis.scaled(times)
        let timeRange: ClosedRange<Double>? = x.count > 1 ? x[0]...x[x.count - 1] : nil
        let subtitle = smoothing.map { " (\($0.window == .gaussian ? "Gaussian" : "flat") window, \(AxisUnit.short($0.width)))" } ?? ""
        return Plot(title: title ?? "Population rate of \(monitor.source.name)\(subtitle)",
                    xAxis: PlotAxis("Time", unit: timeAxis.symbol, range: timeRange),
                    yAxis: PlotAxis("Rate", unit: rateAxis.symbol, includesZero: true),
                    series: [PlotSeries(x: x, y: rateAxis.scaled(rate), style: .line(width: 1.5))])
    }
}
