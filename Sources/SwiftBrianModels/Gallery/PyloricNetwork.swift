import SwiftBrian
import SwiftBrianTools

/// A plastic pyloric network (Stimberg, Brette & Goodman 2019, "Brian 2, an intuitive and
/// efficient neural simulator", eLife 8:e47314, case study 1 and Fig. 1, simple model; after
/// Golowasch, Casey, Abbott & Marder 1999, "Network stability from activity-dependent regulation
/// of neuronal conductances", Neural Comput 11:1079–1096): the three cell types of the crustacean
/// stomatogastric ganglion's pyloric circuit, AB/PD, LP and PY, one neuron each.
///
/// Each neuron is a Hindmarsh–Rose-type model in physical units whose action potentials are part of
/// its trajectory (threshold −20 mV, refractory while above it). Each spike adds 0.1 to a calcium
/// signal decaying with 150 ms; the difference to a cell-specific target drives `z`, which scales
/// two conductances in opposite directions (`g` up, `s` down) over seconds: homeostatic regulation.
/// Fast graded synapses (an instantaneous sigmoid of the presynaptic voltage) connect all pairs of
/// different types except PY → AB/PD; slow graded synapses (an activation `m_slow` driven by the
/// presynaptic voltage, solved exactly) go from AB/PD to the others; both sum their currents into
/// the target (`(summed)`).
///
/// The protocol of the original: `init_time` unobserved, `observe_time` recorded (the initial
/// rhythm), then the network adapts unobserved, and the last `observe_time` is recorded again (the
/// adapted rhythm); ``duration`` is the whole run (59.5 s).
public struct PyloricNetwork: GalleryExample {
    public static let name = "pyloric_network"
    public static let summary = "Pyloric network: three bursting neurons with graded synapses and homeostatic calcium regulation adapt their rhythm"
    public static let reference = "Stimberg, Brette & Goodman (2019), eLife 8:e47314 (Fig. 1); Golowasch et al. (1999), Neural Comput 11:1079-1096"

    /// The time before the first observation.
    public var init_time = 2.5 * second
    /// The length of each observation.
    public var observe_time = 4 * second
    /// The slope factor of the voltage's cubic.
    public var Delta_T = 17.5 * mV
    /// The voltage the cubic is centred on.
    public var v_T = -40 * mV
    /// The time constant of the fast recovery current `w`.
    public var tau = 2 * ms
    /// The decay time constant of the calcium signal.
    public var tau_Ca = 150 * ms
    /// The time constant of the slow adaptation current `x`.
    public var tau_x = 2 * second
    /// The reversal voltage of the slow adaptation current.
    public var v_r = -68 * mV
    /// The membrane capacitance.
    public var C = 60 * pF
    /// The time constant of the homeostatic regulation `z`.
    public var tau_z = 5 * second
    /// The calcium targets of AB/PD, LP and PY.
    public var Ca_target = [0.048, 0.0384, 0.06]
    /// The simulated time: `init_time`, an observation, adaptation, and a second observation.
    public var duration = 59.5 * second

    public init() {}

    /// The labels of the three cell types.
    static let cellTypes = ["AB/PD", "LP", "PY"]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        guard Ca_target.count == 3 else {
            throw ModelError(.invalidArgument, "'Ca_target' of '\(Self.name)' needs one target per cell type "
                             + "(AB/PD, LP, PY), but it has \(Ca_target.count)")
        }
        seed(value)
        defaultClock.dt = 0.01 * ms
        var namespace: Namespace = [
            "Delta_T": Delta_T, "v_T": v_T, "tau": tau, "tau_Ca": tau_Ca, "tau_x": tau_x, "v_r": v_r, "C": C,
            "tau_z": tau_z, "c": 1.2 * nA, "G": 28.5 * nS, "ABPD": 0, "LP": 1, "PY": 2,
            // synapses
            "s_fast": 0.2 / mV, "V_fast": -50 * mV, "s_slow": 1 / mV, "V_slow": -55 * mV, "E_syn": -75 * mV,
            "k_1": 1 / ms,
        ]
        namespace.values["a"] = try 1 / (Delta_T ** 3)
        namespace.values["b"] = try 3 / (Delta_T ** 2)
        namespace.values["d"] = try 2.5 * nA / (Delta_T ** 2)
        namespace.values["S"] = 2 * nA / Delta_T
        let circuit = try NeuronGroup(3, model: """
            dv/dt = (Delta_T*g*(-a*(v - v_T)**3 + b*(v - v_T)**2) + w - x - I_fast - I_slow)/C : volt
            dw/dt = (c - d*(v - v_T)**2 - w)/tau : amp
            dx/dt = (s*(v - v_r) - x)/tau_x : amp
            dCa/dt = -Ca/tau_Ca : 1
            s = S*(1 - tanh(z)) : siemens
            g = G*(1 + tanh(z)) : siemens
            dz/dt = tanh(Ca - Ca_target)/tau_z : 1
            I_fast : amp
            I_slow : amp
            Ca_target : 1 (constant)
            label : integer (constant)
            """, threshold: "v>-20*mV", reset: "Ca += 0.1", refractory: "v>-20*mV", method: .rk2,
            namespace: namespace, name: "circuit")
        try circuit.label.set([0, 1, 2])
        try circuit.v.set(v_r)
        try circuit.w.set("-5*nA*rand()")
        try circuit.z.set("rand()*0.2 - 0.1")
        try circuit.Ca_target.set(Ca_target)

        // Fast graded synapses: an instantaneous sigmoid of the presynaptic voltage.
        let fast = try Synapses(circuit, circuit, model: """
            g_fast : siemens (constant)
            I_fast_post = g_fast*(v_post - E_syn)/(1+exp(s_fast*(V_fast-v_pre))) : amp (summed)
            """, namespace: namespace, name: "fast_synapses")
        try fast.connect(condition: "label_pre != label_post and not (label_pre == PY and label_post == ABPD)")
        try fast.g_fast.set(0.015 * uS, where: "label_pre == ABPD and label_post == LP")
        try fast.g_fast.set(0.005 * uS, where: "label_pre == ABPD and label_post == PY")
        try fast.g_fast.set(0.01 * uS, where: "label_pre == LP and label_post == ABPD")
        try fast.g_fast.set(0.02 * uS, where: "label_pre == LP and label_post == PY")
        try fast.g_fast.set(0.005 * uS, where: "label_pre == PY and label_post == LP")
        // Slow graded synapses from AB/PD: an activation driven by the presynaptic voltage.
        let slow = try Synapses(circuit, circuit, model: """
            k_2 : 1/second (constant)
            g_slow : siemens (constant)
            I_slow_post = g_slow*m_slow*(v_post-E_syn) : amp (summed)
            dm_slow/dt = k_1*(1-m_slow)/(1+exp(s_slow*(V_slow-v_pre))) - k_2*m_slow : 1 (clock-driven)
            """, method: .exact, namespace: namespace, name: "slow_synapses")
        try slow.connect(condition: "label_pre == ABPD and label_post != ABPD")
        try slow.g_slow.set(0.025 * uS, where: "label_post == LP")
        try slow.k_2.set(0.03 / ms, where: "label_post == LP")
        try slow.g_slow.set(0.015 * uS, where: "label_post == PY")
        try slow.k_2.set(0.008 / ms, where: "label_post == PY")

        let M = try StateMonitor(circuit, variables: ["v"], dt: 0.1 * ms, name: "M")
        let spikes = try SpikeMonitor(circuit, name: "spikes")
        let net = try Network(circuit, fast, slow, M, spikes, backend: backend)
        // Both observations within the run (a shorter one cuts them short).
        let firstObservation = min(init_time.value, duration.value)...min(init_time.value + observe_time.value, duration.value)
        let secondObservation = max(duration.value - observe_time.value, firstObservation.upperBound)...duration.value
        M.active = false
        try net.run(until: firstObservation.lowerBound * second, within: duration, report: report)
        M.active = true
        try net.run(until: firstObservation.upperBound * second, within: duration, report: report)
        M.active = false
        try net.run(until: secondObservation.lowerBound * second, within: duration, report: report)
        M.active = true
        try net.run(until: duration, within: duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("spikes", spikes)]
        result.states = [Named("M", M)]
        result.stateLabels["M"] = Self.cellTypes
        let trains = spikes.spikeTrains().map(\.values)
        result.figures = [Named("rhythm", try rhythmFigure(M, windows: [firstObservation, secondObservation]))]
        for (name, window) in [("initial", firstObservation), ("adapted", secondObservation)] {
            let rhythm = BurstRhythm(trains.map { $0.filter(window.contains) })
            result.statistics += [
                GalleryStatistic("\(name)_period", rhythm.period, unit: "s"),
                GalleryStatistic("\(name)_triphasic", rhythm.triphasicFraction),
            ] + zip(["ABPD", "LP", "PY"], rhythm.spikeCounts).map {
                GalleryStatistic("\(name)_spikes_\($0)", Double($1))
            }
        }
        return result
    }

    /// The membrane potentials of the three cells in the two observations side by side (as the
    /// paper's Fig. 1: the initial and the adapted rhythm), each cell 100 mV below the previous one,
    /// time counted from the start of each observation.
    private func rhythmFigure(_ M: StateMonitor, windows: [ClosedRange<Double>]) throws -> Figure {
        let t = M.t.values
        let offset = 100.0
        let voltages = try Self.cellTypes.indices.map { try M.values("v", index: $0).values }
        let panels = try zip(["Initial", "Adapted"], windows).enumerated().map { k, observation in
            let (name, window) = observation
            // Every tenth sample (1 ms) of the window.
            let samples = stride(from: 0, to: t.count, by: 10).filter { window.contains(t[$0]) }
            var panel = try Plot.of(Self.cellTypes.enumerated().map { cell, label in
                Curve(x: samples.map { t[$0] - window.lowerBound } * second,
                      y: samples.map { voltages[cell][$0] / mV.value - offset * Double(cell) } * mV,
                      xLabel: "Time from the start of the observation", yLabel: "v, cells 100 mV apart",
                      label: k == 0 ? label : nil)
            }, PlotOptions(title: name + String(format: " rhythm (%g\u{2013}%g s)", window.lowerBound, window.upperBound),
                           timeUnit: second, unit: mV))
            // Room above the traces for the legend.
            panel.yAxis.range = (-offset * 2 - 90)...170
            return panel
        }
        return Figure(title: "Pyloric network of the stomatogastric ganglion: AB/PD, LP and PY before and after "
                        + "homeostatic adaptation", panels: panels, columns: 2, height: 520)
    }
}
