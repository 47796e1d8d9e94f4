import SwiftBrian
import SwiftBrianTools

/// Inhibitory synaptic plasticity in a recurrent network (Vogels, Sprekeler, Zenke, Clopath &
/// Gerstner 2011, "Inhibitory plasticity balances excitation and inhibition in sensory pathways
/// and memory networks", Science 334:1569–1573; Brian's `examples/frompapers/Vogels_et_al_2011.py`,
/// F. Zenke's version): `NE` excitatory and `NE`/4 inhibitory conductance-based integrate-and-fire
/// neurons with a constant background current, connected at random with probability `epsilon`.
/// The inhibitory synapses onto excitatory neurons follow a symmetric STDP rule whose depression
/// term `alpha` sets a target rate of 3 Hz.
///
/// The first second runs without plasticity (`eta` = 0): excitation is unbalanced and the
/// excitatory neurons fire fast. Then the learning rate is switched on and the inhibitory weights
/// grow until the excitatory rate settles near the target. The learning rate is a shared variable
/// of the plastic synapses, set between the two runs (the original changes the Python variable it
/// names).
public struct Vogels2011: GalleryExample {
    public static let name = "vogels2011"
    public static let summary = "Inhibitory STDP balances a recurrent E/I network: excitatory rates settle at the 3 Hz target"
    public static let reference = "Vogels, Sprekeler, Zenke, Clopath & Gerstner (2011), Science 334:1569-1573"

    /// The number of excitatory neurons (a quarter as many are inhibitory).
    public var NE = 8000
    /// The connection probability.
    public var epsilon = 0.02
    /// The target rate of the inhibitory plasticity.
    public var target_rate = 3 * Hz
    /// The learning rate once plasticity is switched on.
    public var eta = 1e-2
    /// The time simulated without plasticity at the start.
    public var static_time = 1 * second
    /// The whole simulated time.
    public var duration = 10 * second

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["NE": 4...1_000_000, "epsilon": 0...1]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        guard target_rate.dimension == Hz.dimension else {
            throw ModelError(.dimensionMismatch, "'target_rate' of '\(Self.name)' must be a rate, but it is \(target_rate)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let NI = NE / 4
        let tau_stdp = 20 * ms
        let namespace: Namespace = [
            "tau_ampa": 5 * ms, "tau_gaba": 10 * ms, "tau_stdp": tau_stdp,
            "gl": 10 * nsiemens, "el": -60 * mV, "er": -80 * mV, "vt": -50 * mV, "memc": 200 * pfarad,
            "bgcurrent": 200 * pA, "alpha": target_rate * tau_stdp * 2, "gmax": 100,
        ]
        let neurons = try NeuronGroup(NE + NI, model: """
            dv/dt=(-gl*(v-el)-(g_ampa*v+g_gaba*(v-er))+bgcurrent)/memc : volt (unless refractory)
            dg_ampa/dt = -g_ampa/tau_ampa : siemens
            dg_gaba/dt = -g_gaba/tau_gaba : siemens
            """, threshold: "v > vt", reset: "v=el", refractory: 5 * ms, method: .euler, namespace: namespace,
            name: "neurons")
        let Pe = try neurons[0..<NE]
        let Pi = try neurons[NE..<(NE + NI)]
        let con_e = try Synapses(Pe, neurons, onPre: "g_ampa += 0.3*nS", name: "con_e")
        try con_e.connect(p: epsilon)
        let con_ii = try Synapses(Pi, Pi, onPre: "g_gaba += 3*nS", name: "con_ii")
        try con_ii.connect(p: epsilon)
        let con_ie = try Synapses(Pi, Pe, model: """
            w : 1
            eta : 1 (shared)
            dApre/dt=-Apre/tau_stdp : 1 (event-driven)
            dApost/dt=-Apost/tau_stdp : 1 (event-driven)
            """, onPre: """
            Apre += 1.
            w = clip(w+(Apost-alpha)*eta, 0, gmax)
            g_gaba += w*nS
            """, onPost: """
            Apost += 1.
            w = clip(w+Apre*eta, 0, gmax)
            """, namespace: namespace, name: "con_ie")
        try con_ie.connect(p: epsilon)
        try con_ie.w.set(1e-10)
        let sm = try SpikeMonitor(Pe, name: "sm")
        let net = try Network(neurons, con_e, con_ii, con_ie, sm, backend: backend)

        let start = min(static_time.value, duration.value) * second
        try con_ie.eta.set(0)  // without plasticity
        try net.run(until: start, within: duration, report: report)
        try con_ie.eta.set(eta)  // with plasticity
        try net.run(until: duration, within: duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("Pe", sm)]
        result.synapses = [Named("con_ie", con_ie)]
        let (before, end) = (start.value, duration.value)
        let weights = try con_ie.w.values.values
        let bin = 0.1
        let rates = SpikeStatistics.binnedRate(sm, neurons: NE, bin: bin, to: end)
        result.figures = [Named("rate", try Plot.of([
            Curve(x: rates.indices.map { (Double($0) + 0.5) * bin } * second, y: rates * Hz, xLabel: "Time",
                  yLabel: "Rate in 100 ms bins", label: "excitatory neurons"),
            Curve(x: [0, end] * second, y: [target_rate.value, target_rate.value] * Hz, xLabel: "Time", yLabel: "Rate",
                  label: "target", color: PlotColor("#8c8c8c")),
        ], PlotOptions(title: "Excitatory rate: plasticity from \(before) s", timeUnit: second)))]
        result.statistics = [
            GalleryStatistic("rate_before", SpikeStatistics.meanRate(sm, neurons: NE, from: max(0, before - 0.2), to: before),
                             unit: "Hz"),
            GalleryStatistic("rate_after", SpikeStatistics.meanRate(sm, neurons: NE, from: max(before, end - 1), to: end),
                             unit: "Hz"),
            GalleryStatistic("mean_w", weights.isEmpty ? .nan : weights.reduce(0, +) / Double(weights.count)),
        ]
        return result
    }
}
