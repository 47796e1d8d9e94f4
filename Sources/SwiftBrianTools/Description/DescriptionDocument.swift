/// A description of a simulation as a document independent of its format: a title and sections
/// of paragraphs, displayed equations, lists and tables, with inline text, LaTeX math and code.
/// ``SimulationDescription`` builds one from a network; `rendered(as:)` writes it as Markdown,
/// HTML or LaTeX.
public struct DescriptionDocument: Equatable, Sendable {
    /// A piece of running text.
    public enum Inline: Equatable, Sendable {
        /// Plain text.
        case text(String)
        /// LaTeX math, inline.
        case math(String)
        /// Code as written (a name or a statement of the model language).
        case code(String)
    }

    /// A block of a section.
    public enum Block: Equatable, Sendable {
        /// A paragraph.
        case paragraph([Inline])
        /// Displayed equations in LaTeX math, one per line.
        case equations([String])
        /// A bulleted list, one item per element.
        case list([[Inline]])
        /// A table with a header row.
        case table(header: [String], rows: [[[Inline]]])
    }

    /// A section: a heading at `level` (1 under the title, 2 under a section) and its blocks.
    public struct Section: Equatable, Sendable {
        /// The heading.
        public var title: String
        /// 1 for a section, 2 for a subsection.
        public var level: Int
        /// What it says.
        public var blocks: [Block]

        /// A section titled `title` at `level` with `blocks`.
        public init(_ title: String, level: Int = 1, blocks: [Block] = []) {
            self.title = title
            self.level = level
            self.blocks = blocks
        }
    }

    /// The document's title.
    public var title: String
    /// Its sections, in order.
    public var sections: [Section]

    /// A document titled `title` with `sections`.
    public init(title: String, sections: [Section] = []) {
        self.title = title
        self.sections = sections
    }

    /// The document written in `format`.
    public func rendered(as format: DescriptionFormat) -> String {
        switch format {
        case .markdown: return markdown()
        case .html: return html()
        case .latex: return latex()
        }
    }
}
