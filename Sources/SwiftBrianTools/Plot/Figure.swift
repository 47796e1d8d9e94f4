/// A figure of several ``Plot`` panels on a grid, under one title: a raster above the
/// population rate sharing its time axis, the four states of a network side by side, or small
/// multiples of one quantity.
///
/// Panels are placed row by row, `columns` to a row; each row is as high as its share of
/// ``rowHeights``. The plot areas of a column line up, and with ``sharesXAxis`` the panels of a
/// column show one horizontal range (the union of the ranges they set), titled once, under the
/// lowest panel.
///
///     let figure = Figure(title: "CUBA", panels: [try Plot.of(spikes), try Plot.of(rates)],
///                         rowHeights: [2, 1], sharesXAxis: true)
///     try figure.writeSVG(to: "cuba.svg")
public struct Figure: Picture {
    /// The title above all panels; empty for none.
    public var title: String
    /// The panels, row by row, each row from the left.
    public var panels: [Plot]
    /// The number of panels in a row (at least 1).
    public var columns: Int
    /// The relative height of each row; rows beyond the list (and heights that are not positive)
    /// count 1.
    public var rowHeights: [Double]
    /// Whether the panels of a column share their horizontal axis (a time axis).
    public var sharesXAxis: Bool
    /// The width of the picture in pixels.
    public var width: Double
    /// The height of the picture in pixels.
    public var height: Double

    /// The height in pixels of a row of relative height 1 when no height is given.
    public static let defaultRowHeight = 230.0

    /// A figure of `panels`, `columns` to a row, rows as high as `rowHeights` say, `width` pixels
    /// wide (by default 360 per column, at least 720) and `height` high (by default
    /// ``defaultRowHeight`` per unit of row height, and room for the title).
    public init(title: String = "", panels: [Plot], columns: Int = 1, rowHeights: [Double] = [],
                sharesXAxis: Bool = false, width: Double? = nil, height: Double? = nil) {
        self.title = title
        self.panels = panels
        self.columns = max(1, columns)
        self.rowHeights = rowHeights
        self.sharesXAxis = sharesXAxis
        let columnCount = max(1, min(self.columns, panels.count))
        let rows = (panels.count + columnCount - 1) / columnCount
        let weights = Self.weights(rowHeights, rows: rows)
        self.width = width ?? max(Plot.defaultSize.width, 360 * Double(columnCount))
        self.height = height ?? (Self.titleSpace(title) + Self.defaultRowHeight * weights.reduce(0, +))
    }

    /// A figure of `plot` alone, of its size.
    public init(_ plot: Plot) {
        self.init(panels: [plot], width: plot.width, height: plot.height)
    }

    /// The relative heights of `rows` rows: `heights`, with 1 for missing or non-positive ones.
    private static func weights(_ heights: [Double], rows: Int) -> [Double] {
        (0..<rows).map { $0 < heights.count && heights[$0] > 0 && heights[$0].isFinite ? heights[$0] : 1 }
    }

    /// The space above the panels for `title`.
    private static func titleSpace(_ title: String) -> Double {
        title.isEmpty ? 0 : 36
    }

    /// The panels as they are drawn: each sized to its cell, and with a shared horizontal axis,
    /// the common range on every panel of a column and its title only on the lowest.
    func laidOutPanels() -> [Plot] {
        let columnCount = max(1, min(columns, panels.count))
        let rows = (panels.count + columnCount - 1) / columnCount
        let weights = Self.weights(rowHeights, rows: rows)
        let available = max(height - Self.titleSpace(title), 120 * Double(rows))
        let total = weights.reduce(0, +)
        var laid = panels
        for k in laid.indices {
            laid[k].width = width / Double(columnCount)
            laid[k].height = available * weights[k / columnCount] / total
        }
        guard sharesXAxis else { return laid }
        for column in 0..<columnCount {
            let members = Array(stride(from: column, to: laid.count, by: columnCount))
            let ranges = members.compactMap { laid[$0].xAxis.range }
            if let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() {
                for k in members { laid[k].xAxis.range = low...high }
            }
            for k in members.dropLast() {
                laid[k].xAxis.label = ""
                laid[k].xAxis.unit = nil
            }
        }
        return laid
    }

    /// The figure as an `<svg>` element holding one `<svg>` per panel; a figure of one untitled
    /// panel is that panel's own picture.
    public func svg(id: String) -> String {
        if panels.count == 1, title.isEmpty { return panels[0].svg(id: id) }
        let columnCount = max(1, min(columns, panels.count))
        let laid = laidOutPanels()
        var lefts = [Double](repeating: 0, count: columnCount)
        for (k, panel) in laid.enumerated() {
            lefts[k % columnCount] = max(lefts[k % columnCount], PlotRenderer(plot: panel, id: "").naturalLeft)
        }
        var svg = PlotRenderer.document(width: width, height: height, title: title)
        svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])
        if !title.isEmpty {
            // 17 pixels, smaller (down to 11) where a long title would not fit the width.
            let size = max(11, min(17, (width - 24) / (Double(title.count) * 0.62)))
            svg.element("text", [("class", "figure-title"), ("x", SVGWriter.number(width / 2)), ("y", "26"),
                                 ("font-size", SVGWriter.number(size)), ("font-weight", "bold"), ("fill", "#222222"),
                                 ("text-anchor", "middle")], content: title)
        }
        var y = Self.titleSpace(title)
        for (k, panel) in laid.enumerated() {
            let x = Double(k % columnCount) * width / Double(columnCount)
            var renderer = PlotRenderer(plot: panel, id: "\(id)-panel\(k)")
            renderer.minimumLeft = lefts[k % columnCount]
            svg.open("g", [("class", "panel"), ("transform", "translate(\(SVGWriter.number(x)),\(SVGWriter.number(y)))")])
            svg.raw(renderer.render())
            svg.close("g")
            if k % columnCount == columnCount - 1 || k == laid.count - 1 { y += panel.height }
        }
        svg.close("svg")
        return svg.text
    }
}

extension Figure {
    /// A figure of columns of panels (each column top to bottom, such as a raster above a
    /// rate), side by side; a column shorter than the others ends in empty frames.
    public static func columns(_ columns: [[Plot]], title: String = "", rowHeights: [Double] = [],
                               sharesXAxis: Bool = true, width: Double? = nil, height: Double? = nil) -> Figure {
        let rows = columns.map(\.count).max() ?? 0
        var panels: [Plot] = []
        for row in 0..<rows {
            for column in columns {
                panels.append(row < column.count ? column[row] : Plot(xAxis: PlotAxis("", showsTicks: false),
                                                                     yAxis: PlotAxis("", showsTicks: false)))
            }
        }
        return Figure(title: title, panels: panels, columns: max(columns.count, 1), rowHeights: rowHeights,
                      sharesXAxis: sharesXAxis, width: width, height: height)
    }
}
