import Foundation
import SwiftBrian
import SwiftBrianTools

/// Population bursts in a recurrent network with frequency-dependent synapses (Tsodyks, Uziel &
/// Markram 2000, "Synchrony generation in recurrent networks with frequency-dependent synapses",
/// J Neurosci 20:RC50, Fig. 1; Brian's `examples/frompapers/Tsodyks_Uziel_Markram_2000.py` by
/// S. Schmitt): 400 excitatory and 100 inhibitory integrate-and-fire neurons with a background
/// input spread around threshold, connected at random (probability 0.1) by Tsodyks–Markram
/// synapses: depressing between excitatory neurons and from inhibitory onto excitatory ones,
/// facilitating onto inhibitory ones. Resources `x` recover with `tau_rec`, the active fraction
/// `y` decays with `tau_I` and drives the postsynaptic potential (a summed variable).
///
/// The network fires irregularly at a few hertz, interrupted by population spikes: in a few
/// milliseconds most neurons fire together, depleting the excitatory synapses, which then recover
/// over hundreds of milliseconds until the next burst.
///
/// As in the original, the synaptic parameters are drawn per synapse from normal distributions
/// truncated to a range (`A` to 0.2–2 times its mean, `U` to its range, the time constants above
/// 5 ms), with the script's random numbers, and the background inputs span 1 mV around the
/// threshold (the paper's 0.05 mV shows no bursts, the original notes). The network runs
/// `burnin` first; the monitors record the following `duration`. The mean recovered fraction of
/// the excitatory synapses is averaged over ``recorded_synapses`` of them, evenly spaced (the
/// original records all).
public struct TsodyksUzielMarkram2000: GalleryExample {
    public static let name = "tsodyks_uziel_markram2000"
    public static let summary = "Tsodyks, Uziel & Markram 2000: depressing synapses make an E/I network fire in population bursts"
    public static let reference = "Tsodyks, Uziel & Markram (2000), J Neurosci 20:RC50; Brian's examples/frompapers/Tsodyks_Uziel_Markram_2000.py"

    /// The number of excitatory neurons.
    public var N_exc = 400
    /// The number of inhibitory neurons.
    public var N_inh = 100
    /// The connection probability.
    public var p = 0.1
    /// The time simulated before the monitors record.
    public var burnin = 900 * ms
    /// The recorded time after `burnin`.
    public var duration = 4200 * ms
    /// The network activity (fraction of all neurons firing in a 1 ms step) above which the
    /// network is in a population spike (episodes less than 20 ms apart count as one).
    public var burst_threshold = 0.05
    /// The number of excitatory synapses whose recovered fraction is recorded.
    public var recorded_synapses = 400

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = [
        "N_exc": 1...1_000_000, "N_inh": 1...1_000_000, "p": 0...1, "burst_threshold": 0...1,
    ]

    /// The parameters of one kind of synapse (the original's `get_synapses` arguments).
    private struct Kind {
        let name: String, tau_I: Quantity, A: Quantity, U: (mean: Double, min: Double, max: Double), tau_rec: Quantity
        var tau_facil: Quantity? = nil
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 1 * ms
        var random = ScriptRandom(seed: value)
        let exc_neurons = try population("exc_neurons", N: N_exc, tau_refrac: 3 * ms, random: &random)
        let inh_neurons = try population("inh_neurons", N: N_inh, tau_refrac: 2 * ms, random: &random)
        let kinds = [
            Kind(name: "ee_synapses", tau_I: 3 * ms, A: 1.8 * mV, U: (0.5, 0.1, 0.9), tau_rec: 800 * ms),
            Kind(name: "ei_synapses", tau_I: 3 * ms, A: 7.2 * mV, U: (0.04, 0.001, 0.07), tau_rec: 100 * ms,
                 tau_facil: 1000 * ms),
            Kind(name: "ie_synapses", tau_I: 3 * ms, A: -5.4 * mV, U: (0.5, 0.1, 0.9), tau_rec: 800 * ms),
            Kind(name: "ii_synapses", tau_I: 3 * ms, A: -7.2 * mV, U: (0.04, 0.001, 0.07), tau_rec: 100 * ms,
                 tau_facil: 1000 * ms),
        ]
        let ends = [(exc_neurons, exc_neurons), (exc_neurons, inh_neurons), (inh_neurons, exc_neurons),
                    (inh_neurons, inh_neurons)]
        let synapses = try zip(kinds, ends).map { kind, ends in
            try self.synapses(kind, from: ends.0, to: ends.1, random: &random)
        }
        let net = try Network([exc_neurons, inh_neurons] + synapses, backend: backend)
        try net.run(burnin, report: report)

        // Record from now on.
        let spike_monitor_exc = try SpikeMonitor(exc_neurons, name: "spike_monitor_exc")
        let spike_monitor_inh = try SpikeMonitor(inh_neurons, name: "spike_monitor_inh")
        let ee = synapses[0]
        let shown = ee.size == 0 ? [] : stride(from: 0, to: ee.size, by: max(1, ee.size / max(recorded_synapses, 1))).map { $0 }
        let state_monitor_ee = try StateMonitor(ee, "x", record: shown, name: "state_monitor_ee")
        try net.add(spike_monitor_exc, spike_monitor_inh, state_monitor_ee)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("excitatory", spike_monitor_exc), Named("inhibitory", spike_monitor_inh)]
        let start = burnin.value, end = net.t.value
        let activity = PopulationActivity(spikes: [spike_monitor_exc, spike_monitor_inh], neurons: N_exc + N_inh,
                                          bin: 1e-3, from: start, to: end)
        let recovered = try meanRecovered(state_monitor_ee, synapses: shown)
        result.figures = [Named("population_bursts", try figure(activity, recovered: recovered,
                                                                spikes: [spike_monitor_exc, spike_monitor_inh]))]
        let bursts = activity.episodes(above: burst_threshold, gap: 0.02)
        let recorded = max(end - start, 1e-3)
        result.statistics = [
            GalleryStatistic("mean_rate", activity.meanRate, unit: "Hz"),
            GalleryStatistic("population_spikes", Double(bursts.count)),
            GalleryStatistic("burst_rate", Double(bursts.count) / recorded, unit: "Hz"),
            GalleryStatistic("peak_activity", activity.values.max() ?? 0),
            GalleryStatistic("fraction_in_bursts", activity.fraction(above: burst_threshold)),
            GalleryStatistic("mean_recovered", recovered.y.isEmpty ? .nan : recovered.y.reduce(0, +) / Double(recovered.y.count)),
        ]
        return result
    }

    /// A population of `N` leaky integrate-and-fire neurons (membrane time constant 30 ms,
    /// threshold 15 mV, reset 13.5 mV) with background inputs uniform within 0.5 mV of threshold.
    private func population(_ name: String, N: Int, tau_refrac: Quantity,
                            random: inout ScriptRandom) throws -> NeuronGroup {
        let neurons = try NeuronGroup(N, model: """
            tau_mem : second
            tau_refrac : second
            v_reset : volt
            v_thresh : volt
            I_syn_ee_synapses : volt
            I_syn_ei_synapses : volt
            I_syn_ie_synapses : volt
            I_syn_ii_synapses : volt
            I_b : volt
            dv/dt = -v/tau_mem + (I_syn_ee_synapses +
                                  I_syn_ei_synapses +
                                  I_syn_ie_synapses +
                                  I_syn_ii_synapses)/tau_mem
                               + I_b/tau_mem : volt (unless refractory)
            """, threshold: "v>v_thresh", reset: "v=v_reset", refractory: tau_refrac, method: .exact,
            name: name)
        let v_thresh = 15.0  // mV
        try neurons.tau_mem.set(30 * ms)
        try neurons.v_thresh.set(v_thresh * mV)
        try neurons.v_reset.set(13.5 * mV)
        try neurons.I_b.set(QuantityArray(values: (0..<N).map { _ in (v_thresh - 0.5 + random.uniform()) * 1e-3 },
                                          dimension: .voltage))
        return neurons
    }

    /// The original's `get_synapses`: Tsodyks–Markram synapses of `kind` connected with
    /// probability ``p``, their parameters drawn per synapse, starting fully recovered.
    private func synapses(_ kind: Kind, from source: NeuronGroup, to target: NeuronGroup,
                          random: inout ScriptRandom) throws -> Synapses {
        var model = """
            A : volt
            U : 1
            tau_I : second
            tau_rec : second
            dx/dt =  z/tau_rec : 1 (clock-driven) # recovered
            dy/dt = -y/tau_I   : 1 (clock-driven) # active
            z = 1 - x - y      : 1                # inactive
            I_syn_\(kind.name)_post = A*y : volt (summed)
            """
        let onPre: String
        if kind.tau_facil != nil {
            model += "\ndu/dt = -u/tau_facil : 1 (clock-driven)\ntau_facil : second"
            onPre = """
                u += U*(1-u)
                y += u*x # important: update y first
                x += -u*x
                """
        } else {
            onPre = """
                y += U*x # important: update y first
                x += -U*x
                """
        }
        let synapses = try Synapses(source, target, model: model, onPre: PathwayCode(onPre), method: .exact, name: kind.name)
        try synapses.connect(p: p)
        let count = synapses.size
        try synapses.tau_I.set(kind.tau_I)
        let A = kind.A.value * 1e3  // mV
        let (A_min, A_max) = (min(0.2 * A, 2 * A), max(0.2 * A, 2 * A))
        try synapses.A.set(QuantityArray(values: (0..<count).map { _ in
            random.truncatedNormal(mean: A, deviation: 0.5 * abs(A), within: A_min...A_max) * 1e-3
        }, dimension: .voltage))
        try synapses.U.set((0..<count).map { _ in
            random.truncatedNormal(mean: kind.U.mean, deviation: 0.5 * kind.U.mean, within: kind.U.min...kind.U.max)
        })
        let tau_min = 5.0  // ms
        for (variable, tau) in [("tau_rec", kind.tau_rec), ("tau_facil", kind.tau_facil)] {
            guard let tau else { continue }
            let mean = tau.value * 1e3
            try synapses.variable(variable).set(QuantityArray(values: (0..<count).map { _ in
                random.truncatedNormal(mean: mean, deviation: 0.5 * mean, within: tau_min...Double.infinity) * 1e-3
            }, dimension: .time))
        }
        try synapses.x.set(1)  // start fully recovered
        return synapses
    }

    /// The recovered fraction `x` of the recorded excitatory synapses, averaged, at each sample.
    private func meanRecovered(_ monitor: StateMonitor, synapses: [Int]) throws -> (t: [Double], y: [Double]) {
        let times = monitor.t.values
        guard !synapses.isEmpty else { return (times, times.map { _ in .nan }) }
        var sum = [Double](repeating: 0, count: times.count)
        for index in synapses {
            for (k, x) in try monitor.values("x", index: index).values.enumerated() { sum[k] += x }
        }
        return (times, sum.map { $0 / Double(synapses.count) })
    }

    /// The paper's Fig. 1: the raster of all neurons (inhibitory above excitatory), the network
    /// activity and the mean recovered fraction of the excitatory synapses.
    private func figure(_ activity: PopulationActivity, recovered: (t: [Double], y: [Double]),
                        spikes: [SpikeMonitor]) throws -> Figure {
        let window = activity.start * 1e3...max(activity.end * 1e3, activity.start * 1e3 + 1)
        var indices: [Int] = [], times: [Double] = []
        var offset = 0
        for monitor in spikes {
            indices += monitor.i.map { $0 + offset }
            times += monitor.t.values
            offset += monitor.source.size
        }
        let time = { (values: [Double]) in QuantityArray(values: values, dimension: second.dimension) }
        let diameter = min(3, max(1.2, 3 - 0.9 * log10(max(1, Double(indices.count) / 1000))))
        var raster = try Plot.of(Curve(x: time(times), y: QuantityArray(values: indices.map(Double.init)), xLabel: "Time",
                                       yLabel: "Neuron No.", style: .dots(diameter: diameter), color: .ink),
                                 PlotOptions(title: "", timeUnit: ms))
        raster.yAxis = PlotAxis("Neuron No.", range: 0...Double(offset), integerTicks: true)
        var net = try Plot.of(Curve(x: time(activity.times), y: QuantityArray(values: activity.values), xLabel: "Time",
                                    yLabel: "Net activity", style: .line(width: 1), color: PlotColor("#000000")),
                              PlotOptions(title: "", timeUnit: ms))
        net.yAxis.range = 0...max(0.2, activity.values.max() ?? 0)
        var recov = try Plot.of(Curve(x: time(recovered.t), y: QuantityArray(values: recovered.y), xLabel: "Time",
                                      yLabel: "Recov excit", color: PlotColor("#000000")),
                                PlotOptions(title: "", timeUnit: ms))
        recov.yAxis.range = 0.2...0.6
        (net.xAxis.range, recov.xAxis.range) = (window, window)
        return Figure(title: "Population bursts (Tsodyks, Uziel & Markram 2000, Fig. 1)",
                      panels: [raster.window(window), net, recov], sharesXAxis: true, height: 760)
    }
}
