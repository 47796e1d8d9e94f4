import Foundation

extension Morphology {
    /// A copy of this tree in which every section without coordinates gets coordinates, as Brian's
    /// `generate_coordinates()` places them (without randomness), for plotting; the electrical
    /// geometry stays the same up to rounding.
    ///
    /// Brian's rules: a soma without coordinates sits at the origin (the root) or at its
    /// parent's direction vector; the children of a soma (or of a root section) spread in the
    /// x–y plane, child k of m at the angle 90° + k·360°/m from the x axis, starting on the
    /// sphere's surface; any other child turns from its parent's direction (the parent's first
    /// start point to its last end point) by −90° + (k+1)·180°/(m+1), in the x–y plane when the
    /// parent lies in it. A cylinder stays a cylinder, a section keeps its diameters.
    ///
    /// With `overwriteExisting`, sections that have coordinates get new ones as well.
    /// Differences from Brian 2.9, where Brian fails: a root section that is no soma and has no
    /// coordinates is placed like the single child of a soma (Brian divides by zero), and a
    /// cylinder with coordinates is copied (Brian's copy raises a unit error).
    public func generatingCoordinates(overwriteExisting: Bool = false) -> Morphology {
        typealias Pending = (original: Morphology, parent: Morphology?, placement: SectionPlacement?,
                             span: (start: Point3, end: Point3)?, nth: Int, siblings: Int)
        var root: Morphology?
        var pending: [Pending] = [(self, nil, nil, nil, 0, 1)]
        while let (original, parent, parentPlacement, parentSpan, nth, siblings) = pending.popLast() {
            var direction = Point3(x: 0, y: 0, z: 0)
            if let parentSpan {
                let d = Point3(x: parentSpan.end.x - parentSpan.start.x, y: parentSpan.end.y - parentSpan.start.y,
                               z: parentSpan.end.z - parentSpan.start.z)
                let norm = d.norm
                if norm != 0 { direction = d.divided(by: norm) }
            }
            let section: Morphology
            if !overwriteExisting && original.hasCoordinates {
                section = original.copySection()
            } else if case .sphere(let diameter, _) = original.shape {
                section = Soma(shape: .sphere(diameter: diameter, center: direction), type: original.type)
            } else {
                section = original.placed(along: direction, nth: nth, siblings: siblings, after: parent)
            }
            if let parent {
                parent.add(section, name: original.parent?.name(of: original))
            } else {
                root = section
            }
            let placement = section.shape.placement(after: parentPlacement)
            let points = section.shape.absolutePoints(after: parentPlacement)
            let span = points.map { (start: $0[0], end: $0[$0.count - 1]) }
            let children = original.children
            for (k, child) in children.enumerated().reversed() {
                pending.append((child, section, placement, span, k, children.count))
            }
        }
        return root ?? copyTree()
    }

    /// A new section of this one's shape, laid out along a direction that Brian derives from
    /// the parent's `direction`, the child's position `nth` among `siblings`, and starting on
    /// the surface of a parent soma.
    private func placed(along direction: Point3, nth: Int, siblings: Int, after parent: Morphology?) -> Morphology {
        var direction = direction
        if direction.squaredNorm == 0 {
            let increment = 2 * Double.pi / Double(max(siblings, 1))
            direction = Point3(x: 1, y: 0, z: 0).rotated(around: Point3(x: 0, y: 0, z: 1),
                                                         by: Double.pi / 2 + increment * Double(nth))
        } else {
            let axis = direction.z == 0 ? Point3(x: 0, y: 0, z: 1) : Point3(x: -direction.y, y: direction.z, z: 0)
            let increment = Double.pi / Double(siblings + 1)
            direction = direction.rotated(around: axis, by: -Double.pi / 2 + increment * Double(nth + 1))
        }
        direction = direction.divided(by: direction.norm)
        var origin = Point3(x: 0, y: 0, z: 0)
        if let parent, case .sphere(let diameter, _) = parent.shape {
            origin = Point3(x: diameter / 2 * direction.x, y: diameter / 2 * direction.y, z: diameter / 2 * direction.z)
        }
        var points = [origin]
        for l in shape.length {
            let step = direction.divided(by: direction.norm)
            let last = points[points.count - 1]
            points.append(Point3(x: last.x + l * step.x, y: last.y + l * step.y, z: last.z + l * step.z))
        }
        guard case .cones(let diameters, _, _, let cylinder) = shape else { return copySection() }
        if cylinder {
            let ends = Cylinder.evenlySpaced(from: points[0], to: points[points.count - 1], count: n + 1)
            return Cylinder(shape: .cones(diameters: diameters, lengths: SectionShape.lengths(between: ends),
                                          points: ends, cylinder: true), type: type)
        }
        return Section(shape: .cones(diameters: diameters, lengths: SectionShape.lengths(between: points),
                                     points: points, cylinder: false), type: type)
    }
}

extension Point3 {
    /// The sum of the squared components.
    var squaredNorm: Double { x * x + y * y + z * z }
    /// The Euclidean length.
    var norm: Double { squaredNorm.squareRoot() }

    /// Each component divided by `divisor`.
    func divided(by divisor: Double) -> Point3 {
        Point3(x: x / divisor, y: y / divisor, z: z / divisor)
    }

    /// Brian's `_rotate`: v·cos a − (axis × v)·sin a + axis·(axis·v)·(1 − cos a).
    func rotated(around axis: Point3, by angle: Double) -> Point3 {
        let c = cos(angle), s = sin(angle)
        let cross = Point3(x: axis.y * z - axis.z * y, y: axis.z * x - axis.x * z, z: axis.x * y - axis.y * x)
        let dot = axis.x * x + axis.y * y + axis.z * z
        return Point3(x: x * c - cross.x * s + axis.x * dot * (1 - c),
                      y: y * c - cross.y * s + axis.y * dot * (1 - c),
                      z: z * c - cross.z * s + axis.z * dot * (1 - c))
    }
}
