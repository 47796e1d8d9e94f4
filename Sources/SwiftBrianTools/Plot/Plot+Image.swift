import SwiftBrian

extension Plot {
    /// An image of values on a grid (matplotlib's `imshow` with a colour bar, as in a parameter
    /// exploration): one cell per pair of an `x` and a `y` value, coloured on ``ColorMap/viridis``
    /// over the range of the values, with a colour bar; the axes and the colour bar are titled with
    /// their units.
    ///
    /// Each cell reaches halfway to its neighbours (the outer ones half a neighbouring gap beyond
    /// the outer values); a value that is not finite leaves its cell blank.
    ///
    ///     let plot = try Plot.image(x: gNa, xAxis: PlotAxis("g_Na", unit: "mS/cm²"),
    ///                               y: currents, yAxis: PlotAxis("I", unit: "pA"),
    ///                               values: rates, label: "Firing rate", unit: "Hz")
    ///
    /// - Parameters:
    ///   - x: the values of the columns as shown (in `xAxis`' unit), strictly increasing.
    ///   - xAxis: the horizontal axis (its range is the cells').
    ///   - y: the values of the rows as shown, strictly increasing.
    ///   - yAxis: the vertical axis (its range is the cells').
    ///   - values: one value per cell as shown (in `unit`), row by row from the lowest `y`, each
    ///     row from the lowest `x` (`values[row * x.count + column]`).
    ///   - label: what the values are, for the colour bar.
    ///   - unit: the symbol of the values' unit, or nil for pure numbers.
    ///   - title: the title; by default "LABEL over XLABEL and YLABEL".
    /// - Throws: `ModelError` when there are no rows or columns, the coordinates are not finite
    ///   and strictly increasing, or the number of values is not one per cell.
    public static func image(x: [Double], xAxis: PlotAxis, y: [Double], yAxis: PlotAxis, values: [Double],
                             label: String, unit: String? = nil, title: String? = nil) throws -> Plot {
        for (name, axis) in [("x", x), ("y", y)] {
            guard !axis.isEmpty else {
                throw ModelError(.invalidArgument, "An image needs at least one \(name) value, but there are none")
            }
            if let bad = axis.indices.first(where: { k in !axis[k].isFinite || k > 0 && !(axis[k] > axis[k - 1]) }) {
                throw ModelError(.invalidArgument, "The \(name) values of an image must be finite and strictly increasing, "
                                 + "but \(name) value \(bad) is \(axis[bad])")
            }
        }
        guard values.count == x.count * y.count else {
            throw ModelError(.invalidArgument, "An image of \(x.count) × \(y.count) cells needs one value per cell, "
                             + "but there are \(values.count) values")
        }
        return heatMap(title: title ?? "\(label) over \(xAxis.label) and \(yAxis.label)",
                       xAxis: xAxis, xEdges: HeatMapBins(x, limit: x.count).edges,
                       yAxis: yAxis, yEdges: HeatMapBins(y, limit: y.count).edges,
                       values: values, label: label, unit: unit, levels: ColorMap.levels)
    }

    /// A plot of `values` (in the colour bar's unit, row by row from the bottom) as cells between
    /// `xEdges` and `yEdges` (at least two each), which set the axes' ranges, coloured in `levels`
    /// steps of ``ColorMap/viridis`` over the range of the finite values, with a colour bar.
    static func heatMap(title: String, xAxis: PlotAxis, xEdges: [Double], yAxis: PlotAxis, yEdges: [Double],
                        values: [Double], label: String, unit: String?, levels: Int) -> Plot {
        let finite = values.filter(\.isFinite)
        let range = (finite.min() ?? 0)...(finite.max() ?? 1)
        var (xAxis, yAxis) = (xAxis, yAxis)
        xAxis.range = xEdges[0]...xEdges[xEdges.count - 1]
        yAxis.range = yEdges[0]...yEdges[yEdges.count - 1]
        let heatMap = HeatMap(xEdges: xEdges, yEdges: yEdges,
                              colors: values.map { ColorMap.viridis.color(for: $0, in: range, levels: levels) })
        return Plot(title: title, xAxis: xAxis, yAxis: yAxis, heatMap: heatMap,
                    colorBar: ColorBar(range: range, label: label, unit: unit))
    }
}
