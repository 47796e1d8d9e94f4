/// A recursive-descent parser for Brian's expressions and statements, with Python's operator
/// precedence: `or` < `and` < `not` < comparisons < `+ -` < `* / // %` < unary `- +` < `**`.
///
/// The equations parser builds on it; see `Equations`.
struct Parser {
    let source: SourceText
    private let tokens: [Token]
    private(set) var index = 0
    /// When set, newlines are skipped like spaces (inside one equation's right-hand side).
    var newlinesAreBlank = false
    /// How many parentheses, calls and prefix operators enclose the current position.
    private var nesting = 0

    init(_ source: SourceText) throws {
        self.source = source
        self.tokens = try Lexer.tokenize(source)
    }

    // MARK: Entry points

    /// Parses `source` as one expression.
    static func expression(_ source: SourceText) throws -> Expression {
        var parser = try Parser(source)
        parser.newlinesAreBlank = true
        let expression = try parser.parseExpression()
        try parser.expectEnd(after: "the expression")
        return expression
    }

    /// Parses `source` as statements, one per line or separated by `;` (`v = Vr; w += b`).
    static func statements(_ source: SourceText) throws -> [Statement] {
        var parser = try Parser(source)
        var statements: [Statement] = []
        while true {
            while parser.peek.kind == .newline || parser.peek.isSymbol(";") { parser.advance() }
            if parser.peek.kind == .end { return statements }
            statements.append(try parser.parseStatement())
        }
    }

    // MARK: Token access

    /// The next token (skipping newlines when `newlinesAreBlank`).
    var peek: Token {
        var position = index
        while newlinesAreBlank, tokens[position].kind == .newline { position += 1 }
        return tokens[position]
    }

    /// Whether a newline lies between the previous token and the next one.
    var newlineAhead: Bool { tokens[index].kind == .newline }

    /// Consumes and returns the next token.
    @discardableResult
    mutating func advance() -> Token {
        while newlinesAreBlank, tokens[index].kind == .newline { index += 1 }
        let token = tokens[index]
        if token.kind != .end { index += 1 }
        return token
    }

    mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    /// Skips newlines if the first token after them is the symbol `text` (a continuation line).
    mutating func skipNewlines(before text: String) {
        var position = index
        while tokens[position].kind == .newline { position += 1 }
        if tokens[position].isSymbol(text) { index = position }
    }

    /// Consumes the symbol `text` if it is next.
    mutating func accept(_ text: String) -> Bool {
        guard peek.isSymbol(text) else { return false }
        advance()
        return true
    }

    /// Consumes the symbol `text` or throws, saying what it was needed for.
    @discardableResult
    mutating func expect(_ text: String, _ purpose: String) throws -> Token {
        guard peek.isSymbol(text) else {
            throw error("Expected '\(text)' \(purpose), found \(peek.quoted)", at: peek.span)
        }
        return advance()
    }

    /// Throws unless only newlines remain.
    mutating func expectEnd(after what: String) throws {
        skipNewlines()
        guard peek.kind == .end else {
            throw error("Unexpected \(peek.quoted) after \(what)", at: peek.span)
        }
    }

    func error(_ message: String, at span: SourceSpan, kind: ModelError.Kind = .syntax) -> ModelError {
        ModelError(kind, message, source: source, span: span)
    }

    // MARK: Statements

    private static let assignmentOperators: [String: AssignmentOperator] = [
        "=": .assign, "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .divide,
    ]

    /// `name op expression` up to the end of the line or a `;`.
    mutating func parseStatement() throws -> Statement {
        let target = advance()
        guard case .identifier(let name) = target.kind, !Self.keywords.contains(name) else {
            throw error("A statement must start with the name of the variable it assigns, found \(target.quoted)",
                        at: target.span)
        }
        let opToken = peek
        guard case .symbol(let symbol) = opToken.kind, let op = Self.assignmentOperators[symbol] else {
            throw error("Expected an assignment ('=', '+=', '-=', '*=' or '/=') after '\(name)', found \(opToken.quoted)",
                        at: opToken.span)
        }
        advance()
        if peek.kind == .newline || peek.kind == .end || peek.isSymbol(";") {
            throw error("Expected an expression after '\(symbol)'", at: peek.span)
        }
        let value = try parseExpression()
        guard peek.kind == .newline || peek.kind == .end || peek.isSymbol(";") else {
            throw error("Unexpected \(peek.quoted) after the statement assigning '\(name)' (one statement per line)",
                        at: peek.span)
        }
        return Statement(target: name, targetSpan: target.span, operator: op, value: value,
                         span: target.span.union(value.span))
    }

    // MARK: Expressions

    static let keywords: Set<String> = ["and", "or", "not", "True", "False", "in", "is", "if", "else", "for", "lambda"]

    mutating func parseExpression() throws -> Expression {
        try parseBinary(level: BinaryOperator.or.precedence)
    }

    private func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let text): return BinaryOperator(rawValue: text)
        case .identifier("and"): return .and
        case .identifier("or"): return .or
        default: return nil
        }
    }

    /// Binary operators of precedence ≥ `level` (left-associative; comparisons chain as in Python).
    private mutating func parseBinary(level: Int) throws -> Expression {
        if level == BinaryOperator.and.precedence + 1 { return try parseNot() }
        if level > BinaryOperator.multiply.precedence { return try parseUnary() }
        var lhs = try parseBinary(level: level + 1)
        var previousComparand: Expression?
        while let op = binaryOperator(peek), op.precedence == level {
            advance()
            let rhs = try parseOperand(after: op, level: level + 1)
            if op.isComparison {
                // a < b < c means (a < b) and (b < c)
                let comparison = Expression(.binary(op, previousComparand ?? lhs, rhs),
                                            span: (previousComparand ?? lhs).span.union(rhs.span))
                lhs = previousComparand == nil ? comparison
                    : Expression(.binary(.and, lhs, comparison), span: lhs.span.union(rhs.span))
                previousComparand = rhs
            } else {
                lhs = Expression(.binary(op, lhs, rhs), span: lhs.span.union(rhs.span))
            }
            try requireDepth(lhs)
        }
        return lhs
    }

    /// Throws when `expression` is deeper than ``Expression/maximumDepth``.
    private func requireDepth(_ expression: Expression) throws {
        guard expression.depth > Expression.maximumDepth else { return }
        throw error("The expression is nested too deeply: more than \(Expression.maximumDepth) levels (each "
                    + "parenthesis, call, sign and term of a chain such as a + b + c counts); split it into "
                    + "several statements or variables", at: expression.span)
    }

    /// Runs `body` one nesting level deeper, refusing to go beyond ``Expression/maximumDepth``
    /// (before the recursion could exhaust the stack).
    private mutating func nested<Result>(at token: Token, _ body: (inout Parser) throws -> Result) throws -> Result {
        guard nesting < Expression.maximumDepth else {
            throw error("The expression is nested too deeply: more than \(Expression.maximumDepth) levels of "
                        + "parentheses, calls and signs", at: token.span)
        }
        nesting += 1
        defer { nesting -= 1 }
        return try body(&self)
    }

    private mutating func parseOperand(after op: BinaryOperator, level: Int) throws -> Expression {
        if peek.kind == .end || peek.kind == .newline {
            throw error("Expected an expression after '\(op.rawValue)'", at: peek.span)
        }
        return try parseBinary(level: level)
    }

    private mutating func parseNot() throws -> Expression {
        if peek.isIdentifier("not") {
            let token = advance()
            let operand = try nested(at: token) { try $0.parseNot() }
            return Expression(.unary(.not, operand), span: token.span.union(operand.span))
        }
        return try parseBinary(level: BinaryOperator.less.precedence)
    }

    private mutating func parseUnary() throws -> Expression {
        if peek.isSymbol("-") || peek.isSymbol("+") {
            let token = advance()
            let operand = try nested(at: token) { try $0.parseUnary() }
            return Expression(.unary(token.isSymbol("-") ? .negate : .plus, operand),
                              span: token.span.union(operand.span))
        }
        return try parsePower()
    }

    private mutating func parsePower() throws -> Expression {
        let base = try parseAtom()
        guard peek.isSymbol("**") else { return base }
        advance()
        if peek.kind == .end || peek.kind == .newline {
            throw error("Expected an exponent after '**'", at: peek.span)
        }
        let exponent = try nested(at: peek) { try $0.parseUnary() }
        let power = Expression(.binary(.power, base, exponent), span: base.span.union(exponent.span))
        try requireDepth(power)
        return power
    }

    private mutating func parseAtom() throws -> Expression {
        let token = peek
        switch token.kind {
        case .integer(let value):
            advance()
            return Expression(.integer(value), span: token.span)
        case .float(let value):
            advance()
            return Expression(.float(value), span: token.span)
        case .identifier("True"), .identifier("False"):
            advance()
            return Expression(.boolean(token.isIdentifier("True")), span: token.span)
        case .identifier(let name) where Self.keywords.contains(name):
            throw error("'\(name)' cannot be used here: it is a keyword", at: token.span)
        case .identifier(let name):
            advance()
            if peek.isSymbol("(") { return try parseCall(name, nameSpan: token.span) }
            return Expression(.name(name), span: token.span)
        case .symbol("("):
            advance()
            if peek.isSymbol(")") {
                throw error("Empty parentheses: expected an expression", at: token.span.union(peek.span))
            }
            var inner = try nested(at: token) { try $0.parseExpression() }
            let close = try expectClosing(opening: token)
            inner.span = token.span.union(close.span)
            return inner
        case .end, .newline:
            throw error("Expected an expression, found \(token.quoted)", at: token.span)
        default:
            throw error("Expected an expression, found \(token.quoted)", at: token.span)
        }
    }

    private mutating func expectClosing(opening: Token) throws -> Token {
        if peek.isSymbol(")") { return advance() }
        if peek.kind == .end {
            throw error("'(' was never closed", at: opening.span)
        }
        throw error("Expected ')' to close the '(', found \(peek.quoted)", at: peek.span)
    }

    /// Whether an expression can begin with `token`.
    private func canStartExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .integer, .float, .identifier: return true
        case .symbol(let text): return text == "(" || text == "-" || text == "+"
        case .newline, .end: return false
        }
    }

    private mutating func parseCall(_ name: String, nameSpan: SourceSpan) throws -> Expression {
        let open = advance()
        var arguments: [Expression] = []
        if !peek.isSymbol(")") {
            repeat {
                if !canStartExpression(peek) {
                    throw error("Expected an argument of '\(name)', found \(peek.quoted)", at: peek.span)
                }
                arguments.append(try nested(at: open) { try $0.parseExpression() })
                if peek.isSymbol("=") {
                    throw error("Keyword arguments are not supported in calls of '\(name)'", at: peek.span)
                }
            } while accept(",")
        }
        let close = try expectClosing(opening: open)
        return Expression(.call(name, arguments), span: nameSpan.union(close.span))
    }
}
