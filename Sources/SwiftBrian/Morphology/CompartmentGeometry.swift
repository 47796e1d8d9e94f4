import Foundation

/// A point in space, in metres.
struct Point3: Equatable, Sendable {
    var x: Double
    var y: Double
    var z: Double

    static func + (lhs: Point3, rhs: Point3) -> Point3 { Point3(x: lhs.x + rhs.x, y: lhs.y + rhs.y, z: lhs.z + rhs.z) }
}

/// The shape of one section and the geometry of its compartments, with Brian 2.9's formulas and
/// order of operations (all values in SI units).
///
/// - A sphere (`Soma`): area π·d², volume π·d³/6, length d, r_length_1 = r_length_2 = 1 m.
/// - A chain of truncated cones (`Section`): compartment k runs from diameter `diameters[k]` to
///   `diameters[k+1]` over `lengths[k]`; area (π/2)(d1 + d2)·sqrt((d1 − d2)²/4 + l²), volume
///   π·l·(d1² + d1·d2 + d2²)/12, diameter (d1 + d2)/2, r_length_1 = (π/2)·d1·dm/l and
///   r_length_2 = (π/2)·dm·d2/l with dm the mid diameter.
/// - A `Cylinder` is a chain of cones of one diameter, with Brian's cylinder formulas: area π·d·l,
///   volume π·(d/2)²·l, r_length_1 = r_length_2 = (π/2)·d²/l.
enum SectionShape: Sendable {
    /// A sphere of `diameter`; `center` is absolute (not relative to the parent).
    case sphere(diameter: Double, center: Point3?)
    /// `diameters` has one value more than `lengths`; `points` (n+1 of them, relative to the end
    /// point of the parent's last compartment) when the section has coordinates.
    case cones(diameters: [Double], lengths: [Double], points: [Point3]?, cylinder: Bool)

    /// The number of compartments.
    var count: Int {
        switch self {
        case .sphere: return 1
        case .cones(_, let lengths, _, _): return lengths.count
        }
    }

    var length: [Double] {
        switch self {
        case .sphere(let d, _): return [d]
        case .cones(_, let lengths, _, _): return lengths
        }
    }

    var area: [Double] {
        switch self {
        case .sphere(let d, _): return [Double.pi * (d * d)]
        case .cones(let ds, let ls, _, true): return ls.indices.map { Double.pi * ds[$0] * ls[$0] }
        case .cones(let ds, let ls, _, false):
            return ls.indices.map { k in
                let d1 = ds[k], d2 = ds[k + 1], l = ls[k]
                return Double.pi / 2 * (d1 + d2) * ((d1 - d2) * (d1 - d2) / 4 + l * l).squareRoot()
            }
        }
    }

    var volume: [Double] {
        switch self {
        case .sphere(let d, _): return [Double.pi * pow(d, 3) / 6]
        case .cones(let ds, let ls, _, true):
            return ls.indices.map { k in
                let r = ds[k] / 2
                return Double.pi * (r * r) * ls[k]
            }
        case .cones(let ds, let ls, _, false):
            return ls.indices.map { k in
                let d1 = ds[k], d2 = ds[k + 1]
                return Double.pi * ls[k] * (d1 * d1 + d1 * d2 + d2 * d2) / 12
            }
        }
    }

    /// The diameter at each compartment's midpoint.
    var diameter: [Double] {
        switch self {
        case .sphere(let d, _): return [d]
        case .cones(let ds, let ls, _, true): return ls.indices.map { ds[$0] }
        case .cones(let ds, let ls, _, false): return ls.indices.map { 0.5 * (ds[$0] + ds[$0 + 1]) }
        }
    }

    /// The conductance factor between each compartment's start and its midpoint.
    var rLength1: [Double] {
        switch self {
        case .sphere: return [1]
        case .cones(let ds, let ls, _, true): return ls.indices.map { Double.pi / 2 * (ds[$0] * ds[$0]) / ls[$0] }
        case .cones(let ds, let ls, _, false):
            return ls.indices.map { k in
                let d1 = ds[k], mid = (ds[k] + ds[k + 1]) * 0.5
                return Double.pi / 2 * (d1 * mid) / ls[k]
            }
        }
    }

    /// The conductance factor between each compartment's midpoint and its end.
    var rLength2: [Double] {
        switch self {
        case .sphere: return [1]
        case .cones(_, _, _, true): return rLength1
        case .cones(let ds, let ls, _, false):
            return ls.indices.map { k in
                let mid = (ds[k] + ds[k + 1]) * 0.5, d2 = ds[k + 1]
                return Double.pi / 2 * (mid * d2) / ls[k]
            }
        }
    }

    /// Compartment lengths between consecutive points (Brian: from the coordinates as given).
    static func lengths(between points: [Point3]) -> [Double] {
        (0..<max(points.count - 1, 0)).map { k in
            let dx = points[k + 1].x - points[k].x, dy = points[k + 1].y - points[k].y
            let dz = points[k + 1].z - points[k].z
            return (dx * dx + dy * dy + dz * dz).squareRoot()
        }
    }
}

/// Where a section ends, as its children see it.
struct SectionPlacement: Sendable {
    /// Path length from the root to the end of the section (a soma adds nothing).
    var endDistance: Double
    /// The distance of the section's last compartment (its midpoint).
    var lastDistance: Double
    /// The absolute end point of the last compartment (a soma's centre), if the section has
    /// coordinates.
    var endPoint: Point3?
}

extension SectionShape {
    /// Path length from the root to each compartment's midpoint, for a section attached to a
    /// parent placed at `parent` (nil for the root).
    func distance(after parent: SectionPlacement?) -> [Double] {
        switch self {
        case .sphere: return [parent?.lastDistance ?? 0]
        case .cones(_, let lengths, _, _):
            let start = parent?.endDistance ?? 0
            var cumulative = 0.0
            return lengths.map { l in
                cumulative += l
                return start + cumulative - 0.5 * l
            }
        }
    }

    /// The absolute points of the section: its n+1 compartment boundaries (one point, the
    /// centre, for a sphere), or nil without coordinates.
    func absolutePoints(after parent: SectionPlacement?) -> [Point3]? {
        switch self {
        case .sphere(_, let center): return center.map { [$0] }
        case .cones(_, _, let points, _):
            guard let points else { return nil }
            guard let origin = parent?.endPoint else { return points }
            return points.map { origin + $0 }
        }
    }

    /// How the section ends, for its children.
    func placement(after parent: SectionPlacement?) -> SectionPlacement {
        let distances = distance(after: parent)
        let last = distances[distances.count - 1]
        let endDistance: Double
        switch self {
        case .sphere: endDistance = parent?.endDistance ?? 0
        case .cones(_, let lengths, _, _): endDistance = last + 0.5 * lengths[lengths.count - 1]
        }
        return SectionPlacement(endDistance: endDistance, lastDistance: last,
                                endPoint: absolutePoints(after: parent)?.last)
    }
}

/// The start, midpoint and end coordinates of each compartment of a section.
struct CompartmentCoordinates: Sendable {
    var start: [Point3]
    var mid: [Point3]
    var end: [Point3]

    init(start: [Point3], mid: [Point3], end: [Point3]) {
        self.start = start
        self.mid = mid
        self.end = end
    }

    /// From the section's absolute points (n+1 boundaries, or one point for a sphere).
    init(points: [Point3]) {
        if points.count == 1 {
            start = points; mid = points; end = points
            return
        }
        start = Array(points.dropLast())
        end = Array(points.dropFirst())
        mid = zip(start, end).map { s, e in
            Point3(x: s.x + 0.5 * (e.x - s.x), y: s.y + 0.5 * (e.y - s.y), z: s.z + 0.5 * (e.z - s.z))
        }
    }
}
