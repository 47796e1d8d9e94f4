/// A spherical, isopotential soma: one compartment (Brian's `Soma`).
///
/// Its area is that of the sphere, π·d², its volume π·d³/6 and its "length" the diameter.
/// Sections attached to it are joined at its centre through r_length_1 = r_length_2 = 1 m, and
/// it adds nothing to the distance of what is attached to it.
public final class Soma: Morphology {
    /// A soma of `diameter`, optionally at (`x`, `y`, `z`) (absolute coordinates; a coordinate
    /// not given is 0 once one of them is given). `type` defaults to `"soma"`.
    ///
    /// - Throws: ``ModelError`` when the diameter is not a positive length or a coordinate is
    ///   not a finite length.
    public init(diameter: Quantity, x: Quantity? = nil, y: Quantity? = nil, z: Quantity? = nil,
                type: String? = "soma") throws {
        let d = try MorphologyArguments.length(diameter, "diameter of the Soma")
        var center: Point3?
        if x != nil || y != nil || z != nil {
            func coordinate(_ value: Quantity?, _ name: String) throws -> Double {
                guard let value else { return 0 }
                return try MorphologyArguments.length(value, "\(name) coordinate of the Soma", positive: false)
            }
            center = Point3(x: try coordinate(x, "x"), y: try coordinate(y, "y"), z: try coordinate(z, "z"))
        }
        super.init(shape: .sphere(diameter: d, center: center), type: type)
    }

    override init(shape: SectionShape, type: String?) {
        super.init(shape: shape, type: type)
    }
}
