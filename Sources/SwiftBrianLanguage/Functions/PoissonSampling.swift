import Foundation

/// Brian's algorithm for a Poisson draw (`poisson(l)`), the one NumPy's generator uses too: the
/// multiplication method for a mean below 10 (multiply uniforms until the product falls to
/// `exp(-l)`), Hörmann's transformed rejection (PTRS) from 10 on. The native backend's C prelude
/// implements the same steps in the same order, so both give the same bits from the same uniforms.
public enum PoissonSampling {
    /// The most uniforms one draw takes; a draw that would need more (it never happens in practice:
    /// the mean would have to be beyond 8000 standard deviations from the draw) stops with the
    /// count reached so far. It bounds the counter space a draw uses (see `RandomNumbers`).
    public static let maximumUniforms = 8192

    /// A Poisson draw with mean `mean` from the uniforms in [0, 1) `uniform` returns: 0 for a mean
    /// of 0 or below, the mean itself when it is +∞ or NaN.
    public static func draw(mean: Double, uniform: () -> Double) -> Double {
        if mean.isNaN || mean == .infinity { return mean }
        if mean <= 0 { return 0 }
        return mean >= 10 ? transformedRejection(mean, uniform) : multiplication(mean, uniform)
    }

    private static func multiplication(_ mean: Double, _ uniform: () -> Double) -> Double {
        let limit = exp(-mean)
        var count = 0.0, product = 1.0
        for _ in 0..<maximumUniforms {
            product *= uniform()
            if !(product > limit) { break }
            count += 1
        }
        return count
    }

    private static func transformedRejection(_ mean: Double, _ uniform: () -> Double) -> Double {
        let root = sqrt(mean), logMean = log(mean)
        let b = 0.931 + 2.53 * root
        let a = -0.059 + 0.02483 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let vr = 0.9277 - 3.6224 / (b - 2)
        var k = 0.0
        for _ in 0..<maximumUniforms / 2 {
            let u = uniform() - 0.5
            let v = uniform()
            let us = 0.5 - Swift.abs(u)
            k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return k }
            if k < 0 || (us < 0.013 && v > us) { continue }
            if log(v) + log(inverseAlpha) - log(a / (us * us) + b) <= -mean + k * logMean - lgamma(k + 1) { return k }
        }
        return k > 0 ? k : 0
    }
}
