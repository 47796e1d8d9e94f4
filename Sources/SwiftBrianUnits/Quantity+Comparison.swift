extension Quantity {
    /// Whether the quantity is smaller than `other`.
    ///
    /// Both must have the same dimension, except that a dimensionless zero or infinity can be
    /// compared with anything (`v < 0`), as in Brian.
    ///
    /// - Throws: ``DimensionMismatchError`` when the dimensions differ.
    public func isLess(than other: Quantity) throws -> Bool {
        try compared(with: other, symbol: "<", <)
    }

    /// Whether the quantity is smaller than or equal to `other`; see ``isLess(than:)``.
    public func isLessThanOrEqual(to other: Quantity) throws -> Bool {
        try compared(with: other, symbol: "<=", <=)
    }

    /// Whether the quantity is larger than `other`; see ``isLess(than:)``.
    public func isGreater(than other: Quantity) throws -> Bool {
        try compared(with: other, symbol: ">", >)
    }

    /// Whether the quantity is larger than or equal to `other`; see ``isLess(than:)``.
    public func isGreaterThanOrEqual(to other: Quantity) throws -> Bool {
        try compared(with: other, symbol: ">=", >=)
    }

    private func compared(with other: Quantity, symbol: String,
                          _ comparison: (Double, Double) -> Bool) throws -> Bool {
        _ = try DimensionCheck.common(
            dimension, other.dimension,
            firstMatchesAny: value == 0 || value.isInfinite,
            secondMatchesAny: other.value == 0 || other.value.isInfinite,
            operation: "Cannot compare \(self) \(symbol) \(other)")
        return comparison(value, other.value)
    }
}
