extension QuantityArray {
    /// The smallest element (NaN in the array's unit when it is empty), as NumPy's `min`:
    /// `try G.v.values.min()`.
    public func min() -> Quantity {
        Quantity(value: values.min() ?? .nan, dimension: dimension)
    }

    /// The largest element (NaN in the array's unit when it is empty), as NumPy's `max`.
    public func max() -> Quantity {
        Quantity(value: values.max() ?? .nan, dimension: dimension)
    }

    /// The arithmetic mean (NaN in the array's unit when the array is empty, as NumPy's `mean`).
    public func mean() -> Quantity {
        Quantity(value: values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count), dimension: dimension)
    }

    /// The standard deviation, the square root of the mean squared deviation from the mean (NaN
    /// in the array's unit when the array is empty), as NumPy's `std`.
    public func std() -> Quantity {
        let mean = mean().value
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return Quantity(value: (squares / Double(values.count)).squareRoot(), dimension: dimension)
    }
}
