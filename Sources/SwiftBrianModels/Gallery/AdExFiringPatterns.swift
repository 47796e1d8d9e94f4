import SwiftBrian
import SwiftBrianTools

/// The firing patterns of the adaptive exponential integrate-and-fire model (Brette & Gerstner
/// 2005) with the parameter sets of Naud et al. (2008), "Firing patterns in the adaptive
/// exponential integrate-and-fire model", Biol Cybern 99:335–347 (Brian's
/// `examples/frompapers/Naud_et_al_2008_adex_firing_patterns.py`): one neuron per pattern, its
/// parameters stored per neuron, driven by a constant current for 0.6 s.
public struct AdExFiringPatterns: GalleryExample {
    public static let name = "adex_patterns"
    public static let summary = "AdEx neuron: tonic, adapting, bursting, delayed and irregular firing patterns"
    public static let reference = "Naud et al. (2008), Biol Cybern 99:335-347"

    /// One parameter set of Naud et al. (2008).
    public struct Pattern: Sendable, Codable {
        /// The pattern's name, as used in statistics (`tonic`, `adaptation`, ...).
        public var name: String

        /// The name as a title: `"Delayed regular bursting"`.
        public var title: String {
            let words = name.split(separator: "_").joined(separator: " ")
            return words.prefix(1).uppercased() + words.dropFirst()
        }
        public var c_m: Quantity
        public var g_l: Quantity
        public var e_l: Quantity
        public var v_t: Quantity
        public var d_t: Quantity
        public var a: Quantity
        public var tau_w: Quantity
        public var b: Quantity
        public var v_r: Quantity
        public var i_stim: Quantity
    }

    /// The eight patterns of Brian's example (parameters adapted by P. Müller to match the figures).
    public static let patterns: [Pattern] = [
        Pattern(name: "tonic", c_m: 200 * pF, g_l: 10 * nS, e_l: -70 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: 2 * nS, tau_w: 30 * ms, b: 0 * pA, v_r: -58 * mV, i_stim: 500 * pA),
        Pattern(name: "adaptation", c_m: 200 * pF, g_l: 12 * nS, e_l: -70 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: 2 * nS, tau_w: 300 * ms, b: 60 * pA, v_r: -58 * mV, i_stim: 500 * pA),
        Pattern(name: "initial_burst", c_m: 130 * pF, g_l: 18 * nS, e_l: -58 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: 4 * nS, tau_w: 150 * ms, b: 120 * pA, v_r: -50 * mV, i_stim: 400 * pA),
        Pattern(name: "regular_bursting", c_m: 200 * pF, g_l: 10 * nS, e_l: -58 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: 2 * nS, tau_w: 120 * ms, b: 100 * pA, v_r: -46 * mV, i_stim: 210 * pA),
        Pattern(name: "delayed_accelerating", c_m: 200 * pF, g_l: 12 * nS, e_l: -70 * mV, v_t: -50 * mV,
                d_t: 2 * mV, a: -10 * nS, tau_w: 300 * ms, b: 0 * pA, v_r: -58 * mV, i_stim: 300 * pA),
        Pattern(name: "delayed_regular_bursting", c_m: 100 * pF, g_l: 10 * nS, e_l: -65 * mV, v_t: -50 * mV,
                d_t: 2 * mV, a: -10 * nS, tau_w: 90 * ms, b: 30 * pA, v_r: -47 * mV, i_stim: 110 * pA),
        Pattern(name: "transient_spiking", c_m: 100 * pF, g_l: 10 * nS, e_l: -65 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: 10 * nS, tau_w: 90 * ms, b: 100 * pA, v_r: -47 * mV, i_stim: 180 * pA),
        Pattern(name: "irregular_spiking", c_m: 100 * pF, g_l: 12 * nS, e_l: -60 * mV, v_t: -50 * mV, d_t: 2 * mV,
                a: -11 * nS, tau_w: 130 * ms, b: 30 * pA, v_r: -48 * mV, i_stim: 160 * pA),
    ]

    /// The simulated patterns (by default all eight).
    public var patterns = AdExFiringPatterns.patterns
    /// The simulated time.
    public var duration = 0.6 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        // Touboul & Brette (2008)'s form of the model, every parameter per neuron.
        let neuron = try NeuronGroup(patterns.count, model: """
            dvm/dt = (g_l*(e_l - vm) + g_l*d_t*exp((vm-v_t)/d_t) + i_stim - w)/c_m : volt
            dw/dt  = (a*(vm - e_l) - w)/tau_w : amp
            c_m : farad (constant)
            g_l : siemens (constant)
            e_l : volt (constant)
            v_t : volt (constant)
            d_t : volt (constant)
            a : siemens (constant)
            tau_w : second (constant)
            b : amp (constant)
            v_r : volt (constant)
            i_stim : amp (constant)
            """, threshold: "vm > 0*mV", reset: "vm = v_r; w += b", method: .euler, name: "neuron")
        let columns: [(String, KeyPath<Pattern, Quantity>)] = [
            ("c_m", \.c_m), ("g_l", \.g_l), ("e_l", \.e_l), ("v_t", \.v_t), ("d_t", \.d_t), ("a", \.a),
            ("tau_w", \.tau_w), ("b", \.b), ("v_r", \.v_r), ("i_stim", \.i_stim),
        ]
        for (name, path) in columns {
            try neuron.variable(name).set(try QuantityArray(patterns.map { $0[keyPath: path] }))
        }
        try neuron.vm.set("e_l")
        try neuron.w.set(0 * amp)
        let states = try StateMonitor(neuron, variables: ["vm", "w"], when: .thresholds, name: "states")
        let spikes = try SpikeMonitor(neuron, name: "spikes")
        let net = try Network(neuron, states, spikes, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("neuron", spikes)]
        result.states = [Named("vm, w", states)]
        result.stateLabels["vm, w"] = patterns.map(\.title)
        // The figure of the paper: the membrane potential of each pattern, small multiples. vm is
        // recorded before the threshold, where the exponential term diverges: as in the paper,
        // spikes are cut at the top, 10 mV above the threshold of 0 mV.
        let panels = try patterns.indices.map { k in
            var panel = try Plot.of(states, PlotOptions(title: patterns[k].title, variable: "vm", indices: [k],
                                                        unit: mV))
            panel.yAxis.range = -80...10
            return panel
        }
        result.figures = [Named("adex_patterns_vm", Figure(
            title: "Naud et al. (2008): firing patterns of the AdEx neuron (membrane potential)", panels: panels,
            columns: 2, sharesXAxis: true, width: 900, height: 36 + 190 * Double((panels.count + 1) / 2)))]
        for (k, pattern) in patterns.enumerated() {
            let isi = SpikeStatistics.intervals(spikes, index: k)
            result.statistics.append(GalleryStatistic("\(pattern.name)_spikes", Double(spikes.count[k])))
            result.statistics.append(GalleryStatistic(
                "\(pattern.name)_adaptation_ratio", isi.count > 1 ? isi[isi.count - 1] / isi[0] : .nan))
            result.statistics.append(GalleryStatistic("\(pattern.name)_isi_cv",
                                                      SpikeStatistics.coefficientOfVariation(isi)))
        }
        return result
    }
}
