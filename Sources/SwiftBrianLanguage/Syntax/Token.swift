/// One lexical unit of Brian's model language.
public struct Token: Hashable, Sendable {
    /// The kinds of token.
    public enum Kind: Hashable, Sendable {
        /// An integer literal such as `3`.
        case integer(Int)
        /// A floating-point literal such as `1.5`, `1e-3` or `2.`.
        case float(Double)
        /// A name: a variable, unit, constant, function or flag word.
        case identifier(String)
        /// An operator or punctuation: `+ - * / // % ** ( ) , = += -= *= /= < <= > >= == != : ;`.
        case symbol(String)
        /// The end of a line (outside parentheses).
        case newline
        /// The end of the text.
        case end
    }

    /// What the token is.
    public var kind: Kind
    /// Where it is.
    public var span: SourceSpan

    /// Whether the token is the symbol `text`.
    public func isSymbol(_ text: String) -> Bool { kind == .symbol(text) }

    /// Whether the token is the identifier (or keyword) `name`.
    public func isIdentifier(_ name: String) -> Bool { kind == .identifier(name) }

    /// The token as the user would name it in an error message.
    var quoted: String {
        switch kind {
        case .integer(let value): return "'\(value)'"
        case .float: return "number"
        case .identifier(let name): return "'\(name)'"
        case .symbol(let text): return "'\(text)'"
        case .newline: return "end of line"
        case .end: return "end of text"
        }
    }
}
