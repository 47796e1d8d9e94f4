import SwiftBrianKernel

/// Checks of the values a user gives to ``Soma``, ``Cylinder`` and ``Section``: lengths in metres,
/// finite, positive where a size is meant, arrays of the right count.
enum MorphologyArguments {
    /// `quantity` in metres; it must be a finite length (and positive with `positive`).
    static func length(_ quantity: Quantity, _ what: String, positive: Bool = true) throws -> Double {
        guard quantity.dimension == .length else {
            throw ModelError(.dimensionMismatch, "The \(what) must be a length, but it is \(quantity)")
        }
        try check(quantity.value, what, positive: positive, shown: quantity.description)
        return quantity.value
    }

    /// `array` in metres; it must hold `count` finite lengths (positive with `positive`).
    static func lengths(_ array: QuantityArray, _ what: String, count: Int, positive: Bool = true) throws -> [Double] {
        guard array.dimension == .length else {
            throw ModelError(.dimensionMismatch, "The \(what) must be lengths, but they are \(array)")
        }
        guard array.values.count == count else {
            throw ModelError(.invalidArgument, "The \(what) must be \(count) value\(count == 1 ? "" : "s"), "
                             + "but \(array.values.count) \(array.values.count == 1 ? "is" : "are") given")
        }
        for (k, value) in array.values.enumerated() {
            try check(value, "\(what) (value \(k))", positive: positive, shown: array[k].description)
        }
        return array.values
    }

    /// The number of compartments: at least 1, and `expected` where it is implied by an array.
    static func compartments(_ n: Int?, implied expected: Int? = nil, by what: String = "") throws -> Int {
        guard let n = n ?? expected else {
            throw ModelError(.invalidArgument, "The number of compartments n must be given")
        }
        if let expected, expected < 1 {
            throw ModelError(.invalidArgument, "A section needs at least 1 compartment, but \(what) give \(max(expected, 0))")
        }
        guard n >= 1 else {
            throw ModelError(.invalidArgument, "The number of compartments n must be at least 1, but it is \(n)")
        }
        guard n < Int(Int32.max) else {
            throw ModelError(.invalidArgument, "The number of compartments n must be less than \(Int32.max) "
                             + "(compartments are numbered with 32-bit indices), but it is \(n)")
        }
        if let expected, expected != n {
            throw ModelError(.invalidArgument, "n is \(n), but \(what) give\(expected == 1 ? "s" : "") \(expected) compartment\(expected == 1 ? "" : "s")")
        }
        // Each compartment's diameters, length and points (six values) before any is computed.
        try MemoryBudget.require(MemoryBudget.bytes(n + 1, each: 6 * 8), for: "A section of \(n) compartments")
        return n
    }

    /// Coordinates given as up to three arrays of `count` values each; at least one is needed,
    /// a missing one is 0.
    static func points(x: QuantityArray?, y: QuantityArray?, z: QuantityArray?, count: Int, owner: String) throws -> [Point3] {
        try requireCoordinates(x: x, y: y, z: z, owner: owner)
        func axis(_ array: QuantityArray?, _ name: String) throws -> [Double] {
            guard let array else { return Array(repeating: 0, count: count) }
            return try lengths(array, "\(name) coordinates of the \(owner)", count: count, positive: false)
        }
        let xs = try axis(x, "x"), ys = try axis(y, "y"), zs = try axis(z, "z")
        return (0..<count).map { Point3(x: xs[$0], y: ys[$0], z: zs[$0]) }
    }

    /// At least one of the coordinate axes must be given.
    static func requireCoordinates(x: QuantityArray?, y: QuantityArray?, z: QuantityArray?, owner: String) throws {
        guard x != nil || y != nil || z != nil else {
            throw ModelError(.invalidArgument, "A \(owner) needs a length or at least one of the coordinates x, y and z")
        }
    }

    /// Compartment lengths from consecutive points; two equal points (a zero length) are an error.
    static func lengths(between points: [Point3], owner: String) throws -> [Double] {
        let lengths = SectionShape.lengths(between: points)
        if let k = lengths.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
            throw ModelError(.invalidArgument, "Compartment \(k) of the \(owner) has length \(lengths[k] * meter): "
                             + "its start and end points must differ")
        }
        return lengths
    }

    private static func check(_ value: Double, _ what: String, positive: Bool, shown: String) throws {
        guard value.isFinite else {
            throw ModelError(.invalidArgument, "The \(what) must be finite, but it is \(shown)")
        }
        if positive && !(value > 0) {
            throw ModelError(.invalidArgument, "The \(what) must be positive, but it is \(shown)")
        }
    }
}
