import Foundation

/// Tick positions and labels for an axis: round numbers (steps of 1, 2, 2.5 or 5 times a power of
/// ten) inside the axis range, about as many as asked for, labelled with just the decimals the
/// step needs (`0`, `0.5`, `1`, ... or `−70`, `−65`, ...).
struct AxisTicks: Equatable {
    /// The tick positions, ascending.
    let values: [Double]
    /// The label of each tick.
    let labels: [String]

    /// No ticks, for an axis that shows none.
    static let none = AxisTicks(values: [], labels: [])

    private init(values: [Double], labels: [String]) {
        self.values = values
        self.labels = labels
    }

    /// The multiples of a power of ten that steps may be.
    private static let steps: [Double] = [1, 2, 2.5, 5, 10]

    /// Ticks for `range` with about `count` intervals; only whole numbers when `integers` is
    /// set (for indices).
    init(range: ClosedRange<Double>, count: Int = 6, integers: Bool = false) {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite, count > 0 else {
            values = [range.lowerBound]
            labels = [Self.label(range.lowerBound, decimals: Self.decimals(for: range.lowerBound.magnitude))]
            return
        }
        let rough = span / Double(count)
        let power = pow(10, (log10(rough)).rounded(.down))
        var step = Self.steps.map { $0 * power }.first { $0 >= rough * (1 - 1e-9) } ?? 10 * power
        if integers {
            step = max(1, step.rounded(.up))
            if step == 2.5 * power, power >= 1 { step = 5 * power }
        }
        let first = (range.lowerBound / step - 1e-9).rounded(.up)
        let last = (range.upperBound / step + 1e-9).rounded(.down)
        let positions = first <= last ? (0...Int(last - first)).map { (first + Double($0)) * step } : []
        let decimals = Self.decimals(forStep: step)
        values = positions
        labels = positions.map { Self.label($0, decimals: decimals) }
    }

    /// The decimals that tell apart ticks `step` apart (one more than the step's leading digit
    /// needs for steps such as 0.25).
    private static func decimals(forStep step: Double) -> Int {
        var decimals = max(0, -Int(log10(step).rounded(.down)))
        let scaled = step * pow(10, Double(decimals))
        if abs(scaled - scaled.rounded()) > 1e-9 * scaled { decimals += 1 }
        return decimals
    }

    /// The decimals to show a single value.
    private static func decimals(for magnitude: Double) -> Int {
        magnitude == 0 || magnitude >= 1 ? 0 : min(12, -Int(log10(magnitude).rounded(.down)))
    }

    /// `value` with `decimals` decimals and a true minus sign; very large or small magnitudes in
    /// scientific notation.
    static func label(_ value: Double, decimals: Int) -> String {
        let magnitude = value.magnitude
        let text: String
        if magnitude != 0 && (magnitude >= 1e6 || decimals > 6) {
            text = String(format: "%.3g", value)
        } else {
            text = String(format: "%.\(decimals)f", value)
        }
        // -0 prints as 0; other negatives with U+2212, as typeset plots do.
        if text.allSatisfy({ "-0.".contains($0) }) { return String(text.drop { $0 == "-" }) }
        return text.replacingOccurrences(of: "-", with: "\u{2212}")
    }
}
