/// Names of built-in kernel functions that are not part of Brian's language (users cannot call
/// them; model objects put them in kernels).
public enum KernelFunctionNames {
    /// `_binomial(n, p, u)`: a Binomial(n, p) draw from the uniform `u` (PoissonInput).
    public static let binomial = "_binomial"
    /// `_finite(x, ...)`: 1 when every argument is finite (neither NaN nor infinite), else 0; the
    /// condition under which an element's checked values are stored (see `FiniteChecks`).
    public static let finite = "_finite"
    /// `_quotient_threshold(d, n)`: the smallest `x` with `int(x/d) >= n` (see ``QuotientThreshold``),
    /// with which a refractory period is compared without a division per neuron.
    public static let quotientThreshold = "_quotient_threshold"

    /// The functions above whose value depends only on their arguments (which the loop-invariant
    /// hoisting may compute once).
    public static let pure: Set<String> = [finite, quotientThreshold]
}
