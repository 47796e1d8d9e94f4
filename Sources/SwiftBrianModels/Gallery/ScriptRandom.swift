import Foundation

/// The random numbers a Brian script draws in Python (with NumPy) rather than in model code, such
/// as the spike times given to a `SpikeGeneratorGroup`: a SplitMix64 generator seeded from the
/// example's seed, so a rerun with the same seed is identical.
struct ScriptRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for `seed`; `stream` separates independent uses within one example.
    init(seed: UInt64, stream: UInt64 = 0) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 ^ (stream &+ 0xD1B5_4A32_D192_ED03)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box–Muller).
    mutating func normal() -> Double {
        let u1 = uniform(), u2 = uniform()
        return (-2 * log(1 - u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A draw from the normal distribution of `mean` and `deviation` truncated to `bounds` (the
    /// open lower and closed upper end, as SciPy's `truncnorm` draws them), by rejection: normal
    /// draws are repeated until one lies within. `bounds` must hold a sizeable part of the
    /// distribution (within a few deviations of the mean), or this takes long.
    mutating func truncatedNormal(mean: Double, deviation: Double, within bounds: ClosedRange<Double>) -> Double {
        while true {
            let draw = mean + deviation * normal()
            if draw > bounds.lowerBound, draw <= bounds.upperBound { return draw }
        }
    }
}
