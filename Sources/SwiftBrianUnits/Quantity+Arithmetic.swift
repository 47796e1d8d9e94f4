import Foundation

extension Quantity {
    /// The sum of two quantities of the same dimension (a dimensionless zero fits any).
    ///
    /// - Throws: ``DimensionMismatchError`` when the dimensions differ.
    public static func + (lhs: Quantity, rhs: Quantity) throws -> Quantity {
        try combined(lhs, rhs, symbol: "+", +)
    }

    /// The difference of two quantities of the same dimension (a dimensionless zero fits any).
    ///
    /// - Throws: ``DimensionMismatchError`` when the dimensions differ.
    public static func - (lhs: Quantity, rhs: Quantity) throws -> Quantity {
        try combined(lhs, rhs, symbol: "-", -)
    }

    /// The sum of a quantity and a pure number; the quantity must be dimensionless unless the
    /// number is zero.
    public static func + (lhs: Quantity, rhs: Double) throws -> Quantity {
        try lhs + Quantity(value: rhs)
    }

    /// The sum of a pure number and a quantity; the quantity must be dimensionless unless the
    /// number is zero.
    public static func + (lhs: Double, rhs: Quantity) throws -> Quantity {
        try Quantity(value: lhs) + rhs
    }

    /// The difference of a quantity and a pure number; the quantity must be dimensionless
    /// unless the number is zero.
    public static func - (lhs: Quantity, rhs: Double) throws -> Quantity {
        try lhs - Quantity(value: rhs)
    }

    /// The difference of a pure number and a quantity; the quantity must be dimensionless
    /// unless the number is zero.
    public static func - (lhs: Double, rhs: Quantity) throws -> Quantity {
        try Quantity(value: lhs) - rhs
    }

    /// The quantity with its sign flipped.
    public static prefix func - (operand: Quantity) -> Quantity {
        Quantity(value: -operand.value, dimension: operand.dimension)
    }

    /// The product of two quantities; dimensions multiply.
    public static func * (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(value: lhs.value * rhs.value, dimension: lhs.dimension * rhs.dimension)
    }

    /// The quotient of two quantities; dimensions divide.
    public static func / (lhs: Quantity, rhs: Quantity) -> Quantity {
        Quantity(value: lhs.value / rhs.value, dimension: lhs.dimension / rhs.dimension)
    }

    /// The quantity scaled by a number: `ms * 20`.
    public static func * (lhs: Quantity, rhs: Double) -> Quantity {
        lhs * Quantity(value: rhs)
    }

    /// The quantity scaled by a number: `20 * ms`.
    public static func * (lhs: Double, rhs: Quantity) -> Quantity {
        Quantity(value: lhs) * rhs
    }

    /// The quantity divided by a number.
    public static func / (lhs: Quantity, rhs: Double) -> Quantity {
        lhs / Quantity(value: rhs)
    }

    /// A number divided by a quantity; the dimension is inverted: `1 / ms` is a frequency.
    public static func / (lhs: Double, rhs: Quantity) -> Quantity {
        Quantity(value: lhs) / rhs
    }

    /// The quantity raised to a fractional power; the dimension's exponents are multiplied
    /// exactly, so `(4 * metre2).raised(to: Rational(1) / 2)` is `2 * metre`.
    public func raised(to exponent: Rational) -> Quantity {
        Quantity(value: Foundation.pow(value, exponent.doubleValue),
                 dimension: dimension.raised(to: exponent))
    }

    /// The quantity raised to a whole power: `(20 * ms).raised(to: 2)`.
    public func raised(to exponent: Int) -> Quantity {
        raised(to: Rational(exponent))
    }

    /// The quantity raised to a power given as a floating-point number, as written in a model.
    ///
    /// A dimensionless quantity accepts any exponent. A quantity with a dimension needs an
    /// exponent that is a simple fraction (`2`, `0.5`, `-1.5`, `1/3.0`; denominator at most 1000).
    ///
    /// - Throws: ``UnitError/irrationalExponent(exponent:dimension:)`` for any other exponent,
    ///   ``UnitError/exponentOverflow(exponent:dimension:)`` when the exponents would not fit.
    public func raised(to exponent: Double) throws -> Quantity {
        if isDimensionless {
            return Quantity(value: Foundation.pow(value, exponent))
        }
        guard let fraction = Rational(approximating: exponent) else {
            throw UnitError.irrationalExponent(exponent: exponent, dimension: dimension)
        }
        guard let raisedDimension = dimension.raisedReportingOverflow(to: fraction) else {
            throw UnitError.exponentOverflow(exponent: fraction, dimension: dimension)
        }
        return Quantity(value: Foundation.pow(value, exponent), dimension: raisedDimension)
    }

    /// The square root; exponents of the dimension are halved: the root of an area is a length.
    public func squareRoot() -> Quantity {
        Quantity(value: value.squareRoot(),
                 dimension: dimension.raised(to: Rational(1) / 2))
    }

    /// `lhs ⊕ rhs` for addition or subtraction, after checking the dimensions agree.
    private static func combined(_ lhs: Quantity, _ rhs: Quantity, symbol: String,
                                 _ operation: (Double, Double) -> Double) throws -> Quantity {
        let dimension = try DimensionCheck.common(
            lhs.dimension, rhs.dimension, firstMatchesAny: lhs.value == 0,
            secondMatchesAny: rhs.value == 0, operation: "Cannot calculate \(lhs) \(symbol) \(rhs)")
        return Quantity(value: operation(lhs.value, rhs.value), dimension: dimension)
    }
}

/// The square root of a quantity; the same as `x.squareRoot()`.
public func sqrt(_ x: Quantity) -> Quantity {
    x.squareRoot()
}
