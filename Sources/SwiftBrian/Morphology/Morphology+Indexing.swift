import SwiftBrianLanguage
import SwiftBrianUnits

/// Selecting compartments of a section, with Brian's rules (`morpho.dend[5]`,
/// `morpho.dend[250*um]`, `morpho.dend[100*um:200*um]`, `morpho.dend.indices[...]`).
extension Morphology {
    /// The root of the tree this section belongs to.
    public var root: Morphology {
        var node = self
        while let parent = node.parent { node = parent }
        return node
    }

    /// The indices of this section's compartments in its tree's numbering (Brian's
    /// `morpho.dend.indices[:]`; see ``FlatMorphology``).
    public var indices: Range<Int> {
        var start = 0
        for section in root.subtree {
            if section === self { break }
            start += section.n
        }
        return start..<(start + n)
    }

    /// The compartment `k` of this section (`-1` is the last), numbered within the section.
    ///
    /// - Throws: `ModelError(.invalidArgument)` when the section has no compartment `k`.
    public func compartment(_ k: Int) throws -> Int {
        let index = k < 0 ? k + n : k
        guard index >= 0, index < n else {
            throw ModelError(.invalidArgument, "Invalid index \(k) for a section of \(n) compartment\(n == 1 ? "" : "s") "
                             + "(0..<\(n), or -\(n)...-1 from the end)")
        }
        return index
    }

    /// The compartment that contains the point `position` along the section (measured from its
    /// start), numbered within the section. As in Brian, a point within 1e-12 of the section's
    /// length from a boundary between compartments belongs to the compartment that starts there
    /// (the section's end belongs to the last compartment).
    ///
    /// - Throws: `ModelError` when `position` is no length or lies outside the section.
    public func compartment(at position: Quantity) throws -> Int {
        let boundaries = try self.boundaries(position, what: "A position along a section")
        let x = position.value, total = boundaries[boundaries.count - 1]
        guard x >= 0, x <= (1 + 1e-12) * total else {
            throw ModelError(.invalidArgument, "The position \(position) is outside the section, which is "
                             + "\(total * meter) long (0 m ... \(total * meter))")
        }
        if let near = boundaries.indices.min(by: { abs(x - boundaries[$0]) < abs(x - boundaries[$1]) }),
           abs(x - boundaries[near]) < 1e-12 * total {
            return min(near, n - 1)
        }
        return (boundaries.firstIndex { $0 >= x } ?? boundaries.count) - 1
    }

    /// The compartments between `start` and `stop` along the section (Brian's
    /// `morpho.dend[start:stop]`), numbered within the section; nil bounds mean the section's ends.
    public func compartments(from start: Quantity? = nil, to stop: Quantity? = nil) throws -> Range<Int> {
        let boundaries = try self.boundaries(start ?? stop ?? 0 * meter, what: "A segment's bounds")
        let ends = Array(boundaries.dropFirst()), total = ends[ends.count - 1]
        func near(_ x: Double) -> Int? {
            guard let k = ends.indices.min(by: { abs(x - ends[$0]) < abs(x - ends[$1]) }),
                  abs(x - ends[k]) < 1e-12 * total else { return nil }
            return k + 1
        }
        func position(_ x: Double) -> Int { ends.firstIndex { $0 >= x } ?? ends.count }
        if let stop, stop.dimension != .length {
            throw ModelError(.dimensionMismatch, "A segment's bounds must be lengths, but the end is \(stop)")
        }
        let i = start.map { near($0.value) ?? position($0.value) } ?? 0
        let j = stop.map { near($0.value) ?? position($0.value) + 1 } ?? n
        let range = max(i, 0)..<min(max(j, i), n)
        guard !range.isEmpty else {
            throw ModelError(.invalidArgument, "The segment from \(start ?? 0 * meter) to \(stop ?? total * meter) "
                             + "contains no compartment of the section (0 m ... \(total * meter))")
        }
        return range
    }

    /// The index in the tree's numbering of the compartment containing `position` (Brian's
    /// `morpho.dend.indices[250*um]`).
    public func index(at position: Quantity) throws -> Int {
        indices.lowerBound + (try compartment(at: position))
    }

    /// The index in the tree's numbering of compartment `k` of this section (`-1` is the last).
    public func index(of k: Int) throws -> Int {
        indices.lowerBound + (try compartment(k))
    }

    /// The positions of the compartment boundaries along the section, from 0, after checking
    /// that `value` is a length.
    private func boundaries(_ value: Quantity, what: String) throws -> [Double] {
        guard value.dimension == .length else {
            throw ModelError(.dimensionMismatch, "\(what) must be a length, but it is \(value)")
        }
        var positions = [0.0]
        for l in shape.length { positions.append(positions[positions.count - 1] + l) }
        return positions
    }
}
