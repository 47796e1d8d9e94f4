/// The logarithms: natural, of `1 + x`, decimal, and the natural logarithm in two parts that
/// ``pow(_:_:)`` and the others build on.
extension PortableMath {
    /// The natural logarithm, within 1 ulp of the correctly rounded value (0.86 measured over 10^7
    /// arguments): `x = 2^e (1 + f)` with `sqrt(1/2) <= 1 + f < sqrt(2)` (subnormal `x` scaled by
    /// 2^54 first), then `log(1 + f) = 2 atanh(s)` with `s = f/(2 + f)`, written as
    /// `f - (f²/2 - s (f²/2 + R(s²)))` so that the large terms are exact, `R` the atanh series to
    /// s^24 (truncation below 1e-18) by Estrin's scheme (``polynomial(_:from:_:)``; in a vectorized loop
    /// on AMD Zen 3 this function takes 3.0–3.7 ns an element with it, 4.3–5.1 with Horner's rule),
    /// and `e ln 2` in two parts. `log(0) = -inf`, negative `x` gives NaN, `log(inf) = inf`.
    public static func log(_ x: Double) -> Double {
        let (e, m) = decompose(x)
        let f = m - 1.0
        let s = f / (2.0 + f)
        let z = s * s
        let r = polynomial(atanhSeries, z) * z
        let halfSquare = 0.5 * f * f
        let dk = Double(e)
        let result = dk * ln2High - ((halfSquare - (s * (halfSquare + r) + dk * ln2Low)) - f)
        return withLogarithmSpecialValues(x, result)
    }

    /// `log(1 + x)`, within 1 ulp (exact for tiny `x`, `±0` kept): `1 + x = u + c` exactly, then
    /// `log u` in two parts plus `c/u`. `log1p(-1) = -inf`, below -1 NaN.
    public static func log1p(_ x: Double) -> Double {
        let (u, c) = twoSum(1.0, x)
        let logarithm = twoPartLogarithm(u)
        var result = logarithm.high + (logarithm.low + c / u)
        result = x < -1.0 ? .nan : result
        result = x == -1.0 ? -.infinity : result
        result = x == .infinity ? x : result
        return x != x || x == 0 ? x : result
    }

    /// The decimal logarithm, within 1 ulp and exact at the powers of ten: the two-part natural
    /// logarithm times `1/ln 10` in two parts.
    public static func log10(_ x: Double) -> Double {
        let logarithm = twoPartLogarithm(x)
        let (product, error) = twoProduct(logarithm.high, log10eHigh)
        let result = product + (error + (logarithm.high * log10eLow + logarithm.low * log10eHigh))
        return withLogarithmSpecialValues(x, result)
    }

    /// `log x = high + low` with a relative error near 2^-65, for `x` positive and finite (finite
    /// nonsense otherwise): `x = 2^e (1 + f)` as in ``log(_:)``, `s = f/(2 + f)` in two parts,
    /// `2 atanh(s) = 2s + (2/3)s³ + s⁵ Q(s²)` with the first two terms in two parts, `Q` to s^22
    /// (by ``polynomial(_:from:_:)``).
    static func twoPartLogarithm(_ x: Double) -> (high: Double, low: Double) {
        let (e, m) = decompose(x)
        let f = m - 1.0
        let u = 2.0 + f
        let uLow = (2.0 - u) + f
        let s = f / u
        let quotient = twoProduct(s, u)
        let sLow = (((f - quotient.product) - quotient.error) - s * uLow) / u
        let square = twoProduct(s, s)
        let squareLow = square.error + 2.0 * s * sLow
        let cube = twoProduct(square.product, s)
        let cubeLow = cube.error + (squareLow * s + square.product * sLow)
        let third = twoProduct(twoThirdsHigh, cube.product)
        let thirdLow = third.error + (twoThirdsHigh * cubeLow + twoThirdsLow * cube.product)
        let z = square.product
        let q = polynomial(atanhTail, z)
        let head = fastTwoSum(2.0 * s, third.product)
        let low = head.error + ((2.0 * sLow + thirdLow) + z * z * s * q)
        let dk = Double(e)
        let sum = twoSum(dk * ln2High, head.sum)
        let result = fastTwoSum(sum.sum, sum.error + (low + dk * ln2Low))
        return (result.sum, result.error)
    }

    /// `x = 2^e m` with `sqrt(1/2) <= m < sqrt(2)` for positive finite `x` (from the bits of `|x|`
    /// otherwise).
    private static func decompose(_ x: Double) -> (e: Int64, m: Double) {
        let isSubnormal = x < Double.leastNormalMagnitude
        let y = isSubnormal ? x * 18014398509481984.0 : x
        let bits = y.bitPattern
        let e = Int64((bits >> 52) & 0x7ff) - 1023 - (isSubnormal ? 54 : 0)
        let m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        let isLarge = m > sqrt2
        return (isLarge ? e + 1 : e, isLarge ? m * 0.5 : m)
    }

    /// A logarithm's `result` for `x`, or the value at 0, negative `x`, infinity and NaN.
    private static func withLogarithmSpecialValues(_ x: Double, _ result: Double) -> Double {
        var value = x < 0 ? .nan : result
        value = x == 0 ? -.infinity : value
        value = x == .infinity ? x : value
        return x != x ? x : value
    }

    private static let sqrt2 = 1.4142135623730951
    /// 2/(2n + 3) for n = 0 ... 11: the series of `2 atanh(s)/s - 2` in powers of s².
    private static let atanhSeries: [Double] = (0..<12).map { 2.0 / Double(2 * $0 + 3) }
    /// 2/(2n + 5) for n = 0 ... 11: the series of `(2 atanh(s) - 2s - 2s³/3)/s⁵` in powers of s².
    private static let atanhTail: [Double] = (0..<12).map { 2.0 / Double(2 * $0 + 5) }
    /// 2/3 and 1/ln 10 in two parts.
    private static let twoThirdsHigh = 0.6666666666666666
    private static let twoThirdsLow = 3.700743415417188e-17
    private static let log10eHigh = 0.4342944819032518
    private static let log10eLow = 1.098319650216765e-17

    static let cLogarithm = """
        typedef struct sb_decomposition { int64_t e; double m; } sb_decomposition;
        static inline sb_decomposition sb_decompose(double x) {
            const int is_subnormal = x < \(literal(Double.leastNormalMagnitude));
            const double y = is_subnormal ? x * 18014398509481984.0 : x;
            const uint64_t bits = sb_bits(y);
            const int64_t e = (int64_t)((bits >> 52) & 0x7ff) - 1023 - (is_subnormal ? 54 : 0);
            const double m = sb_from_bits((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
            const int is_large = m > \(literal(sqrt2));
            sb_decomposition _r; _r.e = is_large ? e + 1 : e; _r.m = is_large ? m * 0.5 : m;
            return _r;
        }
        static inline double sb_with_logarithm_special_values(double x, double result) {
            double value = x < 0 ? NAN : result;
            value = x == 0 ? -INFINITY : value;
            value = x == INFINITY ? x : value;
            return x != x ? x : value;
        }
        \(cPolynomial("sb_atanh_series", atanhSeries))\(cPolynomial("sb_atanh_tail", atanhTail))static inline double sb_log(double x) {
            const sb_decomposition d = sb_decompose(x);
            const double f = d.m - 1.0;
            const double s = f / (2.0 + f);
            const double z = s * s;
            const double r = sb_atanh_series(z) * z;
            const double half_square = 0.5 * f * f;
            const double dk = (double)d.e;
            const double result = dk * \(literal(ln2High)) - ((half_square - (s * (half_square + r) + dk * \(literal(ln2Low)))) - f);
            return sb_with_logarithm_special_values(x, result);
        }
        static inline sb_pair sb_two_part_logarithm(double x) {
            const sb_decomposition d = sb_decompose(x);
            const double f = d.m - 1.0;
            const double u = 2.0 + f;
            const double u_low = (2.0 - u) + f;
            const double s = f / u;
            const sb_pair quotient = sb_two_product(s, u);
            const double s_low = (((f - quotient.high) - quotient.low) - s * u_low) / u;
            const sb_pair square = sb_two_product(s, s);
            const double square_low = square.low + 2.0 * s * s_low;
            const sb_pair cube = sb_two_product(square.high, s);
            const double cube_low = cube.low + (square_low * s + square.high * s_low);
            const sb_pair third = sb_two_product(\(literal(twoThirdsHigh)), cube.high);
            const double third_low = third.low + (\(literal(twoThirdsHigh)) * cube_low + \(literal(twoThirdsLow)) * cube.high);
            const double z = square.high;
            const double q = sb_atanh_tail(z);
            const sb_pair head = sb_fast_two_sum(2.0 * s, third.high);
            const double low = head.low + ((2.0 * s_low + third_low) + z * z * s * q);
            const double dk = (double)d.e;
            const sb_pair sum = sb_two_sum(dk * \(literal(ln2High)), head.high);
            return sb_fast_two_sum(sum.high, sum.low + (low + dk * \(literal(ln2Low))));
        }
        static inline double sb_log1p(double x) {
            const sb_pair sum = sb_two_sum(1.0, x);
            const sb_pair logarithm = sb_two_part_logarithm(sum.high);
            double result = logarithm.high + (logarithm.low + sum.low / sum.high);
            result = x < -1.0 ? NAN : result;
            result = x == -1.0 ? -INFINITY : result;
            result = x == INFINITY ? x : result;
            return x != x || x == 0 ? x : result;
        }
        static inline double sb_log10(double x) {
            const sb_pair logarithm = sb_two_part_logarithm(x);
            const sb_pair product = sb_two_product(logarithm.high, \(literal(log10eHigh)));
            const double result = product.high + (product.low + (logarithm.high * \(literal(log10eLow)) + logarithm.low * \(literal(log10eHigh))));
            return sb_with_logarithm_special_values(x, result);
        }

        """
}
