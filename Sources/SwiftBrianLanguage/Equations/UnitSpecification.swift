import SwiftBrianUnits

/// Parsing of unit expressions such as `siemens/meter**2`, `1`, `Hz` or `second**-0.5`, and of
/// quantities written as text (`20 ms`, `-65*mV`, `0.5`).
public enum UnitSpecification {
    /// Evaluates the unit expression `text` (names of units, numbers, `*`, `/`, `**`, parentheses).
    public static func parse(_ text: String) throws -> Quantity {
        let source = SourceText(text, role: "unit")
        let expression = try Parser.expression(source)
        return try evaluate(expression, in: source)
    }

    /// Parses a quantity written as text: a unit expression, optionally preceded by a number and a
    /// space (`20 ms`, `-65 mV`, `5*nS`, `1e-3`, `10 siemens/meter**2`).
    /// `known` supplies further names (earlier namespace entries).
    public static func parseQuantity(_ text: String, role: String = "value",
                                     known: [String: Quantity] = [:]) throws -> Quantity {
        let trimmed = text.trimmingWhitespace
        if let split = trimmed.firstIndex(of: " "), let number = Double(trimmed[..<split]) {
            let unitText = String(trimmed[split...]).trimmingWhitespace
            let source = SourceText(unitText, role: role)
            return number * (try evaluate(try Parser.expression(source), in: source, known: known))
        }
        let source = SourceText(trimmed, role: role)
        return try evaluate(try Parser.expression(source), in: source, known: known)
    }

    /// The value of a constant expression built from numbers, unit names and `known` names.
    static func evaluate(_ expression: Expression, in source: SourceText,
                         known: [String: Quantity] = [:]) throws -> Quantity {
        func fail(_ message: String, _ span: SourceSpan) -> ModelError {
            ModelError(.syntax, message, source: source, span: span)
        }
        switch expression.node {
        case .integer(let value): return Quantity(value: Double(value))
        case .float(let value): return Quantity(value: value)
        case .name(let name):
            if let value = known[name] { return value }
            guard let unit = UnitRegistry.named(name) else {
                let suggestion = Suggestions.closest(to: name, among: Array(known.keys) + UnitRegistry.allNames)
                let what = known.isEmpty ? "Unknown unit '\(name)'"
                    : "Unknown name '\(name)': neither a unit nor a value defined above"
                throw fail(what + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""),
                           expression.span)
            }
            return unit
        case .unary(.negate, let operand): return -(try evaluate(operand, in: source, known: known))
        case .unary(.plus, let operand): return try evaluate(operand, in: source, known: known)
        case .binary(.multiply, let lhs, let rhs):
            return try evaluate(lhs, in: source, known: known) * evaluate(rhs, in: source, known: known)
        case .binary(.divide, let lhs, let rhs):
            return try evaluate(lhs, in: source, known: known) / evaluate(rhs, in: source, known: known)
        case .binary(.power, let lhs, let rhs):
            let base = try evaluate(lhs, in: source, known: known)
            let exponent = try evaluate(rhs, in: source, known: known)
            guard exponent.isDimensionless, let rational = Rational(approximating: exponent.value) else {
                throw fail("The exponent of a unit must be a plain number such as 2 or -0.5", rhs.span)
            }
            return base.raised(to: rational)
        default:
            throw fail("A unit may only combine unit names and numbers with '*', '/' and '**'", expression.span)
        }
    }

    /// The dimension named by an equation's unit specification, which must be a base unit
    /// (`volt`, not `mV`) or `1`.
    static func dimension(of expression: Expression, in source: SourceText, variable: String) throws -> Dimension {
        let unit = try evaluate(expression, in: source)
        guard abs(unit.value - 1) <= 1e-12 else {
            let text = source.excerpt(expression.span)
            let base = unit.dimension.unitSpecification
            let message = Self.isNumber(expression)
                ? "The unit of '\(variable)' must be a unit, not the number \(text); use 1 for a dimensionless variable"
                : "The unit of '\(variable)' must be a base unit: '\(text)' is scaled; use '\(base)' instead"
            throw ModelError(.syntax, message, source: source, span: expression.span)
        }
        return unit.dimension
    }

    private static func isNumber(_ expression: Expression) -> Bool {
        switch expression.node {
        case .integer, .float: return true
        default: return false
        }
    }
}

extension Dimension {
    /// The dimension as an equation's unit specification: `1` when dimensionless, else its unit.
    public var unitSpecification: String { isDimensionless ? "1" : description }
}
