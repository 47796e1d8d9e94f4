/// Writes expressions back in Brian's syntax with the fewest parentheses that keep their meaning.
enum ExpressionPrinter {
    /// Precedence of `not` and of unary minus/plus, between the binary levels.
    private static let notPrecedence = 3
    private static let unaryMinusPrecedence = 7

    static func print(_ expression: Expression) -> String {
        print(expression, context: 0)
    }

    private static func print(_ expression: Expression, context: Int) -> String {
        let (text, precedence) = render(expression)
        return precedence < context ? "(\(text))" : text
    }

    private static func render(_ expression: Expression) -> (String, Int) {
        switch expression.node {
        case .integer(let value):
            return (String(value), value < 0 ? unaryMinusPrecedence : 10)
        case .float(let value):
            return (formatFloat(value), value < 0 ? unaryMinusPrecedence : 10)
        case .boolean(let value):
            return (value ? "True" : "False", 10)
        case .name(let name):
            return (name, 10)
        case .call(let name, let arguments):
            return ("\(name)(\(arguments.map { print($0, context: 0) }.joined(separator: ", ")))", 10)
        case .unary(.not, let operand):
            return ("not " + print(operand, context: notPrecedence), notPrecedence)
        case .unary(let op, let operand):
            return (op.rawValue + print(operand, context: unaryMinusPrecedence), unaryMinusPrecedence)
        case .binary(let op, let lhs, let rhs):
            let level = op.precedence
            // ** is right-associative and binds tighter than a unary minus on its right.
            let left: String
            let right: String
            if op.isComparison {
                // Comparisons chain, so a comparison operand of a comparison needs parentheses.
                left = print(lhs, context: level + 1)
                right = print(rhs, context: level + 1)
            } else if op == .power {
                left = print(lhs, context: level + 1)
                right = print(rhs, context: unaryMinusPrecedence)
            } else {
                left = print(lhs, context: level)
                right = print(rhs, context: level + 1)
            }
            return ("\(left) \(op.rawValue) \(right)", level)
        }
    }

    /// A float literal that reads back as the same double and still reads as a float.
    static func formatFloat(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        var text = "\(value)"
        if !text.contains(".") && !text.contains("e") { text += ".0" }
        return text
    }
}
