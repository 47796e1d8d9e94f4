import SwiftBrian
import SwiftBrianTools

/// Fast global oscillations after Brunel & Hakim (1999), "Fast global oscillations in networks of
/// integrate-and-fire neurons with low firing rates", Neural Comput 11:1621–1671 (Brian's
/// `examples/frompapers/Brunel_Hakim_1999.py`): 5000 noisy leaky integrate-and-fire neurons,
/// sparsely and purely inhibitorily coupled with a 2 ms delay. Each neuron fires irregularly at a
/// low rate while the population rate oscillates at a high frequency.
public struct BrunelHakim1999: GalleryExample {
    public static let name = "brunel_hakim1999"
    public static let summary = "Sparse inhibitory network: irregular neurons, fast population oscillation"
    public static let reference = "Brunel & Hakim (1999), Neural Comput 11:1621-1671"

    /// The number of neurons.
    public var N = 5000
    /// The reset potential.
    public var Vr = 10 * mV
    /// The threshold.
    public var theta = 20 * mV
    /// The membrane time constant.
    public var tau = 20 * ms
    /// The synaptic delay.
    public var delta = 2 * ms
    /// The refractory period.
    public var taurefr = 2 * ms
    /// The number of inputs per neuron.
    public var C = 1000
    /// The inhibitory synaptic efficacy.
    public var J = 0.1 * mV
    /// The mean external input.
    public var muext = 25 * mV
    /// The strength of the external noise.
    public var sigmaext = 1 * mV
    /// The initial period left out of the statistics.
    public var transient = 20 * ms
    /// The simulated time.
    public var duration = 0.1 * second

    public init() {}

    /// The model: `N` noisy neurons and their inhibitory synapses (`C` per neuron on average; every
    /// pair when `N` ≤ `C`), each with the delay `delta`, or, with `heterogeneousDelays`, a delay of its own,
    /// `heterogeneousDelays` (a code string such as Brian2CUDA's benchmark's `4*ms*rand()`).
    /// Brian's speed test of this network (Brian2CUDA's `BrunelHakimHomogDelays` and
    /// `BrunelHakimHeterogDelays`) is this model with N neurons.
    public func build(heterogeneousDelays: String? = nil) throws -> (group: NeuronGroup, synapses: Synapses) {
        let sparseness = min(1, Double(C) / Double(N))
        let namespace: Namespace = ["muext": muext, "sigmaext": sigmaext, "tau": tau, "theta": theta, "Vr": Vr,
                                    "J": J]
        let group = try NeuronGroup(N, model: "dV/dt = (-V+muext + sigmaext * sqrt(tau) * xi)/tau : volt",
                                    threshold: "V>theta", reset: "V=Vr", refractory: taurefr, method: .euler,
                                    namespace: namespace, name: "group")
        try group.V.set(Vr)
        let conn = try Synapses(group, group, onPre: "V += -J", delay: heterogeneousDelays == nil ? delta : nil,
                                namespace: namespace, name: "conn")
        try conn.connect(p: sparseness)
        if let heterogeneousDelays { try conn.delay.set(heterogeneousDelays) }
        return (group, conn)
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let (group, conn) = try build()
        let M = try SpikeMonitor(group, name: "M")
        let LFP = try PopulationRateMonitor(group, name: "LFP")
        let net = try Network(group, conn, M, LFP, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("group", M)]
        result.rates = [Named("LFP", LFP)]
        result.statistics = SpikeStatistics.networkStatistics(M, neurons: N, duration: duration,
                                                              transient: transient)
        let population = SpikeStatistics.binnedRate(M, neurons: N, bin: 0.4e-3, from: transient.value,
                                                    to: duration.value)
        result.statistics.append(GalleryStatistic(
            "oscillation_frequency", SpikeStatistics.peakFrequency(population, dt: 0.4e-3, band: 50...500),
            unit: "Hz"))
        // The original's figure: the spikes above the population rate (flat 0.5 ms window).
        var rate = PlotOptions(title: "", timeUnit: ms, unit: Hz)
        rate.smoothing = RateSmoothing(window: .flat, width: 0.5 * ms)
        let shown = 0..<min(N, 1000)
        result.figures = [Named("brunel_hakim1999", Figure(
            title: "Brunel & Hakim (1999): \(N) inhibitory LIF neurons fire irregularly, their population rate oscillates",
            panels: [try Plot.of(M, PlotOptions(title: "Spikes of neurons \(shown.lowerBound)\u{2013}\(shown.upperBound - 1)",
                                                neurons: shown, timeUnit: ms)),
                     try Plot.of(LFP, rate)],
            rowHeights: [2, 1], sharesXAxis: true))]
        return result
    }
}
