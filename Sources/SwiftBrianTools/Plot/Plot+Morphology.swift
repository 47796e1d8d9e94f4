import SwiftBrian

extension Plot {
    /// The length of a micrometre, the unit morphologies are drawn in.
    static let micrometre = 1e-6

    /// A picture of `morphology` (brian2tools' `plot_morphology`): its projection on a plane,
    /// each compartment a segment from its start to its end point as wide as its diameter (at
    /// least a pixel), a soma a disc of its diameter, in µm on both axes at the same scale.
    ///
    /// Without `values` the sections alternate between two colours; with them (one per
    /// compartment, in the order in which a SpatialNeuron numbers its compartments, that of
    /// ``SwiftBrian/FlatMorphology``), each compartment has the colour of its value on
    /// ``ColorMap/viridis``, explained by a colour bar titled with `label` and the unit.
    /// Sections without coordinates get those of ``SwiftBrian/Morphology/generatingCoordinates(overwriteExisting:)``
    /// (which involves no randomness, so the picture is always the same).
    ///
    /// - Parameters:
    ///   - projection: the plane: x–y (default), x–z or y–z.
    ///   - title: the title; by default "Morphology", or what the colours show.
    /// - Throws: `ModelError` when `values` do not have one value per compartment.
    public static func morphology(_ morphology: SwiftBrian.Morphology, values: QuantityArray? = nil,
                                  label: String? = nil, projection: MorphologyProjection = .xy,
                                  title: String? = nil) throws -> Plot {
        var flat = morphology.flattened
        if flat.coordinates.map({ $0.startX.contains(where: \.isNaN) }) ?? true {
            flat = morphology.generatingCoordinates().flattened
        }
        let coloring = try CompartmentColors(flat, values: values, label: label)
        guard let coordinates = flat.coordinates else {
            throw ModelError(.invalidArgument, "The morphology has no coordinates to draw")
        }
        let points = projection.project(coordinates)
        var segments = (x: [Double](), y: [Double](), widths: [Double](), colors: [PlotColor]())
        var somata = (x: [Double](), y: [Double](), diameters: [Double](), colors: [PlotColor]())
        for section in flat.sections {
            for k in section.compartments {
                let diameter = flat.diameter[k] / micrometre
                if section.section is Soma {
                    somata.x.append(points.startH[k] / micrometre)
                    somata.y.append(points.startV[k] / micrometre)
                    somata.diameters.append(diameter)
                    somata.colors.append(coloring.colors[k])
                } else {
                    segments.x += [points.startH[k] / micrometre, points.endH[k] / micrometre]
                    segments.y += [points.startV[k] / micrometre, points.endV[k] / micrometre]
                    segments.widths.append(diameter)
                    segments.colors.append(coloring.colors[k])
                }
            }
        }
        let series = [
            PlotSeries(x: segments.x, y: segments.y, style: .segments(widths: segments.widths, minimumWidth: 1),
                       colors: segments.colors),
            PlotSeries(x: somata.x, y: somata.y, style: .discs(diameters: somata.diameters), colors: somata.colors),
        ]
        let names = projection.axisNames
        return Plot(title: title ?? values.map { _ in "Morphology coloured by \(label ?? "value")" } ?? "Morphology",
                    xAxis: PlotAxis(names.horizontal, unit: "µm"), yAxis: PlotAxis(names.vertical, unit: "µm"),
                    series: series.filter { !$0.x.isEmpty }, height: 560, colorBar: coloring.colorBar,
                    equalAspect: true)
    }
}
