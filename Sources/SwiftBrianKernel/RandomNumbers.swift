import Foundation
import SwiftBrianLanguage
import SwiftBrianPortableMath

/// The counter-based random numbers of every backend: Philox-4x32-10 (Salmon et al., SC 2011)
/// keyed by the seed, with a counter made of (time step, element pair, stream, draw site): the
/// uniform and the normal draws of elements `2k` and `2k + 1` share the block of `k` (see
/// ``uniform(seed:stream:step:element:site:)``). The same seed gives the same numbers in any
/// backend, in any order, on any number of threads.
public enum RandomNumbers {
    /// Philox-4x32 with 10 rounds: four 32-bit words from a counter and a key.
    public static func philox(_ counter: (UInt32, UInt32, UInt32, UInt32),
                              key: (UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
        var (c0, c1, c2, c3) = counter
        var (k0, k1) = key
        for round in 0..<10 {
            if round > 0 {
                k0 = k0 &+ 0x9E37_79B9
                k1 = k1 &+ 0xBB67_AE85
            }
            let product0 = UInt64(0xD251_1F53) * UInt64(c0)
            let product1 = UInt64(0xCD9E_8D57) * UInt64(c2)
            let hi0 = UInt32(truncatingIfNeeded: product0 >> 32), lo0 = UInt32(truncatingIfNeeded: product0)
            let hi1 = UInt32(truncatingIfNeeded: product1 >> 32), lo1 = UInt32(truncatingIfNeeded: product1)
            (c0, c1, c2, c3) = (hi1 ^ c1 ^ k0, lo1, hi0 ^ c3 ^ k1, lo0)
        }
        return (c0, c1, c2, c3)
    }

    /// The four words of a draw.
    @inline(__always)
    static func words(seed: UInt64, stream: UInt32, step: Int, element: Int, site: UInt32)
        -> (UInt32, UInt32, UInt32, UInt32) {
        philox((UInt32(truncatingIfNeeded: step), UInt32(truncatingIfNeeded: element), stream, site),
               key: (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32)))
    }

    /// A double in [0, 1) from two words: their top 53 bits.
    @inline(__always)
    static func unit(_ high: UInt32, _ low: UInt32) -> Double {
        Double((UInt64(high) << 32 | UInt64(low)) >> 11) * 0x1p-53
    }

    /// The uniform draw in [0, 1) for (seed, stream, step, element, site). Elements `2k` and
    /// `2k + 1` share the Philox block with `k` as its element word: the even one takes its first
    /// two words, the odd one its last two, so that a loop over elements draws one block for two
    /// uniforms (the generated C's `sb_uniform_pair`; a Poisson group's threshold `rand() <
    /// rates*dt`, most of STDP's run, had used half of each block). Each value depends on its
    /// element only, not on where a loop or a thread's part starts.
    @inline(__always)
    public static func uniform(seed: UInt64, stream: UInt32, step: Int, element: Int, site: UInt32) -> Double {
        let w = words(seed: seed, stream: stream, step: step, element: element >> 1, site: site)
        return element & 1 == 0 ? unit(w.0, w.1) : unit(w.2, w.3)
    }

    /// The standard normal draw for (seed, stream, step, element, site): Box–Muller on the two
    /// uniforms of the Philox block of the element's pair. Elements `2k` and `2k + 1` share the
    /// block with `k` as its element word and the radius `sqrt(-2 log(1 - u1))`; the even one takes
    /// its cosine value (`cos(2π u2)`), the odd one its sine value, so that a loop over elements
    /// draws one block and takes one logarithm, one square root and one pair of polynomials for
    /// two normals (the generated C's `sb_normal_pair`). Each value depends on its element only,
    /// not on where a loop or a thread's part starts.
    @inline(__always)
    public static func normal(seed: UInt64, stream: UInt32, step: Int, element: Int, site: UInt32) -> Double {
        let w = words(seed: seed, stream: stream, step: step, element: element >> 1, site: site)
        let radius = normalRadius(w)
        let u2 = unit(w.2, w.3)
        return radius * (element & 1 == 0 ? PortableMath.cosineOfTurns(u2) : PortableMath.sineOfTurns(u2))
    }

    /// The Box–Muller radius of a Philox block, `sqrt(-2 log(1 - u1))` with `u1` from its first
    /// two words (`1 - u1` is in (0, 1]: no logarithm of 0).
    @inline(__always)
    static func normalRadius(_ w: (UInt32, UInt32, UInt32, UInt32)) -> Double {
        sqrt(-2 * PortableMath.log(1 - unit(w.0, w.1)))
    }

    /// The Poisson draw with mean `mean` for (seed, stream, step, element, site), by
    /// ``PoissonSampling``. Its uniforms come two from each Philox block, blocks numbered
    /// `n = 0, 1, ...` in the top 12 bits of the site word (`site | n << 20`): a kernel has fewer
    /// than 2^20 draw sites, so no other draw uses these blocks.
    public static func poisson(mean: Double, seed: UInt64, stream: UInt32, step: Int, element: Int,
                               site: UInt32) -> Double {
        var drawn = 0
        var block = (UInt32(0), UInt32(0), UInt32(0), UInt32(0))
        return PoissonSampling.draw(mean: mean) {
            defer { drawn += 1 }
            if drawn % 2 == 0 {
                block = words(seed: seed, stream: stream, step: step, element: element,
                              site: site | UInt32(truncatingIfNeeded: drawn / 2) << 20)
                return unit(block.0, block.1)
            }
            return unit(block.2, block.3)
        }
    }

    /// A Binomial(`trials`, `probability`) draw by inversion of the cumulative distribution with the
    /// uniform `u`.
    public static func binomial(trials: Int, probability p: Double, uniform u: Double) -> Double {
        if p <= 0 || trials <= 0 { return 0 }
        if p >= 1 { return Double(trials) }
        let ratio = p / (1 - p)
        var k = 0
        var mass = PortableMath.pow(1 - p, Double(trials))
        var cumulative = mass
        while u >= cumulative && k < trials {
            k += 1
            mass *= ratio * Double(trials - k + 1) / Double(k)
            cumulative += mass
        }
        return Double(k)
    }
}
