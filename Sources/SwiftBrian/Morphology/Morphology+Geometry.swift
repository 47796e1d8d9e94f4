/// The geometry of a section's compartments, as Brian computes it (see ``SectionShape``'s
/// formulas in the documentation of ``Soma``, ``Section`` and ``Cylinder``). Values that depend on
/// the position in the tree (distance, coordinates) take this section's ancestors into account.
extension Morphology {
    /// The membrane area of each compartment.
    public var area: QuantityArray { QuantityArray(values: shape.area, dimension: .area) }
    /// The volume of each compartment.
    public var volume: QuantityArray { QuantityArray(values: shape.volume, dimension: .volume) }
    /// The length of each compartment (a soma's is its diameter).
    public var length: QuantityArray { QuantityArray(values: shape.length, dimension: .length) }
    /// The diameter at the midpoint of each compartment.
    public var diameter: QuantityArray { QuantityArray(values: shape.diameter, dimension: .length) }
    /// The geometric factor of the axial conductance between each compartment's start and its
    /// midpoint (divided by Ri it is a conductance); 1 m for a soma.
    public var rLength1: QuantityArray { QuantityArray(values: shape.rLength1, dimension: .length) }
    /// The geometric factor of the axial conductance between each compartment's midpoint and its
    /// end; 1 m for a soma.
    public var rLength2: QuantityArray { QuantityArray(values: shape.rLength2, dimension: .length) }

    /// The path length from the root to the midpoint of each compartment. A soma adds nothing:
    /// its own distance is that of its parent's last compartment.
    public var distance: QuantityArray {
        QuantityArray(values: shape.distance(after: parentPlacement), dimension: .length)
    }

    /// The path length from the root to the end of this section.
    public var endDistance: Quantity { shape.placement(after: parentPlacement).endDistance * meter }

    /// Whether the section has coordinates (given, read from a file, or generated).
    public var hasCoordinates: Bool { shape.absolutePoints(after: nil) != nil }

    /// The x coordinate of each compartment's midpoint, or nil without coordinates.
    public var x: QuantityArray? { coordinates(\.mid, \.x) }
    /// The y coordinate of each compartment's midpoint, or nil without coordinates.
    public var y: QuantityArray? { coordinates(\.mid, \.y) }
    /// The z coordinate of each compartment's midpoint, or nil without coordinates.
    public var z: QuantityArray? { coordinates(\.mid, \.z) }
    /// The x coordinate of each compartment's start point, or nil without coordinates.
    public var startX: QuantityArray? { coordinates(\.start, \.x) }
    /// The y coordinate of each compartment's start point, or nil without coordinates.
    public var startY: QuantityArray? { coordinates(\.start, \.y) }
    /// The z coordinate of each compartment's start point, or nil without coordinates.
    public var startZ: QuantityArray? { coordinates(\.start, \.z) }
    /// The x coordinate of each compartment's end point, or nil without coordinates.
    public var endX: QuantityArray? { coordinates(\.end, \.x) }
    /// The y coordinate of each compartment's end point, or nil without coordinates.
    public var endY: QuantityArray? { coordinates(\.end, \.y) }
    /// The z coordinate of each compartment's end point, or nil without coordinates.
    public var endZ: QuantityArray? { coordinates(\.end, \.z) }

    /// How the parent ends (nil for the root), from the root down.
    var parentPlacement: SectionPlacement? {
        var ancestors: [Morphology] = []
        var next = parent
        while let section = next {
            ancestors.append(section)
            next = section.parent
        }
        var placement: SectionPlacement?
        for section in ancestors.reversed() { placement = section.shape.placement(after: placement) }
        return placement
    }

    private func coordinates(_ which: KeyPath<CompartmentCoordinates, [Point3]>,
                             _ axis: KeyPath<Point3, Double>) -> QuantityArray? {
        guard let points = shape.absolutePoints(after: parentPlacement) else { return nil }
        return QuantityArray(values: CompartmentCoordinates(points: points)[keyPath: which].map { $0[keyPath: axis] },
                             dimension: .length)
    }
}
