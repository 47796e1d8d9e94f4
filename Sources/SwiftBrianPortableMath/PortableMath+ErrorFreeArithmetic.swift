/// Sums and products with their rounding errors, exactly (Dekker's and Knuth's error-free
/// transformations, without fused multiply-add), for the functions that carry a result in two parts.
extension PortableMath {
    /// `a + b = sum + error` exactly, when `a` is zero or its exponent is at least that of `b`.
    static func fastTwoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        return (sum, b - (sum - a))
    }

    /// `a + b = sum + error` exactly, for any finite `a` and `b`.
    static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let sum = a + b
        let bPart = sum - a
        return (sum, (a - (sum - bPart)) + (b - bPart))
    }

    /// `a * b = product + error` exactly, for `|a|` and `|b|` below 2^996 whose product does not
    /// underflow (each factor split into two halves of 26 bits).
    static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let product = a * b
        let (aHigh, aLow) = split(a), (bHigh, bLow) = split(b)
        return (product, (((aHigh * bHigh - product) + aHigh * bLow) + aLow * bHigh) + aLow * bLow)
    }

    private static func split(_ a: Double) -> (Double, Double) {
        let scaled = 134217729.0 * a
        let high = scaled - (scaled - a)
        return (high, a - high)
    }

    static let cErrorFreeArithmetic = """
        typedef struct sb_pair { double high, low; } sb_pair;
        static inline sb_pair sb_fast_two_sum(double a, double b) {
            const double sum = a + b;
            sb_pair _r; _r.high = sum; _r.low = b - (sum - a);
            return _r;
        }
        static inline sb_pair sb_two_sum(double a, double b) {
            const double sum = a + b;
            const double b_part = sum - a;
            sb_pair _r; _r.high = sum; _r.low = (a - (sum - b_part)) + (b - b_part);
            return _r;
        }
        static inline sb_pair sb_split(double a) {
            const double scaled = 134217729.0 * a;
            const double high = scaled - (scaled - a);
            sb_pair _r; _r.high = high; _r.low = a - high;
            return _r;
        }
        static inline sb_pair sb_two_product(double a, double b) {
            const double product = a * b;
            const sb_pair x = sb_split(a), y = sb_split(b);
            sb_pair _r; _r.high = product; _r.low = (((x.high * y.high - product) + x.high * y.low) + x.low * y.high) + x.low * y.low;
            return _r;
        }

        """
}
