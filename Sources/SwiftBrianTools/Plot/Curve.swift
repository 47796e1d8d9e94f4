import SwiftBrian

/// A quantity computed from a run, against another: an order parameter over time, a rate
/// against the input current, a threshold per iteration. ``Plot/of(_:_:)`` plots a curve (or an
/// array of curves on shared axes) with its axes titled by ``xLabel`` and ``yLabel`` and the
/// units the quantities are in, as it plots a monitor.
///
///     let r = Curve(x: t * second, y: QuantityArray(values: order), xLabel: "Time",
///                   yLabel: "Order parameter r", label: "K = 1/s")
///     try Plot.of(r)
///     try Plot.of([uncoupled, r], PlotOptions(title: "Phase coherence"))
public struct Curve: Sendable {
    /// The horizontal coordinates.
    public var x: QuantityArray
    /// The vertical coordinates, as many as ``x``.
    public var y: QuantityArray
    /// What the horizontal axis shows (`"Time"`, `"Input current"`), without the unit.
    public var xLabel: String
    /// What the vertical axis shows (`"Firing rate"`), without the unit.
    public var yLabel: String
    /// The name in the legend (`"K = 1/s"`), or nil for none.
    public var label: String?
    /// How the points are drawn.
    public var style: PlotSeries.Style
    /// The colour; by default the curve's place among the curves plotted together.
    public var color: PlotColor?

    /// The curve of `y` against `x`, drawn as `style`.
    public init(x: QuantityArray, y: QuantityArray, xLabel: String, yLabel: String, label: String? = nil,
                style: PlotSeries.Style = .line(width: 1.5), color: PlotColor? = nil) {
        self.x = x
        self.y = y
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.label = label
        self.style = style
        self.color = color
    }
}

extension Curve: Plottable {
    /// The curve alone (see the array of curves).
    public func plot(_ options: PlotOptions) throws -> Plot {
        try [self].plot(options)
    }
}

extension Array: Plottable where Element == Curve {
    /// The curves on shared axes, titled by the first curve's labels and units: the horizontal
    /// axis in ``PlotOptions/xUnit`` (for times ``PlotOptions/timeUnit``, by default milliseconds,
    /// seconds beyond 10 s), the vertical one in ``PlotOptions/unit`` (hertz for rates), each by
    /// default in the unit Brian would print the values in. Legends are the curves' labels, or
    /// ``PlotOptions/labels``; horizontal ticks are whole numbers when every x is one and has no
    /// unit (iterations, counts), and rates reach down to zero.
    ///
    /// - Throws: `ModelError` when there are no curves, a curve has not one y per x, the curves
    ///   do not share dimensions, the labels are not one per curve, or a unit does not fit.
    public func plot(_ options: PlotOptions) throws -> Plot {
        guard let first else { throw ModelError(.invalidArgument, "There is no curve to plot") }
        for curve in self {
            guard curve.x.count == curve.y.count else {
                throw ModelError(.invalidArgument, "The curve of '\(curve.yLabel)' against '\(curve.xLabel)' has "
                                 + "\(curve.x.count) x values but \(curve.y.count) y values")
            }
            guard curve.x.dimension == first.x.dimension, curve.y.dimension == first.y.dimension else {
                throw ModelError(.dimensionMismatch, "Curves plotted together must share their dimensions, but "
                                 + "'\(curve.yLabel)' against '\(curve.xLabel)' is in \(curve.y.dimension) against "
                                 + "\(curve.x.dimension), and '\(first.yLabel)' against '\(first.xLabel)' in "
                                 + "\(first.y.dimension) against \(first.x.dimension)")
            }
        }
        if let labels = options.labels, labels.count != count {
            throw ModelError(.invalidArgument, "\(count) curves need as many labels, but \(labels.count) were given")
        }
        let allX = QuantityArray(values: flatMap(\.x.values), dimension: first.x.dimension)
        let allY = QuantityArray(values: flatMap(\.y.values), dimension: first.y.dimension)
        let isTime = first.x.dimension == .time, isRate = first.y.dimension == .frequency
        let end = allX.values.filter(\.isFinite).max() ?? 0
        let xUnit = options.xUnit ?? (isTime ? options.timeUnit ?? AxisUnit.defaultTime(upTo: end) : nil)
        let xAxis = try AxisUnit(xUnit, for: allX, describing: "'\(first.xLabel)'")
        let yAxis = try AxisUnit(options.unit ?? (isRate ? Hz : nil), for: allY, describing: "'\(first.yLabel)'")
        let wholeNumbers = first.x.dimension.isDimensionless && allX.values.allSatisfy { $0 == $0.rounded() }
        let series = enumerated().map { k, curve in
            PlotSeries(x: xAxis.scaled(curve.x), y: yAxis.scaled(curve.y), style: curve.style,
                       color: curve.color ?? .series(k), label: options.labels?[k] ?? curve.label)
        }
        return Plot(title: options.title ?? "\(first.yLabel) against \(first.xLabel)",
                    xAxis: PlotAxis(first.xLabel, unit: xAxis.symbol, integerTicks: wholeNumbers),
                    yAxis: PlotAxis(first.yLabel, unit: yAxis.symbol, includesZero: isRate),
                    series: series)
    }
}
