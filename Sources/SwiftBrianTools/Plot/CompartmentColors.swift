import SwiftBrian

/// The colours of a morphology's compartments in a plot: with values (one per compartment),
/// each value's colour on ``ColorMap/viridis`` from the smallest to the largest, with a colour
/// bar; without, the sections alternate between two dark colours so that they can be told apart
/// (as brian2tools' default).
struct CompartmentColors {
    /// The colours of sections in turn when no values are given: dark blue and dark red.
    static let sectionColors: [PlotColor] = ["#1c2f7a", "#8b1a1a"]
    /// The colour of a compartment whose value is not finite.
    static let missing = PlotColor("#bbbbbb")

    /// The colour of each compartment, in the order of `FlatMorphology`.
    let colors: [PlotColor]
    /// The colour bar explaining the colours, when values are given.
    let colorBar: ColorBar?

    /// The colours of the compartments of `flat` for `values` (named `label` on the colour
    /// bar, "Value" when nil).
    ///
    /// - Throws: `ModelError` when there is not one value per compartment.
    init(_ flat: FlatMorphology, values: QuantityArray?, label: String?) throws {
        guard let values else {
            var colors: [PlotColor] = []
            for (k, section) in flat.sections.enumerated() {
                let color = Self.sectionColors[k % Self.sectionColors.count]
                colors += Array(repeating: color, count: section.compartments.count)
            }
            self.colors = colors
            colorBar = nil
            return
        }
        guard values.count == flat.count else {
            throw ModelError(.invalidArgument, "Colouring a morphology needs one value per compartment, but there are "
                             + "\(values.count) values for \(flat.count) compartments")
        }
        let name = label ?? "Value"
        let unit = try AxisUnit(nil, for: values, describing: "'\(name)'")
        let scaled = unit.scaled(values)
        let finite = scaled.filter(\.isFinite)
        let range = (finite.min() ?? 0)...(finite.max() ?? 1)
        colors = scaled.map { ColorMap.viridis.color(for: $0, in: range) ?? Self.missing }
        colorBar = ColorBar(range: range, label: name, unit: unit.symbol)
    }
}
