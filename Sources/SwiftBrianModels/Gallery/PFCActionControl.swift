import SwiftBrian
import SwiftBrianTools

/// Action initiation and inhibition by dorsal and ventral medial prefrontal cortex under
/// optogenetic and chemogenetic perturbation: SwiftBrian's flagship example (issue 16), with no
/// Brian original; docs/examples/pfc_action_control.md states its equations, sources and choices.
///
/// Two recurrent E/I populations, dmPFC and vmPFC, each with a motor-projecting (MP)
/// subpopulation, drive an action-selection stage: two competing action populations (A1, A2)
/// sharing an inhibitory pool, and two habit relays. The go cue excites dmPFC; dmPFC MP neurons
/// excite both action populations, each through weights scaled by the learned value of its
/// action. The stop signal excites vmPFC; vmPFC MP neurons excite the inhibitory pool (stopping)
/// and inhibit the habit relays (suppressing the previously reinforced action). An action is
/// taken when the rate of an action population crosses `threshold_rate`.
///
/// Each session is one copy of the circuit; every session of every condition (``PFCCondition``)
/// runs at once in one network, trial after trial: the network is restored to its initial state
/// before each trial and seeded anew. Between trials the value of the chosen action moves towards
/// its reward (`alpha_q`), the habit strengths towards the choice (`alpha_h`), and the stop-signal
/// delay of a stop trial goes up after a successful stop and down after a failed one. The
/// rewarded action changes from A1 to A2 at trial `reversal_trial`.
///
/// `duration` is the length of one trial (the go cue comes at `t_go`); a trial shorter than the
/// cue has no actions and the readouts are not numbers.
public struct PFCActionControl: GalleryExample {
    public static let name = "pfc_action_control"
    public static let summary = "dmPFC/vmPFC motor-projecting neurons in action initiation, stopping and reversal under "
        + "ChR2, stGtACR2 and PSAM perturbations"
    public static let reference = "Hypothesis of issue 16; opsins: Nikolic et al. (2009), Mahn et al. (2018); "
        + "PSAM: Magnus et al. (2019); SSRT: Verbruggen et al. (2019), eLife 8:e46323"

    /// The sessions (copies of the circuit) per condition.
    public var sessions = 6
    /// The trials per session.
    public var trials = 16
    /// The first trial on which A2 rather than A1 is rewarded.
    public var reversal_trial = 4
    /// Every `stop_every`-th trial is a stop trial.
    public var stop_every = 4
    /// The length of one trial.
    public var duration = 0.5 * second
    /// The time of the go cue within a trial.
    public var t_go = 100 * ms
    /// The time the light comes on within a trial (it stays on to the end of the trial).
    public var light_on = 50 * ms
    /// The irradiance of the light (continuous for stGtACR2, pulses for ChR2).
    public var irradiance = 5e-3 * watt / mm2
    /// The rate of the light pulses for ChR2.
    public var pulse_rate = 20 * Hz
    /// The width of the light pulses for ChR2.
    public var pulse_width = 5 * ms
    /// The peak ChR2 conductance of an expressing neuron.
    public var g_ChR2 = 8 * nsiemens
    /// The peak stGtACR2 conductance of an expressing neuron.
    public var g_stGtACR2 = 20 * nsiemens
    /// The tonic PSAM4-GlyR conductance with varenicline.
    public var g_PSAM = 10 * nsiemens
    /// The shortest stop-signal delay.
    public var ssd_min = 50 * ms
    /// The step between stop-signal delays.
    public var ssd_step = 50 * ms
    /// The number of stop-signal delays (`ssd_min`, `ssd_min + ssd_step`, ...): a session's stop
    /// trials take them in turn, each session starting one further along.
    public var ssd_count = 4
    /// The learning rate of the action values.
    public var alpha_q = 0.6
    /// The learning rate of the habit strengths.
    public var alpha_h = 0.1
    /// The rate (over 20 ms) at which an action population takes its action.
    public var threshold_rate = 40 * Hz
    /// Excitatory and inhibitory neurons per prefrontal region, MP neurons among the excitatory.
    public var nE = 32, nI = 8, nMP = 12
    /// Neurons per action population, in the inhibitory pool and per habit relay.
    public var nA = 16, nIa = 8, nH = 8
    /// The membrane noise.
    public var sigma = 3 * mV
    /// Constant currents: prefrontal excitatory and inhibitory, action, pool and habit neurons.
    public var I_E = 175 * pA, I_I = 170 * pA, I_A = 160 * pA, I_Ia = 150 * pA, I_H = 150 * pA
    /// Go-cue currents: dmPFC excitatory, dmPFC MP, action neurons; the habit current at full habit.
    public var go_PFC = 50 * pA, go_MP = 100 * pA, go_A = 90 * pA, habit_H = 200 * pA
    /// The rise time of the go input.
    public var tau_go = 250 * ms
    /// The rise time of the stop input.
    public var tau_stop = 50 * ms
    /// Stop-signal currents: vmPFC excitatory, vmPFC MP, the action stage's inhibitory pool.
    public var stop_PFC = 40 * pA, stop_MP = 150 * pA, stop_Ia = 80 * pA
    /// Connection probabilities: within a prefrontal region (twice it from inhibitory neurons),
    /// of long-range and action-stage pathways, within an action population.
    public var p_PFC = 0.2, p_MP = 0.5, p_A = 0.3
    /// Synaptic weights within a prefrontal region.
    public var w_PFC_E = 1 * nsiemens, w_PFC_I = 2 * nsiemens
    /// dmPFC MP → action weight at value 1, and the value-independent part `b0` of it.
    public var w_dA = 1 * nsiemens, b0 = 0.6
    /// vmPFC MP → inhibitory pool and vmPFC MP → habit relay (inhibitory) weights.
    public var w_vIa = 1.5 * nsiemens, w_vH = 6 * nsiemens
    /// Action-stage weights: within an action population, action → pool, habit → action, pool → action.
    public var w_AA = 0.6 * nsiemens, w_AIa = 1 * nsiemens, w_HA = 1 * nsiemens, w_IaA = 2 * nsiemens

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = [
        "sessions": 1...10_000, "trials": 1...10_000, "reversal_trial": 0...10_000, "stop_every": 1...10_000, "ssd_count": 1...1000,
        "nE": 1...10_000, "nI": 1...10_000, "nMP": 0...10_000, "nA": 1...10_000, "nIa": 1...10_000, "nH": 1...10_000,
        "alpha_q": 0...1, "alpha_h": 0...1, "p_PFC": 0...0.5, "p_MP": 0...1, "p_A": 0...1, "b0": 0...100,
    ]

    /// The stop time of a go trial (no stop signal), in seconds.
    static let never = 1e4

    /// The length of a trial step of the light protocols.
    static let lightStep = 1 * ms

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        try checkParameters()
        seed(value)
        defaultClock.dt = 0.1 * ms
        let conditions = PFCCondition.allCases.flatMap { [PFCCondition](repeating: $0, count: sessions) }
        let circuit = try PFCCircuit(self, conditions: conditions, namespace: try namespace(), seed: value)
        let monitor = try SpikeMonitor(circuit.action, name: "action_spikes")
        let net = try Network([circuit.pfc, circuit.action] + circuit.synapses + [monitor], backend: backend)
        net.store()

        var values = [[Double]](repeating: [0.9, 0.1], count: conditions.count)
        var habits = [[Double]](repeating: [0.8, 0.2], count: conditions.count)
        var trialRecords = [ActionTrial]()
        for trial in 0..<trials {
            try net.restore()
            seed(value &+ 1 &+ UInt64(trial))
            let isStop = trial % stop_every == stop_every - 1
            let rewarded = trial < reversal_trial ? 0 : 1
            let delays = conditions.indices.map { copy in
                ssd_min.value + ssd_step.value * Double((copy + trial / stop_every) % ssd_count)
            }
            try setTrial(circuit, values: values, habits: habits, stopTimes: delays.map {
                isStop ? t_go.value + $0 : Self.never
            })
            let first = monitor.numEvents
            try net.run(duration, report: report)
            if RunInterruption.isRequested { break }  // stopped: the trial is incomplete
            let choices = readChoices(monitor, from: first, circuit: circuit, copies: conditions.count)
            for (copy, condition) in conditions.enumerated() {
                let (choice, latency) = choices[copy]
                trialRecords.append(ActionTrial(
                    condition: condition, session: copy % sessions, trial: trial,
                    stopSignalDelay: isStop ? delays[copy] : nil, afterReversal: trial >= reversal_trial,
                    rewarded: rewarded, choice: choice, latency: latency))
                if !isStop, let choice {
                    values[copy][choice] += alpha_q * ((choice == rewarded ? 1 : 0) - values[copy][choice])
                    for action in 0..<2 {
                        habits[copy][action] += alpha_h * ((action == choice ? 1 : 0) - habits[copy][action])
                    }
                }
            }
        }

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("action_last_trial", monitor)]
        let window = max(0, duration.value - t_go.value)
        let behaviours = PFCCondition.allCases.map { condition in
            (condition, ActionBehaviour(trialRecords.filter { $0.condition == condition }, responseWindow: window))
        }
        for (condition, behaviour) in behaviours {
            let name = condition.rawValue
            result.statistics += [
                GalleryStatistic("AL_\(name)", behaviour.meanLatency / ms.value, unit: "ms"),
                GalleryStatistic("SSRT_\(name)", behaviour.ssrt / ms.value, unit: "ms"),
                GalleryStatistic("p_respond_\(name)", behaviour.respondProbability),
                GalleryStatistic("omissions_\(name)", behaviour.omissionRate),
                GalleryStatistic("RA_\(name)", behaviour.reversalAccuracy),
                GalleryStatistic("PE_\(name)", behaviour.perseverationErrors),
            ]
        }
        result.figures = [Named("behaviour", try Self.figure(behaviours, window: window))]
        return result
    }

    /// Throws when a parameter has the wrong unit or the layout is impossible.
    func checkParameters() throws {
        let quantities: [(String, Quantity, Dimension)] = [
            ("t_go", t_go, .time), ("light_on", light_on, .time), ("pulse_width", pulse_width, .time),
            ("pulse_rate", pulse_rate, .frequency), ("ssd_min", ssd_min, .time), ("ssd_step", ssd_step, .time),
            ("threshold_rate", threshold_rate, .frequency), ("irradiance", irradiance, Dimension(mass: 1, time: -3)),
            ("g_ChR2", g_ChR2, .conductance), ("g_stGtACR2", g_stGtACR2, .conductance), ("g_PSAM", g_PSAM, .conductance),
            ("sigma", sigma, .voltage), ("tau_go", tau_go, .time), ("tau_stop", tau_stop, .time),
        ]
        for (name, quantity, dimension) in quantities where quantity.dimension != dimension {
            throw ModelError(.dimensionMismatch, "'\(name)' of '\(Self.name)' must be in \(dimension.unitSpecification), "
                             + "but it is \(quantity)")
        }
        guard nMP <= nE else {
            throw ModelError(.invalidArgument, "'nMP' of '\(Self.name)' (\(nMP)) counts excitatory neurons, so it "
                             + "cannot exceed 'nE' (\(nE))")
        }
        guard tau_go.value > 0, tau_stop.value > 0, pulse_rate.value > 0 else {
            throw ModelError(.invalidArgument, "'tau_go', 'tau_stop' and 'pulse_rate' of '\(Self.name)' must be positive")
        }
    }

    /// The constants of the model and the light protocols.
    func namespace() throws -> Namespace {
        let steps = max(1, Int((duration.value / Self.lightStep.value).rounded(.up)))
        let times = (0..<steps).map { Double($0) * Self.lightStep.value }
        let period = 1 / pulse_rate.value
        let continuous = times.map { $0 >= light_on.value ? irradiance.value : 0 }
        let pulses = times.map { t in
            t >= light_on.value && (t - light_on.value).truncatingRemainder(dividingBy: period) < pulse_width.value
                ? irradiance.value : 0
        }
        let light = Dimension(mass: 1, time: -3)
        return [
            "C": 200 * pF, "gL": 10 * nsiemens, "EL": -70 * mV, "VT": -50 * mV, "Vr": -60 * mV, "Ee": 0 * mV,
            "Ei": -80 * mV, "E_cl": -70 * mV, "E_chr2": 0 * mV, "tau_e": 5 * ms, "tau_i": 10 * ms, "taum": 20 * ms,
            "sigma": sigma, "t_go": t_go, "tau_go": tau_go, "tau_stop": tau_stop,
            // ChR2, three-state photocycle (Nikolic et al. 2009): closing 1/Gd = 11 ms, recovery 1/Gr = 5 s.
            "ka_c": 1 / ms, "Gd_c": 1 / (11 * ms), "Gr_c": 1 / (5 * second), "E50_c": 1e-3 * watt / mm2,
            // stGtACR2, two-state (Mahn et al. 2018; Govorunova et al. 2015): opening 2 ms, closing 30 ms.
            "ka_g": 0.5 / ms, "tau_g": 30 * ms, "E50_g": 0.2e-3 * watt / mm2,
            "w_PFC_E": w_PFC_E, "w_PFC_I": w_PFC_I, "w_dA": w_dA, "b0": Quantity(value: b0), "w_vIa": w_vIa, "w_vH": w_vH,
            "w_AA": w_AA, "w_AIa": w_AIa, "w_HA": w_HA, "w_IaA": w_IaA,
            "light_chr2": try TimedArray(QuantityArray(values: pulses, dimension: light), dt: Self.lightStep,
                                         name: "light_chr2"),
            "light_gtacr": try TimedArray(QuantityArray(values: continuous, dimension: light), dt: Self.lightStep,
                                          name: "light_gtacr"),
        ]
    }

    /// Sets the per-trial variables of every copy: action values, habit strengths, stop times.
    func setTrial(_ circuit: PFCCircuit, values: [[Double]], habits: [[Double]], stopTimes: [Double]) throws {
        var q = [Double](repeating: 0, count: circuit.action.size)
        var h = q
        var stopAction = q
        for copy in values.indices {
            let base = copy * circuit.actionPerCopy
            for k in 0..<nA {
                q[base + circuit.a1 + k] = values[copy][0]
                q[base + circuit.a2 + k] = values[copy][1]
            }
            for k in 0..<nH {
                h[base + circuit.h1 + k] = habits[copy][0]
                h[base + circuit.h2 + k] = habits[copy][1]
            }
            for k in 0..<circuit.actionPerCopy { stopAction[base + k] = stopTimes[copy] }
        }
        try circuit.action.q.set(q)
        try circuit.action.h.set(h)
        try circuit.action.t_stop.set(QuantityArray(values: stopAction, dimension: .time))
        let stopPFC = stopTimes.flatMap { [Double](repeating: $0, count: circuit.pfcPerCopy) }
        try circuit.pfc.t_stop.set(QuantityArray(values: stopPFC, dimension: .time))
    }

    /// The choice and latency of every copy in the trial whose spikes are `monitor`'s from number
    /// `first` on: the first action population whose rate over the last 20 ms (in 5 ms bins)
    /// reaches `threshold_rate` after the go cue (the higher rate wins a tie).
    func readChoices(_ monitor: SpikeMonitor, from first: Int, circuit: PFCCircuit,
                     copies: Int) -> [(choice: Int?, latency: Double?)] {
        let bin = 5e-3, binsPerWindow = 4
        let bins = max(0, Int((duration.value / bin).rounded(.down)))
        var counts = [[Int]](repeating: [Int](repeating: 0, count: 2 * bins), count: copies)
        let indices = monitor.i, times = monitor.t.values
        for k in first..<indices.count {
            let copy = indices[k] / circuit.actionPerCopy, local = indices[k] % circuit.actionPerCopy
            guard local < circuit.pool, bins > 0 else { continue }
            let b = min(bins - 1, Int(times[k] / bin))
            counts[copy][(local < circuit.a2 ? 0 : bins) + b] += 1
        }
        let threshold = threshold_rate.value * Double(nA) * bin * Double(binsPerWindow)
        let goBin = Int((t_go.value / bin).rounded())
        return counts.map { count in
            var window = [0, 0]
            for b in 0..<bins {
                for action in 0..<2 {
                    window[action] += count[action * bins + b]
                    if b >= binsPerWindow { window[action] -= count[action * bins + b - binsPerWindow] }
                }
                guard b >= goBin, window.contains(where: { Double($0) >= threshold }) else { continue }
                return (window[1] > window[0] ? 1 : 0, Double(b + 1) * bin - t_go.value)
            }
            return (nil, nil)
        }
    }
}
