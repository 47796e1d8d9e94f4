import Foundation
import SwiftBrian
import SwiftBrianTools

/// Probabilistic decision making by slow reverberation (Wang 2002, "Probabilistic decision making
/// by slow reverberation in cortical circuits", Neuron 36:955–968; Brian's
/// `examples/frompapers/Wang_2002.py` by K. Wimmer and M. Stimberg): `N` conductance-based
/// integrate-and-fire neurons, 80 % excitatory, with AMPA, NMDA and GABA synapses and background
/// Poisson input. Two selective excitatory pools of `fE*NE` neurons each are wired more strongly
/// within themselves (`Jp`) and receive the stimulus: Poisson inputs whose rates
/// `mu0 ± coh/100*mu1` (plus noise of `sigma`, redrawn every `stim_interval`) favour pool 1 for a
/// positive coherence `coh` of the random dots. Slow recurrent NMDA excitation and shared
/// inhibition make the pools compete: one of them wins and fires at a high rate, the choice.
///
/// As in the original, the NMDA gating `s_NMDA` of all presynaptic neurons is summed per pool in
/// a three-neuron group (a summed variable) and fanned out to the targets with the pool weights
/// (a second summed variable), rather than through all-to-all NMDA synapses. `duration` is the
/// original's `runtime`.
public struct Wang2002: GalleryExample {
    public static let name = "wang2002"
    public static let summary = "Wang 2002 decision making: two selective pools compete through NMDA reverberation; one wins"
    public static let reference = "Wang (2002), Neuron 36:955-968; Brian's examples/frompapers/Wang_2002.py"

    /// The coherence of the random dots, in percent (positive favours pool 1).
    public var coh = 12.8
    /// The standard deviation of the stimulus input.
    public var sigma = 4.0 * Hz
    /// The stimulus input at zero coherence.
    public var mu0 = 40.0 * Hz
    /// The selective stimulus input at the highest coherence.
    public var mu1 = 40.0 * Hz
    /// How often the stimulus rates are redrawn.
    public var stim_interval = 50.0 * ms
    /// The stimulus onset.
    public var stim_on = 1000 * ms
    /// The stimulus offset.
    public var stim_off = 3000 * ms
    /// The simulated time (the original's `runtime`).
    public var duration = 4000 * ms
    /// The number of external Poisson inputs per neuron.
    public var N_ext = 1000
    /// The rate of each external input onto an excitatory neuron (2400 Hz / `N_ext`).
    public var rate_ext_E = 2.4 * Hz
    /// The rate of each external input onto an inhibitory neuron.
    public var rate_ext_I = 2.4 * Hz
    /// The number of neurons.
    public var N = 2000
    /// The fraction of inhibitory neurons.
    public var f_inh = 0.2
    /// The fraction of excitatory neurons in each selective pool (the coding fraction).
    public var fE = 0.15
    /// The relative synaptic strength within a selective pool (1: no potentiation).
    public var Jp = 1.7
    /// The rate a pool must exceed (in a 100 ms window) for the network to have decided (Wang
    /// 2002's 15 Hz).
    public var decision_threshold = 15 * Hz

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = [
        "N": 10...1_000_000, "N_ext": 1...1_000_000, "f_inh": 0.05...0.95, "fE": 0.01...0.5, "Jp": 0...10,
        "coh": -100...100,
    ]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        for (name, rate) in [("sigma", sigma), ("mu0", mu0), ("mu1", mu1), ("rate_ext_E", rate_ext_E),
                             ("rate_ext_I", rate_ext_I), ("decision_threshold", decision_threshold)]
        where rate.dimension != Hz.dimension {
            throw ModelError(.dimensionMismatch, "'\(name)' of '\(Self.name)' must be a rate, but it is \(rate)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let NE = Int(Double(N) * (1 - f_inh)), NI = Int(Double(N) * f_inh)
        let subN = Int(fE * Double(NE))
        guard subN >= 1, NI >= 1, NE > 2 * subN else {
            throw ModelError(.invalidArgument, "'\(Self.name)' needs inhibitory neurons and two selective pools smaller "
                             + "than the excitatory population, but N = \(N), f_inh = \(f_inh), fE = \(fE) give "
                             + "\(NE) excitatory, \(NI) inhibitory and pools of \(subN)")
        }
        let Jm = 1 - fE * (Jp - 1) / (1 - fE)
        let scaleE = 1600 / Double(NE), scaleI = 400 / Double(NI)
        let namespace: Namespace = [
            "El": -70 * mV, "Vt": -50 * mV, "Vr": -55 * mV, "CmE": 0.5 * nF, "CmI": 0.2 * nF,
            "gLeakE": 25 * nS, "gLeakI": 20 * nS, "V_E": 0 * mV, "V_I": -70 * mV, "tau_AMPA": 2 * ms,
            "tau_NMDA_rise": 2 * ms, "tau_NMDA_decay": 100 * ms, "tau_GABA": 5 * ms, "alpha": 0.5 * kHz,
            "C": 1 * mmolar, "mmole": mmolar, "gEEN": 0.165 * nS * scaleE, "gEIN": 0.13 * nS * scaleE,
            "gEIA": 0.04 * nS * scaleE, "gIE": 1.3 * nS * scaleI, "gII": 1.0 * nS * scaleI, "gextE": 2.1 * nS,
            "coh": coh, "sigma": sigma, "mu0": mu0, "mu1": mu1, "stim_on": stim_on, "stim_off": stim_off,
        ]
        let gEEA = 0.05 * nS * scaleE, gextE = 2.1 * nS
        // Note the "(unless refractory)": the membrane voltage is clamped while refractory.
        // The synaptic currents of both populations (the original's eqsE and eqsI share them),
        // with the NMDA conductance `gNMDA` of the population.
        func currents(_ gNMDA: String) -> String {
            """
            I_AMPA = s_AMPA * (V - V_E) : amp
            ds_AMPA / dt = - s_AMPA / tau_AMPA : siemens
            I_NMDA = \(gNMDA) * s_NMDA_tot * (V - V_E) / ( 1 + exp(-0.062 * V/mvolt) * (C/mmole / 3.57) ) : amp
            s_NMDA_tot : 1
            I_GABA = s_GABA * (V - V_I) : amp
            ds_GABA / dt = - s_GABA / tau_GABA : siemens
            I_AMPA_ext = s_AMPA_ext * (V - V_E) : amp
            ds_AMPA_ext / dt = - s_AMPA_ext / tau_AMPA : siemens
            """
        }
        let popE = try NeuronGroup(NE, model: """
            label : integer (constant)  # label for decision encoding populations
            dV/dt = (- gLeakE * (V - El) - I_AMPA - I_NMDA - I_GABA - I_AMPA_ext + I_input) / CmE : volt (unless refractory)
            \(currents("gEEN"))
            I_input : amp
            ds_NMDA / dt = - s_NMDA / tau_NMDA_decay + alpha * x * (1 - s_NMDA) : 1
            dx / dt = - x / tau_NMDA_rise : 1
            """, threshold: "V > Vt", reset: "V = Vr", refractory: 2 * ms, method: .euler, namespace: namespace,
            name: "popE")
        let popI = try NeuronGroup(NI, model: """
            dV/dt = (- gLeakI * (V - El) - I_AMPA - I_NMDA - I_GABA - I_AMPA_ext) / CmI : volt (unless refractory)
            \(currents("gEIN"))
            """, threshold: "V > Vt", reset: "V = Vr", refractory: 1 * ms, method: .euler, namespace: namespace,
            name: "popI")
        let popE1 = try popE[0..<subN], popE2 = try popE[subN..<(2 * subN)], popE3 = try popE[(2 * subN)..<NE]
        try popE1.label.set(0)
        try popE2.label.set(1)
        try popE3.label.set(2)

        // Recurrent E -> E (AMPA): Jp within a selective pool, Jm between them and from the rest.
        let C_EE_AMPA = try Synapses(popE, popE, model: "w : siemens", onPre: "s_AMPA += w", delay: 0.5 * ms,
                                     method: .euler, name: "C_EE_AMPA")
        try C_EE_AMPA.connect()
        try C_EE_AMPA.w.set(gEEA)
        try C_EE_AMPA.w.set(gEEA * Jp, where: "label_pre == label_post and label_pre < 2")
        try C_EE_AMPA.w.set(gEEA * Jm, where: "label_pre != label_post and label_post < 2")
        let C_EI_AMPA = try Synapses(popE, popI, onPre: "s_AMPA += gEIA", delay: 0.5 * ms, method: .euler,
                                     namespace: namespace, name: "C_EI_AMPA")
        try C_EI_AMPA.connect()
        // NMDA: each neuron drives its own rise variable x; the gating s_NMDA is summed per pool ...
        let C_EE_NMDA = try Synapses(popE, popE, onPre: "x_pre += 1", delay: 0.5 * ms, method: .euler,
                                     name: "C_EE_NMDA")
        try C_EE_NMDA.connect(j: "i")
        let NMDA_sum_group = try NeuronGroup(3, model: "s : 1", name: "NMDA_sum_group")
        let NMDA_sum = try Synapses(popE, NMDA_sum_group, model: "s_post = s_NMDA_pre : 1 (summed)", name: "NMDA_sum")
        try NMDA_sum.connect(j: "label_pre")
        // ... and handed to every target with the pool weights.
        let NMDA_set_total_E = try Synapses(NMDA_sum_group, popE, model: """
            w : 1 (constant)
            s_NMDA_tot_post = w*s_pre : 1 (summed)
            """, name: "NMDA_set_total_E")
        try NMDA_set_total_E.connect()
        try NMDA_set_total_E.w.set(1)
        try NMDA_set_total_E.w.set(Jp, where: "i == label_post and label_post < 2")
        try NMDA_set_total_E.w.set(Jm, where: "i != label_post and label_post < 2")
        let NMDA_set_total_I = try Synapses(NMDA_sum_group, popI, model: "s_NMDA_tot_post = s_pre : 1 (summed)",
                                            name: "NMDA_set_total_I")
        try NMDA_set_total_I.connect()
        // Recurrent inhibition (GABA).
        let C_IE = try Synapses(popI, popE, onPre: "s_GABA += gIE", delay: 0.5 * ms, method: .euler,
                                namespace: namespace, name: "C_IE")
        try C_IE.connect()
        let C_II = try Synapses(popI, popI, onPre: "s_GABA += gII", delay: 0.5 * ms, method: .euler,
                                namespace: namespace, name: "C_II")
        try C_II.connect()

        // Background input, and the stimulus redrawn every stim_interval.
        let extinputE = try PoissonInput(popE, "s_AMPA_ext", N: N_ext, rate: rate_ext_E, weight: gextE, name: "extinputE")
        let extinputI = try PoissonInput(popI, "s_AMPA_ext", N: N_ext, rate: rate_ext_I, weight: 1.62 * nS,
                                         name: "extinputI")
        let stiminputE1 = try PoissonGroup(subN, rates: 0 * Hz, namespace: namespace, name: "stiminputE1")
        let stiminputE2 = try PoissonGroup(subN, rates: 0 * Hz, namespace: namespace, name: "stiminputE2")
        // Named, as every object here: random numbers are drawn per object name.
        try stiminputE1.runRegularly("rates = int(t > stim_on and t < stim_off) * (mu0 + coh / 100.0 * mu1 + sigma*randn())",
                                     dt: stim_interval, name: "stiminputE1_run_regularly")
        try stiminputE2.runRegularly("rates = int(t > stim_on and t < stim_off) * (mu0 - coh / 100.0 * mu1 + sigma*randn())",
                                     dt: stim_interval, name: "stiminputE2_run_regularly")
        let C_stimE1 = try Synapses(stiminputE1, popE1, onPre: "s_AMPA_ext += gextE", namespace: namespace,
                                    name: "C_stimE1")
        try C_stimE1.connect(j: "i")
        let C_stimE2 = try Synapses(stiminputE2, popE2, onPre: "s_AMPA_ext += gextE", namespace: namespace,
                                    name: "C_stimE2")
        try C_stimE2.connect(j: "i")

        // Initial conditions.
        for group in [popE, popI] {
            try group.s_NMDA_tot.set(0.2)  // tau_NMDA_decay * 10 Hz * 0.2
            try group.V.set(-52 * mV)  // Vt - 2 mV
        }
        let SME1 = try SpikeMonitor(popE1, name: "SME1")
        let SME2 = try SpikeMonitor(popE2, name: "SME2")
        let E1 = try StateMonitor(stiminputE1, "rates", record: [0], dt: 1 * ms, name: "E1")
        let E2 = try StateMonitor(stiminputE2, "rates", record: [0], dt: 1 * ms, name: "E2")
        let net = try Network(popE, popI, C_EE_AMPA, C_EI_AMPA, C_EE_NMDA, NMDA_sum_group, NMDA_sum, NMDA_set_total_E,
                              NMDA_set_total_I, C_IE, C_II, extinputE, extinputI, stiminputE1, stiminputE2,
                              C_stimE1, C_stimE2, SME1, SME2, E1, E2, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("population 1", SME1), Named("population 2", SME2)]
        result.states = [Named("input 1", E1), Named("input 2", E2)]
        let end = net.t.value
        let pools = [DecisionRate(SME1, neurons: subN, dt: defaultClock.dt.value, to: end),
                     DecisionRate(SME2, neurons: subN, dt: defaultClock.dt.value, to: end)]
        result.figures = [Named("decision", try figure(pools, inputs: [E1, E2], subN: subN, end: end))]
        result.statistics = statistics(pools, end: end)
        return result
    }

    /// The rates of the two pools before the stimulus and at its end, the winner (the pool firing
    /// faster in the last 500 ms of the stimulus) and the decision time (from the stimulus onset
    /// until a pool's rate in the last 100 ms first exceeds ``decision_threshold``).
    private func statistics(_ pools: [DecisionRate], end: Double) -> [GalleryStatistic] {
        let onset = min(stim_on.value, end), offset = min(stim_off.value, end)
        let late = max(onset, offset - 0.5)
        let spontaneous = pools.map { $0.rate(from: 0, to: onset) }
        let final = pools.map { $0.rate(from: late, to: offset) }
        let decision = DecisionRate.crossing(pools, above: decision_threshold.value, window: 0.1, from: onset, to: offset)
        return [
            GalleryStatistic("rate_spontaneous", (spontaneous[0] + spontaneous[1]) / 2, unit: "Hz"),
            GalleryStatistic("rate_1", final[0], unit: "Hz"),
            GalleryStatistic("rate_2", final[1], unit: "Hz"),
            GalleryStatistic("winner", final[0] > final[1] ? 1 : 2),
            GalleryStatistic("decision_time", decision.map { ($0.time - onset) * 1e3 } ?? .nan, unit: "ms"),
            GalleryStatistic("decision_winner", decision.map { Double($0.pool + 1) } ?? .nan),
        ]
    }

    /// The original's figure: the spikes of both pools, their rates (100 ms flat window) and the
    /// stimulus rate of one neuron of each.
    private func figure(_ pools: [DecisionRate], inputs: [StateMonitor], subN: Int, end: Double) throws -> Figure {
        let colors = [PlotColor("#8b0000"), PlotColor("#00008b")]  // darkred, darkblue
        let window = 0...max(end * 1e3, 1)
        var panels = try pools.indices.map { k in
            var raster = try Plot.of(pools[k].monitor, PlotOptions(title: "", timeUnit: ms))
            raster.yAxis = PlotAxis("population \(k + 1)", range: 0...Double(subN), integerTicks: true)
            raster.series = raster.series.map { var s = $0; s.color = colors[k]; return s }
            return raster.window(window)
        }
        let grid = stride(from: 0.05, through: max(end - 0.05, 0.05), by: 1e-3).map { $0 }
        let rate = { (values: [Double]) in QuantityArray(values: values, dimension: Hz.dimension) }
        var rates = try Plot.of(pools.indices.map { k in
            Curve(x: QuantityArray(values: grid, dimension: second.dimension),
                  y: rate(grid.map { pools[k].rate(from: $0 - 0.05, to: $0 + 0.05) }), xLabel: "Time",
                  yLabel: "Firing rate", label: "population \(k + 1)", color: colors[k])
        }, PlotOptions(title: "", timeUnit: ms))
        var input = try Plot.of(try inputs.indices.map { k in
            Curve(x: inputs[k].t, y: rate(try inputs[k].values("rates", index: 0).values), xLabel: "Time",
                  yLabel: "Input", color: colors[k])
        }, PlotOptions(title: "", timeUnit: ms))
        rates.xAxis.range = window
        input.xAxis.range = window
        input.yAxis.includesZero = true
        panels += [rates, input]
        return Figure(title: String(format: "Decision making, coherence %g %%", coh), panels: panels,
                      rowHeights: [2, 2, 2, 1], sharesXAxis: true, height: 960)
    }
}
