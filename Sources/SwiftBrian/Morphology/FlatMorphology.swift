/// A morphology flattened into compartment arrays, as Brian's `FlatMorphology` (what a
/// SpatialNeuron stores): compartments are numbered section by section, depth first from the
/// root, a section's children in the order they were attached, and within a section from the
/// parent end to the far end. Every subtree therefore has contiguous indices.
///
/// All values are in SI units (metres, square metres, cubic metres). A snapshot: changing the
/// morphology afterwards does not change it.
public struct FlatMorphology {
    /// One section of the flattened tree.
    public struct Entry {
        /// The section.
        public let section: Morphology
        /// The name it was attached with (`""` for the root); a section without a name appears
        /// under its automatic number.
        public let name: String
        /// The index of the parent section in ``FlatMorphology/sections`` (nil for the root).
        public let parent: Int?
        /// The number of sections between it and the root (0 for the root).
        public let depth: Int
        /// Its compartments: `start ..< stop`.
        public let start: Int
        /// One past its last compartment.
        public let stop: Int
        /// The path length from the root to the end of the section, in metres.
        public let endDistance: Double

        /// The compartment indices of the section.
        public var compartments: Range<Int> { start..<stop }
    }

    /// The sections in numbering order.
    public let sections: [Entry]
    /// The length of each compartment (a soma's is its diameter).
    public private(set) var length: [Double] = []
    /// The path length from the root to each compartment's midpoint.
    public private(set) var distance: [Double] = []
    /// The membrane area of each compartment.
    public private(set) var area: [Double] = []
    /// The midpoint diameter of each compartment.
    public private(set) var diameter: [Double] = []
    /// The volume of each compartment.
    public private(set) var volume: [Double] = []
    /// The axial conductance factor from each compartment's start to its midpoint.
    public private(set) var rLength1: [Double] = []
    /// The axial conductance factor from each compartment's midpoint to its end.
    public private(set) var rLength2: [Double] = []
    /// The coordinates of each compartment's start, midpoint and end (NaN in sections without
    /// coordinates), or nil when no section has coordinates.
    public let coordinates: Coordinates?

    /// Compartment coordinates, one value per compartment.
    public struct Coordinates {
        /// The start points.
        public var startX: [Double] = [], startY: [Double] = [], startZ: [Double] = []
        /// The midpoints.
        public var x: [Double] = [], y: [Double] = [], z: [Double] = []
        /// The end points.
        public var endX: [Double] = [], endY: [Double] = [], endZ: [Double] = []

        mutating func append(_ points: CompartmentCoordinates) {
            startX += points.start.map(\.x); startY += points.start.map(\.y); startZ += points.start.map(\.z)
            x += points.mid.map(\.x); y += points.mid.map(\.y); z += points.mid.map(\.z)
            endX += points.end.map(\.x); endY += points.end.map(\.y); endZ += points.end.map(\.z)
        }
    }

    /// The total number of compartments.
    public var count: Int { length.count }

    /// Flattens the tree below `morphology` (its root for the numbering).
    public init(_ morphology: Morphology) {
        var sections: [Entry] = []
        var coordinates = Coordinates()
        var anyCoordinates = false
        var pending: [(section: Morphology, parent: Int?, placement: SectionPlacement?, name: String, depth: Int)] =
            [(morphology, nil, nil, "", 0)]
        while let (section, parent, parentPlacement, name, depth) = pending.popLast() {
            let shape = section.shape
            let start = length.count
            length += shape.length
            distance += shape.distance(after: parentPlacement)
            area += shape.area
            diameter += shape.diameter
            volume += shape.volume
            rLength1 += shape.rLength1
            rLength2 += shape.rLength2
            if let points = shape.absolutePoints(after: parentPlacement) {
                anyCoordinates = true
                coordinates.append(CompartmentCoordinates(points: points))
            } else {
                let missing = Array(repeating: Point3(x: .nan, y: .nan, z: .nan), count: shape.count)
                coordinates.append(CompartmentCoordinates(start: missing, mid: missing, end: missing))
            }
            let placement = shape.placement(after: parentPlacement)
            let index = sections.count
            sections.append(Entry(section: section, name: name, parent: parent, depth: depth, start: start,
                                  stop: length.count, endDistance: placement.endDistance))
            for child in section.children.reversed() {
                let childName = section.name(of: child) ?? section.names(of: child).first ?? ""
                pending.append((child, index, placement, childName, depth + 1))
            }
        }
        self.sections = sections
        self.coordinates = anyCoordinates ? coordinates : nil
    }

    /// The path of section `index` from the root: the names of the sections on the way, joined
    /// by dots (`"dend.L"`; `""` for the root).
    public func path(of index: Int) -> String {
        var names: [String] = []
        var next: Int? = index
        while let k = next, let parent = sections[k].parent {
            names.append(sections[k].name)
            next = parent
        }
        return names.reversed().joined(separator: ".")
    }

    /// The entry of `section` (a section of the flattened tree), or nil.
    public func entry(of section: Morphology) -> Entry? {
        sections.first { $0.section === section }
    }
}

extension Morphology {
    /// The compartments of this tree, numbered as a SpatialNeuron numbers them (Brian's
    /// `FlatMorphology`).
    public var flattened: FlatMorphology { FlatMorphology(self) }
}
