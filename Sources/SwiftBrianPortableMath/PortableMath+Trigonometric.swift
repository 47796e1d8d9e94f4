/// Sine and cosine, of radians and of turns.
extension PortableMath {
    /// The sine, within 1 ulp for `|x| < 2^20 π/2` (about 1.6e6; 0.80 measured over 10^7
    /// arguments): `x = k π/2 + r` with `π/2` in
    /// four parts (Cody and Waite; `k` times each of the first three exact) and `r` in two parts,
    /// then the Taylor polynomials of ``cosineOfTurns(_:)``. Up to 2^50 the reduction is exact only
    /// to about one ulp of `x` (the sine of a number within an ulp of `x`); above 2^50, where one
    /// ulp of `x` exceeds a quarter, the result is 0 or ±1 without meaning. `sin(±0) = ±0`,
    /// infinities give NaN.
    public static func sin(_ x: Double) -> Double {
        let value = sineOrCosine(x, quadrantOffset: 3)
        return x == 0 ? x : value
    }

    /// The cosine, as ``sin(_:)``.
    public static func cos(_ x: Double) -> Double {
        sineOrCosine(x, quadrantOffset: 0)
    }

    /// `cos(2π u)` for `0 <= u < 1` (a fraction of a turn, as the normal random numbers need it),
    /// within 2 ulp (1.82 measured over 10^7 arguments): `4u = k + d` with `|d| <= 1/2` (exact),
    /// then sine or cosine of `d π/2` by their Taylor polynomials (to degree 19 and 18, in `r²` by
    /// ``polynomial(_:from:_:)``: 8 and 7 dependent operations instead of Horner's 16 and 14) according
    /// to the quadrant `k`.
    public static func cosineOfTurns(_ u: Double) -> Double {
        ofTurns(u, quadrantOffset: 0)
    }

    /// `sin(2π u)` for `0 <= u < 1`, within 2 ulp: ``cosineOfTurns(_:)`` a quarter turn back
    /// (`sin(2π u) = cos(2π u + 3π/2)`), from the same two polynomials, so that the C function
    /// giving both (`sb_sincos_turns`) gives each bit for bit as these two.
    public static func sineOfTurns(_ u: Double) -> Double {
        ofTurns(u, quadrantOffset: 3)
    }

    /// `cos(2π u + offset π/2)`.
    private static func ofTurns(_ u: Double, quadrantOffset: UInt64) -> Double {
        let t = 4.0 * u
        let shifted = t + roundingShift
        let kd = shifted - roundingShift
        let quadrant = (shifted.bitPattern &- roundingShift.bitPattern) &+ quadrantOffset
        return cosineInQuadrant((t - kd) * halfPi, 0.0, quadrant: quadrant)
    }

    /// `cos(x + offset π/2)`.
    private static func sineOrCosine(_ x: Double, quadrantOffset: UInt64) -> Double {
        let shifted = x * twoOverPi + roundingShift
        let kd = shifted - roundingShift
        let quadrant = (shifted.bitPattern &- roundingShift.bitPattern) &+ quadrantOffset
        let first = x - kd * halfPiParts[0]
        let second = twoSum(first, -(kd * halfPiParts[1]))
        let third = twoSum(second.sum, -(kd * halfPiParts[2]))
        let tail = (second.error + third.error) - kd * halfPiParts[3]
        let r = fastTwoSum(third.sum, tail)
        let isHuge = !(x.magnitude < 1125899906842624.0)
        return cosineInQuadrant(isHuge ? x - x : r.sum, isHuge ? 0.0 : r.error, quadrant: quadrant)
    }

    /// `cos(r + rLow + k π/2)` for `|r| <= π/4`, `rLow` below an ulp of `r`, `k` the low two bits
    /// of `quadrant`.
    private static func cosineInQuadrant(_ r: Double, _ rLow: Double, quadrant: UInt64) -> Double {
        let z = r * r
        let p = polynomial(sineSeries, from: 1, z)
        let q = polynomial(cosineSeries, from: 2, z)
        let halfZ = 0.5 * z
        let w = 1.0 - halfZ
        let sine = r + (r * z * p + rLow * w)
        let cosine = w + (((1.0 - w) - halfZ) + (z * z * q - r * rLow))
        let k = quadrant & 3
        return k == 0 ? cosine : k == 1 ? -sine : k == 2 ? -cosine : sine
    }

    private static let halfPi = 1.5707963267948966
    private static let twoOverPi = 0.6366197723675814
    /// π/2 in four parts, the first three of 33 significant bits (fdlibm's).
    private static let halfPiParts = [
        1.57079632673412561417e+00, 6.07710050630396597660e-11, 2.02226624871116645580e-21, 8.47842766036889956997e-32,
    ]
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

    static let cTrigonometric = """
        \(cPolynomial("sb_sine_series", sineSeries, from: 1))\(cPolynomial("sb_cosine_series", cosineSeries, from: 2))static inline sb_sine_cosine sb_sine_cosine_near_zero(double r, double r_low) {
            const double z = r * r;
            const double p = sb_sine_series(z);
            const double q = sb_cosine_series(z);
            const double half_z = 0.5 * z;
            const double w = 1.0 - half_z;
            sb_sine_cosine result;
            result.sine = r + (r * z * p + r_low * w);
            result.cosine = w + (((1.0 - w) - half_z) + (z * z * q - r * r_low));
            return result;
        }
        static inline double sb_in_quadrant(sb_sine_cosine near_zero, uint64_t quadrant) {
            const uint64_t k = quadrant & 3;
            return k == 0 ? near_zero.cosine : k == 1 ? -near_zero.sine : k == 2 ? -near_zero.cosine : near_zero.sine;
        }
        static inline double sb_cosine_in_quadrant(double r, double r_low, uint64_t quadrant) {
            return sb_in_quadrant(sb_sine_cosine_near_zero(r, r_low), quadrant);
        }
        /* u turns as quadrant * pi/2 + the result (|result| <= pi/4). */
        static inline double sb_reduced_turns(double u, uint64_t *quadrant) {
            const double shift = \(literal(roundingShift));
            const double t = 4.0 * u;
            const double shifted = t + shift;
            const double kd = shifted - shift;
            *quadrant = sb_bits(shifted) - sb_bits(shift);
            return (t - kd) * \(literal(halfPi));
        }
        /* cos(2 pi u + offset pi/2): offset 0 the cosine of u turns, 3 the sine. */
        static inline double sb_turns(double u, uint64_t quadrant_offset) {
            uint64_t quadrant;
            const double r = sb_reduced_turns(u, &quadrant);
            return sb_cosine_in_quadrant(r, 0.0, quadrant + quadrant_offset);
        }
        /* Both sb_turns(u, 0) and sb_turns(u, 3), bit for bit, from one evaluation of the polynomials. */
        static inline sb_sine_cosine sb_sincos_turns(double u) {
            uint64_t quadrant;
            const sb_sine_cosine near_zero = sb_sine_cosine_near_zero(sb_reduced_turns(u, &quadrant), 0.0);
            sb_sine_cosine result;
            result.cosine = sb_in_quadrant(near_zero, quadrant);
            result.sine = sb_in_quadrant(near_zero, quadrant + 3);
            return result;
        }
        static inline double sb_sine_or_cosine(double x, uint64_t quadrant_offset) {
            const double shift = \(literal(roundingShift));
            const double shifted = x * \(literal(twoOverPi)) + shift;
            const double kd = shifted - shift;
            const uint64_t quadrant = (sb_bits(shifted) - sb_bits(shift)) + quadrant_offset;
            const double first = x - kd * \(literal(halfPiParts[0]));
            const sb_pair second = sb_two_sum(first, -(kd * \(literal(halfPiParts[1]))));
            const sb_pair third = sb_two_sum(second.high, -(kd * \(literal(halfPiParts[2]))));
            const double tail = (second.low + third.low) - kd * \(literal(halfPiParts[3]));
            const sb_pair r = sb_fast_two_sum(third.high, tail);
            const int is_huge = !(fabs(x) < 1125899906842624.0);
            return sb_cosine_in_quadrant(is_huge ? x - x : r.high, is_huge ? 0.0 : r.low, quadrant);
        }
        static inline double sb_sin(double x) {
            const double value = sb_sine_or_cosine(x, 3);
            return x == 0 ? x : value;
        }
        static inline double sb_cos(double x) { return sb_sine_or_cosine(x, 0); }

        """
}
