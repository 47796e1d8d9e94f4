import Foundation

/// A ``ColorBar`` in SVG, right of the plot area.
extension PlotRenderer {
    private static let colorBarGap = 16.0
    private static let colorBarThickness = 14.0

    /// The width a colour bar takes beside a plot area `height` pixels high: the gap, the bar,
    /// its tick labels and its title.
    static func colorBarSpace(_ bar: ColorBar, height: Double) -> Double {
        colorBarGap + colorBarThickness + tickLength + 3 + widestLabel(colorBarTicks(bar, height: height)) + 10
            + labelFont + 6
    }

    private static func colorBarTicks(_ bar: ColorBar, height: Double) -> AxisTicks {
        AxisTicks(range: bar.range, count: tickCount(for: height, spacing: 55))
    }

    /// The bar, filled with a gradient through the map's anchors, with ticks and the title.
    func draw(_ bar: ColorBar, beside frame: Frame, to svg: inout SVGWriter) {
        let left = frame.right + Self.colorBarGap, right = left + Self.colorBarThickness
        let low = bar.range.lowerBound, span = bar.range.upperBound - bar.range.lowerBound
        func py(_ value: Double) -> Double {
            span > 0 ? frame.bottom - (value - low) / span * frame.height : frame.top + frame.height / 2
        }
        let gradient = "\(id)-colormap"
        svg.open("g", [("class", "colorbar")])
        svg.newline()
        svg.open("defs")
        svg.open("linearGradient", [("id", gradient), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
        for stop in bar.map.stops {
            svg.element("stop", [("offset", String(format: "%.3f", stop.offset)), ("stop-color", stop.color.css)])
        }
        svg.close("linearGradient")
        svg.close("defs")
        svg.element("rect", [("x", SVGWriter.number(left)), ("y", SVGWriter.number(frame.top)),
                             ("width", SVGWriter.number(Self.colorBarThickness)),
                             ("height", SVGWriter.number(frame.height)), ("fill", "url(#\(gradient))"),
                             ("stroke", Self.axisColor), ("stroke-width", "0.8")])
        let ticks = Self.colorBarTicks(bar, height: frame.height)
        let shown = zip(ticks.values.map(py), ticks.labels).filter { $0.0 >= frame.top - 0.5 && $0.0 <= frame.bottom + 0.5 }
        var marks = PathData()
        for (y, _) in shown {
            marks.move(right, y)
            marks.line(right + Self.tickLength, y)
        }
        svg.element("path", [("d", marks.text), ("stroke", Self.axisColor), ("stroke-width", "1")])
        svg.open("g", [("class", "colorbar-ticks"), ("font-size", SVGWriter.number(Self.tickFont)),
                       ("fill", Self.textColor)])
        for (y, label) in shown {
            svg.element("text", [("x", SVGWriter.number(right + Self.tickLength + 3)),
                                 ("y", SVGWriter.number(y + Self.tickFont * 0.35))], content: label)
        }
        svg.close("g")
        let titleX = right + Self.tickLength + 3 + Self.widestLabel(ticks) + 10 + Self.labelFont * 0.8
        svg.element("text", [("class", "colorbar-label"), ("font-size", SVGWriter.number(Self.labelFont)),
                             ("fill", Self.textColor), ("text-anchor", "middle"),
                             ("transform", "translate(\(SVGWriter.number(titleX)),"
                              + "\(SVGWriter.number(frame.top + frame.height / 2))) rotate(-90)")],
                    content: bar.title)
        svg.close("g")
    }
}
