/// Transcendental functions computed the same way, operation for operation, in Swift (the
/// interpreter, constant folding) and in the generated C (``cSource``), so that both backends give
/// the same bits on every machine, independently of the C library; and written without branches or
/// library calls, so that the C compiler vectorizes the loops that call them.
///
/// Both implementations use only IEEE-754 double arithmetic in a fixed order (no fused
/// multiply-add: the generated C is compiled with `-ffp-contract=off`, and Swift does not contract),
/// and bit patterns for the powers of two. With fast math (`SB_FAST_MATH` defined) the C uses the C
/// library's functions instead, as the compiler may then reorder the arithmetic these rely on.
public enum PortableMath {
    /// `e^x`, within 1 ulp of the correctly rounded value: `x = k ln 2 + r` with `|r| <= ln 2 / 2`
    /// (Cody and Waite's two-part ln 2), `e^r` by its Taylor polynomial of degree 13 (truncation
    /// error below 1e-17 relative), times `2^k` as two powers of two, so that results down in the
    /// subnormal range are rounded once. `x` above 710 gives infinity, below -746 zero; NaN stays NaN.
    public static func exp(_ x: Double) -> Double {
        let isNaN = x != x
        var y = x > 710.0 ? 710.0 : x
        y = y < -746.0 ? -746.0 : y
        y = isNaN ? 0.0 : y
        // Adding 1.5 * 2^52 rounds y / ln 2 to the integer k, held in the low bits of the sum.
        let shifted = y * log2e + roundingShift
        let kd = shifted - roundingShift
        let k = Int64(bitPattern: shifted.bitPattern &- roundingShift.bitPattern)
        let r = (y - kd * ln2High) - kd * ln2Low
        var p = taylor[13]
        for n in stride(from: 12, through: 0, by: -1) {
            p = p * r + taylor[n]
        }
        let half = k / 2
        let result = p * powerOfTwo(half) * powerOfTwo(k - half)
        return isNaN ? x : result
    }

    /// The natural logarithm, within 1 ulp of the correctly rounded value: `x = 2^e (1 + f)` with
    /// `sqrt(1/2) <= 1 + f < sqrt(2)` (subnormal `x` scaled by 2^54 first), then
    /// `log(1 + f) = 2 atanh(s)` with `s = f/(2 + f)`, written as `f - (f²/2 - s (f²/2 + R(s²)))` so
    /// that the large terms are exact, `R` the atanh series to s^24 (truncation below 1e-18), and
    /// `e ln 2` in two parts. `log(0) = -inf`, negative `x` gives NaN, `log(inf) = inf`.
    public static func log(_ x: Double) -> Double {
        let isSubnormal = x < Double.leastNormalMagnitude
        let y = isSubnormal ? x * 18014398509481984.0 : x
        let bits = y.bitPattern
        var e = Int64((bits >> 52) & 0x7ff) - 1023 - (isSubnormal ? 54 : 0)
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        let isLarge = m > sqrt2
        m = isLarge ? m * 0.5 : m
        e = isLarge ? e + 1 : e
        let f = m - 1.0
        let s = f / (2.0 + f)
        let z = s * s
        var r = atanhSeries[11]
        for n in stride(from: 10, through: 0, by: -1) {
            r = r * z + atanhSeries[n]
        }
        r = r * z
        let halfSquare = 0.5 * f * f
        let dk = Double(e)
        var result = dk * ln2High - ((halfSquare - (s * (halfSquare + r) + dk * ln2Low)) - f)
        result = x < 0 ? .nan : result
        result = x == 0 ? -.infinity : result
        result = x == .infinity ? x : result
        return x != x ? x : result
    }

    /// `cos(2π u)` for `0 <= u < 1` (a fraction of a turn, as the normal random numbers need it),
    /// within 2 ulp: `4u = k + d` with `|d| <= 1/2` (exact), then sine or cosine of `d π/2` by their
    /// Taylor polynomials (to degree 19 and 18) according to the quadrant `k`.
    public static func cosineOfTurns(_ u: Double) -> Double {
        let t = 4.0 * u
        let shifted = t + roundingShift
        let kd = shifted - roundingShift
        let quadrant = (shifted.bitPattern &- roundingShift.bitPattern) & 3
        let r = (t - kd) * halfPi
        let z = r * r
        var p = sineSeries[9]
        for n in stride(from: 8, through: 1, by: -1) {
            p = p * z + sineSeries[n]
        }
        let sine = r + r * z * p
        var q = cosineSeries[9]
        for n in stride(from: 8, through: 2, by: -1) {
            q = q * z + cosineSeries[n]
        }
        let halfZ = 0.5 * z
        let w = 1.0 - halfZ
        let cosine = w + (((1.0 - w) - halfZ) + z * z * q)
        return quadrant == 0 ? cosine : quadrant == 1 ? -sine : quadrant == 2 ? -cosine : sine
    }

    /// `2^k` for `-1022 <= k <= 1023`, from its bit pattern.
    private static func powerOfTwo(_ k: Int64) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }

    private static let log2e = 1.4426950408889634
    private static let roundingShift = 6755399441055744.0
    /// ln 2 in two parts; the first has 32 significant bits, so `k * ln2High` is exact.
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    private static let sqrt2 = 1.4142135623730951
    private static let halfPi = 1.5707963267948966
    /// 2/(2n + 3) for n = 0 ... 11: the series of `2 atanh(s)/s - 2` in powers of s².
    private static let atanhSeries: [Double] = (0..<12).map { 2.0 / Double(2 * $0 + 3) }
    /// (-1)^n/(2n + 1)! and (-1)^n/(2n)! for n = 0 ... 9.
    private static let sineSeries: [Double] = [
        1.0, -0.16666666666666666, 0.008333333333333333, -0.0001984126984126984, 2.7557319223985893e-06,
        -2.505210838544172e-08, 1.6059043836821613e-10, -7.647163731819816e-13, 2.8114572543455206e-15,
        -8.22063524662433e-18,
    ]
    private static let cosineSeries: [Double] = [
        1.0, -0.5, 0.041666666666666664, -0.001388888888888889, 2.48015873015873e-05, -2.755731922398589e-07,
        2.08767569878681e-09, -1.1470745597729725e-11, 4.779477332387385e-14, -1.5619206968586225e-16,
    ]
    /// 1/n! for n = 0 ... 13.
    private static let taylor: [Double] = [
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
        0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10,
    ]

    /// The same functions in C (`sb_exp`, `sb_log`, `sb_cos_turns`), for the generated code; the
    /// literals are those above.
    public static let cSource: String = {
        func horner(_ variable: String, _ argument: String, _ series: [Double], from high: Int, to low: Int) -> String {
            stride(from: high - 1, through: low, by: -1)
                .map { "\(variable) = \(variable) * \(argument) + \(literal(series[$0]));" }.joined(separator: "\n    ")
        }
        return """
            #ifdef SB_FAST_MATH
            #define sb_exp exp
            #define sb_log log
            static inline double sb_cos_turns(double u) { return cos(2.0 * 3.141592653589793 * u); }
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
            static inline double sb_exp(double x) {
                const int is_nan = x != x;
                double y = x > 710.0 ? 710.0 : x;
                y = y < -746.0 ? -746.0 : y;
                y = is_nan ? 0.0 : y;
                const double shift = \(literal(roundingShift));
                const double shifted = y * \(literal(log2e)) + shift;
                const double kd = shifted - shift;
                const int64_t k = (int64_t)(sb_bits(shifted) - sb_bits(shift));
                const double r = (y - kd * \(literal(ln2High))) - kd * \(literal(ln2Low));
                double p = \(literal(taylor[13]));
                \(horner("p", "r", taylor, from: 13, to: 0))
                const int64_t half = k / 2;
                const double result = p * sb_power_of_two(half) * sb_power_of_two(k - half);
                return is_nan ? x : result;
            }
            static inline double sb_log(double x) {
                const int is_subnormal = x < \(literal(Double.leastNormalMagnitude));
                const double y = is_subnormal ? x * 18014398509481984.0 : x;
                const uint64_t bits = sb_bits(y);
                int64_t e = (int64_t)((bits >> 52) & 0x7ff) - 1023 - (is_subnormal ? 54 : 0);
                double m = sb_from_bits((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
                const int is_large = m > \(literal(sqrt2));
                m = is_large ? m * 0.5 : m;
                e = is_large ? e + 1 : e;
                const double f = m - 1.0;
                const double s = f / (2.0 + f);
                const double z = s * s;
                double r = \(literal(atanhSeries[11]));
                \(horner("r", "z", atanhSeries, from: 11, to: 0))
                r = r * z;
                const double half_square = 0.5 * f * f;
                const double dk = (double)e;
                double result = dk * \(literal(ln2High)) - ((half_square - (s * (half_square + r) + dk * \(literal(ln2Low)))) - f);
                result = x < 0 ? NAN : result;
                result = x == 0 ? -INFINITY : result;
                result = x == INFINITY ? x : result;
                return x != x ? x : result;
            }
            static inline double sb_cos_turns(double u) {
                const double shift = \(literal(roundingShift));
                const double t = 4.0 * u;
                const double shifted = t + shift;
                const double kd = shifted - shift;
                const uint64_t quadrant = (sb_bits(shifted) - sb_bits(shift)) & 3;
                const double r = (t - kd) * \(literal(halfPi));
                const double z = r * r;
                double p = \(literal(sineSeries[9]));
                \(horner("p", "z", sineSeries, from: 9, to: 1))
                const double sine = r + r * z * p;
                double q = \(literal(cosineSeries[9]));
                \(horner("q", "z", cosineSeries, from: 9, to: 2))
                const double half_z = 0.5 * z;
                const double w = 1.0 - half_z;
                const double cosine = w + (((1.0 - w) - half_z) + z * z * q);
                return quadrant == 0 ? cosine : quadrant == 1 ? -sine : quadrant == 2 ? -cosine : sine;
            }
            #endif

            """
    }()

    /// `value` as a C literal that reads back as the same double.
    private static func literal(_ value: Double) -> String {
        let text = "\(value)"
        return text.contains(".") || text.contains("e") ? text : text + ".0"
    }
}
