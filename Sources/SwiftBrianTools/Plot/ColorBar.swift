/// A colour scale beside a ``Plot``'s area: the colours of a ``ColorMap`` from the bottom (the
/// lowest value) to the top, with ticks and a title, telling what the colours of the data mean.
public struct ColorBar: Sendable {
    /// The colour map.
    public var map: ColorMap
    /// The values at the bottom and top of the bar, in the unit of ``unit``.
    public var range: ClosedRange<Double>
    /// What the colours show (`"v"`).
    public var label: String
    /// The symbol of the unit of the values, or nil for pure numbers.
    public var unit: String?

    /// A colour bar of `map` from `range.lowerBound` to `range.upperBound`, titled with `label`
    /// and `unit`.
    public init(map: ColorMap = .viridis, range: ClosedRange<Double>, label: String, unit: String? = nil) {
        self.map = map
        self.range = range
        self.label = label
        self.unit = unit
    }

    /// The title beside the bar: the label, then the unit in parentheses: `"v (mV)"`.
    public var title: String {
        PlotAxis.title(label, unit: unit)
    }
}
