/// The exponential and the functions built on it: `e^x`, `e^x - 1`, `(e^x - 1)/x` and the
/// hyperbolic functions.
extension PortableMath {
    /// `e^x`, within 1 ulp of the correctly rounded value (0.96 measured over 10^7 arguments, the
    /// subnormal range included): `x = k ln 2 + r` with `|r| <= ln 2 / 2` (Cody and Waite's two-part
    /// ln 2), `e^r = 1 + (r + r² T(r))` with `T` the rest of the Taylor polynomial of degree 13
    /// (truncation error below 1e-17 relative) by Estrin's scheme (``polynomial(_:from:_:)``: 8
    /// dependent operations instead of Horner's 22, which made this function about 1.5× as fast in
    /// vectorized loops), times `2^k` as two powers of two, so that results down in the subnormal range are
    /// rounded once. Adding 1 last rounds once at the result's scale (the earlier
    /// `(T r + 1) r + 1` was off by up to 1.17 ulp, and one operation longer). `x` above 710 gives
    /// infinity, below -746 zero; NaN stays NaN.
    public static func exp(_ x: Double) -> Double {
        scaledExp(x, tail: -0.0, scale: 0)
    }

    /// `e^x - 1`, within 1 ulp (0.92 measured over 10^7 arguments; exact for tiny `x`, `±0` kept):
    /// with `x = k ln 2 + r + c` as in ``exp(_:)`` (`c` the rounding error of `r`),
    /// `e^(r + c) - 1 = m + c (1 + m)` where `m = r + r² T(r)` in two parts, then
    /// `(2^k - 1) + 2^k m` (exact scalings, the sum in two parts) for `k <= 53`, where `2^k - 1` is
    /// exact, and `2^k (1 + m)` (`1 + m` in two parts) `- 1` above, the `- 1` added to the low part
    /// (rounding `2^k (1 + m)` first was off by up to 1.24 ulp at `x` near 37).
    /// `expm1(-inf) = -1`, `expm1(inf) = inf`.
    public static func expm1(_ x: Double) -> Double {
        let reduction = reduceForExp(x)
        let k = reduction.k
        let r = reduction.high - reduction.low
        let c = (reduction.high - r) - reduction.low
        let m = fastTwoSum(r, r * r * expSeriesTail(r))
        let mLow = m.error + (c + c * m.sum)
        let half = k / 2
        let scale = powerOfTwo(half) * powerOfTwo(k - half)
        let sum = twoSum(scale - 1.0, m.sum * scale)
        let small = sum.sum + (sum.error + mLow * scale)
        let one = fastTwoSum(1.0, m.sum)
        let large = one.sum * powerOfTwo(half) * powerOfTwo(k - half)
            + ((one.error + mLow) * powerOfTwo(half) * powerOfTwo(k - half) - 1.0)
        let result = k > 53 ? large : small
        return x != x || x == 0 ? x : result
    }

    /// `(e^x - 1)/x`, 1 at 0 (Brian's `exprel`): ``expm1(_:)`` divided by `x`, within 2 ulp (1.60
    /// measured over 10^7 arguments).
    public static func exprel(_ x: Double) -> Double {
        let quotient = expm1(x) / x
        return x == 0 ? 1.0 : quotient
    }

    /// The hyperbolic sine, within 2 ulp (1.85 measured over 10^7 arguments): `(2t - t²/(t + 1))/2`
    /// with `t = expm1(|x|)` below 1, `E - 1/(4E)` with `E = e^|x|/2` (scaled without overflow)
    /// above; odd.
    public static func sinh(_ x: Double) -> Double {
        let a = x.magnitude
        let t = expm1(a)
        let small = 0.5 * (2.0 * t - t * t / (t + 1.0))
        let e = scaledExp(a, tail: -0.0, scale: -1)
        let large = e - 0.25 / e
        return withSign(a < 1.0 ? small : large, of: x)
    }

    /// The hyperbolic cosine, within 1.5 ulp (1.38 measured over 10^7 arguments): `E + 1/(4E)` with
    /// `E = e^|x|/2` (scaled without overflow, so finite up to 710.47).
    public static func cosh(_ x: Double) -> Double {
        let e = scaledExp(x.magnitude, tail: -0.0, scale: -1)
        return e + 0.25 / e
    }

    /// The hyperbolic tangent, within 2.5 ulp (2.36 measured over 10^7 arguments): `-t/(t + 2)` with
    /// `t = expm1(-2|x|)` below 1, `1 - 2/(t + 2)` with `t = expm1(2|x|)` above; odd.
    public static func tanh(_ x: Double) -> Double {
        let a = x.magnitude
        let isSmall = a < 1.0
        let t = expm1(isSmall ? -2.0 * a : 2.0 * a)
        let result = isSmall ? -t / (t + 2.0) : 1.0 - 2.0 / (t + 2.0)
        return withSign(result, of: x)
    }

    /// `e^(x + tail) 2^scale`, `tail` a correction much smaller than 1 (-0 for none: adding -0
    /// changes nothing, so the C compiler drops it), scaled
    /// before rounding, so that `e^x/2` does not overflow where it is finite.
    static func scaledExp(_ x: Double, tail: Double, scale: Int64) -> Double {
        let reduction = reduceForExp(x)
        let r = (reduction.high - reduction.low) + tail
        let p = taylor[0] + (r + r * r * expSeriesTail(r))
        let k = reduction.k + scale
        let half = k / 2
        let result = p * powerOfTwo(half) * powerOfTwo(k - half)
        return x != x ? x : result
    }

    /// `x` (clamped to [-746, 711], NaN taken as 0) as `k ln 2 + high - low`, `k` the nearest
    /// integer to `x / ln 2`; `high` is exact.
    private static func reduceForExp(_ x: Double) -> (k: Int64, high: Double, low: Double) {
        var y = x > 711.0 ? 711.0 : x
        y = y < -746.0 ? -746.0 : y
        y = x != x ? 0.0 : y
        let shifted = y * log2e + roundingShift
        let kd = shifted - roundingShift
        let k = Int64(bitPattern: shifted.bitPattern &- roundingShift.bitPattern)
        return (k, y - kd * ln2High, kd * ln2Low)
    }

    /// `T(r) = (e^r - 1 - r)/r² = 1/2 + r/6 + ...` to the term in r^11.
    private static func expSeriesTail(_ r: Double) -> Double {
        polynomial(taylor, from: 2, r)
    }

    private static let log2e = 1.4426950408889634
    /// ln 2 in two parts; the first has 32 significant bits, so `k * ln2High` is exact.
    static let ln2High = 6.93147180369123816490e-01
    static let ln2Low = 1.90821492927058770002e-10
    /// 1/n! for n = 0 ... 13.
    private static let taylor: [Double] = [
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
        0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10,
    ]

    static let cExponential = """
        typedef struct sb_exp_reduction { int64_t k; double high, low; } sb_exp_reduction;
        static inline sb_exp_reduction sb_reduce_for_exp(double x) {
            double y = x > 711.0 ? 711.0 : x;
            y = y < -746.0 ? -746.0 : y;
            y = x != x ? 0.0 : y;
            const double shift = \(literal(roundingShift));
            const double shifted = y * \(literal(log2e)) + shift;
            const double kd = shifted - shift;
            const int64_t k = (int64_t)(sb_bits(shifted) - sb_bits(shift));
            sb_exp_reduction _r; _r.k = k; _r.high = y - kd * \(literal(ln2High)); _r.low = kd * \(literal(ln2Low));
            return _r;
        }
        \(cPolynomial("sb_exp_series_tail", taylor, from: 2))static inline double sb_scaled_exp(double x, double tail, int64_t scale) {
            const sb_exp_reduction reduction = sb_reduce_for_exp(x);
            const double r = (reduction.high - reduction.low) + tail;
            const double p = \(literal(taylor[0])) + (r + r * r * sb_exp_series_tail(r));
            const int64_t k = reduction.k + scale;
            const int64_t half = k / 2;
            const double result = p * sb_power_of_two(half) * sb_power_of_two(k - half);
            return x != x ? x : result;
        }
        static inline double sb_exp(double x) { return sb_scaled_exp(x, -0.0, 0); }
        static inline double sb_expm1(double x) {
            const sb_exp_reduction reduction = sb_reduce_for_exp(x);
            const int64_t k = reduction.k;
            const double r = reduction.high - reduction.low;
            const double c = (reduction.high - r) - reduction.low;
            const sb_pair m = sb_fast_two_sum(r, r * r * sb_exp_series_tail(r));
            const double m_low = m.low + (c + c * m.high);
            const int64_t half = k / 2;
            const double scale = sb_power_of_two(half) * sb_power_of_two(k - half);
            const sb_pair sum = sb_two_sum(scale - 1.0, m.high * scale);
            const double small = sum.high + (sum.low + m_low * scale);
            const sb_pair one = sb_fast_two_sum(1.0, m.high);
            const double large = one.high * sb_power_of_two(half) * sb_power_of_two(k - half) + ((one.low + m_low) * sb_power_of_two(half) * sb_power_of_two(k - half) - 1.0);
            const double result = k > 53 ? large : small;
            return x != x || x == 0 ? x : result;
        }
        static inline double sb_exprel(double x) {
            const double quotient = sb_expm1(x) / x;
            return x == 0 ? 1.0 : quotient;
        }
        static inline double sb_sinh(double x) {
            const double a = fabs(x);
            const double t = sb_expm1(a);
            const double small = 0.5 * (2.0 * t - t * t / (t + 1.0));
            const double e = sb_scaled_exp(a, -0.0, -1);
            const double large = e - 0.25 / e;
            return sb_with_sign_of(a < 1.0 ? small : large, x);
        }
        static inline double sb_cosh(double x) {
            const double e = sb_scaled_exp(fabs(x), -0.0, -1);
            return e + 0.25 / e;
        }
        static inline double sb_tanh(double x) {
            const double a = fabs(x);
            const int is_small = a < 1.0;
            const double t = sb_expm1(is_small ? -2.0 * a : 2.0 * a);
            const double result = is_small ? -t / (t + 2.0) : 1.0 - 2.0 / (t + 2.0);
            return sb_with_sign_of(result, x);
        }

        """
}
