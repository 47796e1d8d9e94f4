/// A section of `n` compartments of one diameter (Brian's `Cylinder`).
///
/// Its compartments have Brian's cylinder geometry: area π·d·l (no end disks), volume π·(d/2)²·l,
/// r_length_1 = r_length_2 = (π/2)·d²/l.
public final class Cylinder: Section {
    /// A cylinder of `diameter` and total `length`, split into `n` equal compartments.
    ///
    /// - Throws: ``ModelError`` when the diameter or length is not a positive length, or `n`
    ///   is less than 1.
    public init(diameter: Quantity, length: Quantity, n: Int = 1, type: String? = nil) throws {
        let n = try MorphologyArguments.compartments(n)
        let d = try MorphologyArguments.length(diameter, "diameter of the Cylinder")
        let l = try MorphologyArguments.length(length, "length of the Cylinder")
        super.init(shape: .cones(diameters: Array(repeating: d, count: n + 1),
                                 lengths: Array(repeating: l / Double(n), count: n), points: nil, cylinder: true),
                   type: type)
    }

    /// A cylinder from a start to an end point, each axis given as two values (start, end;
    /// relative to the end of the parent; at least one axis, a missing one is 0), split into
    /// `n` equal compartments.
    ///
    /// - Throws: ``ModelError`` when a value is not a length, the diameter is not positive,
    ///   an axis does not have two values, the points coincide, or `n` is less than 1.
    public init(diameter: Quantity, n: Int = 1, x: QuantityArray? = nil, y: QuantityArray? = nil,
                z: QuantityArray? = nil, type: String? = nil) throws {
        let n = try MorphologyArguments.compartments(n)
        let d = try MorphologyArguments.length(diameter, "diameter of the Cylinder")
        let ends = try MorphologyArguments.points(x: x, y: y, z: z, count: 2, owner: "Cylinder")
        let points = Cylinder.evenlySpaced(from: ends[0], to: ends[1], count: n + 1)
        let ls = try MorphologyArguments.lengths(between: points, owner: "Cylinder")
        super.init(shape: .cones(diameters: Array(repeating: d, count: n + 1), lengths: ls, points: points, cylinder: true),
                   type: type)
    }

    override init(shape: SectionShape, type: String?) {
        super.init(shape: shape, type: type)
    }

    /// `count` points from `start` to `end`, axis by axis as NumPy's `linspace`.
    static func evenlySpaced(from start: Point3, to end: Point3, count: Int) -> [Point3] {
        func linspace(_ a: Double, _ b: Double) -> [Double] {
            let step = (b - a) / Double(count - 1)
            return (0..<count).map { $0 == count - 1 ? b : Double($0) * step + a }
        }
        let xs = linspace(start.x, end.x), ys = linspace(start.y, end.y), zs = linspace(start.z, end.z)
        return (0..<count).map { Point3(x: xs[$0], y: ys[$0], z: zs[$0]) }
    }
}
