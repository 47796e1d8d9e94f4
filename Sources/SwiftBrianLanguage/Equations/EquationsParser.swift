import SwiftBrianUnits

/// Parses a block of equations. Each equation ends with `: unit` and optional `(flags)`; its
/// right-hand side may continue over several lines.
struct EquationsParser {
    private var parser: Parser

    init(_ source: SourceText) throws {
        parser = try Parser(source)
    }

    mutating func parse() throws -> [Equation] {
        var equations: [Equation] = []
        while true {
            parser.skipNewlines()
            if parser.peek.kind == .end { return equations }
            equations.append(try parseEquation())
        }
    }

    private var source: SourceText { parser.source }

    private mutating func parseEquation() throws -> Equation {
        let first = parser.advance()
        guard case .identifier(let firstName) = first.kind, !Parser.keywords.contains(firstName) else {
            throw parser.error("An equation must start with 'dx/dt =', 'x =' or 'x :', found \(first.quoted)",
                               at: first.span)
        }
        var name = firstName
        var nameSpan = first.span
        let kind: Equation.Kind
        var expression: Expression?
        if parser.peek.isSymbol("/") {
            // dx/dt = ...
            guard firstName.count > 1, firstName.hasPrefix("d") else {
                throw parser.error("A differential equation must start with 'dx/dt', found '\(firstName)/'",
                                   at: first.span)
            }
            parser.advance()
            let dt = parser.advance()
            guard dt.isIdentifier("dt") else {
                throw parser.error("A differential equation must be written 'd\(firstName.dropFirst())/dt = ...': "
                                   + "expected 'dt', found \(dt.quoted)", at: dt.span)
            }
            name = String(firstName.dropFirst())
            nameSpan = SourceSpan(first.span.start + 1, first.span.end)
            kind = .differential
            try parser.expect("=", "after 'd\(name)/dt'")
            expression = try parseRightHandSide(of: name)
        } else if parser.peek.isSymbol("=") {
            parser.advance()
            kind = .subexpression
            expression = try parseRightHandSide(of: name)
        } else if parser.peek.isSymbol(":") {
            kind = .parameter
        } else {
            throw parser.error("Expected '=' or ':' after '\(firstName)', found \(parser.peek.quoted) "
                               + "(equations look like 'dx/dt = ... : unit', 'x = ... : unit' or 'x : unit')",
                               at: parser.peek.span)
        }
        parser.skipNewlines(before: ":")
        if !parser.peek.isSymbol(":") {
            let end = expression?.span.end ?? nameSpan.end
            let span = parser.newlineAhead || parser.peek.kind == .end ? SourceSpan(end, end) : parser.peek.span
            throw parser.error("Expected ': unit' after the equation of '\(name)', found \(parser.peek.quoted) "
                               + "(every equation ends with its unit, e.g. ': volt' or ': 1')", at: span)
        }
        parser.advance()
        let (dimension, type, unitSpan) = try parseUnit(of: name)
        var flags: [EquationFlag] = []
        var flagSpans: [EquationFlag: SourceSpan] = [:]
        if parser.peek.isSymbol("(") {
            (flags, flagSpans) = try parseFlags(kind: kind, name: name)
        }
        let last = parser.peek
        guard last.kind == .newline || last.kind == .end else {
            throw parser.error("Unexpected \(last.quoted) after the unit of '\(name)' (one equation per line; "
                               + "flags go in parentheses)", at: last.span)
        }
        return Equation(name: name, kind: kind, expression: expression, dimension: dimension, type: type,
                        flags: flags, source: source, span: first.span.union(SourceSpan(unitSpan.end, unitSpan.end)),
                        nameSpan: nameSpan, unitSpan: unitSpan, flagSpans: flagSpans)
    }

    private mutating func parseRightHandSide(of name: String) throws -> Expression {
        let next = parser.peek
        if next.kind == .newline || next.kind == .end || next.isSymbol(":") {
            throw parser.error("Expected an expression for '\(name)' after '='", at: next.span)
        }
        parser.newlinesAreBlank = true
        defer { parser.newlinesAreBlank = false }
        let expression = try parser.parseExpression()
        return expression
    }

    /// `volt`, `siemens/meter**2`, `1`, `boolean`, `integer`: up to the flags or the end of the line.
    private mutating func parseUnit(of name: String) throws -> (Dimension, VariableType, SourceSpan) {
        let first = parser.peek
        if first.kind == .newline || first.kind == .end || first.isSymbol("(") {
            throw parser.error("Missing unit after ':' for '\(name)' (use 1 for a dimensionless variable)",
                               at: first.span)
        }
        if first.isIdentifier("boolean") || first.isIdentifier("integer") || first.isIdentifier("bool") {
            parser.advance()
            return (.dimensionless, first.isIdentifier("integer") ? .integer : .boolean, first.span)
        }
        let expression = try parseUnitProduct()
        return (try UnitSpecification.dimension(of: expression, in: source, variable: name), .float, expression.span)
    }

    /// A unit is a product of factors, each a name or number with an optional `**exponent`;
    /// parentheses are not part of it (they open the flags).
    private mutating func parseUnitProduct() throws -> Expression {
        var lhs = try parseUnitFactor()
        while parser.peek.isSymbol("*") || parser.peek.isSymbol("/") {
            let op: BinaryOperator = parser.advance().isSymbol("*") ? .multiply : .divide
            let rhs = try parseUnitFactor()
            lhs = Expression(.binary(op, lhs, rhs), span: lhs.span.union(rhs.span))
        }
        return lhs
    }

    private mutating func parseUnitFactor() throws -> Expression {
        let token = parser.advance()
        var base: Expression
        switch token.kind {
        case .identifier(let name): base = Expression(.name(name), span: token.span)
        case .integer(let value): base = Expression(.integer(value), span: token.span)
        case .float(let value): base = Expression(.float(value), span: token.span)
        default:
            throw parser.error("Expected a unit such as 'volt', 'siemens/metre**2' or '1', found \(token.quoted)",
                               at: token.span)
        }
        if parser.accept("**") {
            let negative = parser.accept("-")
            let exponentToken = parser.advance()
            let exponent: Double
            switch exponentToken.kind {
            case .integer(let value): exponent = Double(value)
            case .float(let value): exponent = value
            default:
                throw parser.error("Expected a number as the exponent of a unit, found \(exponentToken.quoted)",
                                   at: exponentToken.span)
            }
            let value = Expression(.float(negative ? -exponent : exponent), span: exponentToken.span)
            base = Expression(.binary(.power, base, value), span: base.span.union(exponentToken.span))
        }
        return base
    }

    /// `(flag, flag words, flag-with-hyphens)`.
    private mutating func parseFlags(kind: Equation.Kind, name: String) throws
        -> ([EquationFlag], [EquationFlag: SourceSpan]) {
        let open = parser.advance()
        var flags: [EquationFlag] = []
        var spans: [EquationFlag: SourceSpan] = [:]
        repeat {
            var words = ""
            var span: SourceSpan?
            while !(parser.peek.isSymbol(",") || parser.peek.isSymbol(")")) {
                let token = parser.advance()
                switch token.kind {
                case .identifier(let word):
                    words += (words.isEmpty || words.hasSuffix("-") ? "" : " ") + word
                case .symbol("-"):
                    words += "-"
                case .newline, .end:
                    throw parser.error("The flags of '\(name)' are missing their closing ')'", at: open.span)
                default:
                    throw parser.error("Unexpected \(token.quoted) in the flags of '\(name)'", at: token.span)
                }
                span = span.map { $0.union(token.span) } ?? token.span
            }
            guard let span else {
                throw parser.error("Empty flag in the flags of '\(name)'", at: parser.peek.span)
            }
            guard let flag = EquationFlag(rawValue: words) else {
                let known = EquationFlag.allCases.map(\.rawValue)
                let hint = Suggestions.closest(to: words, among: known).map { " (did you mean '\($0)'?)" }
                    ?? " (known flags: \(known.joined(separator: ", ")))"
                throw parser.error("Unknown flag '\(words)' for '\(name)'\(hint)", at: span, kind: .invalidFlag)
            }
            guard flag.allowedKinds.contains(kind) else {
                throw parser.error("The flag '\(flag.rawValue)' cannot be used on the \(kind.rawValue) of '\(name)'",
                                   at: span, kind: .invalidFlag)
            }
            guard spans[flag] == nil else {
                throw parser.error("The flag '\(flag.rawValue)' is given twice for '\(name)'", at: span, kind: .invalidFlag)
            }
            flags.append(flag)
            spans[flag] = span
        } while parser.accept(",")
        try parser.expect(")", "to close the flags of '\(name)'")
        if flags.count > 1, let linked = spans[.linked] {
            throw parser.error("The flag 'linked' of '\(name)' cannot be combined with other flags", at: linked,
                               kind: .invalidFlag)
        }
        if let clockDriven = spans[.clockDriven], spans[.eventDriven] != nil {
            throw parser.error("'\(name)' cannot be both event-driven and clock-driven", at: clockDriven,
                               kind: .invalidFlag)
        }
        return (flags, spans)
    }
}
