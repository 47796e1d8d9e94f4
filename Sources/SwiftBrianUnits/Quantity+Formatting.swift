extension Quantity: CustomStringConvertible {
    /// The quantity as Brian's `str()` prints it: the number in the best unit, printed as NumPy
    /// prints a float (up to 8 decimals, a trailing `.` for whole numbers, scientific notation
    /// below 10⁻⁴ and from 10⁸), then the unit's symbol: `"-65. mV"`, `"5.6 nS"`,
    /// `"3. m^2 kg s^-4 A^-1"`.
    ///
    /// A dimensionless quantity prints as the shortest number that reads back exactly
    /// (`"10.0"`, `"1e-05"`), because Brian turns dimensionless results into Python floats.
    public var description: String {
        if isDimensionless { return value.description }
        return DisplayUnit.best(for: [value], dimension: dimension)
            .string(forScalar: value, precision: ArrayFormatter.defaultPrecision)
    }

    /// The quantity printed in `unit`, as Brian's `in_unit`:
    /// `(25.123456 * mV).formatted(in: volt, precision: 3)` is `"0.025 V"`.
    ///
    /// The symbol is that of the registered unit equal to `unit` (`mV`, `cm`, `l`); a unit
    /// without a name prints as a multiple of the unit, such as `"8.37 × (3. mV)"`.
    ///
    /// - Parameter precision: the most decimals to print; 8 when `nil`.
    /// - Throws: ``DimensionMismatchError`` when `unit` has another dimension;
    ///   ``UnitError/negativePrecision(_:)`` for a negative precision.
    public func formatted(in unit: Quantity, precision: Int? = nil) throws -> String {
        let digits = try ArrayFormatter.validatedPrecision(precision)
        return try DisplayUnit.explicit(unit, for: dimension, describing: description)
            .string(forScalar: value, precision: digits)
    }
}
