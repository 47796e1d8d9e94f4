import SwiftBrian

extension Plot {
    /// The most columns and rows of a space–time picture: more samples are averaged into these.
    static let spaceTimeCells = 300
    /// The number of colours of a space–time picture: enough for a smooth picture, few enough
    /// that neighbouring cells often share a colour and are drawn as one.
    static let spaceTimeLevels = 64

    /// A space–time picture of a variable along a cell: time across, position (such as the
    /// distance from the soma) up, the value as colour on ``ColorMap/viridis`` with a colour bar.
    ///
    /// Each cell spans halfway to the neighbouring times and positions; the colours come in 64
    /// steps. Positions need not be
    /// sorted; values at equal positions are averaged, and so are neighbouring samples beyond
    /// 300 times or positions (so a long recording stays a small picture); values that are not
    /// finite are left out (a cell with none stays blank).
    ///
    /// - Parameters:
    ///   - times: the sample times.
    ///   - positions: the place of each column of `values` (any unit; shown in the unit Brian
    ///     would print them in).
    ///   - values: one row per time, one value per position, in SI units of `unit`'s dimension.
    ///   - unit: the unit the values are shown in (`mV`).
    ///   - label: what the values are (`"v"`), for the colour bar.
    ///   - title: the title; by default "LABEL over time and position".
    /// - Throws: `ModelError` when `times` are not times, there are no times or positions, the
    ///   rows or their lengths do not fit, a time or position is not finite, or `unit` is not a
    ///   positive quantity.
    public static func spaceTime(times: QuantityArray, positions: QuantityArray, values: [[Double]], unit: Quantity,
                                 label: String, title: String? = nil) throws -> Plot {
        guard values.count == times.count else {
            throw ModelError(.invalidArgument, "A space–time plot needs one row of values per time, but there are "
                             + "\(values.count) rows for \(times.count) times")
        }
        if let (row, bad) = values.enumerated().first(where: { $0.element.count != positions.count }) {
            throw ModelError(.invalidArgument, "Each row of a space–time plot needs one value per position, but row "
                             + "\(row) has \(bad.count) values for \(positions.count) positions")
        }
        let valueUnit = try AxisUnit(unit, for: QuantityArray(values: [], dimension: unit.dimension),
                                     describing: "'\(label)'")
        return try spaceTime(times: times, positions: positions, valueUnit: valueUnit, label: label,
                             title: title ?? "\(label) over time and position") { values[$0][$1] }
    }

    /// A space–time picture of `variable` recorded by `monitor` (see
    /// ``spaceTime(times:positions:values:unit:label:title:)``): each recorded element a row of
    /// the picture at its place in `positions` (one per recorded element, in the monitor's
    /// `record` order, such as the distances of the compartments).
    ///
    /// - Parameters:
    ///   - unit: the unit of the values; by default the unit Brian would print them in.
    ///   - title: the title; by default the variable and group names.
    /// - Throws: `ModelError` when `variable` is not recorded, nothing has been recorded yet, the
    ///   number of positions differs from the number of recorded elements, or `unit` does not fit.
    public static func spaceTime(_ monitor: StateMonitor, variable: String, positions: QuantityArray,
                                 unit: Quantity? = nil, title: String? = nil) throws -> Plot {
        let traces = try monitor.values(variable)
        guard let first = traces.first, first.count > 0 else {
            throw ModelError(.invalidArgument, "'\(monitor.name)' has recorded nothing of '\(variable)' yet "
                             + "(\(traces.count) elements, \(monitor.t.count) samples), so there is no space–time plot")
        }
        guard positions.count == traces.count else {
            throw ModelError(.invalidArgument, "A space–time plot of '\(monitor.name)' needs one position per recorded "
                             + "element, but there are \(positions.count) positions for \(traces.count) elements")
        }
        let all = QuantityArray(values: traces.flatMap(\.values), dimension: first.dimension)
        let valueUnit = try AxisUnit(unit, for: all, describing: "'\(variable)'")
        let rows = traces.map(\.values)
        return try spaceTime(times: monitor.t, positions: positions, valueUnit: valueUnit, label: variable,
                             title: title ?? "\(variable) of \(monitor.source.name)") { rows[$1][$0] }
    }

    /// The picture of `value(time, position)` (an SI value, indices into `times` and
    /// `positions`, whose counts the caller has checked).
    private static func spaceTime(times: QuantityArray, positions: QuantityArray, valueUnit: AxisUnit, label: String,
                                  title: String, value: (Int, Int) -> Double) throws -> Plot {
        guard times.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The times of a space–time plot must be times, but they are in "
                             + "\(times.dimension)")
        }
        guard times.count > 0, positions.count > 0 else {
            throw ModelError(.invalidArgument, "A space–time plot needs at least one time and one position, but there "
                             + "are \(times.count) times and \(positions.count) positions")
        }
        for (name, array) in [("time", times), ("position", positions)] {
            if let bad = array.values.firstIndex(where: { !$0.isFinite }) {
                throw ModelError(.invalidArgument, "The \(name)s of a space–time plot must be finite, but \(name) "
                                 + "\(bad) is \(array.values[bad])")
            }
        }
        let timeAxis = try AxisUnit(AxisUnit.defaultTime(upTo: times.values.max() ?? 0), for: times,
                                    describing: "time")
        let positionAxis = try AxisUnit(nil, for: positions, describing: "positions")
        let columns = HeatMapBins(timeAxis.scaled(times), limit: spaceTimeCells)
        let rows = HeatMapBins(positionAxis.scaled(positions), limit: spaceTimeCells)
        var sums = [Double](repeating: 0, count: rows.count * columns.count)
        var counts = [Int](repeating: 0, count: sums.count)
        for t in 0..<times.count {
            let column = columns.bin[t]
            for p in 0..<positions.count {
                let v = value(t, p)
                guard v.isFinite else { continue }
                let cell = rows.bin[p] * columns.count + column
                sums[cell] += v / valueUnit.scale
                counts[cell] += 1
            }
        }
        let means = zip(sums, counts).map { $1 > 0 ? $0 / Double($1) : .nan }
        return heatMap(title: title, xAxis: PlotAxis("Time", unit: timeAxis.symbol), xEdges: columns.edges,
                       yAxis: PlotAxis("Position", unit: positionAxis.symbol), yEdges: rows.edges,
                       values: means, label: label, unit: valueUnit.symbol, levels: spaceTimeLevels)
    }
}
