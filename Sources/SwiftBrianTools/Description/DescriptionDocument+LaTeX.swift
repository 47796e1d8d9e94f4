extension DescriptionDocument {
    /// The document as a LaTeX `\section` (subsections and paragraphs below it), equations in
    /// `equation*` environments, to `\input` into a paper (it needs `amsmath`).
    func latex() -> String {
        var lines = ["\\section{\(Self.escaped(title))}"]
        let commands = ["\\subsection", "\\subsubsection", "\\paragraph"]
        for section in sections {
            lines += ["", "\(commands[min(section.level, commands.count) - 1]){\(Self.escaped(section.title))}"]
            for block in section.blocks {
                lines.append("")
                switch block {
                case .paragraph(let inlines):
                    lines.append(Self.latex(inlines))
                case .equations(let equations):
                    for equation in equations {
                        lines += ["\\begin{equation*}", equation, "\\end{equation*}"]
                    }
                case .list(let items):
                    lines.append("\\begin{itemize}")
                    lines += items.map { "\\item " + Self.latex($0) }
                    lines.append("\\end{itemize}")
                case .table(let header, let rows):
                    lines.append("\\begin{tabular}{" + String(repeating: "l", count: header.count) + "}")
                    lines.append(header.map(Self.escaped).joined(separator: " & ") + " \\\\ \\hline")
                    lines += rows.map { row in row.map(Self.latex).joined(separator: " & ") + " \\\\" }
                    lines.append("\\end{tabular}")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func latex(_ inlines: [Inline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text): return escaped(text)
            case .math(let math): return "$\(math)$"
            case .code(let code): return "\\texttt{\(escaped(code))}"
            }
        }.joined()
    }

    /// `text` with LaTeX's special characters escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": result += "\\\(character)"
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default: result.append(character)
            }
        }
        return result
    }
}
