/// The formats of a model description.
public enum DescriptionFormat: String, CaseIterable, Sendable {
    /// Markdown with LaTeX math between `$` (inline) and `$$` (displayed), as GitHub renders it.
    case markdown
    /// A standalone HTML page, math as LaTeX between `\(` `\)` and `\[` `\]`.
    case html
    /// A LaTeX `\section` with `equation*` environments, to `\input` into a paper.
    case latex

    /// The file name extension of the format.
    public var fileExtension: String {
        switch self {
        case .markdown: return "md"
        case .html: return "html"
        case .latex: return "tex"
        }
    }
}
