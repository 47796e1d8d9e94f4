import SwiftBrian

/// The COBAHH benchmark of Brette et al. (2007) (Brian's `examples/COBAHH.py`): 4000
/// Hodgkin–Huxley neurons (Traub–Miles kinetics), 80% excitatory, randomly connected with
/// exponential synaptic conductances, integrated with exponential Euler.
public struct COBAHH: GalleryExample {
    public static let name = "cobahh"
    public static let summary = "Random Hodgkin-Huxley network with conductance-based synapses (benchmark 3)"
    public static let reference = "Brette et al. (2007), J Comput Neurosci 23:349-398"
    /// Probabilities lie in [0, 1].
    public static let parameterRanges: [String: ClosedRange<Double>] = ["p": 0...1]

    /// The number of neurons; the first 80% are excitatory.
    public var N = 4000
    /// The connection probability.
    public var p = 0.02
    /// The excitatory synaptic weight.
    public var we = 6 * nS
    /// The inhibitory synaptic weight.
    public var wi = 67 * nS
    /// The neurons whose membrane potential is recorded.
    public var recorded = [1, 10, 100]
    /// The simulated time.
    public var duration = 1 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        // area, Cm, gl, El, EK, ENa, g_na, g_kd, VT, taue, taui, Ee, Ei: as in the benchmark.
        var namespace = try Namespace(assignments: BenchmarkModel.cobahhNamespace)
        namespace.values["we"] = we
        namespace.values["wi"] = wi
        let P = try NeuronGroup(N, model: BenchmarkModel.cobahhEquations, threshold: "v>-20*mV", refractory: 3 * ms,
                                method: .exponentialEuler, namespace: namespace, name: "P")
        let Ne = Int((0.8 * Double(N)).rounded())
        let Pe = try P[0..<Ne]
        let Pi = try P[Ne..<N]
        let Ce = try Synapses(Pe, P, onPre: "ge+=we", namespace: namespace, name: "Ce")
        let Ci = try Synapses(Pi, P, onPre: "gi+=wi", namespace: namespace, name: "Ci")
        try Ce.connect(p: p)
        try Ci.connect(p: p)
        try P.v.set("El + (randn() * 5 - 5)*mV")
        try P.ge.set("(randn() * 1.5 + 4) * 10.*nS")
        try P.gi.set("(randn() * 12 + 20) * 10.*nS")
        let trace = try StateMonitor(P, "v", record: recorded.filter { $0 < N }, name: "trace")
        let s_mon = try SpikeMonitor(P, name: "s_mon")
        let rate = try PopulationRateMonitor(P, name: "rate")
        let net = try Network(P, Ce, Ci, trace, s_mon, rate, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("P", s_mon)]
        result.states = [Named("v", trace)]
        result.rates = [Named("P", rate)]
        result.statistics = SpikeStatistics.networkStatistics(s_mon, neurons: N, duration: duration)
        return result
    }
}
