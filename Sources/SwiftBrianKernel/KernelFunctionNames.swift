/// Names of built-in kernel functions that are not part of Brian's language (users cannot call
/// them; model objects put them in kernels).
public enum KernelFunctionNames {
    /// `_binomial(n, p, u)`: a Binomial(n, p) draw from the uniform `u` (PoissonInput).
    public static let binomial = "_binomial"
}
