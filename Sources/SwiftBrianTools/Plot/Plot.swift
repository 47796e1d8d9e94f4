/// A two-dimensional plot: a title, two axes with units, and series of points drawn as lines,
/// dots or bars, with a legend when series are labelled. It renders to SVG natively and to PNG
/// through ``PNGConverter``.
///
/// ``of(_:_:)`` plots whatever it is given, as brian2tools' `brian_plot` (monitors, synapses,
/// morphologies, and quantities computed after a run as a ``Curve``); several plots make a
/// ``Figure``. The ready-made plots of brian2tools are static functions:
/// ``raster(_:neurons:timeUnit:title:)``, ``synapses(_:values:label:style:unit:title:)``,
/// ``stateTraces(_:variable:indices:timeUnit:unit:title:)``,
/// ``rate(_:smoothing:timeUnit:rateUnit:title:)``, ``fICurve(input:rate:inputLabel:inputUnit:rateUnit:title:)``,
/// ``weightHistogram(_:variable:bins:unit:title:)`` and ``connectivity(_:title:)``; for
/// multicompartment neurons ``morphology(_:values:label:projection:title:)``,
/// ``dendrogram(_:values:label:title:)`` and ``spaceTime(_:variable:positions:unit:title:)``.
///
///     let plot = try Plot.raster(spikeMonitor)
///     try plot.writeSVG(to: URL(fileURLWithPath: "raster.svg"))
///     try plot.writePNG(to: URL(fileURLWithPath: "raster.png"))
public struct Plot: Picture, Sendable {
    /// The title above the plot; empty for none.
    public var title: String
    /// The horizontal axis.
    public var xAxis: PlotAxis
    /// The vertical axis.
    public var yAxis: PlotAxis
    /// The series, drawn in order (later ones on top).
    public var series: [PlotSeries]
    /// The width of the picture in pixels (SVG user units).
    public var width: Double
    /// The height of the picture in pixels.
    public var height: Double
    /// Cells of colour drawn under the series (a space–time picture), or nil.
    public var heatMap: HeatMap?
    /// The colour scale shown right of the plot area, or nil.
    public var colorBar: ColorBar?
    /// Whether a unit spans as many pixels on the vertical axis as on the horizontal one (for
    /// pictures in space, such as a morphology): the axis with room to spare shows more than its
    /// range.
    public var equalAspect: Bool

    /// The default size of a plot, in pixels.
    public static let defaultSize = (width: 720.0, height: 440.0)

    /// A plot of `series` (over `heatMap`, with `colorBar` beside it) on `xAxis` and `yAxis`.
    public init(title: String = "", xAxis: PlotAxis, yAxis: PlotAxis, series: [PlotSeries] = [],
                width: Double = Plot.defaultSize.width, height: Double = Plot.defaultSize.height,
                heatMap: HeatMap? = nil, colorBar: ColorBar? = nil, equalAspect: Bool = false) {
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.width = width
        self.height = height
        self.heatMap = heatMap
        self.colorBar = colorBar
        self.equalAspect = equalAspect
    }

    /// The plot as SVG, with element ids starting with `id` (unique ids let several plots share
    /// one HTML page).
    public func svg(id: String) -> String {
        PlotRenderer(plot: self, id: id).render()
    }
}
