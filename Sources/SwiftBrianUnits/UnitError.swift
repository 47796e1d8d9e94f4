import Foundation

/// Errors of the units layer other than a dimension mismatch.
public enum UnitError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A quantity with a dimension was raised to a power that is not a simple fraction
    /// (denominator at most 1000), so the result would have no physical dimension.
    case irrationalExponent(exponent: Double, dimension: Dimension)
    /// Raising a quantity to this power would give exponents too large to represent.
    case exponentOverflow(exponent: Rational, dimension: Dimension)
    /// Two arrays of different lengths (neither of length 1) were combined element by element.
    case lengthMismatch(operation: String, firstCount: Int, secondCount: Int)
    /// A number of digits to print was negative.
    case negativePrecision(Int)

    /// A sentence describing the error.
    public var description: String {
        switch self {
        case let .irrationalExponent(exponent, dimension):
            "Cannot raise a quantity in \(dimension) to the power \(exponent): the exponent of a "
                + "quantity with units must be a simple fraction such as 2, 0.5 or 1/3."
        case let .exponentOverflow(exponent, dimension):
            "Cannot raise a quantity in \(dimension) to the power \(exponent): the resulting "
                + "unit exponents are too large."
        case let .lengthMismatch(operation, firstCount, secondCount):
            "\(operation): arrays of lengths \(firstCount) and \(secondCount) cannot be combined."
        case let .negativePrecision(precision):
            "The number of digits to print must not be negative, but was \(precision)."
        }
    }
}

extension UnitError: LocalizedError {
    /// The same text as ``description``.
    public var errorDescription: String? { description }
}
