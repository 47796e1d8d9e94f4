import Foundation

/// Draws a ``Plot`` as SVG: fits the axis ranges (widening one for an equal aspect), lays out the
/// margins around the tick labels and the colour bar, then draws the grid, the heat map and the
/// series (clipped to the plot area), the axes, the titles, the legend and the colour bar.
struct PlotRenderer {
    let plot: Plot
    /// The prefix of element ids (unique per plot on a page).
    let id: String

    // Type sizes (pixels) and the approximate width of a character relative to its size, used
    // to make room for labels (DejaVu Sans, Helvetica and Arial average about 0.6).
    static let tickFont = 11.0
    static let labelFont = 13.0
    private static let titleFont = 15.0
    private static let legendFont = 12.0
    private static let characterWidth = 0.6
    static let tickLength = 5.0
    private static let fontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif"
    static let textColor = "#333333"
    static let axisColor = "#555555"
    private static let gridColor = "#e6e6e6"

    /// The plot area and the data range it shows.
    struct Frame {
        let left, top, width, height: Double
        let x: ClosedRange<Double>
        let y: ClosedRange<Double>

        var right: Double { left + width }
        var bottom: Double { top + height }

        // Pixel positions are kept within ten plot sizes of the plot area: far outside it (a
        // diverging voltage at 10⁸ mV) they would overflow the fixed-point numbers of the
        // rasterizer and wrap around into view; this near, what is clipped looks the same.
        func px(_ value: Double) -> Double {
            let position = left + (value - x.lowerBound) / (x.upperBound - x.lowerBound) * width
            return min(max(position, left - 10 * width), right + 10 * width)
        }

        func py(_ value: Double) -> Double {
            let position = bottom - (value - y.lowerBound) / (y.upperBound - y.lowerBound) * height
            return min(max(position, top - 10 * height), bottom + 10 * height)
        }
    }

    /// The left edge of the plot area at least this far from the picture's left edge (to line
    /// up the plot areas of panels in a column of a ``Figure``).
    var minimumLeft = 0.0

    /// The vertical layout and the left margin: the fitted ranges, the space above and below the
    /// plot area, the ticks of the vertical axis and the left edge of the plot area.
    private func layout() -> (x: ClosedRange<Double>, y: ClosedRange<Double>, top: Double, plotHeight: Double,
                              yTicks: AxisTicks, left: Double) {
        let xRange = plot.xAxis.range.map(Self.widened) ?? fittedRange(\.x, axis: plot.xAxis, horizontal: true)
        let yRange = plot.yAxis.range.map(Self.widened) ?? fittedRange(\.y, axis: plot.yAxis, horizontal: false)
        // Margins: room for the y tick labels and title on the left, the x tick labels and
        // title below, the plot title above, and half of the last x tick label on the right.
        let top = plot.title.isEmpty ? 16 : 44.0
        let bottom = (plot.xAxis.showsTicks ? Self.tickLength + 5 + Self.tickFont : 0)
            + (plot.xAxis.title.isEmpty ? 16 : 12 + Self.labelFont + 10)
        let plotHeight = max(plot.height, 120) - top - bottom
        let yTicks = ticks(for: plot.yAxis, range: yRange, length: plotHeight, spacing: 55)
        let left = max(minimumLeft, 14 + Self.labelFont + 12 + Self.widestLabel(yTicks) + Self.tickLength + 4)
        return (xRange, yRange, top, plotHeight, yTicks, left)
    }

    /// An SVG writer with an `<svg>` element of `width` × `height` pixels opened, titled `title`
    /// (for tools and screen readers) when it is not empty.
    static func document(width: Double, height: Double, title: String) -> SVGWriter {
        var svg = SVGWriter()
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("version", "1.1"),
                         ("width", SVGWriter.number(width)), ("height", SVGWriter.number(height)),
                         ("viewBox", "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))"),
                         ("font-family", fontFamily)])
        svg.newline()
        if !title.isEmpty { svg.element("title", [], content: title) }
        return svg
    }

    /// The left edge of the plot area the plot would have on its own.
    var naturalLeft: Double {
        layout().left
    }

    func render() -> String {
        let height = max(plot.height, 120), width = max(plot.width, 160)
        let layout = self.layout()
        let (xRange, yRange, top, plotHeight, left) = (layout.x, layout.y, layout.top, layout.plotHeight, layout.left)
        var yTicks = layout.yTicks
        let barSpace = plot.colorBar.map { Self.colorBarSpace($0, height: plotHeight) } ?? 0
        let plotWidth = width - left - 20 - barSpace
        var xTicks = ticks(for: plot.xAxis, range: xRange, length: plotWidth, spacing: 90)
        let lastHalf = Self.textWidth(xTicks.labels.last ?? "", size: Self.tickFont) / 2
        let right = max(20, lastHalf + 6) + barSpace
        var frame = Frame(left: left, top: top, width: width - left - right, height: plotHeight, x: xRange, y: yRange)
        if plot.equalAspect {
            frame = Self.equalized(frame)
            xTicks = ticks(for: plot.xAxis, range: frame.x, length: frame.width, spacing: 90)
            yTicks = ticks(for: plot.yAxis, range: frame.y, length: frame.height, spacing: 55)
        }

        var svg = Self.document(width: width, height: height, title: plot.title)
        svg.open("defs")
        svg.open("clipPath", [("id", "\(id)-area")])
        svg.element("rect", [("x", SVGWriter.number(frame.left)), ("y", SVGWriter.number(frame.top)),
                             ("width", SVGWriter.number(frame.width)), ("height", SVGWriter.number(frame.height))])
        svg.close("clipPath")
        svg.close("defs")
        svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])

        drawGrid(&svg, frame: frame, xTicks: xTicks, yTicks: yTicks)
        svg.open("g", [("class", "data"), ("clip-path", "url(#\(id)-area)")])
        svg.newline()
        if let heatMap = plot.heatMap { draw(heatMap, in: frame, to: &svg) }
        for series in plot.series { draw(series, in: frame, to: &svg) }
        svg.close("g")
        drawAxes(&svg, frame: frame, xTicks: xTicks, yTicks: yTicks, width: width, height: height)
        drawLegend(&svg, frame: frame)
        if let colorBar = plot.colorBar { draw(colorBar, beside: frame, to: &svg) }
        svg.close("svg")
        return svg.text
    }

    // MARK: Ranges

    /// The range of the data along one axis, with a margin of 4% each side (none at a zero the
    /// axis must include).
    private func fittedRange(_ coordinate: KeyPath<PlotSeries, [Double]>, axis: PlotAxis,
                             horizontal: Bool) -> ClosedRange<Double> {
        var low = Double.infinity, high = -Double.infinity
        for series in plot.series {
            let values = series[keyPath: coordinate]
            for value in values where value.isFinite {
                low = min(low, value)
                high = max(high, value)
            }
            if case .bars(let width) = series.style, low <= high {
                // Bars reach from x to x + width, and from 0 to y.
                if horizontal { high += max(0, width) } else { low = min(low, 0); high = max(high, 0) }
            }
            if case .hexagons(let width, let height) = series.style, low <= high {
                // Hexagons reach half their size beyond their centres.
                let half = (horizontal ? width : height) / 2
                low -= half
                high += half
            }
            if case .discs(let diameters) = series.style {
                // Discs reach their radius beyond their centres.
                for (value, diameter) in zip(values, diameters) where value.isFinite && diameter.isFinite {
                    low = min(low, value - diameter / 2)
                    high = max(high, value + diameter / 2)
                }
            }
        }
        if let heatMap = plot.heatMap {
            for edge in horizontal ? heatMap.xEdges : heatMap.yEdges where edge.isFinite {
                low = min(low, edge)
                high = max(high, edge)
            }
        }
        guard low <= high else { return 0...1 }
        var zeroBelow = false, zeroAbove = false
        if axis.includesZero {
            if low >= 0 { low = 0; zeroBelow = true }
            if high <= 0 { high = 0; zeroAbove = true }
        }
        if low == high {
            let pad = axis.integerTicks ? 1 : (low == 0 ? 1 : abs(low) * 0.1)
            return (zeroBelow ? low : low - pad)...(zeroAbove ? high : high + pad)
        }
        let margin = (high - low) * 0.04
        return (zeroBelow ? low : low - margin)...(zeroAbove ? high : high + margin)
    }

    /// `range`, widened when empty so that coordinates can be mapped.
    private static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        range.lowerBound < range.upperBound ? range : (range.lowerBound - 0.5)...(range.upperBound + 0.5)
    }

    static func tickCount(for length: Double, spacing: Double) -> Int {
        max(2, min(10, Int((length / spacing).rounded())))
    }

    /// The ticks of `axis` over `range`, about one per `spacing` pixels of its `length`; none
    /// when the axis shows none.
    private func ticks(for axis: PlotAxis, range: ClosedRange<Double>, length: Double, spacing: Double) -> AxisTicks {
        guard axis.showsTicks else { return .none }
        return AxisTicks(range: range, count: Self.tickCount(for: length, spacing: spacing), integers: axis.integerTicks)
    }

    /// `frame` with the range of one axis widened about its centre so that a unit spans as many
    /// pixels on both axes.
    private static func equalized(_ frame: Frame) -> Frame {
        let xSpan = frame.x.upperBound - frame.x.lowerBound, ySpan = frame.y.upperBound - frame.y.lowerBound
        let xScale = frame.width / xSpan, yScale = frame.height / ySpan
        guard xScale.isFinite, yScale.isFinite, xScale > 0, yScale > 0 else { return frame }
        func widened(_ range: ClosedRange<Double>, to span: Double) -> ClosedRange<Double> {
            let middle = (range.lowerBound + range.upperBound) / 2
            return (middle - span / 2)...(middle + span / 2)
        }
        let x = xScale > yScale ? widened(frame.x, to: frame.width / yScale) : frame.x
        let y = yScale > xScale ? widened(frame.y, to: frame.height / xScale) : frame.y
        return Frame(left: frame.left, top: frame.top, width: frame.width, height: frame.height, x: x, y: y)
    }

    /// An opacity between 0 and 1, with two decimals.
    static func opacity(_ value: Double) -> String {
        String(format: "%.2f", min(1, max(0, value)))
    }

    static func textWidth(_ text: String, size: Double) -> Double {
        Double(text.count) * size * characterWidth
    }

    /// The width of the widest label of `ticks`.
    static func widestLabel(_ ticks: AxisTicks) -> Double {
        textWidth(ticks.labels.max { $0.count < $1.count } ?? "", size: tickFont)
    }

    // MARK: Drawing

    private func drawGrid(_ svg: inout SVGWriter, frame: Frame, xTicks: AxisTicks, yTicks: AxisTicks) {
        var grid = PathData()
        for x in xTicks.values.map(frame.px) where x > frame.left + 0.5 && x <= frame.right {
            grid.move(x, frame.top)
            grid.line(x, frame.bottom)
        }
        for y in yTicks.values.map(frame.py) where y < frame.bottom - 0.5 && y >= frame.top {
            grid.move(frame.left, y)
            grid.line(frame.right, y)
        }
        svg.element("path", [("class", "grid"), ("d", grid.text), ("stroke", Self.gridColor), ("stroke-width", "1"),
                             ("fill", "none")])
    }

    private func draw(_ series: PlotSeries, in frame: Frame, to svg: inout SVGWriter) {
        let count = min(series.x.count, series.y.count)
        var common: [SVGWriter.Attribute] = [("data-points", String(count))]
        if let label = series.label { common.append(("data-label", label)) }
        if series.opacity < 1 { common.append(("opacity", Self.opacity(series.opacity))) }
        switch series.style {
        case .line(let width):
            svg.element("path", [("class", "series line"), ("d", linePath(series, count: count, frame: frame)),
                                 ("fill", "none"), ("stroke", series.color.css),
                                 ("stroke-width", SVGWriter.number(width)), ("stroke-linejoin", "round"),
                                 ("stroke-linecap", "round")] + common)
        case .dots where PointDensity.isCrowded(points: count, width: frame.width, height: frame.height):
            drawDensity(series, count: count, frame: frame, common: common, to: &svg)
        case .dots(let diameter):
            svg.element("path", [("class", "series dots"), ("d", dotPath(series, count: count, frame: frame)),
                                 ("fill", "none"), ("stroke", series.color.css),
                                 ("stroke-width", SVGWriter.number(diameter)), ("stroke-linecap", "round")] + common)
        case .lineAndDots(let width, let diameter):
            svg.open("g", [("class", "series line-and-dots")] + common)
            svg.element("path", [("d", linePath(series, count: count, frame: frame)), ("fill", "none"),
                                 ("stroke", series.color.css), ("stroke-width", SVGWriter.number(width)),
                                 ("stroke-linejoin", "round")])
            svg.element("path", [("d", dotPath(series, count: count, frame: frame)), ("fill", "none"),
                                 ("stroke", series.color.css), ("stroke-width", SVGWriter.number(diameter)),
                                 ("stroke-linecap", "round")])
            svg.close("g")
        case .bars(let width):
            var path = PathData(capacity: count * 40)
            let base = frame.py(min(max(0, frame.y.lowerBound), frame.y.upperBound))
            for k in 0..<count where series.x[k].isFinite && series.y[k].isFinite {
                path.rectangle(frame.px(series.x[k]), base, frame.px(series.x[k] + width), frame.py(series.y[k]))
            }
            svg.element("path", [("class", "series bars"), ("d", path.text), ("fill", series.color.css),
                                 ("stroke", "white"), ("stroke-width", "0.8")] + common)
        case .segments(let widths, let minimumWidth, let roundEnds):
            drawSegments(series, widths: widths, minimumWidth: minimumWidth, roundEnds: roundEnds, count: count,
                         frame: frame, common: common, to: &svg)
        case .discs(let diameters):
            drawDiscs(series, diameters: diameters, count: count, frame: frame, common: common, to: &svg)
        case .hexagons(let width, let height):
            drawHexagons(series, width: width, height: height, count: count, frame: frame, common: common, to: &svg)
        }
    }

    /// Points too many for dots, as their density (``PointDensity``): a group in cell units
    /// holding a path per shade.
    private func drawDensity(_ series: PlotSeries, count: Int, frame: Frame, common: [SVGWriter.Attribute],
                             to svg: inout SVGWriter) {
        let density = PointDensity(xs: series.x.prefix(count).map(frame.px), ys: series.y.prefix(count).map(frame.py),
                                   left: frame.left, top: frame.top, width: frame.width, height: frame.height)
        let cell = PointDensity.cellSize
        svg.open("g", [("class", "series density"), ("fill", series.color.css), ("shape-rendering", "crispEdges"),
                       ("data-cell-size", SVGWriter.number(cell)),
                       ("transform", "translate(\(SVGWriter.number(frame.left)),\(SVGWriter.number(frame.top))) "
                        + "scale(\(SVGWriter.number(cell)))")] + common)
        svg.newline()
        for (level, path) in density.paths().enumerated() where !path.isEmpty {
            let shade = Double(level + 1) / Double(PointDensity.levels)
            svg.element("path", [("d", path), ("fill-opacity", Self.opacity(shade))])
        }
        svg.close("g")
    }

    /// The points as dots (non-finite ones left out).
    private func dotPath(_ series: PlotSeries, count: Int, frame: Frame) -> String {
        var path = PathData(capacity: count * 16)
        for k in 0..<count where series.x[k].isFinite && series.y[k].isFinite {
            path.dot(frame.px(series.x[k]), frame.py(series.y[k]))
        }
        return path.text
    }

    /// The points joined by lines, broken at non-finite values. When there are many more points
    /// than pixel columns and x ascends, each column keeps its first, lowest, highest and last
    /// point, which draws the same picture from far fewer points.
    private func linePath(_ series: PlotSeries, count: Int, frame: Frame) -> String {
        let xs = series.x, ys = series.y
        var path = PathData(capacity: min(count, Int(frame.width) * 4) * 14)
        var drawing = false
        func visit(_ k: Int) {
            guard xs[k].isFinite, ys[k].isFinite else { drawing = false; return }
            if drawing { path.line(frame.px(xs[k]), frame.py(ys[k])) } else { path.move(frame.px(xs[k]), frame.py(ys[k])) }
            drawing = true
        }
        let ascending = count > 1 && (1..<count).allSatisfy { !(xs[$0] < xs[$0 - 1]) }
        guard ascending, count > Int(frame.width) * 4 else {
            for k in 0..<count { visit(k) }
            return path.text
        }
        var k = 0
        while k < count {
            guard xs[k].isFinite, ys[k].isFinite else { visit(k); k += 1; continue }
            // One pixel column: the finite points whose x maps to the same whole pixel.
            let column = Int(frame.px(xs[k]).rounded(.down))
            var end = k + 1
            while end < count, xs[end].isFinite, ys[end].isFinite,
                  Int(frame.px(xs[end]).rounded(.down)) == column { end += 1 }
            var low = k, high = k
            for j in k..<end {
                if ys[j] < ys[low] { low = j }
                if ys[j] > ys[high] { high = j }
            }
            for j in Set([k, low, high, end - 1]).sorted() { visit(j) }
            k = end
        }
        return path.text
    }

    private func drawAxes(_ svg: inout SVGWriter, frame: Frame, xTicks: AxisTicks, yTicks: AxisTicks,
                          width: Double, height: Double) {
        var ticks = PathData()
        let xs = zip(xTicks.values.map(frame.px), xTicks.labels).filter { $0.0 >= frame.left - 0.5 && $0.0 <= frame.right + 0.5 }
        let ys = zip(yTicks.values.map(frame.py), yTicks.labels).filter { $0.0 >= frame.top - 0.5 && $0.0 <= frame.bottom + 0.5 }
        for (x, _) in xs {
            ticks.move(x, frame.bottom)
            ticks.line(x, frame.bottom + Self.tickLength)
        }
        for (y, _) in ys {
            ticks.move(frame.left, y)
            ticks.line(frame.left - Self.tickLength, y)
        }
        var spines = PathData()
        spines.move(frame.left, frame.top)
        spines.line(frame.left, frame.bottom)
        spines.line(frame.right, frame.bottom)
        svg.element("path", [("class", "axes"), ("d", spines.text + ticks.text), ("fill", "none"),
                             ("stroke", Self.axisColor), ("stroke-width", "1"), ("stroke-linecap", "square")])

        let tickBaseline = frame.bottom + Self.tickLength + 4 + Self.tickFont * 0.8
        svg.open("g", [("class", "x-ticks"), ("font-size", SVGWriter.number(Self.tickFont)),
                       ("fill", Self.textColor), ("text-anchor", "middle")])
        for (x, label) in xs {
            svg.element("text", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(tickBaseline))], content: label)
        }
        svg.close("g")
        svg.open("g", [("class", "y-ticks"), ("font-size", SVGWriter.number(Self.tickFont)),
                       ("fill", Self.textColor), ("text-anchor", "end")])
        for (y, label) in ys {
            svg.element("text", [("x", SVGWriter.number(frame.left - Self.tickLength - 3)),
                                 ("y", SVGWriter.number(y + Self.tickFont * 0.35))], content: label)
        }
        svg.close("g")

        let labelAttributes: [SVGWriter.Attribute] = [("font-size", SVGWriter.number(Self.labelFont)),
                                                      ("fill", Self.textColor), ("text-anchor", "middle")]
        svg.element("text", [("class", "x-label"), ("x", SVGWriter.number(frame.left + frame.width / 2)),
                             ("y", SVGWriter.number(height - 12))] + labelAttributes, content: plot.xAxis.title)
        let yLabelX = 14 + Self.labelFont * 0.8, yLabelY = frame.top + frame.height / 2
        svg.element("text", [("class", "y-label"),
                             ("transform", "translate(\(SVGWriter.number(yLabelX)),\(SVGWriter.number(yLabelY))) rotate(-90)")]
                    + labelAttributes, content: plot.yAxis.title)
        if !plot.title.isEmpty {
            // Centred on the plot area; smaller (down to 10 pixels) where it would not fit the picture.
            let centre = frame.left + frame.width / 2
            let room = 2 * min(centre, width - centre) - 8
            let size = max(10, min(Self.titleFont, room / (Double(plot.title.count) * (Self.characterWidth + 0.04))))
            svg.element("text", [("class", "title"), ("x", SVGWriter.number(centre)),
                                 ("y", "27"), ("font-size", SVGWriter.number(size)),
                                 ("font-weight", "bold"), ("fill", "#222222"), ("text-anchor", "middle")],
                        content: plot.title)
        }
    }

    /// The top left of a legend box of `width` × `height`: in the corner of the plot area that
    /// hides the fewest points, the top right one when several tie.
    private func legendCorner(width: Double, height: Double, frame: Frame) -> (Double, Double) {
        let inset = 8.0
        let corners = [(frame.right - width - inset, frame.top + inset), (frame.left + inset, frame.top + inset),
                       (frame.right - width - inset, frame.bottom - height - inset),
                       (frame.left + inset, frame.bottom - height - inset)]
        var hidden = [Int](repeating: 0, count: corners.count)
        for series in plot.series {
            for k in 0..<min(series.x.count, series.y.count) {
                let x = frame.px(series.x[k]), y = frame.py(series.y[k])
                for (index, corner) in corners.enumerated()
                where x >= corner.0 && x <= corner.0 + width && y >= corner.1 && y <= corner.1 + height {
                    hidden[index] += 1
                }
            }
        }
        let best = hidden.indices.min { hidden[$0] < hidden[$1] } ?? 0
        return corners[best]
    }

    /// A legend in a corner of the plot area, listing the labelled series.
    private func drawLegend(_ svg: inout SVGWriter, frame: Frame) {
        let entries = plot.series.filter { $0.label != nil }
        guard !entries.isEmpty else { return }
        let rowHeight = 18.0, sample = 22.0, padding = 8.0
        let textWidth = entries.map { Self.textWidth($0.label ?? "", size: Self.legendFont) }.max() ?? 0
        let boxWidth = padding + sample + 6 + textWidth + padding
        let boxHeight = padding * 2 + rowHeight * Double(entries.count) - 4
        let (x0, y0) = legendCorner(width: boxWidth, height: boxHeight, frame: frame)
        svg.open("g", [("class", "legend"), ("font-size", SVGWriter.number(Self.legendFont)), ("fill", Self.textColor)])
        svg.newline()
        svg.element("rect", [("x", SVGWriter.number(x0)), ("y", SVGWriter.number(y0)),
                             ("width", SVGWriter.number(boxWidth)), ("height", SVGWriter.number(boxHeight)),
                             ("rx", "3"), ("fill", "white"), ("fill-opacity", "0.85"), ("stroke", "#cccccc")])
        for (row, series) in entries.enumerated() {
            let y = y0 + padding + rowHeight * Double(row) + rowHeight / 2 - 2
            let sx = x0 + padding
            var mark = PathData()
            var attributes: [SVGWriter.Attribute] = [("fill", "none"), ("stroke", series.color.css)]
            switch series.style {
            case .line(let width):
                mark.move(sx, y)
                mark.line(sx + sample, y)
                attributes.append(("stroke-width", SVGWriter.number(max(width, 1.5))))
            case .dots(let diameter):
                mark.dot(sx + sample / 2, y)
                attributes += [("stroke-width", SVGWriter.number(max(diameter, 5))), ("stroke-linecap", "round")]
            case .segments(_, let width, _):
                mark.move(sx, y)
                mark.line(sx + sample, y)
                attributes += [("stroke-width", SVGWriter.number(max(width, 1.5))), ("stroke-linecap", "round")]
            case .discs:
                mark.dot(sx + sample / 2, y)
                attributes += [("stroke-width", "8"), ("stroke-linecap", "round")]
            case .hexagons:
                mark.hexagon(sx + sample / 2, y, width: 10, height: 11)
                attributes = [("fill", series.color.css)]
            case .lineAndDots(let width, let diameter):
                mark.move(sx, y)
                mark.line(sx + sample, y)
                mark.dot(sx + sample / 2, y)
                attributes += [("stroke-width", SVGWriter.number(max(width, diameter / 2))), ("stroke-linecap", "round")]
            case .bars:
                mark.rectangle(sx + 4, y - 5, sx + sample - 4, y + 5)
                attributes = [("fill", series.color.css)]
            }
            if series.opacity < 1 { attributes.append(("opacity", Self.opacity(series.opacity))) }
            svg.element("path", [("d", mark.text)] + attributes)
            svg.element("text", [("x", SVGWriter.number(sx + sample + 6)), ("y", SVGWriter.number(y + Self.legendFont * 0.35))],
                        content: series.label ?? "")
        }
        svg.close("g")
    }
}
