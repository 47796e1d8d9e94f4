/// An exact fraction of two integers, always stored in lowest terms with a positive denominator.
///
/// Dimension exponents are rationals so that `sqrt(metre**2)` is exactly `metre` and
/// `second**0.5` squared is exactly `second`, with no floating-point drift.
///
/// Arithmetic follows `Int`: an operation whose result does not fit traps, and so does
/// division by zero. Code that handles untrusted input uses
/// ``multipliedReportingOverflow(by:)`` and ``init(numerator:denominator:)`` instead.
public struct Rational: Hashable, Sendable {
    /// The numerator; it carries the sign.
    public let numerator: Int
    /// The denominator; always positive.
    public let denominator: Int

    /// The whole number `value`.
    public init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    /// The fraction `numerator / denominator` in lowest terms, or `nil` when the denominator is
    /// zero or the normalised fraction does not fit in `Int`.
    public init?(numerator: Int, denominator: Int) {
        guard denominator != 0 else { return nil }
        let divisor = Rational.greatestCommonDivisor(numerator, denominator)
        let (top, bottom) = (numerator / divisor, denominator / divisor)
        guard bottom > 0 || (top != Int.min && bottom != Int.min) else { return nil }
        self.init(normalising: top, bottom)
    }

    /// The fraction `numerator / denominator` in lowest terms; `denominator` is not zero.
    /// Overflow traps, as it does for `Int`.
    private init(normalising numerator: Int, _ denominator: Int) {
        let divisor = Rational.greatestCommonDivisor(numerator, denominator)
        let (top, bottom) = (numerator / divisor, denominator / divisor)
        (self.numerator, self.denominator) = bottom < 0 ? (-top, -bottom) : (top, bottom)
    }

    /// The simplest fraction within `1e-9` of `value` whose denominator is at most 1000,
    /// found from the continued-fraction expansion of `value`; `nil` when there is none
    /// (for an irrational-looking or non-finite value, or one too large for `Int`).
    ///
    /// `Rational(approximating: 0.5)` is `1/2`; `Rational(approximating: 1 / 3.0)` is `1/3`.
    public init?(approximating value: Double) {
        let tolerance = 1e-9
        let maximumDenominator = 1000
        // Convergents h/k of the continued fraction, seeded with 1/0 and 0/1.
        var (previousNumerator, numerator) = (0, 1)
        var (previousDenominator, denominator) = (1, 0)
        var remainder = value
        while remainder.isFinite, remainder.magnitude < 1e15 {
            let term = remainder.rounded(.down)
            guard let nextNumerator = Rational.convergentTerm(Int(term), numerator, previousNumerator),
                  let nextDenominator = Rational.convergentTerm(Int(term), denominator, previousDenominator),
                  nextDenominator <= maximumDenominator
            else { return nil }
            (previousNumerator, numerator) = (numerator, nextNumerator)
            (previousDenominator, denominator) = (denominator, nextDenominator)
            if (Double(numerator) / Double(denominator) - value).magnitude <= tolerance {
                self.init(numerator: numerator, denominator: denominator)
                return
            }
            remainder = 1 / (remainder - term)
        }
        return nil
    }

    /// `term * current + previous`, the recurrence of continued-fraction convergents, or `nil`
    /// on overflow.
    private static func convergentTerm(_ term: Int, _ current: Int, _ previous: Int) -> Int? {
        let product = term.multipliedReportingOverflow(by: current)
        let sum = product.partialValue.addingReportingOverflow(previous)
        return product.overflow || sum.overflow ? nil : sum.partialValue
    }

    /// The nearest `Double` to this fraction.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The absolute value.
    public var magnitude: Rational { numerator < 0 ? -self : self }

    /// Whether the fraction is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The product of `self` and `other`, and whether the exact result overflowed `Int`
    /// (when it did, `partialValue` is meaningless).
    public func multipliedReportingOverflow(by other: Rational) -> (partialValue: Rational, overflow: Bool) {
        // Cross-cancel first so that only unavoidable overflow is reported.
        let leftDivisor = Rational.greatestCommonDivisor(numerator, other.denominator)
        let rightDivisor = Rational.greatestCommonDivisor(other.numerator, denominator)
        let top = (numerator / leftDivisor)
            .multipliedReportingOverflow(by: other.numerator / rightDivisor)
        let bottom = (denominator / rightDivisor)
            .multipliedReportingOverflow(by: other.denominator / leftDivisor)
        guard !top.overflow, !bottom.overflow,
              let product = Rational(numerator: top.partialValue, denominator: bottom.partialValue)
        else { return (self, true) }
        return (product, false)
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        // gcd(0, 0) is reported as 1 so that callers can always divide by it; a gcd of 2^63
        // (both arguments Int.min or zero) is halved, which still divides both.
        return x == 0 ? 1 : Int(exactly: x) ?? Int(x / 2)
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// The whole number written as an integer literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension Rational: Comparable {
    /// Whether `lhs` is smaller than `rhs`, compared exactly.
    public static func < (lhs: Rational, rhs: Rational) -> Bool {
        // Both denominators are positive, so compare the cross products in full width.
        let left = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let right = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (left.high, left.low) < (right.high, right.low)
    }
}

extension Rational: CustomStringConvertible {
    /// `"3"` for a whole number, `"-1/2"` for a fraction.
    public var description: String {
        isInteger ? "\(numerator)" : "\(numerator)/\(denominator)"
    }
}

extension Rational {
    /// The sum of two fractions.
    public static func + (lhs: Rational, rhs: Rational) -> Rational {
        Rational(normalising: lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator,
                 lhs.denominator * rhs.denominator)
    }

    /// The difference of two fractions.
    public static func - (lhs: Rational, rhs: Rational) -> Rational {
        lhs + (-rhs)
    }

    /// The product of two fractions.
    public static func * (lhs: Rational, rhs: Rational) -> Rational {
        Rational(normalising: lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
    }

    /// The quotient of two fractions. Like integer division, dividing by zero is a
    /// programming error and traps.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(rhs.numerator != 0, "Rational division by zero")
        return Rational(normalising: lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
    }

    /// The negated fraction.
    public static prefix func - (operand: Rational) -> Rational {
        Rational(normalising: -operand.numerator, operand.denominator)
    }
}
