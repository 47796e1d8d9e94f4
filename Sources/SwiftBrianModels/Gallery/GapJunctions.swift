import SwiftBrian

/// Neurons coupled by gap junctions (Brian's `examples/synapses/gapjunctions.py`; electrical
/// coupling as a summed variable, e.g. Sherman & Rinzel 1992, "Rhythmogenic effects of weak
/// electrotonic coupling in neuronal models", PNAS 89:2471–2474): ten leaky integrate-and-fire
/// oscillators, started at evenly spread phases and coupled all to all through the current
/// `w*(v_pre - v_post)`, which Brian computes as a `(summed)` variable. The coupling (and the
/// resets pulling the others down) draws the oscillators together.
public struct GapJunctions: GalleryExample {
    public static let name = "gap_junctions"
    public static let summary = "LIF oscillators coupled by gap junctions (a summed variable) synchronize"
    public static let reference = "Sherman & Rinzel (1992), PNAS 89:2471-2474"

    /// The number of neurons.
    public var n = 10
    /// The drive (above the threshold 1).
    public var v0 = 1.05
    /// The membrane time constant.
    public var tau = 10 * ms
    /// The gap junction conductance.
    public var w = 0.02
    /// The simulated time.
    public var duration = 500 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let namespace: Namespace = ["v0": v0, "tau": tau, "n": n]
        let neurons = try NeuronGroup(n, model: """
            dv/dt = (v0 - v + Igap) / tau : 1
            Igap : 1 # gap junction current
            """, threshold: "v > 1", reset: "v = 0", method: .exact, namespace: namespace, name: "neurons")
        try neurons.v.set("i * 1.0 / (n-1)")
        let trace = try StateMonitor(neurons, "v", record: [0, min(5, n - 1)], name: "trace")
        let S = try Synapses(neurons, neurons, model: """
            w : 1 # gap junction conductance
            Igap_post = w * (v_pre - v_post) : 1 (summed)
            """, name: "S")
        try S.connect()
        try S.w.set(w)
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let net = try Network(neurons, trace, S, spikes, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.states = [Named("v", trace)]
        result.spikes = [Named("neurons", spikes)]
        result.statistics = [
            GalleryStatistic("initial_spread", spread(of: spikes, last: false) * 1000, unit: "ms"),
            GalleryStatistic("final_spread", spread(of: spikes, last: true) * 1000, unit: "ms"),
            GalleryStatistic("mean_rate", Double(spikes.numEvents) / Double(n) / duration.value, unit: "Hz"),
        ]
        return result
    }

    /// The range of the neurons' first spike times (or, with `last`, of their last ones).
    private func spread(of spikes: SpikeMonitor, last: Bool) -> Double {
        let trains = spikes.spikeTrains()
        let times = trains.prefix(n).compactMap { last ? $0.values.last : $0.values.first }
        guard times.count == n else { return .nan }
        return (times.max() ?? 0) - (times.min() ?? 0)
    }
}
