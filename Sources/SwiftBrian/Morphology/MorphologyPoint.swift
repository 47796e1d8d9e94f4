/// One point of a reconstructed morphology, as a line of an SWC file but with a type name and a
/// diameter (Brian's 7-tuple for `Morphology.from_points`). Coordinates and diameter are in µm.
public struct MorphologyPoint: Hashable, Sendable {
    /// The point's label (SWC files count from 1).
    public var index: Int
    /// The type name (`"soma"`, `"axon"`, `"dend"`, `"apic"`), or nil for a point of no named type.
    public var type: String?
    /// The x coordinate, in µm.
    public var x: Double
    /// The y coordinate, in µm.
    public var y: Double
    /// The z coordinate, in µm.
    public var z: Double
    /// The diameter at the point, in µm.
    public var diameter: Double
    /// The index of the parent point, or -1 for the root (which must come first).
    public var parent: Int

    /// A point with the given values (coordinates and diameter in µm).
    public init(index: Int, type: String?, x: Double, y: Double, z: Double, diameter: Double, parent: Int) {
        self.index = index
        self.type = type
        self.x = x
        self.y = y
        self.z = z
        self.diameter = diameter
        self.parent = parent
    }
}
