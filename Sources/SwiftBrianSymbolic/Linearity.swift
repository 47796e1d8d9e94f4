/// An expression split as `coefficient*x + remainder` for a variable `x`.
public struct LinearDecomposition: Hashable, Sendable {
    /// The factor of the variable.
    public let coefficient: SymbolicExpression
    /// Everything else.
    public let remainder: SymbolicExpression
}

extension SymbolicExpression {
    /// The split `self = coefficient*x + remainder` that Brian's `exponential_euler` uses, or nil
    /// when the expression is not *conditionally linear* in `x`.
    ///
    /// Brian's rule: multiply the expression out and sort its terms by the power of `x` they have
    /// as a factor. Terms with the factor `x` (exactly the first power) make the coefficient, terms
    /// without a power of `x` the remainder; the expression is conditionally linear when there is
    /// at least one term of the first kind (or `x` does not appear at all) and no term has another
    /// power of `x`. Both parts may still read `x` inside a function: `tanh(x) - 2*x` splits as
    /// `-2*x + tanh(x)` and `x*exp(x)` as `exp(x)*x`, and the state updater evaluates them at the
    /// start of the step, as Brian does. `x**2 - x`, `1/x`, `sqrt(x)`, `exp(x)`, `floor(x)` and
    /// `abs(x)` are not conditionally linear. (Brian's own test keeps only the first power when
    /// `x**2` and `x` both appear, dropping the `x**2` term; it is refused here.)
    ///
    /// When neither part reads `x`, the expression is linear in the strict sense and the parts are
    /// written in the expression's own shape (see ``LinearSystem``): the coefficient is the
    /// derivative and the remainder the expression at `x = 0` where that agrees.
    public func linearDecomposition(in x: String) -> LinearDecomposition? {
        let expanded = self.expanded
        let terms: [SymbolicExpression]
        if case .sum(let items) = expanded.node { terms = items } else { terms = [expanded] }
        var coefficientTerms: [SymbolicExpression] = [], remainderTerms: [SymbolicExpression] = []
        for term in terms {
            switch term.exponent(of: x) {
            case nil: remainderTerms.append(term)
            case let exponent? where exponent.isOne: coefficientTerms.append(term / .symbol(x))
            default: return nil
            }
        }
        if coefficientTerms.isEmpty && remainderTerms.contains(where: { $0.contains(x) }) { return nil }
        let coefficient = SymbolicExpression.sum(coefficientTerms), remainder = SymbolicExpression.sum(remainderTerms)
        if !coefficient.contains(x), !remainder.contains(x), let system = try? LinearSystem([self], variables: [x]) {
            return LinearDecomposition(coefficient: system.coefficient(0, 0), remainder: system.constants[0])
        }
        return LinearDecomposition(coefficient: coefficient, remainder: remainder)
    }

    /// Whether the expression is conditionally linear in `x` (see ``linearDecomposition(in:)``).
    public func isLinear(in x: String) -> Bool { linearDecomposition(in: x) != nil }

    /// The exponent of the factor `x**n` of this term, or nil when it has no such factor.
    private func exponent(of x: String) -> SymbolicExpression? {
        let factors: [SymbolicExpression]
        if case .product(let items) = node { factors = items } else { factors = [self] }
        for factor in factors {
            switch factor.node {
            case .symbol(let name) where name == x: return 1
            case .power(let base, let exponent) where base == .symbol(x): return exponent
            default: continue
            }
        }
        return nil
    }
}
