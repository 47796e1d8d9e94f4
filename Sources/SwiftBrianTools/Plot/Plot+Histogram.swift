import SwiftBrian

extension Plot {
    /// A histogram of `values` in `bins` equal bins from the smallest to the largest value (the
    /// last bin includes its right edge, as NumPy's `histogram`); non-finite values are left out.
    ///
    /// - Parameters:
    ///   - label: what the values are (`"w"`), for the axis title.
    ///   - unit: the unit of the value axis; by default the unit Brian would print them in.
    ///   - countLabel: the count axis title.
    /// - Throws: `ModelError` for fewer than one bin or a unit that does not fit.
    public static func histogram(_ values: QuantityArray, bins: Int = 20, label: String, unit: Quantity? = nil,
                                 countLabel: String = "Count", title: String = "") throws -> Plot {
        guard bins >= 1 else {
            throw ModelError(.invalidArgument, "A histogram needs at least one bin, but \(bins) were asked for")
        }
        let axis = try AxisUnit(unit, for: values, describing: "'\(label)'")
        let scaled = axis.scaled(values).filter(\.isFinite)
        var low = scaled.min() ?? 0, high = scaled.max() ?? 1
        if low == high { low -= 0.5; high += 0.5 }
        let width = (high - low) / Double(bins)
        var counts = [Double](repeating: 0, count: bins)
        for value in scaled {
            counts[min(bins - 1, Int((value - low) / width))] += 1
        }
        let edges = (0..<bins).map { low + Double($0) * width }
        return Plot(title: title,
                    xAxis: PlotAxis(label, unit: axis.symbol),
                    yAxis: PlotAxis(countLabel, integerTicks: true, includesZero: true),
                    series: [PlotSeries(x: edges, y: counts, style: .bars(width: width))])
    }

    /// A histogram of the synaptic variable `variable` (by default the weight `w`) of `synapses`.
    ///
    /// - Throws: `ModelError` when the synapses have no such variable, for fewer than one bin, or
    ///   a unit that does not fit.
    public static func weightHistogram(_ synapses: Synapses, variable: String = "w", bins: Int = 20,
                                       unit: Quantity? = nil, title: String? = nil) throws -> Plot {
        let values = try synapses.variable(variable).values
        return try histogram(values, bins: bins, label: variable, unit: unit, countLabel: "Number of synapses",
                             title: title ?? "Distribution of \(variable) in \(synapses.name)")
    }
}
