/// Transcendental functions computed the same way, operation for operation, in Swift (the
/// interpreter, constant folding) and in the generated C (``cSource``), so that both backends give
/// the same bits on every machine, independently of the C library; and written without branches or
/// library calls (selects instead of branches, bit patterns for the powers of two), so that the C
/// compiler vectorizes the loops that call them.
///
/// Both implementations use only IEEE-754 double arithmetic in a fixed order (no fused
/// multiply-add: the generated C is compiled with `-ffp-contract=off`, and Swift does not contract),
/// and bit patterns for the powers of two. With fast math (`SB_FAST_MATH` defined) the C uses the C
/// library's functions instead, as the compiler may then reorder the arithmetic these rely on.
public enum PortableMath {
    /// The functions of one argument that models call by these (Brian's) names, each with the name
    /// of the C function in ``cSource`` that computes it bit for bit the same.
    public static let unaryFunctions: [String: (function: @Sendable (Double) -> Double, c: String)] = [
        "exp": ({ exp($0) }, "sb_exp"), "expm1": ({ expm1($0) }, "sb_expm1"), "exprel": ({ exprel($0) }, "sb_exprel"),
        "log": ({ log($0) }, "sb_log"), "log1p": ({ log1p($0) }, "sb_log1p"), "log10": ({ log10($0) }, "sb_log10"),
        "sin": ({ sin($0) }, "sb_sin"), "cos": ({ cos($0) }, "sb_cos"),
        "sinh": ({ sinh($0) }, "sb_sinh"), "cosh": ({ cosh($0) }, "sb_cosh"), "tanh": ({ tanh($0) }, "sb_tanh"),
    ]

    /// The same functions in C (`sb_exp`, `sb_log`, ... as in ``unaryFunctions``, `sb_pow`,
    /// `sb_turns` (``cosineOfTurns(_:)`` or ``sineOfTurns(_:)``) and `sb_sincos_turns` (both)), for
    /// the generated code; the literals are those of the Swift functions.
    public static let cSource: String = """
        typedef struct sb_sine_cosine { double sine, cosine; } sb_sine_cosine;
        /* A double's bit pattern and back (also for the generated code's helpers, in either mode). */
        static inline uint64_t sb_bits(double x) {
            uint64_t bits;
            memcpy(&bits, &x, sizeof bits);
            return bits;
        }
        static inline double sb_from_bits(uint64_t bits) {
            double x;
            memcpy(&x, &bits, sizeof x);
            return x;
        }
        #ifdef SB_FAST_MATH
        #define sb_exp exp
        #define sb_expm1 expm1
        #define sb_log log
        #define sb_log1p log1p
        #define sb_log10 log10
        #define sb_sin sin
        #define sb_cos cos
        #define sb_sinh sinh
        #define sb_cosh cosh
        #define sb_tanh tanh
        #define sb_pow pow
        static inline double sb_exprel(double x) { return x == 0 ? 1.0 : expm1(x) / x; }
        static inline double sb_turns(double u, uint64_t quadrant_offset) {
            return quadrant_offset == 3 ? sin(2.0 * 3.141592653589793 * u) : cos(2.0 * 3.141592653589793 * u);
        }
        static inline sb_sine_cosine sb_sincos_turns(double u) {
            sb_sine_cosine result;
            result.sine = sin(2.0 * 3.141592653589793 * u);
            result.cosine = cos(2.0 * 3.141592653589793 * u);
            return result;
        }
        #else
        static inline double sb_power_of_two(int64_t k) {
            const uint64_t bits = (uint64_t)(k + 1023) << 52;
            double value;
            memcpy(&value, &bits, sizeof value);
            return value;
        }
        static inline double sb_with_sign_of(double magnitude, double x) {
            return sb_from_bits(sb_bits(magnitude) | (sb_bits(x) & 0x8000000000000000ull));
        }

        """ + cErrorFreeArithmetic + cExponential + cLogarithm + cPower + cTrigonometric + """
        #endif

        """

    /// `2^k` for `-1022 <= k <= 1023`, from its bit pattern.
    static func powerOfTwo(_ k: Int64) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }

    /// The magnitude of `magnitude` (not negative) with the sign of `x`.
    static func withSign(_ magnitude: Double, of x: Double) -> Double {
        Double(bitPattern: magnitude.bitPattern | (x.bitPattern & 0x8000_0000_0000_0000))
    }

    /// 1.5 × 2^52: adding it to a number of magnitude below 2^51 rounds that to an integer, held in
    /// the low bits of the sum.
    static let roundingShift = 6755399441055744.0

    /// `c[0] + c[1] x + c[2] x² + ...` for the coefficients `c` (`coefficients` from `first`, at
    /// least two), by Estrin's scheme with the constant added last: the pairs `c[1] x`,
    /// `c[2] + c[3] x`, `c[4] + c[5] x`, ..., then pairs of those with `x²` (`a + b x²`), of
    /// those with `x⁴`, ... (an odd one out carried up as it is), and `c[0]` plus the last one.
    /// Twelve coefficients take 8 dependent operations instead of Horner's 22: in the vectorized
    /// loops of the generated C these functions are latency-bound, not throughput-bound (on AMD
    /// Zen 3, AVX2, over 4,000 elements, the exponential took 3.3–4.5 ns an element with its series
    /// by Horner's rule, 1.9–3.0 ns by Estrin's). Adding the constant last rounds the result once
    /// at its own scale, where Estrin's scheme with the constant in the first pair rounds there at
    /// every level (``expm1(_:)`` was then off by up to 1.11 ulp instead of 0.88, over 10^7
    /// arguments in [-1, 1]). ``cPolynomial(_:_:from:)`` writes the same operations in C.
    static func polynomial(_ coefficients: [Double], from first: Int = 0, _ x: Double) -> Double {
        coefficients.withUnsafeBufferPointer { all in
            let c = UnsafeBufferPointer(rebasing: all[first...])
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: c.count) { terms in
                var count = 0
                for i in stride(from: 0, to: c.count, by: 2) {
                    terms[count] = i + 1 == c.count ? c[i] : i == 0 ? c[1] * x : c[i] + c[i + 1] * x
                    count += 1
                }
                var power = x
                while count > 1 {
                    power = power * power
                    var next = 0
                    for i in stride(from: 0, to: count, by: 2) {
                        terms[next] = i + 1 == count ? terms[i] : terms[i] + terms[i + 1] * power
                        next += 1
                    }
                    count = next
                }
                return c[0] + terms[0]
            }
        }
    }

    /// The C function `name(x)` computing ``polynomial(_:from:_:)`` of `coefficients` (from
    /// `first`) and `x`, operation for operation: the same pairs as parenthesized sums, the powers
    /// `x2`, `x4`, ... by the same squarings.
    static func cPolynomial(_ name: String, _ coefficients: [Double], from first: Int = 0) -> String {
        let c = coefficients[first...].map(literal)
        var terms = stride(from: 0, to: c.count, by: 2).map { i in
            i + 1 == c.count ? c[i] : i == 0 ? "\(c[1]) * x" : "(\(c[i]) + \(c[i + 1]) * x)"
        }
        var powers: [String] = []
        var power = "x", exponent = 1
        while terms.count > 1 {
            exponent *= 2
            powers.append("x\(exponent) = \(power) * \(power)")
            power = "x\(exponent)"
            terms = stride(from: 0, to: terms.count, by: 2).map { [terms, power] i in
                i + 1 == terms.count ? terms[i] : "(\(terms[i]) + \(terms[i + 1]) * \(power))"
            }
        }
        let declarations = powers.isEmpty ? "" : "const double \(powers.joined(separator: ", "));\n    "
        return """
            static inline double \(name)(double x) {
                \(declarations)return \(c[0]) + \(terms[0]);
            }

            """
    }

    /// `value` as a C literal that reads back as the same double.
    static func literal(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}
