/// One set of points drawn in a ``Plot``: coordinates in the axes' units, a style, a colour, and
/// a label for the legend.
public struct PlotSeries: Sendable {
    /// How the points are drawn.
    public enum Style: Sendable {
        /// A line through the points in order, `width` pixels wide.
        case line(width: Double)
        /// A disc of `diameter` pixels at each point; with more points than cells of 2 × 2 pixels
        /// in the plot area, the number of points per cell, as shades of the colour.
        case dots(diameter: Double)
        /// A line through the points with a disc at each.
        case lineAndDots(width: Double, diameter: Double)
        /// A bar from 0 up to each y, from x to x + `width` (in x-axis units): a histogram.
        case bars(width: Double)
        /// A straight segment from each point with an even index to the next point, segment k
        /// `widths[k]` x-axis units wide (a diameter drawn to scale), at least `minimumWidth`
        /// pixels, with round ends (which join segments at an angle smoothly) or square-cut ones
        /// (which join segments in a line without overlap); a missing width counts as 0.
        case segments(widths: [Double], minimumWidth: Double, roundEnds: Bool = true)
        /// A filled disc at each point, disc k `diameters[k]` x-axis units across, at least
        /// 3 pixels; a missing diameter counts as 0.
        case discs(diameters: [Double])
        /// A filled pointy-topped hexagon centred on each point, `width` x-axis units across its
        /// flat sides and `height` y-axis units from point to point: hexagonal bins.
        case hexagons(width: Double, height: Double)
    }

    /// The x coordinates.
    public var x: [Double]
    /// The y coordinates (as many as x).
    public var y: [Double]
    /// How the points are drawn.
    public var style: Style
    /// The colour.
    public var color: PlotColor
    /// A colour for each segment (``Style/segments(widths:minimumWidth:roundEnds:)``), disc
    /// (``Style/discs(diameters:)``) or hexagon (``Style/hexagons(width:height:)``) in place of
    /// ``color``; other styles use ``color``, and so do shapes beyond the end of this list.
    public var colors: [PlotColor]?
    /// The opacity, from 0 (invisible) to 1.
    public var opacity: Double
    /// The name in the legend; a series without one is not listed.
    public var label: String?

    /// The colour of segment, disc or hexagon `k`: its own in ``colors``, else ``color``.
    func color(of k: Int) -> PlotColor {
        colors.flatMap { k < $0.count ? $0[k] : nil } ?? color
    }

    /// A series of the points (x[k], y[k]).
    public init(x: [Double], y: [Double], style: Style = .line(width: 1.5), color: PlotColor = .series(0),
                colors: [PlotColor]? = nil, opacity: Double = 1, label: String? = nil) {
        self.x = x
        self.y = y
        self.style = style
        self.color = color
        self.colors = colors
        self.opacity = opacity
        self.label = label
    }
}
