extension Morphology {
    /// A morphology from reconstructed points, with Brian's rules (`Morphology.from_points`):
    ///
    /// - The first point is the root (parent -1); every other point's parent comes before it.
    /// - With `sphericalSoma`, a run of one soma point becomes a ``Soma`` at that point; a root
    ///   soma point with exactly two soma children that have no children of their own (the
    ///   NeuroMorpho "3-point soma") is merged into one soma, which needs equal diameters and the
    ///   two points one radius (±0.1 µm) from the first.
    /// - Every unbranched run of points of one type becomes one ``Section`` with one compartment
    ///   per point. It starts at the parent's point (a soma's centre), with the parent's diameter,
    ///   or its own first diameter when the parent is a soma. A root section starts at its first
    ///   point and has one compartment less than points.
    /// - Sections are attached under their type name (`dend`, then `dend2`, `dend3`, ... for
    ///   siblings of one type) and also as `L`/`R` (one or two children) or `1`, `2`, ... (more).
    ///
    /// - Throws: ``ModelError`` for an empty list, a repeated index, a point that is its own
    ///   parent or is part of a cycle of parents, a parent that is missing or listed after its
    ///   child, a second root, a diameter that is not positive, a value that is not finite, two
    ///   consecutive points at the same place, or a 3-point soma that does not fit.
    public static func fromPoints(_ points: [MorphologyPoint], sphericalSoma: Bool = true) throws -> Morphology {
        try PointTree(points: points, where: { "point \($0 + 1) (index \(points[$0].index))" }).morphology(sphericalSoma: sphericalSoma)
    }
}

/// The points of a reconstruction as a tree, and its conversion into sections.
struct PointTree {
    let points: [MorphologyPoint]
    /// Describes point k for messages (`"line 12"`, `"point 3 (index 7)"`).
    let place: (Int) -> String
    /// The source location of point k, for a caret under it (SWC files).
    let location: (Int) -> (SourceText, SourceSpan)?
    /// For each point, the position of its parent point (nil for the root).
    private(set) var parent: [Int?] = []
    /// For each point, the positions of its children in file order.
    private(set) var children: [[Int]] = []

    init(points: [MorphologyPoint], where place: @escaping (Int) -> String,
         location: @escaping (Int) -> (SourceText, SourceSpan)? = { _ in nil }) throws {
        self.points = points
        self.place = place
        self.location = location
        guard !points.isEmpty else { throw ModelError(.invalidArgument, "A morphology needs at least one point") }
        var positions: [Int: Int] = [:]
        for (k, point) in points.enumerated() where positions[point.index] == nil { positions[point.index] = k }
        parent = Array(repeating: nil, count: points.count)
        children = Array(repeating: [], count: points.count)
        for (k, point) in points.enumerated() {
            try check(point, at: k)
            if positions[point.index] != k {
                throw error(at: k, "repeats the index \(point.index) of \(place(positions[point.index] ?? 0))")
            }
            if k == 0 {
                guard point.parent == -1 else {
                    throw error(at: k, "is the first point and must be the root (parent -1), but its parent is \(point.parent)")
                }
                continue
            }
            if point.parent == -1 { throw error(at: k, "is a second root (parent -1); only the first point may be one") }
            if point.parent == point.index { throw error(at: k, "lists itself as its parent (a cycle)") }
            guard let p = positions[point.parent] else {
                throw error(at: k, "has the parent \(point.parent), but there is no point with that index")
            }
            guard p < k else {
                if let cycle = cycle(through: k, positions: positions) {
                    throw error(at: k, "is part of a cycle of parents: " + cycle.map { String(points[$0].index) }.joined(separator: " → "))
                }
                throw error(at: k, "has the parent \(point.parent), which comes after it (\(place(p))); "
                            + "parents must be listed before their children")
            }
            parent[k] = p
            children[p].append(k)
        }
    }

    private func check(_ point: MorphologyPoint, at k: Int) throws {
        for (name, value) in [("x", point.x), ("y", point.y), ("z", point.z), ("diameter", point.diameter)] where !value.isFinite {
            throw error(at: k, "has the \(name) \(value), which is not a finite number")
        }
        guard point.diameter > 0 else { throw error(at: k, "has the diameter \(point.diameter) µm, which is not positive") }
    }

    /// The indices around a cycle of parents through point k, if there is one.
    private func cycle(through k: Int, positions: [Int: Int]) -> [Int]? {
        var seen: [Int] = [k]
        var current = k
        while let p = positions[points[current].parent], points[current].parent != -1 {
            if p == k { return seen + [k] }
            if seen.contains(p) || seen.count > points.count { return nil }
            seen.append(p)
            current = p
        }
        return nil
    }

    func error(at k: Int, _ message: String) -> ModelError {
        let located = location(k)
        return ModelError(.invalidArgument, "The point at \(place(k)) \(message)", source: located?.0, span: located?.1)
    }

    /// The sections, built with Brian's rules (see ``Morphology/fromPoints(_:sphericalSoma:)``).
    func morphology(sphericalSoma: Bool) throws -> Morphology {
        var rootChildren = children[0]
        if sphericalSoma, let merged = try threePointSoma() { rootChildren = merged }
        func childrenOf(_ k: Int) -> [Int] { k == 0 ? rootChildren : children[k] }

        var sectionEndingAt: [Int: Morphology] = [:]
        var created: [Morphology] = []
        var pending = [0]
        while let first = pending.popLast() {
            var run = [first]
            var last = first
            while childrenOf(last).count == 1, let next = childrenOf(last).first, points[next].type == points[last].type {
                run.append(next)
                last = next
            }
            let section = try makeSection(run, sphericalSoma: sphericalSoma)
            if let p = parent[first], let parentSection = sectionEndingAt[p] {
                parentSection.add(section, name: points[last].type, automaticName: true)
            }
            sectionEndingAt[last] = section
            created.append(section)
            pending.append(contentsOf: childrenOf(last).reversed())
        }
        // Brian's second names: L/R for one or two children, 1, 2, ... for more.
        var seen: [ObjectIdentifier: Int] = [:]
        for section in created {
            guard let parentSection = section.parent else { continue }
            let id = ObjectIdentifier(parentSection)
            seen[id, default: 0] += 1
            let nth = seen[id] ?? 1
            parentSection.add(section, name: parentSection.children.count <= 2 ? (nth == 1 ? "L" : "R") : String(nth))
        }
        return created[0]
    }

    /// The root's children without the two extra points of a 3-point soma, if the root is one.
    private func threePointSoma() throws -> [Int]? {
        guard points[0].type == "soma" else { return nil }
        let somaChildren = children[0].filter { points[$0].type == "soma" }
        guard somaChildren.count == 2, somaChildren.allSatisfy({ children[$0].isEmpty }) else { return nil }
        let root = points[0]
        for k in somaChildren where !(abs(points[k].diameter - root.diameter) < 1e-15) {
            throw error(at: k, "belongs to a 3-point soma, but its diameter \(points[k].diameter) µm differs from "
                        + "the first soma point's \(root.diameter) µm")
        }
        for k in somaChildren {
            let p = points[k]
            let dx = p.x - root.x, dy = p.y - root.y, dz = p.z - root.z
            let distance = (dx * dx + dy * dy + dz * dz).squareRoot()
            if abs(distance - root.diameter / 2) > 0.1 {
                throw error(at: k, "belongs to a 3-point soma, but it is \(distance) µm from the first soma point "
                            + "instead of one radius (\(root.diameter / 2) µm)")
            }
        }
        return children[0].filter { !somaChildren.contains($0) }
    }

    /// One section from a run of points (positions in `points`).
    private func makeSection(_ run: [Int], sphericalSoma: Bool) throws -> Morphology {
        let micrometre = 1e-6
        let type = points[run[run.count - 1]].type
        if sphericalSoma, run.count == 1, points[run[0]].type == "soma" {
            let p = points[run[0]]
            return Soma(shape: .sphere(diameter: p.diameter * micrometre,
                                       center: Point3(x: p.x * micrometre, y: p.y * micrometre, z: p.z * micrometre)),
                        type: type)
        }
        var diameters: [Double]
        var coordinates: [Point3]
        if let p = parent[run[0]] {
            let origin = points[p]
            let start = origin.type?.lowercased() == "soma" ? points[run[0]].diameter : origin.diameter
            diameters = [start] + run.map { points[$0].diameter }
            coordinates = [Point3(x: 0, y: 0, z: 0)] + run.map {
                Point3(x: points[$0].x - origin.x, y: points[$0].y - origin.y, z: points[$0].z - origin.z)
            }
        } else {
            guard run.count > 1 else {
                throw error(at: run[0], "is a root section of one point; a section needs at least two points "
                            + "(or the root must be a soma)")
            }
            diameters = run.map { points[$0].diameter }
            coordinates = run.map { Point3(x: points[$0].x, y: points[$0].y, z: points[$0].z) }
        }
        diameters = diameters.map { $0 * micrometre }
        coordinates = coordinates.map { Point3(x: $0.x * micrometre, y: $0.y * micrometre, z: $0.z * micrometre) }
        let lengths = SectionShape.lengths(between: coordinates)
        if let k = lengths.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            let point = run[parent[run[0]] == nil ? k + 1 : k]
            throw error(at: point, "is at the same place as the point before it; a compartment needs a length")
        }
        return Section(shape: .cones(diameters: diameters, lengths: lengths, points: coordinates, cylinder: false), type: type)
    }
}
