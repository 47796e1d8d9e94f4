import Foundation

/// Brian's power operator: binds tighter than `*` and `/`, so `1 * ufarad * cm ** -2` is a
/// capacitance per area, as in Python.
precedencegroup ExponentiationPrecedence {
    associativity: right
    higherThan: MultiplicationPrecedence
}

infix operator ** : ExponentiationPrecedence

extension Quantity {
    /// The quantity raised to a whole power, as Brian writes it: `cm ** -2`, `(20 * ms) ** 2`.
    ///
    /// - Throws: ``UnitError/exponentOverflow(exponent:dimension:)`` when the dimension's
    ///   exponents would not fit.
    public static func ** (base: Quantity, exponent: Int) throws -> Quantity {
        try base ** Rational(exponent)
    }

    /// The quantity raised to a fractional power: `metre2 ** (Rational(1) / 2)`.
    ///
    /// - Throws: ``UnitError/exponentOverflow(exponent:dimension:)`` when the dimension's
    ///   exponents would not fit.
    public static func ** (base: Quantity, exponent: Rational) throws -> Quantity {
        guard let dimension = base.dimension.raisedReportingOverflow(to: exponent) else {
            throw UnitError.exponentOverflow(exponent: exponent, dimension: base.dimension)
        }
        return Quantity(value: Foundation.pow(base.value, exponent.doubleValue), dimension: dimension)
    }
}
