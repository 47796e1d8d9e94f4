/// A comparison of a truncated quotient with a whole number, `int(x/divisor) >= n`, done without
/// the division: for a positive finite divisor the quotient rounded by IEEE division never
/// decreases as `x` grows, nor does its truncation, so the values `x` for which the comparison
/// holds are exactly those at least the smallest such double, ``least(divisor:reaching:)``,
/// found once (a refractory period in steps: `int((t - lastspike + 1e-3*dt)/dt) >= steps` is
/// `t - lastspike + 1e-3*dt >= least(dt, steps)` for every value of `t - lastspike`, NaN
/// included). The result is the unique least double (in the order of their bit patterns, where -0
/// precedes +0), so any exact search finds the same one; the generated C (`sb_quotient_threshold`)
/// searches the same way.
public enum QuotientThreshold {
    /// The smallest double `x` with `(x/divisor).rounded(.towardZero) >= n`; `-infinity` when
    /// every value but NaN reaches `n`, NaN when none does (`x >= NaN` is false). `divisor` must
    /// be positive and finite (a clock's `dt`).
    public static func least(divisor: Double, reaching n: Double) -> Double {
        func reaches(_ x: Double) -> Bool { (x / divisor).rounded(.towardZero) >= n }
        if reaches(-.infinity) { return -.infinity }
        if !reaches(.infinity) { return .nan }
        // Near n*divisor the answer is a few doubles away; otherwise bisect the ordered doubles.
        var guess = n * divisor
        if !guess.isFinite { guess = guess.isNaN ? 0 : guess > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude }
        var low = key(-.infinity), high = key(.infinity)   // reaches(low) is false, reaches(high) true
        var x = guess
        for _ in 0..<stepsNearGuess {
            if reaches(x) {
                high = key(x)
                x = x.nextDown
            } else {
                low = key(x)
                x = x.nextUp
            }
            if high - low == 1 { return value(high) }
        }
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if reaches(value(middle)) { high = middle } else { low = middle }
        }
        return value(high)
    }

    /// `condition` without its division when it is `int(x/divisor) >= n` with `n` the same for
    /// every element (a refractory period in steps): then `x >= _quotient_threshold(divisor, n)`,
    /// whose right side the loop-invariant hoisting computes once per step. Any other condition
    /// is returned as it is. `divisor` must hold a positive finite number whenever the kernel runs
    /// (a clock's `dt`, checked when a run starts).
    public static func withoutDivision(_ condition: KernelExpression, divisor: DoubleBuffer) -> KernelExpression {
        guard case .binary(.greaterEqual, .call(.builtin("int"), let quotient), let n) = condition, quotient.count == 1,
              case .binary(.divide, let x, .load(let reference)) = quotient[0],
              reference.buffer === divisor, reference.index == .shared, isUniform(n) else {
            return condition
        }
        return .binary(.greaterEqual, x, .call(.builtin(KernelFunctionNames.quotientThreshold), [.load(reference), n]))
    }

    /// Whether `expression` has the same value for every element: it reads only constants and
    /// shared values, through built-in functions.
    private static func isUniform(_ expression: KernelExpression) -> Bool {
        var uniform = true
        expression.visit { node in
            switch node {
            case .load(let reference): if reference.index != .shared { uniform = false }
            case .call(.builtin, _), .constant, .unary, .binary: break
            default: uniform = false
            }
        }
        return uniform
    }

    /// How many neighbours of `n*divisor` are tried before bisecting (the answer is usually one or
    /// two away).
    package static let stepsNearGuess = 8

    /// The position of `x` (not NaN) among the doubles ordered by value, -0 before +0.
    static func key(_ x: Double) -> UInt64 {
        let bits = x.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    /// The double at `key` (the inverse of ``key(_:)``).
    static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
