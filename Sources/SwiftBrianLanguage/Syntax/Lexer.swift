/// Splits model text into tokens. Comments (`#` to the end of the line) are dropped; a backslash
/// at the end of a line joins it with the next; newlines inside parentheses are not tokens.
struct Lexer {
    private let source: SourceText
    private var bytes: [UInt8] { source.bytes }
    private var position = 0
    private var depth = 0

    init(_ source: SourceText) {
        self.source = source
    }

    /// All tokens of the text, ending with `.end`.
    static func tokenize(_ source: SourceText) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let twoCharacterSymbols: Set<String> = [
        "//", "**", "+=", "-=", "*=", "/=", "<=", ">=", "==", "!=",
    ]
    private static let oneCharacterSymbols: Set<UInt8> = Set("+-*/%()<>=:,;".utf8)

    private mutating func next() throws -> Token {
        skipBlanks()
        guard position < bytes.count else {
            return Token(kind: .end, span: SourceSpan(bytes.count, bytes.count))
        }
        let start = position
        let byte = bytes[position]
        if byte == UInt8(ascii: "\n") {
            position += 1
            return Token(kind: .newline, span: SourceSpan(start, position))
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && position + 1 < bytes.count && isDigit(bytes[position + 1])) {
            return try number()
        }
        if isIdentifierStart(byte) {
            while position < bytes.count, isIdentifierPart(bytes[position]) { position += 1 }
            let name = String(decoding: bytes[start..<position], as: UTF8.self)
            return Token(kind: .identifier(name), span: SourceSpan(start, position))
        }
        if position + 1 < bytes.count {
            let pair = String(decoding: bytes[position..<position + 2], as: UTF8.self)
            if Self.twoCharacterSymbols.contains(pair) {
                position += 2
                return Token(kind: .symbol(pair), span: SourceSpan(start, position))
            }
        }
        if Self.oneCharacterSymbols.contains(byte) {
            position += 1
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") { depth = max(depth - 1, 0) }
            return Token(kind: .symbol(String(UnicodeScalar(byte))), span: SourceSpan(start, position))
        }
        // Report the whole (possibly multi-byte) character.
        var end = position + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let character = String(decoding: bytes[start..<end], as: UTF8.self)
        throw ModelError(.syntax, "Unexpected character '\(character)' in \(source.role)",
                         source: source, span: SourceSpan(start, end))
    }

    /// Skips spaces, tabs, comments, line continuations and newlines inside parentheses.
    private mutating func skipBlanks() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else if byte == UInt8(ascii: "\\"), nextNonBlankIsNewline(after: position) {
                while bytes[position] != UInt8(ascii: "\n") { position += 1 }
                position += 1
            } else if byte == UInt8(ascii: "\n"), depth > 0 {
                position += 1
            } else {
                return
            }
        }
    }

    private func nextNonBlankIsNewline(after index: Int) -> Bool {
        var index = index + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")
            || bytes[index] == UInt8(ascii: "\r") {
            index += 1
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: "\n")
    }

    private mutating func number() throws -> Token {
        let start = position
        var isFloat = false
        while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            while position < bytes.count, isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            var end = position + 1
            if end < bytes.count, bytes[end] == UInt8(ascii: "+") || bytes[end] == UInt8(ascii: "-") { end += 1 }
            if end < bytes.count, isDigit(bytes[end]) {
                isFloat = true
                position = end
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
            }
        }
        let span = SourceSpan(start, position)
        if position < bytes.count, isIdentifierStart(bytes[position]) {
            var end = position
            while end < bytes.count, isIdentifierPart(bytes[end]) { end += 1 }
            throw ModelError(.syntax, "Invalid number '\(source.excerpt(SourceSpan(start, end)))': "
                             + "a number cannot run into a name (write '5*mV', not '5mV')",
                             source: source, span: SourceSpan(start, end))
        }
        let text = source.excerpt(span)
        if !isFloat, let value = Int(text) {
            return Token(kind: .integer(value), span: span)
        }
        guard let value = Double(text) else {
            throw ModelError(.syntax, "Invalid number '\(text)'", source: source, span: span)
        }
        return Token(kind: .float(value), span: span)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
    private func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }
    private func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
