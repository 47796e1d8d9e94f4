import SwiftBrian

extension Plot {
    /// A dendrogram of `morphology` (brian2tools' `plot_dendrogram`): each section a vertical
    /// line from its parent's end to its own end, in path distance from the root (µm); the
    /// sections without children side by side in the order the compartments are numbered, each
    /// parent above the middle of its children, joined to them by a horizontal line at the branch
    /// point; a soma a dot.
    ///
    /// With `values` (one per compartment, in the order of ``SwiftBrian/FlatMorphology``) each
    /// compartment has the colour of its value on ``ColorMap/viridis``, explained by a colour bar
    /// titled with `label` and the unit; without, the sections alternate between two colours.
    ///
    /// - Throws: `ModelError` when `values` do not have one value per compartment.
    public static func dendrogram(_ morphology: SwiftBrian.Morphology, values: QuantityArray? = nil,
                                  label: String? = nil, title: String? = nil) throws -> Plot {
        let flat = morphology.flattened
        let coloring = try CompartmentColors(flat, values: values, label: label)
        let sections = flat.sections
        var children = [[Int]](repeating: [], count: sections.count)
        for (k, section) in sections.enumerated() {
            if let parent = section.parent { children[parent].append(k) }
        }
        // Leaves one unit apart in numbering order; a parent (numbered before its children)
        // above the mean of its children.
        var position = [Double](repeating: 0, count: sections.count)
        var leaves = 0
        for k in sections.indices where children[k].isEmpty {
            position[k] = Double(leaves)
            leaves += 1
        }
        for k in sections.indices.reversed() where !children[k].isEmpty {
            position[k] = children[k].map { position[$0] }.reduce(0, +) / Double(children[k].count)
        }

        var lines = (x: [Double](), y: [Double](), colors: [PlotColor]())
        var connectors = (x: [Double](), y: [Double]())
        var somata: [PlotSeries] = []
        for (k, section) in sections.enumerated() {
            let x = position[k]
            for c in section.compartments {
                let middle = flat.distance[c] / micrometre
                if section.section is Soma {
                    somata.append(PlotSeries(x: [x], y: [middle], style: .dots(diameter: 10), color: coloring.colors[c]))
                } else {
                    let half = flat.length[c] / micrometre / 2
                    lines.x += [x, x]
                    lines.y += [middle - half, middle + half]
                    lines.colors.append(coloring.colors[c])
                }
            }
            let xs = children[k].map { position[$0] }
            if let low = xs.min(), let high = xs.max(), high > low {
                connectors.x += [low, high]
                connectors.y += Array(repeating: section.endDistance / micrometre, count: 2)
            }
        }
        let series = [
            PlotSeries(x: connectors.x, y: connectors.y, style: .segments(widths: [], minimumWidth: 1.5),
                       color: "#777777"),
            PlotSeries(x: lines.x, y: lines.y, style: .segments(widths: [], minimumWidth: 3, roundEnds: false),
                       colors: lines.colors),
        ].filter { !$0.x.isEmpty } + somata
        return Plot(title: title ?? "Dendrogram",
                    xAxis: PlotAxis("", range: -0.5...(Double(max(leaves, 1)) - 0.5), showsTicks: false),
                    yAxis: PlotAxis("Distance from the root", unit: "µm"),
                    series: series, colorBar: coloring.colorBar)
    }
}
