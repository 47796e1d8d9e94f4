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

    /// `2^k` for `-1022 <= k <= 1023`, from its bit pattern.
    private static func powerOfTwo(_ k: Int64) -> Double {
        Double(bitPattern: UInt64(k + 1023) << 52)
    }

    private static let log2e = 1.4426950408889634
    private static let roundingShift = 6755399441055744.0
    /// ln 2 in two parts; the first has 32 significant bits, so `k * ln2High` is exact.
    private static let ln2High = 6.93147180369123816490e-01
    private static let ln2Low = 1.90821492927058770002e-10
    /// 1/n! for n = 0 ... 13.
    private static let taylor: [Double] = [
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
        0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10,
    ]

    /// The same functions in C (`sb_exp`), for the generated code; the literals are those above.
    public static let cSource: String = {
        let horner = stride(from: 12, through: 0, by: -1).map { "p = p * r + \(literal(taylor[$0]));" }
        return """
            #ifdef SB_FAST_MATH
            #define sb_exp exp
            #else
            static inline double sb_power_of_two(int64_t k) {
                const uint64_t bits = (uint64_t)(k + 1023) << 52;
                double value;
                memcpy(&value, &bits, sizeof value);
                return value;
            }
            static inline double sb_exp(double x) {
                const int is_nan = x != x;
                double y = x > 710.0 ? 710.0 : x;
                y = y < -746.0 ? -746.0 : y;
                y = is_nan ? 0.0 : y;
                const double shift = \(literal(roundingShift));
                const double shifted = y * \(literal(log2e)) + shift;
                const double kd = shifted - shift;
                uint64_t shifted_bits, shift_bits;
                memcpy(&shifted_bits, &shifted, sizeof shifted_bits);
                memcpy(&shift_bits, &shift, sizeof shift_bits);
                const int64_t k = (int64_t)(shifted_bits - shift_bits);
                const double r = (y - kd * \(literal(ln2High))) - kd * \(literal(ln2Low));
                double p = \(literal(taylor[13]));
                \(horner.joined(separator: "\n    "))
                const int64_t half = k / 2;
                const double result = p * sb_power_of_two(half) * sb_power_of_two(k - half);
                return is_nan ? x : result;
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
