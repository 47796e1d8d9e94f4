import SwiftBrian

/// Expressions and statements of the model language in LaTeX math, as a paper writes them:
/// quotients as `\frac`, powers as superscripts, `exp(x)` as `e^{x}`, `rand()` as
/// `\mathcal{U}(0,1)`, `randn()` as `\mathcal{N}(0,1)`, comparisons as `\leq`, `\neq`, boolean
/// operators as `\wedge`, `\vee`, `\lnot`, names typeset by ``LaTeXName`` and units
/// (names that are not variables of the model) as `\mathrm{mV}`.
public struct LaTeXExpression {
    /// The names that are variables or parameters, never units (`ms` may be a parameter).
    public var variables: Set<String>

    /// A printer that treats `variables` as names of the model, other unit names as units.
    public init(variables: Set<String> = []) {
        self.variables = variables
    }

    private static let unaryPrecedence = 7
    private static let atomic = 10
    /// Functions with a LaTeX operator of their own.
    private static let operators: [String: String] = [
        "sin": "\\sin", "cos": "\\cos", "tan": "\\tan", "sinh": "\\sinh", "cosh": "\\cosh", "tanh": "\\tanh",
        "arcsin": "\\arcsin", "arccos": "\\arccos", "arctan": "\\arctan", "log": "\\log", "log10": "\\log_{10}",
    ]

    /// `expression` in LaTeX math.
    public func typeset(_ expression: Expression) -> String {
        render(expression, context: 0)
    }

    /// `statement` in LaTeX math: `v \leftarrow V_{r}`, `g_{e} \mathrel{+}= w_{e}`.
    public func typeset(_ statement: Statement) -> String {
        let target = LaTeXName.typeset(statement.target)
        let value = typeset(statement.value)
        switch statement.operator {
        case .assign: return "\(target) \\leftarrow \(value)"
        default: return "\(target) \\mathrel{\(statement.operator.rawValue)} \(value)"
        }
    }

    private func render(_ expression: Expression, context: Int) -> String {
        let (text, precedence) = render(expression)
        return precedence < context ? "\\left(\(text)\\right)" : text
    }

    private func render(_ expression: Expression) -> (String, Int) {
        switch expression.node {
        case .integer(let value):
            return (String(value), value < 0 ? Self.unaryPrecedence : Self.atomic)
        case .float(let value):
            return (LaTeXUnit.number("\(value)"), value < 0 ? Self.unaryPrecedence : Self.atomic)
        case .boolean(let value):
            return (value ? "\\mathrm{True}" : "\\mathrm{False}", Self.atomic)
        case .name(let name):
            return (typesetName(name), Self.atomic)
        case .call(let name, let arguments):
            return (call(name, arguments), Self.atomic)
        case .unary(.not, let operand):
            return ("\\lnot " + render(operand, context: Self.unaryPrecedence), Self.unaryPrecedence)
        case .unary(let op, let operand):
            return (op.rawValue + render(operand, context: Self.unaryPrecedence), Self.unaryPrecedence)
        case .binary(.divide, let lhs, let rhs):
            return ("\\frac{\(render(lhs, context: 0))}{\(render(rhs, context: 0))}", Self.atomic)
        case .binary(.floorDivide, let lhs, let rhs):
            return ("\\left\\lfloor\\frac{\(render(lhs, context: 0))}{\(render(rhs, context: 0))}\\right\\rfloor",
                    Self.atomic)
        case .binary(.power, let lhs, let rhs):
            // A base that is itself a power, a negative number or a sum is parenthesized.
            return ("{\(render(lhs, context: Self.atomic))}^{\(render(rhs, context: 0))}",
                    BinaryOperator.power.precedence)
        case .binary(let op, let lhs, let rhs):
            let level = op.precedence
            let left = render(lhs, context: op.isComparison ? level + 1 : level)
            let right = render(rhs, context: level + 1)
            return ("\(left) \(symbol(op, before: right)) \(right)", level)
        }
    }

    /// A name: a unit when it is one and not a variable, else the typeset name (`pi` as `\pi`).
    private func typesetName(_ name: String) -> String {
        if !variables.contains(name), let symbol = UnitRegistry.symbol(named: name) {
            return LaTeXUnit.typeset(symbol: symbol)
        }
        return name == "inf" ? "\\infty" : LaTeXName.typeset(name)
    }

    /// The LaTeX of a binary operator; a product is a thin space, or `\cdot` before a number.
    private func symbol(_ op: BinaryOperator, before right: String) -> String {
        switch op {
        case .add, .subtract, .less, .greater: return op.rawValue
        case .multiply: return right.first.map { $0.isNumber || $0 == "-" } == true ? "\\cdot" : "\\,"
        case .modulo: return "\\bmod"
        case .lessEqual: return "\\leq"
        case .greaterEqual: return "\\geq"
        case .equal: return "="
        case .notEqual: return "\\neq"
        case .and: return "\\wedge"
        case .or: return "\\vee"
        case .divide, .floorDivide, .power: return op.rawValue
        }
    }

    /// A function call: random numbers as distributions, `exp` as a power of e, `sqrt` and `abs`
    /// with their signs, known functions with their operators, others by name.
    private func call(_ name: String, _ arguments: [Expression]) -> String {
        let list = arguments.map { render($0, context: 0) }
        let joined = list.joined(separator: ", ")
        switch (name, list.count) {
        case ("rand", 0): return "\\mathcal{U}(0,1)"
        case ("randn", 0): return "\\mathcal{N}(0,1)"
        case ("exp", 1): return "e^{\(list[0])}"
        case ("sqrt", 1): return "\\sqrt{\(list[0])}"
        case ("abs", 1): return "\\left|\(list[0])\\right|"
        case ("floor", 1): return "\\left\\lfloor \(list[0])\\right\\rfloor"
        case ("ceil", 1): return "\\left\\lceil \(list[0])\\right\\rceil"
        default:
            let op = Self.operators[name] ?? "\\operatorname{\(name.replacingOccurrences(of: "_", with: "\\_"))}"
            return "\(op)\\left(\(joined)\\right)"
        }
    }
}
