/// A piece of model text the user wrote (equations, a threshold, a reset, a namespace value),
/// kept so that errors can show the offending line with a caret under the mistake.
public struct SourceText: Hashable, Sendable {
    /// What the text is, in the user's terms ("equations", "threshold", "reset", ...).
    public let role: String
    /// The text itself.
    public let text: String
    /// The text as UTF-8 bytes; spans are offsets into this array.
    let bytes: [UInt8]

    /// Wraps `text`, written by the user in the given `role`.
    public init(_ text: String, role: String) {
        self.role = role
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// The text covered by `span`.
    public func excerpt(_ span: SourceSpan) -> String {
        let lower = min(max(span.start, 0), bytes.count)
        let upper = min(max(span.end, lower), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The 1-based line number and the text of the line holding byte offset `offset`, with the
    /// column (in characters, 0-based) of that offset.
    func location(of offset: Int) -> (line: Int, text: String, column: Int, lineStart: Int) {
        let offset = min(max(offset, 0), bytes.count)
        var lineStart = 0
        var line = 1
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var lineEnd = offset
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let lineText = String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self)
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).count
        return (line, lineText, column, lineStart)
    }

    /// Whether the text has more than one line with content (a trailing newline does not count).
    var isMultiline: Bool {
        bytes.split(separator: UInt8(ascii: "\n")).filter { line in
            line.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
        }.count > 1
    }

    /// Renders the line(s) holding `span` with carets under the span, e.g.
    ///
    ///     equations, line 1:
    ///       dv/dt = (El - v)/taum + I : volt
    ///                               ^
    public func render(_ span: SourceSpan) -> String {
        let start = location(of: span.start)
        var endOffset = max(span.end, span.start + 1)
        // A span that runs past its first line is underlined to the end of that line.
        let lineEnd = start.lineStart + start.text.utf8.count
        endOffset = min(endOffset, max(lineEnd, span.start + 1))
        let endColumn: Int
        if endOffset <= lineEnd {
            endColumn = String(decoding: bytes[start.lineStart..<endOffset], as: UTF8.self).count
        } else {
            endColumn = start.column + 1
        }
        let trimmed = start.text.prefix { $0 == " " || $0 == "\t" }.count
        let shown = String(start.text.dropFirst(trimmed))
        let caretColumn = max(start.column - trimmed, 0)
        let width = max(endColumn - start.column, 1)
        let lineLabel = isMultiline ? ", line \(start.line)" : ""
        return "\(role)\(lineLabel):\n    \(shown)\n    "
            + String(repeating: " ", count: caretColumn) + String(repeating: "^", count: width)
    }
}

/// A range of bytes `start..<end` in a `SourceText`.
public struct SourceSpan: Hashable, Sendable, CustomStringConvertible {
    /// The first byte covered.
    public var start: Int
    /// One past the last byte covered.
    public var end: Int

    /// The span `start..<end`.
    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both `self` and `other`.
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(min(start, other.start), max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}
