import Foundation
import SwiftBrian

/// The unit an axis shows a quantity in: a symbol for the axis title and the size to divide the
/// SI values by. Brian's prefix `u` (micro) is typeset as `µ` (`µm`, `µA`).
struct AxisUnit {
    /// The symbol (`"mV"`), or `nil` for pure numbers.
    let symbol: String?
    /// The unit's size in SI base units.
    let scale: Double

    /// `unit` when given (checked against the dimension of `values`), else the unit Brian would
    /// print the largest magnitude among `values` in.
    ///
    /// - Throws: `ModelError` when `unit` has another dimension than `values`.
    init(_ unit: Quantity?, for values: QuantityArray, describing name: String) throws {
        guard let unit else {
            let best = AxisUnit.peak(of: values).bestUnit
            (symbol, scale) = (best.symbol.map(AxisUnit.typeset), best.scale)
            return
        }
        guard unit.dimension == values.dimension else {
            throw ModelError(.dimensionMismatch, "Cannot show \(name) (in \(values.dimension)) in \(unit), a unit of "
                             + "\(unit.dimension)")
        }
        guard unit.value > 0, unit.value.isFinite else {
            throw ModelError(.invalidArgument, "The unit to show \(name) in must be positive, but it is \(unit)")
        }
        // `formatted(in:)` prints a number and the unit's symbol: "1. mV".
        let printed = (try? unit.formatted(in: unit)) ?? ""
        let symbol = printed.split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init)
        self.symbol = unit.dimension.isDimensionless ? nil : symbol.map(AxisUnit.typeset)
        scale = unit.value
    }

    /// `symbol` with Brian's micro prefix `u` written `µ`: no other unit symbol starts with `u`.
    private static func typeset(_ symbol: String) -> String {
        symbol.count > 1 && symbol.hasPrefix("u") ? "µ" + symbol.dropFirst() : symbol
    }

    /// The time unit brian2tools shows by default: milliseconds, or seconds for runs longer than
    /// 10 s (whose millisecond ticks would be long numbers).
    static func defaultTime(upTo end: Double) -> Quantity {
        end > 10 ? second : ms
    }

    /// The largest magnitude among the finite `values` (0 without any): the extent of an axis,
    /// which its unit should suit (values decaying towards 0 do not pull the unit down to aA).
    private static func peak(of values: QuantityArray) -> QuantityArray {
        let peak = values.values.lazy.filter(\.isFinite).map(abs).max() ?? 0
        return QuantityArray(values: [peak], dimension: values.dimension)
    }

    /// `quantity` in its best unit with at most four significant digits, for titles: `"2 ms"`.
    static func short(_ quantity: Quantity) -> String {
        let unit = QuantityArray(quantity).bestUnit
        let number = String(format: "%.4g", quantity.value / unit.scale)
        return unit.symbol.map { "\(number) \($0)" } ?? number
    }

    /// `values` in this unit.
    func scaled(_ values: QuantityArray) -> [Double] {
        values.values.map { $0 / scale }
    }
}
