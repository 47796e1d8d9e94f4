import SwiftBrianLanguage

extension SymbolicExpression {
    /// Whether a built-in function is stateless; unknown names count as stateless.
    public static func isBuiltinStateless(_ name: String) -> Bool {
        Function.builtins[name]?.isStateless ?? true
    }

    /// The canonical form of `expression`. `True` and `False` become 1 and 0. A call of a
    /// function for which `isStateless` is false (by default `rand`, `randn` and `poisson`)
    /// becomes a draw, distinct from every other call.
    public init(_ expression: Expression, isStateless: (String) -> Bool = SymbolicExpression.isBuiltinStateless) {
        func convert(_ expression: Expression) -> SymbolicExpression {
            switch expression.node {
            case .integer(let value): return .number(SymbolicNumber(value))
            case .float(let value): return .number(SymbolicNumber(value))
            case .boolean(let value): return value ? 1 : 0
            case .name(let name): return .symbol(name)
            case .unary(.negate, let operand): return -convert(operand)
            case .unary(.plus, let operand): return convert(operand)
            case .unary(.not, let operand): return .not(convert(operand))
            case .binary(let op, let lhs, let rhs): return .binary(op, convert(lhs), convert(rhs))
            case .call(let name, let arguments):
                let converted = arguments.map(convert)
                return isStateless(name) ? .call(name, converted) : .draw(name, converted)
            }
        }
        self = convert(expression)
    }

    /// The expression in the model language, written the way people write it: subtraction for
    /// negative terms, a fraction bar for negative powers, `sqrt(x)` for `x**(1/2)`.
    public var expression: Expression {
        switch node {
        case .number(let value):
            return Self.literal(value)
        case .symbol(let name):
            return Expression(.name(name))
        case .sum(let terms):
            return Self.sumExpression(terms)
        case .product:
            return productExpression
        case .power(let base, let exponent):
            if let value = exponent.numberValue, value.isNegative {
                return Expression(.binary(.divide, Expression(.integer(1)), Self.power(base, .number(-value)).expression))
            }
            if let value = exponent.numberValue, value == SymbolicNumber(0.5) {
                return Expression(.call("sqrt", [base.expression]))
            }
            return Expression(.binary(.power, base.expression, exponent.expression))
        case .call(let name, let arguments), .draw(let name, let arguments, _):
            return Expression(.call(name, arguments.map(\.expression)))
        case .operation(let op, let lhs, let rhs):
            return Expression(.binary(op, lhs.expression, rhs.expression))
        case .not(let operand):
            return Expression(.unary(.not, operand.expression))
        }
    }

    private static func literal(_ value: SymbolicNumber) -> Expression {
        let magnitude: Expression
        if let (numerator, denominator) = value.fraction {
            let top = Expression(.integer(Int(numerator.magnitude)))
            magnitude = denominator == 1 ? top : Expression(.binary(.divide, top, Expression(.integer(denominator))))
        } else {
            magnitude = Expression(.float(value.doubleValue.magnitude))
        }
        return value.isNegative ? negated(magnitude) : magnitude
    }

    /// `-operand`, with the minus sign on the leftmost factor of a product or quotient so that
    /// `-(dt*v/tau)` reads `-dt*v/tau`.
    private static func negated(_ operand: Expression) -> Expression {
        if case .binary(let op, let lhs, let rhs) = operand.node, op == .multiply || op == .divide {
            return Expression(.binary(op, negated(lhs), rhs))
        }
        return Expression(.unary(.negate, operand))
    }

    /// Positive terms first, in order, then the negative ones subtracted.
    private static func sumExpression(_ terms: [SymbolicExpression]) -> Expression {
        var positive: [Expression] = []
        var negative: [Expression] = []
        for term in terms {
            let (coefficient, monomial) = term.coefficientAndMonomial
            if coefficient.isNegative {
                negative.append((SymbolicExpression.number(-coefficient) * monomial).expression)
            } else {
                positive.append(term.expression)
            }
        }
        let result: Expression
        if let first = positive.first {
            result = positive.dropFirst().reduce(first) { Expression(.binary(.add, $0, $1)) }
        } else {
            result = negated(negative.removeFirst())
        }
        return negative.reduce(result) { Expression(.binary(.subtract, $0, $1)) }
    }

    /// `c*x*y/(z*w)`: the coefficient's numerator and the factors with positive exponents above,
    /// its denominator and the factors with negative exponents below.
    private var productExpression: Expression {
        let (coefficient, monomial) = coefficientAndMonomial
        let factors: [SymbolicExpression]
        if case .product(let items) = monomial.node { factors = items } else { factors = [monomial] }
        var numerator: [Expression] = []
        var denominator: [Expression] = []
        if let (top, bottom) = coefficient.fraction {
            if top.magnitude != 1 { numerator.append(Expression(.integer(Int(top.magnitude)))) }
            if bottom != 1 { denominator.append(Expression(.integer(bottom))) }
        } else {
            numerator.append(Expression(.float(coefficient.doubleValue.magnitude)))
        }
        for factor in factors {
            let (base, exponent) = factor.baseAndExponent
            if let value = exponent.numberValue, value.isNegative {
                denominator.append(Self.power(base, .number(-value)).expression)
            } else {
                numerator.append(factor.expression)
            }
        }
        let top = numerator.dropFirst().reduce(numerator.first ?? Expression(.integer(1))) {
            Expression(.binary(.multiply, $0, $1))
        }
        var result = top
        if let first = denominator.first {
            let bottom = denominator.dropFirst().reduce(first) { Expression(.binary(.multiply, $0, $1)) }
            result = Expression(.binary(.divide, top, bottom))
        }
        return coefficient.isNegative ? Self.negated(result) : result
    }
}
