/// An unbranched section of `n` compartments, each a truncated cone (Brian's `Section`).
///
/// The diameters are `n + 1` values: the start of the first compartment, then the end of each.
/// The geometry of a compartment with diameters d1, d2 and length l is Brian's: area
/// (π/2)(d1 + d2)·sqrt((d1 − d2)²/4 + l²) (no end disks), volume π·l·(d1² + d1·d2 + d2²)/12,
/// midpoint diameter (d1 + d2)/2.
///
/// Coordinates (`x`, `y`, `z`: the `n + 1` boundary points) are relative to the end point of the
/// parent's last compartment (a soma's centre); the compartment lengths follow from them.
public class Section: Morphology {
    /// A section of compartments with the given `lengths` (`n` values) and `diameters`
    /// (`n + 1` values). `n` defaults to the number of lengths.
    ///
    /// - Throws: ``ModelError`` when a value is not a length, a diameter or length is not
    ///   positive, or the counts do not fit `n`.
    public init(diameters: QuantityArray, lengths: QuantityArray, n: Int? = nil, type: String? = nil) throws {
        let n = try MorphologyArguments.compartments(n, implied: lengths.values.count, by: "the lengths")
        let ds = try MorphologyArguments.lengths(diameters, "diameters of the Section", count: n + 1)
        let ls = try MorphologyArguments.lengths(lengths, "lengths of the Section", count: n)
        super.init(shape: .cones(diameters: ds, lengths: ls, points: nil, cylinder: false), type: type)
    }

    /// A section through the `n + 1` points given by `x`, `y` and `z` (relative to the end of
    /// the parent; at least one axis, a missing one is 0), with `diameters` at those points.
    /// `n` defaults to one less than the number of points.
    ///
    /// - Throws: ``ModelError`` when a value is not a length, a diameter is not positive, two
    ///   consecutive points coincide, or the counts do not fit `n`.
    public init(diameters: QuantityArray, x: QuantityArray? = nil, y: QuantityArray? = nil, z: QuantityArray? = nil,
                n: Int? = nil, type: String? = nil) throws {
        try MorphologyArguments.requireCoordinates(x: x, y: y, z: z, owner: "Section")
        let given = [x, y, z].compactMap { $0 }.first.map { $0.values.count - 1 }
        let n = try MorphologyArguments.compartments(n, implied: given, by: "the coordinates")
        let ds = try MorphologyArguments.lengths(diameters, "diameters of the Section", count: n + 1)
        let points = try MorphologyArguments.points(x: x, y: y, z: z, count: n + 1, owner: "Section")
        let ls = try MorphologyArguments.lengths(between: points, owner: "Section")
        super.init(shape: .cones(diameters: ds, lengths: ls, points: points, cylinder: false), type: type)
    }

    override init(shape: SectionShape, type: String?) {
        super.init(shape: shape, type: type)
    }

    /// The diameter at the start of each compartment.
    public var startDiameter: QuantityArray { QuantityArray(values: Array(boundaryDiameters.dropLast()), dimension: .length) }

    /// The diameter at the end of each compartment.
    public var endDiameter: QuantityArray { QuantityArray(values: Array(boundaryDiameters.dropFirst()), dimension: .length) }

    private var boundaryDiameters: [Double] {
        if case .cones(let diameters, _, _, _) = shape { return diameters }
        return []
    }
}
