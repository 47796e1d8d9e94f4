extension DescriptionDocument {
    /// The document as Markdown: `#` headings, math between `$` and `$$`, code in backticks.
    func markdown() -> String {
        var lines = ["# \(title)"]
        for section in sections {
            lines += ["", String(repeating: "#", count: section.level + 1) + " " + section.title]
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let inlines):
                    lines.append(Self.markdown(inlines))
                case .equations(let equations):
                    lines += equations.map { "$$\($0)$$" }
                case .list(let items):
                    lines += items.map { "- " + Self.markdown($0) }
                case .table(let header, let rows):
                    lines.append("| " + header.joined(separator: " | ") + " |")
                    lines.append("|" + header.map { _ in " --- |" }.joined())
                    lines += rows.map { row in "| " + row.map(Self.markdown).joined(separator: " | ") + " |" }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func markdown(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return text
            case .math(let math): return "$\(math)$"
            case .code(let code): return "`\(code)`"
            }
        }.joined()
    }
}
