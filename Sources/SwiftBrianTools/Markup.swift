/// Escaping of text for XML, SVG and HTML, shared by plots and reports.
enum Markup {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and in
    /// attribute values.
    static func escaped(_ text: String) -> String {
        guard text.contains(where: { "&<>\"'".contains($0) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
