import Foundation
import SwiftBrian

extension Plot {
    /// The most cells an image of synapses may have (1000 × 1000).
    static let synapseImageCells = 1_000_000
    /// The most bins along each axis of binned synapses.
    static let synapseBins = 60

    /// The synapses of `synapses` on the matrix of source index i (across) against target index
    /// j (up), as brian2tools' `plot_synapses`: an image with a cell per pair of neurons, a
    /// scatter with a dot per synapse, or bins counting the synapses in each.
    ///
    /// With `values` (one per synapse, such as the weights), cells, dots and bins have the colour
    /// of their value (the mean value in a cell or bin) on ``ColorMap/viridis``, explained by a
    /// colour bar titled with `label` and the unit. Without, an image shows each connected pair
    /// in black (and the number of synapses per pair in colour when pairs have several), bins
    /// show the number of synapses in each.
    ///
    /// - Parameters:
    ///   - style: how the matrix is drawn; by default as brian_plot chooses by size: an image
    ///     when sources and targets each span fewer than 1000 indices, else a scatter for fewer
    ///     than 10,000 synapses, else bins.
    ///   - unit: the unit of the values; by default the unit Brian would print them in.
    /// - Throws: `ModelError` when there are no synapses, `values` do not have one value per
    ///   synapse, an image would have more than 1000 × 1000 cells, or the unit does not fit.
    public static func synapses(_ synapses: Synapses, values: QuantityArray? = nil, label: String? = nil,
                                style: PlotOptions.Connectivity? = nil, unit: Quantity? = nil,
                                title: String? = nil) throws -> Plot {
        let i = try synapses.i, j = try synapses.j
        guard let iLow = i.min(), let iHigh = i.max(), let jLow = j.min(), let jHigh = j.max() else {
            throw ModelError(.invalidArgument, "'\(synapses.name)' has no synapses to plot")
        }
        let name = label ?? "Value"
        var coloring: (values: [Double], unit: String?)?
        if let values {
            guard values.count == i.count else {
                throw ModelError(.invalidArgument, "Colouring the synapses of '\(synapses.name)' needs one value per "
                                 + "synapse, but there are \(values.count) values for \(i.count) synapses")
            }
            let axis = try AxisUnit(unit, for: values, describing: "'\(name)'")
            coloring = (axis.scaled(values), axis.symbol)
        }
        let sources = max(synapses.source.size, 1), targets = max(synapses.target.size, 1)
        let chosen = style ?? (iHigh - iLow < 1000 && jHigh - jLow < 1000 ? .image
                               : i.count < 10_000 ? .scatter : .binned)
        let what = coloring == nil ? "Synapses" : name
        var plot: Plot
        switch chosen {
        case .scatter:
            plot = try connectivity(synapses)
            if let coloring {
                let range = finiteRange(coloring.values)
                plot.series = [PlotSeries(x: plot.series[0].x, y: plot.series[0].y, style: .discs(diameters: []),
                                          colors: coloring.values.map { ColorMap.viridis.color(for: $0, in: range)
                                              ?? CompartmentColors.missing })]
                plot.colorBar = ColorBar(range: range, label: name, unit: coloring.unit)
            }
        case .image, .binned:
            if chosen == .image, sources * targets > synapseImageCells {
                throw ModelError(.invalidArgument, "An image of the synapses of '\(synapses.name)' would have "
                                 + "\(sources) × \(targets) cells (at most \(synapseImageCells)); draw them as a "
                                 + "scatter or binned")
            }
            let columns = chosen == .image ? sources : min(sources, synapseBins)
            let rows = chosen == .image ? targets : min(targets, synapseBins)
            plot = binnedSynapses(i: i, j: j, values: coloring, columns: columns, rows: rows,
                                  sources: sources, targets: targets, label: name, pairs: chosen == .image)
        }
        plot.title = title ?? "\(what) of \(synapses.name): \(synapses.source.name) \u{2192} "
            + "\(synapses.target.name)\(chosen == .binned ? " (binned)" : "")"
        return plot
    }

    /// The smallest to the largest finite value (0...1 without any).
    private static func finiteRange(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        return (finite.min() ?? 0)...(finite.max() ?? 1)
    }

    /// Synapses counted (or their values averaged) on a grid of `columns` source bins by `rows`
    /// target bins over all source and target indices; `pairs` when each bin is one pair.
    private static func binnedSynapses(i: [Int], j: [Int], values: (values: [Double], unit: String?)?,
                                       columns: Int, rows: Int, sources: Int, targets: Int, label: String,
                                       pairs: Bool) -> Plot {
        let columnWidth = Double(sources) / Double(columns), rowHeight = Double(targets) / Double(rows)
        var count = [Double](repeating: 0, count: columns * rows)
        var sum = [Double](repeating: 0, count: columns * rows)
        for k in i.indices {
            let column = min(columns - 1, Int((Double(i[k]) + 0.5) / columnWidth))
            let row = min(rows - 1, Int((Double(j[k]) + 0.5) / rowHeight))
            if let value = values?.values[k], !value.isFinite { continue }
            count[row * columns + column] += 1
            sum[row * columns + column] += values?.values[k] ?? 0
        }
        let shown = values == nil ? count : zip(sum, count).map { $1 > 0 ? $0 / $1 : .nan }
        let occupied = shown.indices.filter { count[$0] > 0 }.map { shown[$0] }
        let range = finiteRange(occupied)
        let single = values == nil && range.upperBound <= 1
        let colors: [PlotColor?] = shown.indices.map { k in
            guard count[k] > 0 else { return nil }
            return single ? PlotColor.ink : ColorMap.viridis.color(for: shown[k], in: range)
        }
        let barLabel = values == nil ? (pairs ? "Synapses per pair" : "Synapses per bin") : label
        return Plot(xAxis: PlotAxis("Source neuron index", range: -0.5...(Double(sources) - 0.5), integerTicks: true),
                    yAxis: PlotAxis("Target neuron index", range: -0.5...(Double(targets) - 0.5), integerTicks: true),
                    heatMap: HeatMap(xEdges: (0...columns).map { Double($0) * columnWidth - 0.5 },
                                     yEdges: (0...rows).map { Double($0) * rowHeight - 0.5 }, colors: colors),
                    colorBar: single ? nil : ColorBar(range: range, label: barLabel, unit: values?.unit))
    }

    /// The values of the synaptic variable `variable` against the index of each synapse's source
    /// neuron i (or, `againstTarget`, its target neuron j): how weights are spread over the
    /// inputs.
    ///
    /// - Parameters:
    ///   - unit: the unit of the values; by default the unit Brian would print them in.
    /// - Throws: `ModelError` when the synapses have no such variable or the unit does not fit.
    public static func synapticValues(_ synapses: Synapses, variable: String, againstTarget: Bool = false,
                                      unit: Quantity? = nil, title: String? = nil) throws -> Plot {
        let index = try againstTarget ? synapses.j : synapses.i
        let group = againstTarget ? synapses.target : synapses.source
        return try values(try synapses.variable(variable).values, name: variable, against: index,
                          indexLabel: againstTarget ? "Target neuron index j" : "Source neuron index i",
                          elements: group.size, unit: unit,
                          title: title ?? "\(variable) of \(synapses.name) against the \(againstTarget ? "target" : "source") "
                            + "neuron (\(group.name))")
    }

    /// The values of `variable` (of a group other than synapses) against the element index.
    ///
    /// - Throws: `ModelError` when the values cannot be read or the unit does not fit.
    public static func values(_ variable: VariableView, unit: Quantity? = nil, title: String? = nil) throws -> Plot {
        let values = try variable.values
        return try Self.values(values, name: variable.name, against: Array(values.values.indices),
                               indexLabel: "Index", elements: values.count, unit: unit,
                               title: title ?? "\(variable.name) of \(variable.group.name)")
    }

    /// `values` (named `name`) against the element indices `index`, as dots.
    private static func values(_ values: QuantityArray, name: String, against index: [Int], indexLabel: String,
                               elements: Int, unit: Quantity?, title: String) throws -> Plot {
        let axis = try AxisUnit(unit, for: values, describing: "'\(name)'")
        let diameter = min(5, max(1.5, 5 - log10(max(1, Double(index.count) / 100))))
        return Plot(title: title,
                    xAxis: PlotAxis(indexLabel, range: -0.5...(Double(max(elements, 1)) - 0.5), integerTicks: true),
                    yAxis: PlotAxis(name, unit: axis.symbol),
                    series: [PlotSeries(x: index.map(Double.init), y: axis.scaled(values),
                                        style: .dots(diameter: diameter), color: .series(0))])
    }
}
