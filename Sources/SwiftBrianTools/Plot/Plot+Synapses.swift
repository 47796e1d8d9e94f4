import Foundation
import SwiftBrian

extension Plot {
    /// The most cells an image of synapses may have (1000 × 1000).
    static let synapseImageCells = 1_000_000
    /// The number of hexagonal bins across the source axis of binned synapses.
    static let synapseBins = 60

    /// The synapses of `synapses` on the matrix of source index i (across) against target index
    /// j (up), as brian2tools' `plot_synapses`: an image with a cell per pair of neurons, a
    /// scatter with a dot per synapse, or hexagonal bins counting the synapses in each (`hexbin`).
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
    ///     than 10,000 synapses, else hexagonal bins.
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
                               : i.count < 10_000 ? .scatter : .hexbin)
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
        case .image:
            if sources * targets > synapseImageCells {
                throw ModelError(.invalidArgument, "An image of the synapses of '\(synapses.name)' would have "
                                 + "\(sources) × \(targets) cells (at most \(synapseImageCells)); draw them as a "
                                 + "scatter or in hexagonal bins (hexbin)")
            }
            plot = imageOfSynapses(i: i, j: j, values: coloring, sources: sources, targets: targets, label: name)
        case .hexbin:
            plot = hexagonalBins(i: i, j: j, values: coloring, sources: sources, targets: targets, label: name)
        }
        plot.title = title ?? "\(what) of \(synapses.name): \(synapses.source.name) \u{2192} "
            + "\(synapses.target.name)\(chosen == .hexbin ? " (hexagonal bins)" : "")"
        return plot
    }

    /// The smallest to the largest finite value (0...1 without any).
    private static func finiteRange(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        return (finite.min() ?? 0)...(finite.max() ?? 1)
    }

    /// The axes of a matrix of `sources` by `targets` neurons.
    private static func indexAxes(sources: Int, targets: Int) -> (x: PlotAxis, y: PlotAxis) {
        (PlotAxis("Source neuron index", range: -0.5...(Double(sources) - 0.5), integerTicks: true),
         PlotAxis("Target neuron index", range: -0.5...(Double(targets) - 0.5), integerTicks: true))
    }

    /// The colour of each bin holding `count[k]` synapses whose values sum to `sum[k]`: the
    /// mean value on ``ColorMap/viridis`` with `values`; without, the count, or black where no
    /// bin holds more than one synapse (then without a colour bar). Empty bins have none.
    private static func binColors(count: [Double], sum: [Double], values: (values: [Double], unit: String?)?,
                                  label: String, countLabel: String) -> (colors: [PlotColor?], colorBar: ColorBar?) {
        let shown = values == nil ? count : zip(sum, count).map { $1 > 0 ? $0 / $1 : .nan }
        let range = finiteRange(shown.indices.filter { count[$0] > 0 }.map { shown[$0] })
        let single = values == nil && range.upperBound <= 1
        let colors: [PlotColor?] = shown.indices.map { k in
            guard count[k] > 0 else { return nil }
            return single ? PlotColor.ink : ColorMap.viridis.color(for: shown[k], in: range)
        }
        return (colors, single ? nil : ColorBar(range: range, label: values == nil ? countLabel : label,
                                                unit: values?.unit))
    }

    /// An image of the synapses: a cell per pair of a source and a target, coloured by the mean
    /// value of its synapses (or their number).
    private static func imageOfSynapses(i: [Int], j: [Int], values: (values: [Double], unit: String?)?,
                                        sources: Int, targets: Int, label: String) -> Plot {
        var count = [Double](repeating: 0, count: sources * targets)
        var sum = [Double](repeating: 0, count: sources * targets)
        for k in i.indices {
            if let value = values?.values[k], !value.isFinite { continue }
            count[j[k] * sources + i[k]] += 1
            sum[j[k] * sources + i[k]] += values?.values[k] ?? 0
        }
        let (colors, colorBar) = binColors(count: count, sum: sum, values: values, label: label,
                                           countLabel: "Synapses per pair")
        let axes = indexAxes(sources: sources, targets: targets)
        return Plot(xAxis: axes.x, yAxis: axes.y,
                    heatMap: HeatMap(xEdges: (0...sources).map { Double($0) - 0.5 },
                                     yEdges: (0...targets).map { Double($0) - 0.5 }, colors: colors),
                    colorBar: colorBar)
    }

    /// The synapses in hexagonal bins (``synapseBins`` across the sources, regular hexagons in a
    /// plot of the default size), each coloured by the mean value of its synapses (or their number).
    private static func hexagonalBins(i: [Int], j: [Int], values: (values: [Double], unit: String?)?,
                                      sources: Int, targets: Int, label: String) -> Plot {
        let axes = indexAxes(sources: sources, targets: targets)
        // The plot area of a plot of the default size with a colour bar, roughly: pixels per
        // index along each axis make the hexagons regular there.
        let area = (width: Plot.defaultSize.width - 200, height: Plot.defaultSize.height - 90)
        let grid = HexagonalBins(x: -0.5...(Double(sources) - 0.5), y: -0.5...(Double(targets) - 0.5),
                                 columns: min(sources, synapseBins),
                                 aspect: (area.width / Double(sources)) / (area.height / Double(targets)))
        var index: [HexagonalBins.Bin: Int] = [:]
        var bins: [HexagonalBins.Bin] = [], count: [Double] = [], sum: [Double] = []
        for k in i.indices {
            if let value = values?.values[k], !value.isFinite { continue }
            let bin = grid.bin(Double(i[k]), Double(j[k]))
            let slot = index[bin] ?? {
                index[bin] = bins.count
                bins.append(bin)
                count.append(0)
                sum.append(0)
                return bins.count - 1
            }()
            count[slot] += 1
            sum[slot] += values?.values[k] ?? 0
        }
        let (colors, colorBar) = binColors(count: count, sum: sum, values: values, label: label,
                                           countLabel: "Synapses per bin")
        let centres = bins.map(grid.centre)
        return Plot(xAxis: axes.x, yAxis: axes.y,
                    series: [PlotSeries(x: centres.map(\.x), y: centres.map(\.y),
                                        style: .hexagons(width: grid.width, height: grid.height),
                                        colors: colors.map { $0 ?? CompartmentColors.missing })],
                    colorBar: colorBar)
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
