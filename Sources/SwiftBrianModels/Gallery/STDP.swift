import Foundation
import SwiftBrian
import SwiftBrianTools

/// Spike-timing-dependent plasticity after Song, Miller & Abbott (2000), "Competitive Hebbian
/// learning through spike-timing-dependent synaptic plasticity", Nat Neurosci 3:919–926 (Brian's
/// `examples/synapses/STDP.py`): 1000 Poisson inputs at 15 Hz drive one conductance-based neuron
/// through synapses with additive pair-based STDP; the weights, uniform at first, become bimodal
/// (most near 0 or near `gmax`).
public struct STDP: GalleryExample {
    public static let name = "stdp"
    public static let summary = "Additive STDP from 1000 Poisson inputs makes the weight distribution bimodal"
    public static let reference = "Song, Miller & Abbott (2000), Nat Neurosci 3:919-926"

    /// The number of inputs.
    public var N = 1000
    /// The membrane time constant.
    public var taum = 10 * ms
    /// The time constant of the presynaptic trace.
    public var taupre = 20 * ms
    /// The time constant of the postsynaptic trace.
    public var taupost = 20 * ms
    /// The excitatory reversal potential.
    public var Ee = 0 * mV
    /// The threshold.
    public var vt = -54 * mV
    /// The reset potential.
    public var vr = -60 * mV
    /// The resting potential.
    public var El = -74 * mV
    /// The synaptic time constant.
    public var taue = 5 * ms
    /// The rate of each input.
    public var F = 15 * Hz
    /// The largest weight.
    public var gmax = 0.01
    /// The potentiation per pair, relative to `gmax`.
    public var dApre = 0.01
    /// The depression relative to potentiation.
    public var depressionRatio = 1.05
    /// The simulated time.
    public var duration = 100 * second

    public init() {}

    /// The model: its Poisson inputs, the neuron and the plastic synapses (weights uniform in
    /// [0, gmax]). Brian's STDP speed test is this model with N inputs.
    public func build() throws -> (input: PoissonGroup, neurons: NeuronGroup, synapses: Synapses) {
        let dApost = -dApre * (taupre / taupost).value * depressionRatio * gmax
        let namespace: Namespace = [
            "taum": taum, "taupre": taupre, "taupost": taupost, "Ee": Ee, "vt": vt, "vr": vr, "El": El,
            "taue": taue, "gmax": Quantity(value: gmax), "dApre": Quantity(value: dApre * gmax),
            "dApost": Quantity(value: dApost),
        ]
        let input = try PoissonGroup(N, rates: F, name: "input")
        let neurons = try NeuronGroup(1, model: """
            dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
            dge/dt = -ge / taue : 1
            """, threshold: "v>vt", reset: "v = vr", method: .exact, namespace: namespace, name: "neurons")
        let S = try Synapses(input, neurons, model: """
            w : 1
            dApre/dt = -Apre / taupre : 1 (event-driven)
            dApost/dt = -Apost / taupost : 1 (event-driven)
            """, onPre: """
            ge += w
            Apre += dApre
            w = clip(w + Apost, 0, gmax)
            """, onPost: """
            Apost += dApost
            w = clip(w + Apre, 0, gmax)
            """, namespace: namespace, name: "S")
        try S.connect()
        try S.w.set("rand() * gmax")
        return (input, neurons, S)
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let (input, neurons, S) = try build()
        let mon = try StateMonitor(S, "w", record: [0, 1], dt: 10 * ms, name: "mon")
        let s_mon = try SpikeMonitor(input, name: "s_mon")
        let post_mon = try SpikeMonitor(neurons, name: "post_mon")
        let net = try Network(input, neurons, S, mon, s_mon, post_mon, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("input", s_mon), Named("neurons", post_mon)]
        result.states = [Named("w", mon)]
        result.synapses = [Named("S", S)]
        result.figures = [Named("stdp_weights", try figure(S, mon))]
        let weights = try S.w.plainValues.map { $0 / gmax }
        result.statistics = [
            GalleryStatistic("fraction_near_zero", SpikeStatistics.fraction(of: weights, near: 0, tolerance: 0.1)),
            GalleryStatistic("fraction_near_gmax", SpikeStatistics.fraction(of: weights, near: 1, tolerance: 0.1)),
            GalleryStatistic("mean_weight", weights.reduce(0, +) / Double(max(weights.count, 1)), unit: "gmax"),
            GalleryStatistic("output_rate", Double(post_mon.numEvents) / duration.value, unit: "Hz"),
        ]
        return result
    }

    /// The figure of Song et al. (and Brian's example): the weights (relative to `gmax`) against
    /// the input index, their distribution, and two weights over time.
    private func figure(_ S: Synapses, _ mon: StateMonitor) throws -> Figure {
        let relative = Quantity(value: gmax)
        var byInput = try Plot.of(S.w, PlotOptions(title: String(format: "Weights after %g s of STDP", duration.value),
                                                   unit: relative, synapticView: .againstSource))
        var histogram = try Plot.of(S.w, PlotOptions(title: "Distribution of the weights", unit: relative,
                                                     synapticView: .histogram(bins: 20)))
        var traces = try Plot.of(mon, PlotOptions(title: "Two weights over time",
                                                  labels: mon.record.map { "synapse \($0)" }, unit: relative))
        byInput.xAxis.label = "Input neuron index i"
        byInput.yAxis.label = "w / gmax"
        histogram.xAxis.label = "w / gmax"
        traces.yAxis.label = "w / gmax"
        return Figure(title: "Song, Miller & Abbott (2000): STDP of \(N) Poisson inputs at "
                        + String(format: "%g Hz", F.value),
                      panels: [byInput, histogram, traces], rowHeights: [1, 1, 1])
    }
}
