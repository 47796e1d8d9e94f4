extension QuantityArray {
    /// The unit Brian would print all of these values in, as its symbol and its size in SI base
    /// units: `("mV", 0.001)` for membrane potentials, `("ms", 0.001)` for times of a few
    /// milliseconds, `(nil, 1)` for pure numbers.
    ///
    /// Unlike ``description``, which picks the unit for the values it shows (the first and last
    /// three of a long array), every value counts here, so the unit suits the whole array — the
    /// unit to label a plot axis or a table column with. The rule is Brian's: the unit that
    /// brings the values closest to 10 on a logarithmic scale.
    public var bestUnit: (symbol: String?, scale: Double) {
        let unit = DisplayUnit.best(for: values, dimension: dimension)
        return (unit.symbol, unit.scale)
    }
}
