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
}
