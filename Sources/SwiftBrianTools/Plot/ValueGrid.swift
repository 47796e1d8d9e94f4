import SwiftBrian

/// A quantity computed on a grid of two swept parameters (a firing rate over conductance and
/// input current, as in a parameter exploration). ``Plot/of(_:_:)`` draws it as an image with a
/// colour bar, as matplotlib's `imshow`, with both axes and the colour bar titled by their labels
/// and the units the quantities are in.
///
///     let grid = ValueGrid(x: gNa, y: I, values: rates, xLabel: "g_Na", yLabel: "I", label: "Firing rate")
///     try Plot.of(grid, PlotOptions(title: "Firing rate of 10,000 HH neurons"))
public struct ValueGrid: Sendable {
    /// The values of the columns, strictly increasing.
    public var x: QuantityArray
    /// The values of the rows, strictly increasing.
    public var y: QuantityArray
    /// One value per cell, row by row from the lowest ``y``, each row from the lowest ``x``
    /// (`values[row * x.count + column]`).
    public var values: QuantityArray
    /// What the horizontal axis shows, without the unit.
    public var xLabel: String
    /// What the vertical axis shows, without the unit.
    public var yLabel: String
    /// What the values are (`"Firing rate"`), for the colour bar, without the unit.
    public var label: String

    /// The grid of `values` over `x` and `y`.
    public init(x: QuantityArray, y: QuantityArray, values: QuantityArray, xLabel: String, yLabel: String,
                label: String) {
        self.x = x
        self.y = y
        self.values = values
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.label = label
    }
}

extension ValueGrid: Plottable {
    /// The image: the horizontal axis in ``PlotOptions/xUnit``, the colour bar in
    /// ``PlotOptions/unit`` (hertz for rates), each by default (and the vertical axis always) in
    /// the unit Brian would print the values in; titled ``PlotOptions/title`` or "LABEL over
    /// XLABEL and YLABEL".
    ///
    /// - Throws: `ModelError` when a unit does not fit, or as ``Plot/image(x:xAxis:y:yAxis:values:label:unit:title:)``.
    public func plot(_ options: PlotOptions) throws -> Plot {
        let xUnit = try AxisUnit(options.xUnit, for: x, describing: "'\(xLabel)'")
        let yUnit = try AxisUnit(nil, for: y, describing: "'\(yLabel)'")
        let valueUnit = try AxisUnit(options.unit ?? (values.dimension == .frequency ? Hz : nil), for: values,
                                     describing: "'\(label)'")
        return try Plot.image(x: xUnit.scaled(x), xAxis: PlotAxis(xLabel, unit: xUnit.symbol),
                              y: yUnit.scaled(y), yAxis: PlotAxis(yLabel, unit: yUnit.symbol),
                              values: valueUnit.scaled(values), label: label, unit: valueUnit.symbol,
                              title: options.title)
    }
}
