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

    /// C statements evaluating `variable` by Horner's rule in `argument` with `series[high - 1]`
    /// down to `series[low]` (`variable` starts at `series[high]`).
    static func horner(_ variable: String, _ argument: String, _ series: [Double], from high: Int, to low: Int) -> String {
        stride(from: high - 1, through: low, by: -1)
            .map { "\(variable) = \(variable) * \(argument) + \(literal(series[$0]));" }.joined(separator: "\n    ")
    }

    /// `value` as a C literal that reads back as the same double.
    static func literal(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}
