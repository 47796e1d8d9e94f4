/// Points too many to draw one by one (a raster of a long run has millions), counted per cell of
/// ``cellSize`` × ``cellSize`` pixels of the plot area and drawn as cells shaded by their count:
/// the picture dots would give, in a size that depends on the plot's pixels, not on the number
/// of points.
///
/// Shades come in ``levels`` steps of opacity, in proportion to the count up to the 99th
/// percentile of the counts of occupied cells (a few crowded cells do not wash out the rest), a
/// lone point getting the lightest; each shade is one SVG path of rectangles, adjacent cells of
/// a row merged.
struct PointDensity {
    /// The side of a cell, in pixels.
    static let cellSize = 2.0
    /// The number of shades.
    static let levels = 8

    /// The number of cell columns and rows.
    let columns: Int, rows: Int
    /// The number of points in each cell, row by row from the top left.
    private(set) var counts: [Int]

    /// Whether `points` points in a plot area of `width` × `height` pixels are better drawn as a
    /// density: when there are more of them than cells.
    static func isCrowded(points: Int, width: Double, height: Double) -> Bool {
        Double(points) > (width / cellSize).rounded(.up) * (height / cellSize).rounded(.up)
    }

    /// The counts of the points (`xs[k]`, `ys[k]`) in pixels, in an area of `width` × `height`
    /// pixels from (`left`, `top`); points outside it or not finite are left out.
    init(xs: [Double], ys: [Double], left: Double, top: Double, width: Double, height: Double) {
        columns = max(1, Int((width / Self.cellSize).rounded(.up)))
        rows = max(1, Int((height / Self.cellSize).rounded(.up)))
        counts = [Int](repeating: 0, count: columns * rows)
        for k in 0..<min(xs.count, ys.count) {
            let column = (xs[k] - left) / Self.cellSize, row = (ys[k] - top) / Self.cellSize
            guard column >= 0, row >= 0, column < Double(columns), row < Double(rows) else { continue }
            counts[Int(row) * columns + Int(column)] += 1
        }
    }

    /// The shade (0 for an empty cell, 1...``levels``) of each cell.
    func shades() -> [Int] {
        let occupied = counts.filter { $0 > 0 }.sorted()
        guard !occupied.isEmpty else { return counts }
        let full = Double(occupied[Int(Double(occupied.count - 1) * 0.99)])
        return counts.map { count in
            guard count > 0 else { return 0 }
            let shade = Int((Double(Self.levels) * Double(count) / full).rounded(.up))
            return min(Self.levels, max(1, shade))
        }
    }

    /// For each shade 1...``levels``, the path of its cells, in cell units (a cell is 1 × 1, the
    /// top left one at the origin): rectangles `Mx yhWv1h-Wz`, one per run of cells of the shade
    /// in a row. Empty for shades no cell has.
    func paths() -> [String] {
        let shades = shades()
        var paths = [String](repeating: "", count: Self.levels)
        for row in 0..<rows {
            var column = 0
            while column < columns {
                let shade = shades[row * columns + column]
                var end = column + 1
                while end < columns, shades[row * columns + end] == shade { end += 1 }
                if shade > 0 {
                    let width = end - column
                    paths[shade - 1] += "M\(column) \(row)h\(width)v1h-\(width)z"
                }
                column = end
            }
        }
        return paths
    }
}
