import SwiftBrian

/// Quantities and numbers as running text of a description (`1 s`, `0.1 ms`): as Brian prints
/// them, without the trailing dot or `.0` of whole numbers.
enum QuantityText {
    /// `quantity` as plain text.
    static func plain(_ quantity: Quantity) -> String {
        let text = quantity.description
        guard let space = text.firstIndex(of: " ") else { return trimmed(text) }
        return trimmed(String(text[..<space])) + text[space...]
    }

    /// A printed number without a trailing `.` or `.0` (`20.` → `20`).
    static func trimmed(_ text: String) -> String {
        if text.hasSuffix(".") { return String(text.dropLast()) }
        if text.hasSuffix(".0") { return String(text.dropLast(2)) }
        return text
    }
}
