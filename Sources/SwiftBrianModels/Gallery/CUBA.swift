import SwiftBrian

/// The CUBA benchmark of Brette et al. (2007), "Simulation of networks of spiking neurons: a review
/// of tools and strategies", J Comput Neurosci 23:349–398 (Brian's `examples/CUBA.py`): a random
/// network of 4000 leaky integrate-and-fire neurons, 80% excitatory, with exponential synaptic
/// currents, integrated exactly.
public struct CUBA: GalleryExample {
    public static let name = "cuba"
    public static let summary = "Random LIF network with current-based exponential synapses (benchmark 2)"
    public static let reference = "Brette et al. (2007), J Comput Neurosci 23:349-398"
    /// Probabilities lie in [0, 1].
    public static let parameterRanges: [String: ClosedRange<Double>] = ["p": 0...1]

    /// The number of neurons; the first 80% are excitatory.
    public var N = 4000
    /// The connection probability.
    public var p = 0.02
    /// The membrane time constant.
    public var taum = 20 * ms
    /// The excitatory synaptic time constant.
    public var taue = 5 * ms
    /// The inhibitory synaptic time constant.
    public var taui = 10 * ms
    /// The threshold.
    public var Vt = -50 * mV
    /// The reset potential.
    public var Vr = -60 * mV
    /// The resting potential (above threshold: the neurons fire on their own).
    public var El = -49 * mV
    /// The excitatory synaptic weight (voltage).
    public var we = (60 * 0.27 / 10) * mV
    /// The inhibitory synaptic weight.
    public var wi = (-20 * 4.5 / 10) * mV
    /// The simulated time.
    public var duration = 1 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let Ne = Int((0.8 * Double(N)).rounded())
        let namespace: Namespace = ["taum": taum, "taue": taue, "taui": taui, "Vt": Vt, "Vr": Vr, "El": El,
                                    "we": we, "wi": wi, "Ne": Ne]
        let P = try NeuronGroup(N, model: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms, method: .exact, namespace: namespace,
            name: "P")
        try P.v.set("Vr + rand() * (Vt - Vr)")
        try P.ge.set(0 * mV)
        try P.gi.set(0 * mV)
        let Ce = try Synapses(P, P, onPre: "ge += we", namespace: namespace, name: "Ce")
        let Ci = try Synapses(P, P, onPre: "gi += wi", namespace: namespace, name: "Ci")
        try Ce.connect(condition: "i<Ne", p: p)
        try Ci.connect(condition: "i>=Ne", p: p)
        let s_mon = try SpikeMonitor(P, name: "s_mon")
        let rate = try PopulationRateMonitor(P, name: "rate")
        let net = try Network(P, Ce, Ci, s_mon, rate, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("P", s_mon)]
        result.rates = [Named("P", rate)]
        result.statistics = SpikeStatistics.networkStatistics(s_mon, neurons: N, duration: duration)
        return result
    }
}
