/// A ``HeatMap`` in SVG.
extension PlotRenderer {
    /// The cells of `heatMap`: a group holding one path per colour, a rectangle for each run of
    /// cells of that colour in a row.
    func draw(_ heatMap: HeatMap, in frame: Frame, to svg: inout SVGWriter) {
        let columns = heatMap.columns, rows = heatMap.rows
        var paths: [PlotColor: PathData] = [:]
        var order: [PlotColor] = []
        for row in 0..<rows {
            let bottom = frame.py(heatMap.yEdges[row]), top = frame.py(heatMap.yEdges[row + 1])
            var column = 0
            while column < columns {
                let color = heatMap.color(row: row, column: column)
                var end = column + 1
                while end < columns, heatMap.color(row: row, column: end) == color { end += 1 }
                if let color {
                    if paths[color] == nil { order.append(color) }
                    paths[color, default: PathData()].rectangle(frame.px(heatMap.xEdges[column]), top,
                                                                frame.px(heatMap.xEdges[end]), bottom)
                }
                column = end
            }
        }
        svg.open("g", [("class", "heatmap"), ("shape-rendering", "crispEdges"), ("data-columns", String(columns)),
                       ("data-rows", String(rows))])
        svg.newline()
        for color in order {
            svg.element("path", [("d", paths[color]?.text ?? ""), ("fill", color.css)])
        }
        svg.close("g")
    }
}
