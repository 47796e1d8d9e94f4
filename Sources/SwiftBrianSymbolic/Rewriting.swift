extension SymbolicExpression {
    /// The expression rebuilt, canonically, from its children rewritten by `transform`.
    func rebuilt(_ transform: (SymbolicExpression) throws -> SymbolicExpression) rethrows -> SymbolicExpression {
        switch node {
        case .number, .symbol: return self
        case .sum(let terms): return .sum(try terms.map(transform))
        case .product(let factors): return .product(try factors.map(transform))
        case .power(let base, let exponent): return .power(try transform(base), try transform(exponent))
        case .call(let name, let arguments): return .call(name, try arguments.map(transform))
        case .draw(let name, let arguments, let occurrence):
            return SymbolicExpression(.draw(name, try arguments.map(transform), occurrence: occurrence))
        case .operation(let op, let lhs, let rhs): return .binary(op, try transform(lhs), try transform(rhs))
        case .not(let operand): return .not(try transform(operand))
        }
    }

    /// The expression with each name in `replacements` replaced by its expression, simplified.
    public func substituting(_ replacements: [String: SymbolicExpression]) -> SymbolicExpression {
        if case .symbol(let name) = node { return replacements[name] ?? self }
        return rebuilt { $0.substituting(replacements) }
    }

    /// The expression with products of sums multiplied out, everywhere (also inside function
    /// arguments): `(x + 1)*(x - 1) → x**2 - 1`, `(a + b)/c → a/c + b/c`. Whole powers of sums
    /// are multiplied out up to the power ``maximumExpandedPower``; other powers stay.
    public var expanded: SymbolicExpression {
        switch node {
        case .product(let factors):
            return Self.multipliedOut(factors.map(\.expanded))
        case .power(let base, let exponent):
            let (base, exponent) = (base.expanded, exponent.expanded)
            if case .sum = base.node, let count = exponent.numberValue?.integerValue,
               (2...Self.maximumExpandedPower).contains(count) {
                return Self.multipliedOut(Array(repeating: base, count: count))
            }
            return .power(base, exponent)
        default:
            return rebuilt(\.expanded)
        }
    }

    /// The largest whole power of a sum that ``expanded`` multiplies out.
    public static let maximumExpandedPower = 8

    /// The sum of the products of one term of each factor.
    private static func multipliedOut(_ factors: [SymbolicExpression]) -> SymbolicExpression {
        var terms: [SymbolicExpression] = [1]
        for factor in factors {
            let parts: [SymbolicExpression]
            if case .sum(let items) = factor.node { parts = items } else { parts = [factor] }
            terms = terms.flatMap { term in parts.map { term * $0 } }
        }
        return .sum(terms)
    }
}
