/// An expression split as `coefficient*x + remainder` for a variable `x`, with neither part
/// depending on `x`.
public struct LinearDecomposition: Hashable, Sendable {
    /// The factor of the variable.
    public let coefficient: SymbolicExpression
    /// Everything else.
    public let remainder: SymbolicExpression
}

extension SymbolicExpression {
    /// The split `self = coefficient*x + remainder` with both parts free of the variable `x`, or
    /// nil when the expression is not linear in `x`. This is what Brian calls *conditionally
    /// linear*: the parts may depend on anything else.
    ///
    /// The coefficient is the derivative; the expression is linear when the derivative is free of
    /// `x` and `self - coefficient*x`, multiplied out, is too. So `x*(1 + y)` and `(x - a)/tau`
    /// are linear in `x`; `x**2`, `x*exp(x)`, `floor(x)` (derivative 0, but `x` remains),
    /// `abs(x)`, `clip(x, 0, 1)` and `x*f(x)` for a user function `f` are not.
    ///
    /// The remainder is the expression with `x` set to 0 when that agrees with the multiplied-out
    /// difference, so it keeps the expression's own shape; otherwise the multiplied-out difference.
    public func linearDecomposition(in x: String) -> LinearDecomposition? {
        guard let system = try? LinearSystem([self], variables: [x]) else { return nil }
        return LinearDecomposition(coefficient: system.matrix[0][0], remainder: system.constants[0])
    }

    /// Whether the expression is `A*x + B` with `A` and `B` free of `x` (see
    /// ``linearDecomposition(in:)``).
    public func isLinear(in x: String) -> Bool { linearDecomposition(in: x) != nil }
}
