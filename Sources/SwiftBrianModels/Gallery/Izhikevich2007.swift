import SwiftBrian
import SwiftBrianTools

/// Dopamine-modulated STDP (Izhikevich 2007, "Solving the distal reward problem through linkage
/// of STDP and dopamine signaling", Cerebral Cortex 17:2443–2452, Fig. 1c; Brian's
/// `examples/frompapers/Izhikevich_2007.py` by G. Dumas).
///
/// A pre- and a postsynaptic leaky integrate-and-fire neuron, each made to fire by an input spike
/// of 100 mV, are paired three times: pre 50 ms before post, pre 10 ms before post, post 10 ms
/// before pre. One plastic synapse joins them. Its STDP changes (traces `Apre`, `Apost`) go either
/// straight into the strength `s` ("classical" STDP, `mode` = 0, the first half of the run) or
/// into an eligibility trace `c` that decays with `tauc` (`mode` = 1, the second half); then the
/// strength changes as `ds/dt = c*d/taus` while extracellular dopamine `d` is present. The same
/// three pairings are repeated in the second half, each followed 20 ms later by a dopamine pulse
/// (`epsilon_dopa`, delivered by `Synapses` from a spike generator onto the plastic synapse's
/// `d`): the reward comes after the spikes, and the eligibility trace bridges the gap.
///
/// Deterministic: the same on every seed. The statistic is the strength after each half (in
/// units of `gmax`): small after classical STDP, where the depressing pairing undoes most of the
/// potentiation, and almost ten times larger after the rewarded pairings.
public struct Izhikevich2007: GalleryExample {
    public static let name = "izhikevich2007"
    public static let summary = "Dopamine-modulated STDP: an eligibility trace and a delayed reward strengthen the synapse"
    public static let reference = "Izhikevich (2007), Cerebral Cortex 17:2443-2452 (Fig. 1c); Brian's examples/frompapers/Izhikevich_2007.py"

    /// The membrane time constant.
    public var taum = 10 * ms
    /// The excitatory reversal potential.
    public var Ee = 0 * mV
    /// The threshold.
    public var vt = -54 * mV
    /// The reset potential (and initial value).
    public var vr = -60 * mV
    /// The resting potential.
    public var El = -74 * mV
    /// The decay time of the excitatory conductance.
    public var taue = 5 * ms
    /// The decay time of the presynaptic STDP trace.
    public var taupre = 20 * ms
    /// The decay time of the postsynaptic STDP trace.
    public var taupost = 20 * ms
    /// The bound of the strength and of the eligibility trace.
    public var gmax = 0.01
    /// The potentiation per pairing, relative to `gmax` (the depression is 1.05 times larger).
    public var dApre = 0.01
    /// The decay time of the eligibility trace.
    public var tauc = 1000 * ms
    /// The decay time of the extracellular dopamine.
    public var taud = 200 * ms
    /// The time constant of the strength's change under dopamine.
    public var taus = 1 * ms
    /// The dopamine released by one reward.
    public var epsilon_dopa = 5e-3
    /// The simulated time (the original's `simulation_duration`): classical STDP for the first
    /// half, dopamine-modulated STDP for the second.
    public var duration = 6 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let dApost = -dApre * taupre.value / taupost.value * 1.05 * gmax
        let namespace: Namespace = [
            "taum": taum, "Ee": Ee, "vt": vt, "vr": vr, "El": El, "taue": taue, "taupre": taupre,
            "taupost": taupost, "gmax": gmax, "dApre": dApre * gmax, "dApost": dApost, "tauc": tauc, "taud": taud,
            "taus": taus, "epsilon_dopa": epsilon_dopa,
        ]
        // Stimuli: the pre- (0) and postsynaptic (1) neuron are made to fire in three pairings per half.
        let input_indices = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0]
        let input_times = [500.0, 550, 1000, 1010, 1500, 1510, 3500, 3550, 4000, 4010, 4500, 4510]
        let spike_input = try SpikeGeneratorGroup(2, indices: input_indices,
                                                  times: QuantityArray(values: input_times.map { $0 * 1e-3 },
                                                                       dimension: .time),
                                                  name: "spike_input")
        let neurons = try NeuronGroup(2, model: """
            dv/dt = (ge * (Ee-v) + El - v) / taum : volt
            dge/dt = -ge / taue : 1
            """, threshold: "v>vt", reset: "v = vr", method: .euler, namespace: namespace, name: "neurons")
        try neurons.v.set(vr)
        let neurons_monitor = try SpikeMonitor(neurons, name: "neurons_monitor")
        let synapse = try Synapses(spike_input, neurons, model: "s: volt", onPre: "v += s", name: "synapse")
        try synapse.connect(i: [0, 1], j: [0, 1])
        try synapse.s.set(100 * mV)

        // The plastic synapse: STDP into s (mode 0) or into the eligibility trace c (mode 1).
        let synapse_stdp = try Synapses(neurons, neurons, model: """
            mode: 1
            dc/dt = -c / tauc : 1 (clock-driven)
            dd/dt = -d / taud : 1 (clock-driven)
            ds/dt = mode * c * d / taus : 1 (clock-driven)
            dApre/dt = -Apre / taupre : 1 (event-driven)
            dApost/dt = -Apost / taupost : 1 (event-driven)
            """, onPre: """
            ge += s
            Apre += dApre
            c = clip(c + mode * Apost, -gmax, gmax)
            s = clip(s + (1-mode) * Apost, -gmax, gmax)
            """, onPost: """
            Apost += dApost
            c = clip(c + mode * Apre, -gmax, gmax)
            s = clip(s + (1-mode) * Apre, -gmax, gmax)
            """, method: .euler, namespace: namespace, name: "synapse_stdp")
        try synapse_stdp.connect(i: [0], j: [1])
        try synapse_stdp.s.set(1e-10)
        try synapse_stdp.c.set(1e-10)
        try synapse_stdp.d.set(0)
        let synapse_stdp_monitor = try StateMonitor(synapse_stdp, variables: ["s", "c", "d"], record: [0],
                                                    name: "synapse_stdp_monitor")

        // Dopamine: a reward 20 ms after each pairing of the second half, onto the plastic synapse.
        let dopamine = try SpikeGeneratorGroup(1, indices: [0, 0, 0],
                                               times: QuantityArray(values: [3.52, 4.02, 4.52], dimension: .time),
                                               name: "dopamine")
        let dopamine_monitor = try SpikeMonitor(dopamine, name: "dopamine_monitor")
        let reward = try Synapses(dopamine, synapse_stdp, onPre: "d_post += epsilon_dopa", method: .exact,
                                  namespace: namespace, name: "reward")
        try reward.connect()

        let net = try Network(spike_input, neurons, neurons_monitor, synapse, synapse_stdp, synapse_stdp_monitor,
                              dopamine, dopamine_monitor, reward, backend: backend)
        let half = duration.value / 2 * second
        try synapse_stdp.mode.set(0)  // classical STDP
        try net.run(until: half, within: duration, report: report)
        let sClassical = try synapse_stdp.s.plainValues[0]
        try synapse_stdp.mode.set(1)  // dopamine-modulated STDP
        try net.run(until: duration, within: duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("neurons", neurons_monitor), Named("dopamine", dopamine_monitor)]
        result.states = [Named("synapse_stdp", synapse_stdp_monitor)]
        result.figures = [Named("dopamine_stdp", try figure(neurons_monitor, dopamine_monitor, synapse_stdp_monitor))]
        let relative = { (name: String) in try synapse_stdp_monitor.values(name, index: 0).values.map { $0 / gmax } }
        result.statistics = [
            GalleryStatistic("s_classical", sClassical / gmax),
            GalleryStatistic("s_end", try synapse_stdp.s.plainValues[0] / gmax),
            GalleryStatistic("c_peak", try relative("c").max() ?? .nan),
            GalleryStatistic("d_peak", try relative("d").max() ?? .nan),
            GalleryStatistic("pre_spikes", Double(neurons_monitor.count[0])),
            GalleryStatistic("post_spikes", Double(neurons_monitor.count[1])),
        ]
        return result
    }

    /// The original's figure: the spikes of both neurons and the rewards, then dopamine `d`, the
    /// eligibility trace `c` and the strength `s`, each relative to `gmax`, on one time axis.
    private func figure(_ neurons: SpikeMonitor, _ dopamine: SpikeMonitor, _ traces: StateMonitor) throws -> Figure {
        let t = traces.t.values
        let rows: [(label: String, times: [Double], color: PlotColor)] = [
            ("pre-neuron (0)", zip(neurons.i, neurons.t.values).filter { $0.0 == 0 }.map(\.1), .series(0)),
            ("post-neuron (1)", zip(neurons.i, neurons.t.values).filter { $0.0 == 1 }.map(\.1), .series(1)),
            ("reward (2)", dopamine.t.values, .series(3)),
        ]
        var events = try Plot.of(rows.enumerated().map { k, row in
            Curve(x: row.times * second, y: QuantityArray(values: Array(repeating: Double(k), count: row.times.count)),
                  xLabel: "Time", yLabel: "Spikes", label: row.label, style: .dots(diameter: 7), color: row.color)
        }, PlotOptions(title: String(format: "Classical STDP (0–%g s), then dopamine-modulated STDP", duration.value / 2),
                       timeUnit: second))
        events.yAxis.range = -0.5...3.5
        events.yAxis.integerTicks = true
        var panels = try [("d", "Extracellular dopamine", PlotColor.series(3)), ("c", "Eligibility trace", .series(0)),
                          ("s", "Synaptic strength", .series(2))].map { variable, title, color in
            try Plot.of(Curve(x: t * second, y: QuantityArray(values: try traces.values(variable, index: 0).values.map { $0 / gmax }),
                              xLabel: "Time", yLabel: "\(variable) / gmax", color: color),
                        PlotOptions(title: title, timeUnit: second))
        }
        for k in panels.indices { panels[k].xAxis.range = 0...duration.value }
        return Figure(title: "Dopamine-modulated STDP (Izhikevich 2007, Fig. 1c)", panels: [events] + panels,
                      rowHeights: [1, 0.8, 0.8, 0.8], sharesXAxis: true)
    }
}
