extension QuantityArray {
    /// The element-wise sum; dimensions must agree (an all-zero dimensionless array fits any).
    ///
    /// - Throws: ``DimensionMismatchError`` when the dimensions differ,
    ///   ``UnitError/lengthMismatch(operation:firstCount:secondCount:)`` when the lengths differ
    ///   and neither is 1.
    public static func + (lhs: QuantityArray, rhs: QuantityArray) throws -> QuantityArray {
        try summed(lhs, rhs, symbol: "+", +)
    }

    /// The element-wise difference; see ``+(_:_:)-(QuantityArray,QuantityArray)``.
    public static func - (lhs: QuantityArray, rhs: QuantityArray) throws -> QuantityArray {
        try summed(lhs, rhs, symbol: "-", -)
    }

    /// The quantity added to every element.
    public static func + (lhs: QuantityArray, rhs: Quantity) throws -> QuantityArray {
        try lhs + QuantityArray(rhs)
    }

    /// The quantity added to every element.
    public static func + (lhs: Quantity, rhs: QuantityArray) throws -> QuantityArray {
        try QuantityArray(lhs) + rhs
    }

    /// The quantity subtracted from every element.
    public static func - (lhs: QuantityArray, rhs: Quantity) throws -> QuantityArray {
        try lhs - QuantityArray(rhs)
    }

    /// Every element subtracted from the quantity.
    public static func - (lhs: Quantity, rhs: QuantityArray) throws -> QuantityArray {
        try QuantityArray(lhs) - rhs
    }

    /// The array with every sign flipped.
    public static prefix func - (operand: QuantityArray) -> QuantityArray {
        QuantityArray(values: operand.values.map(-), dimension: operand.dimension)
    }

    /// The element-wise product; dimensions multiply.
    ///
    /// - Throws: ``UnitError/lengthMismatch(operation:firstCount:secondCount:)`` when the
    ///   lengths differ and neither is 1.
    public static func * (lhs: QuantityArray, rhs: QuantityArray) throws -> QuantityArray {
        try zipped(lhs, rhs, symbol: "*", dimension: lhs.dimension * rhs.dimension, *)
    }

    /// The element-wise quotient; dimensions divide.
    ///
    /// - Throws: ``UnitError/lengthMismatch(operation:firstCount:secondCount:)`` when the
    ///   lengths differ and neither is 1.
    public static func / (lhs: QuantityArray, rhs: QuantityArray) throws -> QuantityArray {
        try zipped(lhs, rhs, symbol: "/", dimension: lhs.dimension / rhs.dimension, /)
    }

    /// Every element multiplied by the quantity.
    public static func * (lhs: QuantityArray, rhs: Quantity) -> QuantityArray {
        QuantityArray(values: lhs.values.map { $0 * rhs.value }, dimension: lhs.dimension * rhs.dimension)
    }

    /// The quantity multiplied by every element.
    public static func * (lhs: Quantity, rhs: QuantityArray) -> QuantityArray {
        QuantityArray(values: rhs.values.map { lhs.value * $0 }, dimension: lhs.dimension * rhs.dimension)
    }

    /// Every element divided by the quantity.
    public static func / (lhs: QuantityArray, rhs: Quantity) -> QuantityArray {
        QuantityArray(values: lhs.values.map { $0 / rhs.value }, dimension: lhs.dimension / rhs.dimension)
    }

    /// The quantity divided by every element.
    public static func / (lhs: Quantity, rhs: QuantityArray) -> QuantityArray {
        QuantityArray(values: rhs.values.map { lhs.value / $0 }, dimension: lhs.dimension / rhs.dimension)
    }

    /// Every element scaled by a number.
    public static func * (lhs: QuantityArray, rhs: Double) -> QuantityArray {
        lhs * Quantity(value: rhs)
    }

    /// Every element scaled by a number.
    public static func * (lhs: Double, rhs: QuantityArray) -> QuantityArray {
        Quantity(value: lhs) * rhs
    }

    /// Element-wise sum or difference, after checking the dimensions agree.
    private static func summed(_ lhs: QuantityArray, _ rhs: QuantityArray, symbol: String,
                               _ operation: (Double, Double) -> Double) throws -> QuantityArray {
        let dimension = try DimensionCheck.common(
            lhs.dimension, rhs.dimension,
            firstMatchesAny: lhs.values.allSatisfy { $0 == 0 },
            secondMatchesAny: rhs.values.allSatisfy { $0 == 0 },
            operation: "Cannot calculate \(lhs) \(symbol) \(rhs)")
        return try zipped(lhs, rhs, symbol: symbol, dimension: dimension, operation)
    }

    /// `operation` applied element by element, broadcasting an array of length 1.
    private static func zipped(_ lhs: QuantityArray, _ rhs: QuantityArray, symbol: String,
                               dimension: Dimension,
                               _ operation: (Double, Double) -> Double) throws -> QuantityArray {
        let values: [Double]
        if lhs.count == rhs.count {
            values = zip(lhs.values, rhs.values).map(operation)
        } else if rhs.count == 1 {
            values = lhs.values.map { operation($0, rhs.values[0]) }
        } else if lhs.count == 1 {
            values = rhs.values.map { operation(lhs.values[0], $0) }
        } else {
            throw UnitError.lengthMismatch(operation: "Cannot calculate \(lhs) \(symbol) \(rhs)",
                                           firstCount: lhs.count, secondCount: rhs.count)
        }
        return QuantityArray(values: values, dimension: dimension)
    }
}

/// Numbers given a unit: `[1, 2, 3] * mV`.
public func * (lhs: [Double], rhs: Quantity) -> QuantityArray {
    QuantityArray(values: lhs) * rhs
}
