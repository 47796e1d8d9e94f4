import SwiftBrian

/// Units and quantities in LaTeX math: `\mathrm{mV}`, `20\,\mathrm{ms}`,
/// `\mathrm{m}^{2}\,\mathrm{kg}\,\mathrm{s}^{-3}`; the prefix micro as `\mu`.
public enum LaTeXUnit {
    /// A unit symbol as Brian prints it (`mV`, `uS`, `m^2 kg s^-3`, `Hz`) in LaTeX math.
    public static func typeset(symbol: String) -> String {
        symbol.split(separator: " ").map { factor -> String in
            let parts = factor.split(separator: "^", maxSplits: 1)
            var base = String(parts[0])
            if base.count > 1, base.hasPrefix("u") { base = "\\mu " + base.dropFirst() }
            if base == "ohm" { base = "\\Omega" }
            if base.hasSuffix("ohm") { base = base.dropLast(3) + "\\Omega" }
            let power = parts.count > 1 ? "^{\(parts[1])}" : ""
            return "\\mathrm{\(base)}\(power)"
        }.joined(separator: "\\,")
    }

    /// A quantity in its best unit (`-49\,\mathrm{mV}`), as Brian prints it without the trailing dot
    /// of whole numbers; a dimensionless one as its number.
    public static func typeset(_ quantity: Quantity) -> String {
        let text = quantity.description
        guard !quantity.isDimensionless, let space = text.firstIndex(of: " ") else { return number(text) }
        return number(String(text[..<space])) + "\\," + typeset(symbol: String(text[text.index(after: space)...]))
    }

    /// The unit of a dimension (`\mathrm{V}`), or `1` for a dimensionless one.
    public static func typeset(_ dimension: Dimension) -> String {
        let text = Quantity(value: 1, dimension: dimension).description
        guard dimension != .dimensionless, let space = text.firstIndex(of: " ") else { return "1" }
        return typeset(symbol: String(text[text.index(after: space)...]))
    }

    /// A number as printed (`20.`, `1e-05`, `0.25`) in LaTeX: no trailing dot, powers of ten.
    public static func number(_ text: String) -> String {
        let text = QuantityText.trimmed(text)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
              let exponent = Int(text[text.index(after: e)...]) else {
            return text == "inf" ? "\\infty" : text == "-inf" ? "-\\infty" : text
        }
        let mantissa = number(String(text[..<e]))
        return (mantissa == "1" ? "" : "\(mantissa) \\cdot ") + "10^{\(exponent)}"
    }
}
