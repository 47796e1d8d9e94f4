/// Series of shapes whose size is given in data units: segments of a width and filled discs,
/// drawn to the scale of the x axis (a morphology's diameters), and hexagons, to the scale of
/// both axes (hexagonal bins).
extension PlotRenderer {
    /// The smallest diameter of a disc, in pixels.
    static let minimumDiscDiameter = 3.0

    /// Size `k` of `sizes`; 0 when missing or not finite.
    private static func size(_ sizes: [Double], _ k: Int) -> Double {
        k < sizes.count && sizes[k].isFinite ? sizes[k] : 0
    }

    /// Pixels per x-axis unit.
    private static func scale(_ frame: Frame) -> Double {
        frame.width / (frame.x.upperBound - frame.x.lowerBound)
    }

    /// The segments of `series` (``PlotSeries/Style/segments(widths:minimumWidth:roundEnds:)``):
    /// a group holding one path per colour and width, each a subpath per segment.
    func drawSegments(_ series: PlotSeries, widths: [Double], minimumWidth: Double, roundEnds: Bool, count: Int,
                      frame: Frame, common: [SVGWriter.Attribute], to svg: inout SVGWriter) {
        let scale = Self.scale(frame)
        var paths: [String: (color: PlotColor, width: String, path: PathData)] = [:]
        var order: [String] = []
        for k in 0..<count / 2 {
            let a = 2 * k, b = 2 * k + 1
            guard series.x[a].isFinite, series.y[a].isFinite, series.x[b].isFinite, series.y[b].isFinite else { continue }
            let width = SVGWriter.number(max(minimumWidth, Self.size(widths, k) * scale))
            let color = series.color(of: k)
            let key = color.css + " " + width
            if paths[key] == nil {
                paths[key] = (color, width, PathData())
                order.append(key)
            }
            paths[key]?.path.move(frame.px(series.x[a]), frame.py(series.y[a]))
            paths[key]?.path.line(frame.px(series.x[b]), frame.py(series.y[b]))
        }
        svg.open("g", [("class", "series segments"), ("fill", "none"), ("stroke-linecap", roundEnds ? "round" : "butt")] + common)
        svg.newline()
        for key in order {
            guard let group = paths[key] else { continue }
            svg.element("path", [("d", group.path.text), ("stroke", group.color.css), ("stroke-width", group.width)])
        }
        svg.close("g")
    }

    /// The discs of `series` (``PlotSeries/Style/discs(diameters:)``): a group of circles.
    func drawDiscs(_ series: PlotSeries, diameters: [Double], count: Int, frame: Frame,
                   common: [SVGWriter.Attribute], to svg: inout SVGWriter) {
        let scale = Self.scale(frame)
        svg.open("g", [("class", "series discs")] + common)
        svg.newline()
        for k in 0..<count where series.x[k].isFinite && series.y[k].isFinite {
            let color = series.color(of: k)
            svg.element("circle", [("cx", SVGWriter.number(frame.px(series.x[k]))),
                                   ("cy", SVGWriter.number(frame.py(series.y[k]))),
                                   ("r", SVGWriter.number(max(Self.minimumDiscDiameter, Self.size(diameters, k) * scale) / 2)),
                                   ("fill", color.css)])
        }
        svg.close("g")
    }

    /// The hexagons of `series` (``PlotSeries/Style/hexagons(width:height:)``): a group holding
    /// one path per colour, a closed subpath per hexagon.
    func drawHexagons(_ series: PlotSeries, width: Double, height: Double, count: Int, frame: Frame,
                      common: [SVGWriter.Attribute], to svg: inout SVGWriter) {
        let pixelWidth = abs(frame.px(width) - frame.px(0)), pixelHeight = abs(frame.py(height) - frame.py(0))
        var paths: [PlotColor: PathData] = [:]
        var order: [PlotColor] = []
        for k in 0..<count where series.x[k].isFinite && series.y[k].isFinite {
            let color = series.color(of: k)
            if paths[color] == nil { order.append(color) }
            paths[color, default: PathData()].hexagon(frame.px(series.x[k]), frame.py(series.y[k]), width: pixelWidth,
                                                      height: pixelHeight)
        }
        svg.open("g", [("class", "series hexagons")] + common)
        svg.newline()
        for color in order {
            svg.element("path", [("d", paths[color]?.text ?? ""), ("fill", color.css), ("stroke", color.css),
                                 ("stroke-width", "0.3")])
        }
        svg.close("g")
    }
}
