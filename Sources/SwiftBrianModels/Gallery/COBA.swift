import SwiftBrian

/// The COBA benchmark of Brette et al. (2007) after Vogels & Abbott (2005), "Signal propagation
/// and logic gating in networks of integrate-and-fire neurons", J Neurosci 25:10786–10795 (Brian's
/// COBA benchmark script): 4000 leaky integrate-and-fire neurons, 80% excitatory, with
/// exponential synaptic conductances in units of the leak conductance, integrated with Euler.
public struct COBA: GalleryExample {
    public static let name = "coba"
    public static let summary = "Random LIF network with conductance-based synapses (Vogels & Abbott 2005)"
    public static let reference = "Vogels & Abbott (2005), J Neurosci 25:10786-10795; Brette et al. (2007)"
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
    /// The leak reversal potential.
    public var El = -60 * mV
    /// The excitatory reversal potential.
    public var Erev_exc = 0 * mV
    /// The inhibitory reversal potential.
    public var Erev_inh = -80 * mV
    /// The constant drive (as a voltage).
    public var I = 20 * mV
    /// The excitatory synaptic weight (in units of the leak conductance).
    public var we = 0.6
    /// The inhibitory synaptic weight (in units of the leak conductance).
    public var wi = 6.7
    /// The simulated time.
    public var duration = 1 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let Ne = Int((0.8 * Double(N)).rounded())
        let namespace: Namespace = ["taum": taum, "taue": taue, "taui": taui, "Vt": Vt, "Vr": Vr, "El": El,
                                    "Erev_exc": Erev_exc, "Erev_inh": Erev_inh, "I": I,
                                    "we": Quantity(value: we), "wi": Quantity(value: wi),
                                    "Ne": Ne]
        let P = try NeuronGroup(N, model: """
            dv/dt  = (ge*(Erev_exc-v)+gi*(Erev_inh-v)-(v-El) + I)*(1./taum) : volt (unless refractory)
            dge/dt = -ge/taue : 1
            dgi/dt = -gi/taui : 1
            """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms, method: .euler, namespace: namespace,
            name: "P")
        try P.v.set("(randn() * 5 - 55) * mV")
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
