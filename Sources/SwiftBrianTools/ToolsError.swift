/// An error of the tools layer that is not about the model: an archive too large for its
/// format, or PNG export without librsvg or failing in it. Bad arguments (a unit of the wrong dimension,
/// arrays of different lengths) are `ModelError`s, as everywhere in SwiftBrian.
public enum ToolsError: Error, CustomStringConvertible, Sendable {
    /// The data does not fit the file format: `what` says what exceeds which limit.
    case tooLarge(String)
    /// PNG export needs `tool` (librsvg), which is not installed; `hint` says where it was looked
    /// for and how to install it.
    case converterMissing(tool: String, hint: String)
    /// librsvg's library could not turn the SVG into PNG, for the reason given.
    case renderingFailed(String)
    /// The SVG converter ran but failed, with its exit status and what it printed.
    case conversionFailed(tool: String, status: Int32, output: String)

    /// The error in the user's terms.
    public var description: String {
        switch self {
        case .tooLarge(let what):
            return what
        case .converterMissing(let tool, let hint):
            return "PNG export needs \(tool), which was not found: \(hint) SVG export works without it."
        case .renderingFailed(let reason):
            return "The plot could not be made into a PNG: \(reason)"
        case .conversionFailed(let tool, let status, let output):
            let detail = output.trimmingCharacters(in: .whitespacesAndNewlines)
            return "'\(tool)' failed to convert the SVG to PNG (exit status \(status))"
                + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}
