/// A colour for plot elements, as a CSS/SVG colour string (`"#1f77b4"`, `"black"`).
public struct PlotColor: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The CSS/SVG colour.
    public var css: String

    /// The colour `css` (a hex value such as `"#1f77b4"` or a CSS colour name).
    public init(_ css: String) {
        self.css = css
    }

    /// The colour `value`, written as a string literal.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// Near-black, for spikes and single curves where colour carries no meaning.
    public static let ink = PlotColor("#1a1a1a")

    /// Ten colours that stay distinct, for series in turn (the "tab10" palette of matplotlib,
    /// so plots look as brian2tools users expect).
    public static let palette: [PlotColor] = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The palette colour for the `index`-th series (cycling).
    public static func series(_ index: Int) -> PlotColor {
        palette[((index % palette.count) + palette.count) % palette.count]
    }
}
