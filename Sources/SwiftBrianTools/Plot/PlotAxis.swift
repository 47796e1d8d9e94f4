/// One axis of a ``Plot``: what it shows, in which unit, over which range.
public struct PlotAxis: Sendable {
    /// What the axis shows (`"Time"`, `"v"`, `"Neuron index"`).
    public var label: String
    /// The symbol of the unit the plotted numbers are in (`"ms"`), or `nil` for pure numbers.
    public var unit: String?
    /// The range shown; `nil` fits the data (with a small margin).
    public var range: ClosedRange<Double>?
    /// Whether ticks fall on whole numbers only (for indices and counts).
    public var integerTicks: Bool
    /// Whether a fitted range reaches down (or up) to zero, as for rates and counts.
    public var includesZero: Bool
    /// Whether the axis has ticks, tick labels and grid lines (off for an axis whose numbers mean
    /// nothing, as the horizontal axis of a dendrogram).
    public var showsTicks: Bool

    /// An axis showing `label` in `unit`.
    public init(_ label: String, unit: String? = nil, range: ClosedRange<Double>? = nil,
                integerTicks: Bool = false, includesZero: Bool = false, showsTicks: Bool = true) {
        self.label = label
        self.unit = unit
        self.range = range
        self.integerTicks = integerTicks
        self.includesZero = includesZero
        self.showsTicks = showsTicks
    }

    /// The axis title: the label, then the unit in parentheses: `"Time (ms)"`.
    public var title: String {
        Self.title(label, unit: unit)
    }

    /// `label`, then `unit` in parentheses when there is one: `"Time (ms)"`.
    static func title(_ label: String, unit: String?) -> String {
        unit.map { "\(label) (\($0))" } ?? label
    }
}
