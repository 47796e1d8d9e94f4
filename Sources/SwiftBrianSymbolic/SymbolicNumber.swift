import Foundation

/// A number in a symbolic expression: an exact fraction of two `Int`s while the arithmetic stays
/// exact and fits, otherwise a `Double`.
///
/// Exact fractions keep generated code readable (`k/6` rather than `0.16666666666666666*k`) and
/// make cancellations such as `x/3*3 = x` exact. A `Double` that is a whole number or a fraction
/// with a small power-of-two denominator (`0.5`, `0.25`) becomes exact; other doubles stay doubles.
public struct SymbolicNumber: Hashable, Sendable, Comparable, CustomStringConvertible,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    enum Value: Sendable {
        /// Numerator and denominator in lowest terms, denominator positive.
        case fraction(Int, Int)
        /// Any other value.
        case real(Double)
    }

    let value: Value

    /// The whole number `value`.
    public init(_ value: Int) {
        self.value = .fraction(value, 1)
    }

    /// `value`, exact when it is a whole number or has a small power-of-two denominator.
    public init(_ value: Double) {
        self.value = SymbolicNumber.exactFraction(of: value).map { .fraction($0.0, $0.1) } ?? .real(value)
    }

    public init(integerLiteral value: Int) { self.init(value) }
    public init(floatLiteral value: Double) { self.init(value) }

    /// The fraction `numerator/denominator`, exact when it fits in `Int`, else the nearest double.
    public init(numerator: Int, denominator: Int) {
        self = SymbolicNumber.fraction(numerator, denominator) ?? SymbolicNumber(Double(numerator) / Double(denominator))
    }

    /// The exact fraction in lowest terms, or nil when the denominator is zero or it does not fit.
    private static func fraction(_ numerator: Int, _ denominator: Int) -> SymbolicNumber? {
        guard denominator != 0, numerator != Int.min, denominator != Int.min else { return nil }
        let divisor = greatestCommonDivisor(numerator.magnitude, denominator.magnitude)
        let (top, bottom) = (numerator / divisor, denominator / divisor)
        return SymbolicNumber(exact: bottom < 0 ? (-top, -bottom) : (top, bottom))
    }

    private init(exact: (Int, Int)) { value = .fraction(exact.0, exact.1) }

    /// The greatest common divisor of two magnitudes below 2**63, at least 1.
    private static func greatestCommonDivisor(_ a: UInt, _ b: UInt) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return Swift.max(Int(a), 1)
    }

    /// Numerator and denominator of `value` when it is a whole number or a multiple of 1/1024.
    private static func exactFraction(of value: Double) -> (Int, Int)? {
        guard value.isFinite else { return nil }
        var denominator = 1
        while denominator <= 1024 {
            let scaled = value * Double(denominator)
            if scaled == scaled.rounded(), scaled.magnitude < 9.0e15,
               let exact = fraction(Int(scaled), denominator)?.fraction {
                return (exact.numerator, exact.denominator)
            }
            denominator *= 2
        }
        return nil
    }

    /// The value as a `Double`.
    public var doubleValue: Double {
        switch value {
        case .fraction(let numerator, let denominator): return Double(numerator) / Double(denominator)
        case .real(let value): return value
        }
    }

    /// The value when it is an exact whole number.
    public var integerValue: Int? {
        if case .fraction(let numerator, 1) = value { return numerator }
        return nil
    }

    /// Numerator and denominator when the number is exact.
    public var fraction: (numerator: Int, denominator: Int)? {
        if case .fraction(let numerator, let denominator) = value { return (numerator, denominator) }
        return nil
    }

    /// Whether the number is exactly zero.
    public var isZero: Bool { doubleValue == 0 }
    /// Whether the number is exactly one.
    public var isOne: Bool { doubleValue == 1 }
    /// Whether the number is below zero.
    public var isNegative: Bool { doubleValue < 0 }

    public static func + (lhs: SymbolicNumber, rhs: SymbolicNumber) -> SymbolicNumber {
        if case .fraction(let a, let b) = lhs.value, case .fraction(let c, let d) = rhs.value,
           let ad = multiply(a, d), let cb = multiply(c, b), let bd = multiply(b, d) {
            let (sum, overflow) = ad.addingReportingOverflow(cb)
            if !overflow, let exact = fraction(sum, bd) { return exact }
        }
        return SymbolicNumber(lhs.doubleValue + rhs.doubleValue)
    }

    public static func * (lhs: SymbolicNumber, rhs: SymbolicNumber) -> SymbolicNumber {
        if case .fraction(let a, let b) = lhs.value, case .fraction(let c, let d) = rhs.value,
           let ac = multiply(a, c), let bd = multiply(b, d), let exact = fraction(ac, bd) {
            return exact
        }
        return SymbolicNumber(lhs.doubleValue * rhs.doubleValue)
    }

    public static prefix func - (operand: SymbolicNumber) -> SymbolicNumber { SymbolicNumber(-1) * operand }

    public static func - (lhs: SymbolicNumber, rhs: SymbolicNumber) -> SymbolicNumber { lhs + -rhs }

    private static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : product
    }

    /// The reciprocal, or nil for zero.
    public var reciprocal: SymbolicNumber? {
        switch value {
        case .fraction(0, _): return nil
        case .fraction(let numerator, let denominator): return SymbolicNumber(numerator: denominator, denominator: numerator)
        case .real(let value): return value == 0 ? nil : SymbolicNumber(1 / value)
        }
    }

    /// `self ** exponent` as a number, or nil when the result is not a finite real number
    /// (`0 ** -1`, `(-8) ** 0.5`), so that the power stays symbolic.
    public func raised(to exponent: SymbolicNumber) -> SymbolicNumber? {
        if let power = exponent.integerValue, power.magnitude <= 64, fraction != nil {
            var result: SymbolicNumber = 1
            for _ in 0..<power.magnitude { result = result * self }
            return power >= 0 ? result : result.reciprocal
        }
        let result = Foundation.pow(doubleValue, exponent.doubleValue)
        return result.isFinite ? SymbolicNumber(result) : nil
    }

    public static func < (lhs: SymbolicNumber, rhs: SymbolicNumber) -> Bool { lhs.doubleValue < rhs.doubleValue }

    public static func == (lhs: SymbolicNumber, rhs: SymbolicNumber) -> Bool {
        switch (lhs.value, rhs.value) {
        case (.fraction(let a, let b), .fraction(let c, let d)): return a == c && b == d
        case (.real(let a), .real(let b)): return a.bitPattern == b.bitPattern
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch value {
        case .fraction(let numerator, let denominator):
            hasher.combine(numerator)
            hasher.combine(denominator)
        case .real(let value): hasher.combine(value.bitPattern)
        }
    }

    /// `3`, `-1/2` or the double's shortest representation.
    public var description: String {
        switch value {
        case .fraction(let numerator, 1): return "\(numerator)"
        case .fraction(let numerator, let denominator): return "\(numerator)/\(denominator)"
        case .real(let value): return "\(value)"
        }
    }
}
