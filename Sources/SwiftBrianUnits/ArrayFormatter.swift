import Foundation

/// Lays out numbers the way NumPy's `str()` prints a one-dimensional float array with the
/// default print options: `[1. 2. 3.]`, lines wrapped at 75 characters, and arrays of more
/// than 1000 elements summarised as their first and last three elements around `...`.
enum ArrayFormatter {
    /// The default number of decimals, NumPy's `precision` print option.
    static let defaultPrecision = 8
    private static let summaryThreshold = 1000
    private static let edgeItems = 3
    private static let lineWidth = 75

    /// `precision`, or the default when it is `nil`.
    ///
    /// - Throws: ``UnitError/negativePrecision(_:)`` when it is negative.
    static func validatedPrecision(_ precision: Int?) throws -> Int {
        guard let precision else { return defaultPrecision }
        guard precision >= 0 else { throw UnitError.negativePrecision(precision) }
        return precision
    }

    /// The values NumPy actually prints (all of them unless the array is summarised).
    static func shownValues(of values: [Double]) -> [Double] {
        guard values.count > summaryThreshold else { return values }
        return Array(values.prefix(edgeItems) + values.suffix(edgeItems))
    }

    /// The array as NumPy prints it, brackets included.
    static func string(for values: [Double], precision: Int) -> String {
        guard !values.isEmpty else { return "[]" }
        let shown = shownValues(of: values)
        let format = FloatFormat(shown, precision: precision)
        var words = shown.map(format.string(for:))
        if shown.count < values.count { words.insert("...", at: edgeItems) }
        return wrapped(words)
    }

    /// A single number as Brian prints a scalar: formatted as a one-element array, without
    /// brackets or padding.
    static func string(forScalar value: Double, precision: Int) -> String {
        FloatFormat([value], precision: precision).string(for: value)
            .trimmingCharacters(in: .whitespaces)
    }

    /// `[w1 w2 ...]`, breaking lines before a word that would reach the closing bracket's column.
    private static func wrapped(_ words: [String]) -> String {
        let indent = " "
        let width = lineWidth - 1
        var text = ""
        var line = indent
        for (index, word) in words.enumerated() {
            if line.count + word.count > width && line.count > indent.count {
                text += String(line.reversed().drop(while: { $0 == " " }).reversed()) + "\n"
                line = indent
            }
            line += word
            if index < words.count - 1 { line += " " }
        }
        text += line
        return "[" + text.dropFirst(indent.count) + "]"
    }
}
