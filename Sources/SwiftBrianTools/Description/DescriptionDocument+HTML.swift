extension DescriptionDocument {
    /// The document as a standalone HTML page; math stays LaTeX between `\(` `\)` (inline) and
    /// `\[` `\]` (displayed), readable as it is and typeset by MathJax or KaTeX where a reader adds
    /// one.
    func html() -> String {
        var lines = ["<!DOCTYPE html>", "<html>", "<head>", "<meta charset=\"utf-8\">",
                     "<title>\(Markup.escaped(title))</title>",
                     "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}"
                        + ".equation{font-family:monospace;margin:0.5em 2em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:0.2em 0.6em}</style>",
                     "</head>", "<body>", "<h1>\(Markup.escaped(title))</h1>"]
        for section in sections {
            let tag = "h\(section.level + 1)"
            lines.append("<\(tag)>\(Markup.escaped(section.title))</\(tag)>")
            for block in section.blocks {
                switch block {
                case .paragraph(let inlines):
                    lines.append("<p>\(Self.html(inlines))</p>")
                case .equations(let equations):
                    lines += equations.map { "<div class=\"equation\">\\[\(Markup.escaped($0))\\]</div>" }
                case .list(let items):
                    lines.append("<ul>")
                    lines += items.map { "<li>\(Self.html($0))</li>" }
                    lines.append("</ul>")
                case .table(let header, let rows):
                    lines.append("<table>")
                    lines.append("<tr>" + header.map { "<th>\(Markup.escaped($0))</th>" }.joined() + "</tr>")
                    lines += rows.map { row in "<tr>" + row.map { "<td>\(Self.html($0))</td>" }.joined() + "</tr>" }
                    lines.append("</table>")
                }
            }
        }
        lines += ["</body>", "</html>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private static func html(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return Markup.escaped(text)
            case .math(let math): return "\\(\(Markup.escaped(math))\\)"
            case .code(let code): return "<code>\(Markup.escaped(code))</code>"
            }
        }.joined()
    }
}
