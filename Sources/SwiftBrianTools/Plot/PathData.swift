/// The `d` attribute of an SVG path, built from points in pixels.
struct PathData {
    /// The path text.
    private(set) var text = ""
    /// The number of subpaths started (``move(_:_:)`` and ``dot(_:_:)`` calls).
    private(set) var subpathCount = 0

    init(capacity: Int = 0) {
        text.reserveCapacity(capacity)
    }

    /// Starts a subpath at (x, y).
    mutating func move(_ x: Double, _ y: Double) {
        text += "M\(SVGWriter.number(x)) \(SVGWriter.number(y))"
        subpathCount += 1
    }

    /// A straight line to (x, y).
    mutating func line(_ x: Double, _ y: Double) {
        text += "L\(SVGWriter.number(x)) \(SVGWriter.number(y))"
    }

    /// A dot at (x, y): a zero-length subpath, which a stroke with round caps draws as a disc
    /// of the stroke's width.
    mutating func dot(_ x: Double, _ y: Double) {
        move(x, y)
        text += "h0"
    }

    /// A closed pointy-topped hexagon centred on (x, y), `width` across its flat sides and
    /// `height` from point to point.
    mutating func hexagon(_ x: Double, _ y: Double, width: Double, height: Double) {
        move(x, y - height / 2)
        for (dx, dy) in [(0.5, -0.25), (0.5, 0.25), (0, 0.5), (-0.5, 0.25), (-0.5, -0.25)] {
            line(x + dx * width, y + dy * height)
        }
        text += "Z"
    }

    /// A closed rectangle from (x0, y0) to (x1, y1).
    mutating func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        move(x0, y0)
        text += "H\(SVGWriter.number(x1))V\(SVGWriter.number(y1))H\(SVGWriter.number(x0))Z"
    }
}
