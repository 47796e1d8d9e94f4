import Foundation

/// A ``HeatMap`` in SVG.
extension PlotRenderer {
    /// Where the boundaries of one axis of a heat map are drawn: in cells (0, 1, 2, ...) scaled
    /// by the width of a cell when they are evenly spaced (short numbers, a small picture), else
    /// in pixels from the first boundary.
    private struct CellAxis {
        /// The pixel of the first boundary.
        let origin: Double
        /// Pixels per unit of ``positions``.
        let scale: Double
        /// The position of each boundary, from the first.
        let positions: [Double]

        init(edges: [Double], pixel: (Double) -> Double) {
            let origin = edges.first.map(pixel) ?? 0
            self.origin = origin
            let span = (edges.last ?? 0) - (edges.first ?? 0)
            let step = span / Double(max(edges.count - 1, 1))
            let even = edges.count > 1 && edges.indices.allSatisfy { k in
                abs(edges[k] - (edges[0] + Double(k) * step)) <= 1e-9 * abs(span)
            }
            if even {
                scale = (pixel(edges[edges.count - 1]) - origin) / Double(edges.count - 1)
                positions = edges.indices.map(Double.init)
            } else {
                scale = 1
                positions = edges.map { pixel($0) - origin }
            }
        }
    }

    /// The cells of `heatMap`: a group holding one path per colour, a rectangle for each run of
    /// cells of that colour in a row.
    func draw(_ heatMap: HeatMap, in frame: Frame, to svg: inout SVGWriter) {
        let columns = heatMap.columns, rows = heatMap.rows
        let xs = CellAxis(edges: heatMap.xEdges, pixel: frame.px), ys = CellAxis(edges: heatMap.yEdges, pixel: frame.py)
        var paths: [PlotColor: PathData] = [:]
        var order: [PlotColor] = []
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let color = heatMap.color(row: row, column: column)
                var end = column + 1
                while end < columns, heatMap.color(row: row, column: end) == color { end += 1 }
                if let color {
                    if paths[color] == nil { order.append(color) }
                    paths[color, default: PathData()].rectangle(xs.positions[column], ys.positions[row + 1],
                                                                xs.positions[end], ys.positions[row])
                }
                column = end
            }
        }
        svg.open("g", [("class", "heatmap"), ("shape-rendering", "crispEdges"), ("data-columns", String(columns)),
                       ("data-rows", String(rows)),
                       ("transform", "translate(\(SVGWriter.number(xs.origin)),\(SVGWriter.number(ys.origin))) "
                        + "scale(\(String(format: "%.6g", xs.scale)),\(String(format: "%.6g", ys.scale)))")])
        svg.newline()
        for color in order {
            svg.element("path", [("d", paths[color]?.text ?? ""), ("fill", color.css)])
        }
        svg.close("g")
    }
}
