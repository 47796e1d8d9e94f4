import Foundation

/// The decimal digits of a finite `Double`, either the shortest ones that identify it uniquely
/// (what Swift, Python and NumPy print by default) or the value correctly rounded by the C
/// library's `printf`.
struct DecimalDigits {
    /// A sign and one digit (`"-1"`), or a sign and the digits before the point (`"123"`).
    let integerPart: String
    /// The digits after the point, possibly empty.
    let fractionPart: String
    /// The power of ten of a scientific-notation form; 0 for a positional form.
    let exponent: Int

    private init(integerPart: String, fractionPart: String, exponent: Int) {
        self.integerPart = integerPart
        self.fractionPart = fractionPart
        self.exponent = exponent
    }

    /// The shortest positional digits of `value` when at most `precision` of them follow the
    /// point, otherwise `value` rounded to `precision` decimals; trailing zeros dropped.
    static func positional(_ value: Double, precision: Int) -> DecimalDigits {
        let shortest = ShortestDigits(value)
        guard shortest.fractionDigitCount <= precision else {
            return rounded(String(format: "%.\(precision)f", value), trimmingZeros: true)
        }
        let sign = shortest.isNegative ? "-" : ""
        let point = shortest.pointPosition
        let digits = shortest.digits
        if point <= 0 {
            return DecimalDigits(integerPart: sign + "0",
                                 fractionPart: String(repeating: "0", count: -point) + digits,
                                 exponent: 0)
        }
        let integerDigits = digits.prefix(point).padding(toLength: point, withPad: "0", startingAt: 0)
        return DecimalDigits(integerPart: sign + integerDigits,
                             fractionPart: String(digits.dropFirst(point)), exponent: 0)
    }

    /// The shortest scientific digits of `value` when at most `precision` of them follow the
    /// point, otherwise `value` rounded to `precision` decimals; trailing zeros dropped.
    static func scientific(_ value: Double, precision: Int) -> DecimalDigits {
        let shortest = ShortestDigits(value)
        guard shortest.digits.count - 1 <= precision else {
            return scientific(value, exactly: precision, trimmingZeros: true)
        }
        return DecimalDigits(integerPart: (shortest.isNegative ? "-" : "") + shortest.digits.prefix(1),
                             fractionPart: String(shortest.digits.dropFirst()),
                             exponent: shortest.pointPosition - 1)
    }

    /// `value` in scientific notation rounded to exactly `digits` decimals.
    static func scientific(_ value: Double, exactly digits: Int,
                           trimmingZeros: Bool = false) -> DecimalDigits {
        let text = String(format: "%.\(digits)e", value)
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = rounded(String(parts[0]), trimmingZeros: trimmingZeros)
        return DecimalDigits(integerPart: mantissa.integerPart, fractionPart: mantissa.fractionPart,
                             exponent: parts.count > 1 ? Int(parts[1]) ?? 0 : 0)
    }

    /// Splits printf output such as `"-12.3400"` at the point.
    private static func rounded(_ text: String, trimmingZeros: Bool) -> DecimalDigits {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? Substring(parts[1]) : ""
        if trimmingZeros {
            while fraction.last == "0" { fraction = fraction.dropLast() }
        }
        return DecimalDigits(integerPart: String(parts[0]), fractionPart: String(fraction), exponent: 0)
    }
}

/// The shortest round-trip decimal digits of a finite double, read off Swift's `description`.
private struct ShortestDigits {
    let isNegative: Bool
    /// Significant digits without leading or trailing zeros; `"0"` for zero.
    let digits: String
    /// How many digits stand before the decimal point (may be negative or exceed the count).
    let pointPosition: Int

    init(_ value: Double) {
        isNegative = value.sign == .minus
        // Swift prints finite doubles as "123.45", "1e-05" or "1.5e+300".
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let mantissa = parts[0].split(separator: ".", maxSplits: 1)
        let integerDigits = mantissa[0]
        var all = Substring(integerDigits + (mantissa.count > 1 ? mantissa[1] : ""))
        var point = integerDigits.count + exponent
        while all.first == "0" {
            all = all.dropFirst()
            point -= 1
        }
        while all.last == "0" { all = all.dropLast() }
        if all.isEmpty {
            (digits, pointPosition) = ("0", 1)
        } else {
            (digits, pointPosition) = (String(all), point)
        }
    }

    /// How many digits follow the decimal point in positional notation.
    var fractionDigitCount: Int { max(0, digits.count - pointPosition) }
}
