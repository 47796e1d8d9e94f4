/// Points counted in hexagonal bins, as matplotlib's `hexbin` (which brian2tools' `plot_synapses`
/// uses for many synapses): two interleaved lattices of centres, each point in the bin of the
/// nearest centre, so that the bins tile the plane as pointy-topped hexagons.
///
/// The first lattice has its centres at (`x0 + a·width`, `y0 + b·rowStep·2`), the second half a
/// hexagon across and one row up; a hexagon is ``width`` across its flat sides and
/// ``height`` (4/3 of ``rowStep``) from point to point.
struct HexagonalBins {
    /// The horizontal spacing of centres of one lattice: the width of a hexagon.
    let width: Double
    /// The vertical distance between neighbouring rows of hexagons (alternately of each lattice).
    let rowStep: Double
    /// Where the first lattice's centre (0, 0) is.
    let x0: Double, y0: Double

    /// The height of a hexagon, point to point.
    var height: Double { rowStep * 4 / 3 }

    /// Bins over `x` (from its lower bound) with `columns` hexagons across, whose rows are as far
    /// apart as hexagons regular in a picture where one x unit is `aspect` times as long as one
    /// y unit.
    init(x: ClosedRange<Double>, y: ClosedRange<Double>, columns: Int, aspect: Double) {
        width = (x.upperBound - x.lowerBound) / Double(max(columns, 1))
        // A regular hexagon's rows are √3/2 of its width apart.
        rowStep = width * aspect * 3.0.squareRoot() / 2
        x0 = x.lowerBound
        y0 = y.lowerBound
    }

    /// A bin: its lattice (0 or 1) and its place (a, b) on it.
    struct Bin: Hashable {
        let lattice: Int, a: Int, b: Int
    }

    /// The bin of the point (x, y): the one whose centre is nearest, distances measured in
    /// hexagon-shaped units (a hexagon's vertical extent counting as much as its width).
    func bin(_ x: Double, _ y: Double) -> Bin {
        let u = (x - x0) / width, v = (y - y0) / (2 * rowStep)
        let a1 = u.rounded(), b1 = v.rounded()
        let a2 = (u - 0.5).rounded(), b2 = (v - 0.5).rounded()
        let d1 = (u - a1) * (u - a1) + 3 * (v - b1) * (v - b1)
        let d2 = (u - a2 - 0.5) * (u - a2 - 0.5) + 3 * (v - b2 - 0.5) * (v - b2 - 0.5)
        return d1 <= d2 ? Bin(lattice: 0, a: Int(a1), b: Int(b1)) : Bin(lattice: 1, a: Int(a2), b: Int(b2))
    }

    /// The centre of `bin`.
    func centre(_ bin: Bin) -> (x: Double, y: Double) {
        let shift = Double(bin.lattice) / 2
        return (x0 + (Double(bin.a) + shift) * width, y0 + (Double(bin.b) + shift) * 2 * rowStep)
    }
}
