import SwiftBrianLanguage

// The constructors: each returns the canonical form (see `SymbolicExpression`).
extension SymbolicExpression {
    /// The sum of `terms`, with numbers folded and like terms collected.
    public static func sum(_ terms: [SymbolicExpression]) -> SymbolicExpression {
        var constant: SymbolicNumber = 0
        var coefficients: [SymbolicExpression: SymbolicNumber] = [:]
        var monomials: [SymbolicExpression] = []
        func collect(_ term: SymbolicExpression) {
            switch term.node {
            case .number(let value): constant = constant + value
            case .sum(let inner): inner.forEach(collect)
            default:
                let (coefficient, monomial) = term.coefficientAndMonomial
                if let existing = coefficients[monomial] {
                    coefficients[monomial] = existing + coefficient
                } else {
                    coefficients[monomial] = coefficient
                    monomials.append(monomial)
                }
            }
        }
        terms.forEach(collect)
        var result: [SymbolicExpression] = monomials.compactMap { monomial in
            guard let coefficient = coefficients[monomial], !coefficient.isZero else { return nil }
            return coefficient.isOne ? monomial : product([.number(coefficient), monomial])
        }
        result.sort(by: termPrecedes)
        if !constant.isZero { result.insert(.number(constant), at: 0) }
        switch result.count {
        case 0: return 0
        case 1: return result[0]
        default: return SymbolicExpression(.sum(result))
        }
    }

    /// The product of `factors`, with numbers folded and powers of one base combined. A number
    /// times a single sum is distributed over the sum.
    public static func product(_ factors: [SymbolicExpression]) -> SymbolicExpression {
        var coefficient: SymbolicNumber = 1
        var exponents: [SymbolicExpression: SymbolicExpression] = [:]
        var bases: [SymbolicExpression] = []
        func accumulate(_ base: SymbolicExpression, _ exponent: SymbolicExpression) {
            if let existing = exponents[base] {
                exponents[base] = existing + exponent
            } else {
                exponents[base] = exponent
                bases.append(base)
            }
        }
        func collect(_ factor: SymbolicExpression) {
            switch factor.node {
            case .number(let value): coefficient = coefficient * value
            case .product(let inner): inner.forEach(collect)
            case .power(let base, let exponent): accumulate(base, exponent)
            default: accumulate(factor, 1)
            }
        }
        factors.forEach(collect)
        if coefficient.isZero { return 0 }
        var result: [SymbolicExpression] = []
        for base in bases {
            guard let exponent = exponents[base] else { continue }
            let factor = power(base, exponent)
            if let value = factor.numberValue {
                coefficient = coefficient * value
            } else {
                result.append(factor)
            }
        }
        if coefficient.isZero { return 0 }
        if result.count == 1, !coefficient.isOne, case .sum(let terms) = result[0].node {
            return sum(terms.map { product([.number(coefficient), $0]) })
        }
        result.sort(by: factorPrecedes)
        if !coefficient.isOne { result.insert(.number(coefficient), at: 0) }
        switch result.count {
        case 0: return .number(coefficient)
        case 1: return result[0]
        default: return SymbolicExpression(.product(result))
        }
    }

    /// `base ** exponent`. Numbers are folded when the result is a finite real number; a power of a
    /// power or of a product is multiplied out when the outer exponent is a whole number.
    public static func power(_ base: SymbolicExpression, _ exponent: SymbolicExpression) -> SymbolicExpression {
        if exponent.isZero { return 1 }
        if exponent.isOne { return base }
        if let value = base.numberValue {
            if value.isOne { return 1 }
            if let power = exponent.numberValue, let folded = value.raised(to: power) { return .number(folded) }
        }
        if exponent.numberValue?.integerValue != nil {
            switch base.node {
            case .power(let innerBase, let innerExponent): return power(innerBase, innerExponent * exponent)
            case .product(let factors): return product(factors.map { power($0, exponent) })
            default: break
            }
        }
        return SymbolicExpression(.power(base, exponent))
    }

    /// A call of the stateless function `name`; `sqrt(x)` becomes `x**(1/2)`. Calls are not
    /// evaluated, even with numeric arguments.
    public static func call(_ name: String, _ arguments: [SymbolicExpression]) -> SymbolicExpression {
        if name == "sqrt", arguments.count == 1 { return power(arguments[0], .number(SymbolicNumber(numerator: 1, denominator: 2))) }
        return SymbolicExpression(.call(name, arguments))
    }

    /// A new call of the function `name` that is not stateless (`rand()`), different from every
    /// other.
    public static func draw(_ name: String, _ arguments: [SymbolicExpression] = []) -> SymbolicExpression {
        SymbolicExpression(.draw(name, arguments, occurrence: nextOccurrence()))
    }

    /// `lhs op rhs` for any binary operator: arithmetic builds sums, products and powers; the
    /// others are folded when both operands are numbers.
    public static func binary(_ op: BinaryOperator, _ lhs: SymbolicExpression,
                              _ rhs: SymbolicExpression) -> SymbolicExpression {
        switch op {
        case .add: return lhs + rhs
        case .subtract: return lhs - rhs
        case .multiply: return lhs * rhs
        case .divide: return lhs / rhs
        case .power: return power(lhs, rhs)
        default:
            if let left = lhs.numberValue, let right = rhs.numberValue {
                let value = Evaluator.apply(op, left.doubleValue, right.doubleValue)
                if value.isFinite { return .number(SymbolicNumber(value)) }
            }
            return SymbolicExpression(.operation(op, lhs, rhs))
        }
    }

    /// `not operand`, folded for numbers.
    public static func not(_ operand: SymbolicExpression) -> SymbolicExpression {
        if let value = operand.numberValue { return value.isZero ? 1 : 0 }
        return SymbolicExpression(.not(operand))
    }

    public static func + (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression { sum([lhs, rhs]) }
    public static func - (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression { sum([lhs, -rhs]) }
    public static prefix func - (operand: SymbolicExpression) -> SymbolicExpression { product([-1, operand]) }
    public static func * (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression { product([lhs, rhs]) }
    public static func / (lhs: SymbolicExpression, rhs: SymbolicExpression) -> SymbolicExpression {
        product([lhs, power(rhs, -1)])
    }

    /// The numeric coefficient and the rest: `(-2, x*y)` for `-2*x*y`, `(1, x)` for `x`.
    public var coefficientAndMonomial: (coefficient: SymbolicNumber, monomial: SymbolicExpression) {
        switch node {
        case .number(let value): return (value, 1)
        case .product(let factors):
            guard let coefficient = factors.first?.numberValue else { return (1, self) }
            let rest = Array(factors.dropFirst())
            return (coefficient, rest.count == 1 ? rest[0] : SymbolicExpression(.product(rest)))
        default: return (1, self)
        }
    }

    /// The base and exponent: `(x, 2)` for `x**2`, `(x, 1)` for `x`.
    var baseAndExponent: (base: SymbolicExpression, exponent: SymbolicExpression) {
        if case .power(let base, let exponent) = node { return (base, exponent) }
        return (self, 1)
    }
}
