import SwiftBrian
import SwiftBrianTools

/// A programmatic exploration of a neuron model (Stimberg, Brette & Goodman 2019, "Brian 2, an
/// intuitive and efficient neural simulator", eLife 8:e47314, case study 3 and Fig. 4B; Brian's
/// `examples/frompapers/Stimberg_et_al_2019/example_3_bisection.py`): the voltage threshold of
/// Hodgkin & Huxley's (1952) space-clamped squid axon, with its resting potential at 0 mV, found by
/// bisection for 100 densities of sodium channels between 15 and 100 mS/cm² at once.
///
/// The network is stored once at rest; each iteration restores it, puts the membrane potential at
/// the current estimate (the gating variables stay at their resting values), runs 20 ms and moves
/// the estimate down by the step where the neuron spiked and up where it did not, halving the step.
///
/// The first estimate, 25 mV, is where `alpha_m`'s quotient `(25 mV - v)/(exp((25 mV - v)/10 mV) - 1)`
/// is 0/0. Written with `exprel` (``RateFunctions/exprel``, as in the original), the rate is
/// `10 mV/exprel(...)` and finite there; written as the quotient (``RateFunctions/quotient``) the
/// first step stores NaN and the run stops with an error naming the variable.
public struct ThresholdBisection: GalleryExample {
    public static let name = "threshold_bisection"
    public static let summary = "Bisection of Hodgkin-Huxley voltage thresholds against sodium channel density, with store/restore"
    public static let reference = "Stimberg, Brette & Goodman (2019), eLife 8:e47314 (Fig. 4B); Hodgkin & Huxley (1952)"

    /// How the opening rates `alpha_m` and `alpha_n` are written near their removable singularities.
    public enum RateFunctions: String, Codable, CaseIterable, Sendable {
        /// `x/(exp(x/k) - 1)` as `k/exprel(x/k)`: finite for every `v` (Brian's example).
        case exprel
        /// The textbook quotient `x/(exp(x/k) - 1)`: 0/0 at `v` = 25 mV (`alpha_m`) and 10 mV (`alpha_n`).
        case quotient
    }

    /// The number of neurons (sodium channel densities).
    public var N = 100
    /// The lowest sodium channel density.
    public var gNa_min = 15 * msiemens / cm2
    /// The highest sodium channel density (not reached: neuron `i` has `gNa_min + (gNa_max - gNa_min)*i/N`).
    public var gNa_max = 100 * msiemens / cm2
    /// The first threshold estimate, relative to rest.
    public var v0 = 25 * mV
    /// The first correction step.
    public var step = 25 * mV
    /// The number of bisection steps.
    public var iterations = 10
    /// How `alpha_m` and `alpha_n` are written.
    public var rateFunctions = RateFunctions.exprel
    /// The time simulated in each iteration.
    public var duration = 20 * ms

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["N": 1...100_000, "iterations": 1...60]

    /// The model's equations, with the opening rates written as `rateFunctions` says.
    static func equations(_ rateFunctions: RateFunctions) -> String {
        let (alpham, alphan) = rateFunctions == .exprel
            ? ("(0.1/mV) * 10*mV/exprel((-v+25*mV)/(10*mV))/ms", "(0.01/mV) * 10*mV/exprel((-v+10*mV)/(10*mV))/ms")
            : ("(0.1/mV) * (-v+25*mV)/(exp((-v+25*mV)/(10*mV)) - 1)/ms",
               "(0.01/mV) * (-v+10*mV)/(exp((-v+10*mV)/(10*mV)) - 1)/ms")
        return """
            dv/dt = (gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v)) / C : volt
            gNa : siemens/meter**2 (constant)
            dm/dt = alpham * (1-m) - betam * m : 1
            dn/dt = alphan * (1-n) - betan * n : 1
            dh/dt = alphah * (1-h) - betah * h : 1
            alpham = \(alpham) : Hz
            betam = 4 * exp(-v/(18*mV))/ms : Hz
            alphah = 0.07 * exp(-v/(20*mV))/ms : Hz
            betah = 1/(exp((-v+30*mV) / (10*mV)) + 1)/ms : Hz
            alphan = \(alphan) : Hz
            betan = 0.125*exp(-v/(80*mV))/ms : Hz
            """
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        for (name, quantity) in [("v0", v0), ("step", step)] where quantity.dimension != .voltage {
            throw ModelError(.dimensionMismatch, "'\(name)' of '\(Self.name)' must be a voltage, but it is \(quantity)")
        }
        seed(value)
        defaultClock.dt = 0.01 * ms  // small time step for stiff equations
        let namespace: Namespace = [
            "El": 10.613 * mV, "ENa": 115 * mV, "EK": -12 * mV, "gl": 0.3 * msiemens / cm2,
            "gK": 36 * msiemens / cm2, "C": 1 * uF / cm2, "gNa_min": gNa_min, "gNa_max": gNa_max,
        ]
        let neurons = try NeuronGroup(N, model: Self.equations(rateFunctions), threshold: "v>50*mV", reset: "",
                                      method: .rk4, namespace: namespace, name: "neurons")
        try neurons.gNa.set("gNa_min + (gNa_max - gNa_min)*1.0*i/N")
        // v first: the resting values of the gating variables depend on it.
        try neurons.v.set(0 * mV)
        try neurons.m.set("1/(1 + betam/alpham)")
        try neurons.n.set("1/(1 + betan/alphan)")
        try neurons.h.set("1/(1 + betah/alphah)")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let net = try Network(neurons, spikes, backend: backend)
        net.store()

        var estimate = [Double](repeating: v0.value, count: N)
        var correction = step.value
        var estimates = [estimate]
        for _ in 0..<iterations {
            try net.restore()
            try neurons.v.set(QuantityArray(values: estimate, dimension: .voltage))
            try net.run(duration, report: report)
            for (k, count) in spikes.count.enumerated() { estimate[k] += count > 0 ? -correction : correction }
            correction /= 2
            estimates.append(estimate)
        }

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("last_iteration", spikes)]
        let gNa = try neurons.gNa.values(in: msiemens / cm2)
        let examples = [N / 10, N / 2, N * 9 / 10]
        func label(_ neuron: Int) -> String { String(format: "gNa = %.1f mS/cm²", gNa[neuron]) }
        result.figures = [
            Named("estimates", try Plot.of(examples.map { neuron in
                Curve(x: QuantityArray(values: estimates.indices.map(Double.init)),
                      y: QuantityArray(values: estimates.map { $0[neuron] }, dimension: .voltage), xLabel: "Iteration",
                      yLabel: "Threshold estimate", label: label(neuron), style: .lineAndDots(width: 2, diameter: 8))
            }, PlotOptions(title: "Threshold estimates per iteration", unit: mV))),
            // mS/cm² has no symbol of its own among Brian's units: the axis gives it in its label.
            Named("threshold_vs_gNa", try Plot.of([
                Curve(x: QuantityArray(values: gNa), y: QuantityArray(values: estimate, dimension: .voltage),
                      xLabel: "gNa (mS/cm²)", yLabel: "Threshold", style: .line(width: 2), color: PlotColor("#8c8c8c")),
            ] + examples.enumerated().map { k, neuron in
                Curve(x: QuantityArray(values: [gNa[neuron]]), y: QuantityArray(values: [estimate[neuron]], dimension: .voltage),
                      xLabel: "gNa (mS/cm²)", yLabel: "Threshold", label: label(neuron), style: .dots(diameter: 10),
                      color: .series(k))
            }, PlotOptions(title: "Voltage threshold against sodium channel density", unit: mV))),
        ]
        for neuron in [0, N / 10, N / 2, N * 9 / 10, N - 1] {
            result.statistics.append(GalleryStatistic(String(format: "threshold_gNa_%g", gNa[neuron]),
                                                      estimate[neuron] / mV.value, unit: "mV"))
        }
        return result
    }
}
