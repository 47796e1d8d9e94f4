/// Cells of colour on a grid, drawn under a ``Plot``'s series: column `c` spans
/// `xEdges[c] ... xEdges[c + 1]` and row `r` spans `yEdges[r] ... yEdges[r + 1]` (in the axes'
/// units), its colour `colors[r * columns + c]`; a cell without colour is left blank.
///
/// Adjacent cells of one colour in a row are drawn as one rectangle, all rectangles of a colour
/// as one SVG path, and evenly spaced boundaries in cell units (short whole numbers), so a smooth
/// picture stays small.
public struct HeatMap: Sendable {
    /// The column boundaries, ascending: one more than the columns.
    public var xEdges: [Double]
    /// The row boundaries, ascending (row 0 at the bottom): one more than the rows.
    public var yEdges: [Double]
    /// The colour of each cell, row by row from the bottom, each row from the left; nil (or
    /// missing) for a blank cell.
    public var colors: [PlotColor?]

    /// A heat map of the cells between `xEdges` and `yEdges`, coloured `colors`.
    public init(xEdges: [Double], yEdges: [Double], colors: [PlotColor?]) {
        self.xEdges = xEdges
        self.yEdges = yEdges
        self.colors = colors
    }

    /// The number of columns.
    public var columns: Int { max(0, xEdges.count - 1) }
    /// The number of rows.
    public var rows: Int { max(0, yEdges.count - 1) }

    /// The colour of the cell in `row` and `column`, nil when blank or not given.
    func color(row: Int, column: Int) -> PlotColor? {
        let index = row * columns + column
        return index < colors.count ? colors[index] : nil
    }
}
