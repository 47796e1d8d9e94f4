/// How NumPy (2.x, default print options) formats the floating-point numbers of one array:
/// positional or scientific notation chosen for the array as a whole, and padding that aligns
/// the decimal points.
///
/// Scientific notation is used when a non-zero magnitude is at least 10⁸ or below 10⁻⁴, or
/// when the largest is more than 1000 times the smallest. Each number is printed with the
/// fewest digits that identify it, but at most `precision` decimals; in scientific notation
/// all numbers then get as many decimals as the longest needs.
struct FloatFormat {
    private let precision: Int
    private let isScientific: Bool
    /// Characters before the decimal point (sign included).
    private var integerWidth = 0
    /// Characters after the decimal point (the exponent included in scientific notation).
    private var fractionWidth = 0
    /// Decimals of every number in scientific notation.
    private var mantissaDigits = 0
    /// Exponent digits of every number in scientific notation.
    private var exponentDigits = 0

    /// The format for an array holding `values`.
    init(_ values: [Double], precision: Int) {
        self.precision = precision
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.filter { $0 != 0 }.map(\.magnitude)
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            isScientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1000
        } else {
            isScientific = false
        }
        if !finite.isEmpty {
            if isScientific {
                let parts = finite.map { DecimalDigits.scientific($0, precision: precision) }
                exponentDigits = max(2, parts.map { String($0.exponent.magnitude).count }.max() ?? 0)
                mantissaDigits = parts.map(\.fractionPart.count).max() ?? 0
                integerWidth = parts.map(\.integerPart.count).max() ?? 0
                fractionWidth = exponentDigits + 2 + mantissaDigits
            } else {
                let parts = finite.map { DecimalDigits.positional($0, precision: precision) }
                integerWidth = parts.map(\.integerPart.count).max() ?? 0
                fractionWidth = parts.map(\.fractionPart.count).max() ?? 0
            }
        }
        if finite.count != values.count {
            let negativeInfinity = values.contains(-.infinity) ? 1 : 0
            integerWidth = max(integerWidth, 3 - (fractionWidth + 1),
                               3 + negativeInfinity - (fractionWidth + 1))
        }
    }

    /// `value` formatted and padded for the array.
    func string(for value: Double) -> String {
        guard value.isFinite else {
            let text = value.isNaN ? "nan" : value < 0 ? "-inf" : "inf"
            return Self.padded(text, toWidth: integerWidth + fractionWidth + 1)
        }
        if isScientific {
            let parts = DecimalDigits.scientific(value, exactly: mantissaDigits)
            let exponent = String(parts.exponent.magnitude)
            let paddedExponent = String(repeating: "0", count: max(0, exponentDigits - exponent.count))
                + exponent
            return Self.padded(parts.integerPart, toWidth: integerWidth) + "." + parts.fractionPart
                + "e" + (parts.exponent < 0 ? "-" : "+") + paddedExponent
        }
        let parts = DecimalDigits.positional(value, precision: precision)
        return Self.padded(parts.integerPart, toWidth: integerWidth) + "." + parts.fractionPart
            + String(repeating: " ", count: max(0, fractionWidth - parts.fractionPart.count))
    }

    private static func padded(_ text: String, toWidth width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
