import Foundation
import SwiftBrian
import SwiftBrianTools

/// Figure 8 of Brunel (2000), "Dynamics of sparsely connected networks of excitatory and
/// inhibitory spiking neurons", J Comput Neurosci 8:183–208 (Brian's
/// `examples/frompapers/Brunel_2000.py`): 10000 excitatory and 2500 inhibitory leaky
/// integrate-and-fire neurons, each receiving 10% of the population's synapses with a delay of
/// 1.5 ms and external Poisson input. The relative strength of inhibition `g` and the external
/// rate (in units of the rate that brings a neuron to threshold) select the network's state.
///
/// By default the four states of Fig. 8 are simulated one after the other (each a network of its
/// own, seeded alike) and shown side by side as in the paper: a raster of 50 neurons above the
/// population rate.
public struct Brunel2000: GalleryExample {
    public static let name = "brunel2000"
    public static let summary = "Sparse E/I network: synchronous regular, fast/slow oscillating and asynchronous states"
    public static let reference = "Brunel (2000), J Comput Neurosci 8:183-208"
    /// Probabilities lie in [0, 1].
    public static let parameterRanges: [String: ClosedRange<Double>] = ["gamma": 0...1, "epsilon": 0...1]

    /// The four states of Fig. 8, as (g, nu_ext/nu_thr).
    public enum Regime: String, CaseIterable, Sendable {
        /// A: synchronous regular (g = 3, nu_ext/nu_thr = 2).
        case synchronousRegular = "SR"
        /// B: synchronous irregular with fast oscillations (g = 6, nu_ext/nu_thr = 4).
        case synchronousIrregularFast = "SI-fast"
        /// C: asynchronous irregular (g = 5, nu_ext/nu_thr = 2).
        case asynchronousIrregular = "AI"
        /// D: synchronous irregular with slow oscillations (g = 4.5, nu_ext/nu_thr = 0.9).
        case synchronousIrregularSlow = "SI-slow"

        /// The relative strength of inhibition.
        public var g: Double {
            switch self {
            case .synchronousRegular: return 3
            case .synchronousIrregularFast: return 6
            case .asynchronousIrregular: return 5
            case .synchronousIrregularSlow: return 4.5
            }
        }

        /// The external rate over the threshold rate.
        public var nuExtOverNuThr: Double {
            switch self {
            case .synchronousRegular, .asynchronousIrregular: return 2
            case .synchronousIrregularFast: return 4
            case .synchronousIrregularSlow: return 0.9
            }
        }
    }

    /// The number of excitatory neurons.
    public var N_E = 10000
    /// The number of inhibitory neurons relative to excitatory ones.
    public var gamma = 0.25
    /// The connection probability.
    public var epsilon = 0.1
    /// The membrane time constant.
    public var tau = 20 * ms
    /// The threshold.
    public var theta = 20 * mV
    /// The reset potential.
    public var V_r = 10 * mV
    /// The refractory period.
    public var tau_rp = 2 * ms
    /// The excitatory synaptic efficacy.
    public var J = 0.1 * mV
    /// The synaptic delay.
    public var D = 1.5 * ms
    /// The relative strength of inhibitory synapses.
    public var g = 5.0
    /// The external rate over the rate that brings a neuron to threshold without feedback.
    public var nu_ext_over_nu_thr = 2.0
    /// The initial period left out of the statistics.
    public var transient = 200 * ms
    /// The simulated time.
    public var duration = 1.2 * second
    /// The states simulated, as names of ``Regime`` separated by commas (`"SR, AI"`): by default
    /// the four of Fig. 8. Empty for the one state that ``g`` and ``nu_ext_over_nu_thr`` set
    /// (which the named states override).
    public var regimes = "SR, SI-fast, AI, SI-slow"
    /// The neurons shown in each raster of the figure.
    public var shown_neurons = 50
    /// The time at the end of the run the figure shows.
    public var shown_time = 200 * ms

    public init() {}

    /// The network in one of Fig. 8's states.
    public init(regime: Regime) {
        g = regime.g
        nu_ext_over_nu_thr = regime.nuExtOverNuThr
        regimes = regime.rawValue
    }

    /// The states to simulate: a label (nil for the one set by `g` and `nu_ext_over_nu_thr`), `g`
    /// and the external rate over the threshold rate.
    private func states() throws -> [(label: String?, g: Double, nuExtOverNuThr: Double)] {
        let names = regimes.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !names.isEmpty else { return [(nil, g, nu_ext_over_nu_thr)] }
        return try names.map { name in
            guard let regime = Regime.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
                throw ModelError(.invalidArgument, "'\(name)' is not a state of Brunel (2000)'s Fig. 8; the states are "
                                 + Regime.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return (regime.rawValue, regime.g, regime.nuExtOverNuThr)
        }
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        let states = try states()
        var result: GalleryResult?
        var columns: [[Plot]] = []
        for (k, state) in states.enumerated() {
            var example = self
            (example.g, example.nu_ext_over_nu_thr) = (state.g, state.nuExtOverNuThr)
            let run = try example.simulate(seed: value, backend: backend, report: report)
            let name = state.label ?? "neurons"
            var combined = result ?? GalleryResult(example: Self.name, network: run.network)
            combined.spikes.append(Named(name, run.spikes))
            combined.rates.append(Named(name, run.rates))
            combined.statistics += run.statistics.map { statistic in
                states.count == 1 ? statistic
                    : GalleryStatistic("\(name)_\(statistic.name)", statistic.value, unit: statistic.unit)
            }
            result = combined
            let letter = k < 26 ? String(UnicodeScalar(UInt8(65 + k))) : String(k + 1)
            columns.append(try panels(run.spikes, run.rates, title: "\(letter)  \(state.label.map { "\($0): " } ?? "")"
                                      + String(format: "g = %g, \u{3BD}ext/\u{3BD}thr = %g", state.g, state.nuExtOverNuThr)))
            // Stopped (Ctrl-C): the states simulated so far, without building the others.
            if RunInterruption.isRequested { break }
        }
        guard var final = result else {
            throw ModelError(.invalidArgument, "Brunel (2000) needs at least one state to simulate")
        }
        let N_I = Int((gamma * Double(N_E)).rounded())
        final.figures = [Named("brunel2000_fig8", Figure.columns(
            columns, title: "Brunel (2000), Fig. 8: \(N_E) excitatory and \(N_I) inhibitory LIF neurons"
                + (columns.count > 1 ? " in \(columns.count) states" : ""),
            rowHeights: [2, 1], width: max(720, 330 * Double(columns.count)), height: 520))]
        return final
    }

    /// The figure's column of one state: a raster of the first ``shown_neurons`` neurons above the
    /// population rate, over the last ``shown_time`` of the run.
    private func panels(_ spikes: SpikeMonitor, _ rates: PopulationRateMonitor, title: String) throws -> [Plot] {
        let end = duration.value * 1e3, start = max(0, end - shown_time.value * 1e3)
        let window = start...max(end, start + 1)
        let neurons = 0..<min(max(shown_neurons, 1), spikes.source.size)
        let raster = try Plot.of(spikes, PlotOptions(title: title, neurons: neurons, timeUnit: ms)).window(window)
        let rate = try Plot.of(rates, PlotOptions(title: "", timeUnit: ms, unit: Hz)).window(window)
        return [raster, rate]
    }

    /// Simulates the network with this ``g`` and ``nu_ext_over_nu_thr``: its spike and rate
    /// monitors and its statistics.
    private func simulate(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws
        -> (network: Network, spikes: SpikeMonitor, rates: PopulationRateMonitor, statistics: [GalleryStatistic]) {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let N_I = Int((gamma * Double(N_E)).rounded())
        let N = N_E + N_I
        let C_E = epsilon * Double(N_E)
        let C_ext = Int(C_E.rounded())
        let nu_thr = theta / (J * C_E * tau)
        let namespace: Namespace = ["tau": tau, "theta": theta, "V_r": V_r, "J": J, "g": Quantity(value: g)]
        let neurons = try NeuronGroup(N, model: "dv/dt = -v/tau : volt (unless refractory)",
                                      threshold: "v > theta", reset: "v = V_r", refractory: tau_rp, method: .exact,
                                      namespace: namespace, name: "neurons")
        let excitatory_neurons = try neurons[0..<N_E]
        let inhibitory_neurons = try neurons[N_E..<N]
        let exc_synapses = try Synapses(excitatory_neurons, neurons, onPre: "v += J", delay: D, namespace: namespace,
                                        name: "exc_synapses")
        try exc_synapses.connect(p: epsilon)
        let inhib_synapses = try Synapses(inhibitory_neurons, neurons, onPre: "v += -g*J", delay: D,
                                          namespace: namespace, name: "inhib_synapses")
        try inhib_synapses.connect(p: epsilon)
        let nu_ext = nu_ext_over_nu_thr * nu_thr
        let external_poisson_input = try PoissonInput(neurons, "v", N: C_ext, rate: nu_ext, weight: J,
                                                      name: "external_poisson_input")
        let rate_monitor = try PopulationRateMonitor(neurons, name: "rate_monitor")
        let spike_monitor = try SpikeMonitor(neurons, name: "spike_monitor")
        let net = try Network(neurons, exc_synapses, inhib_synapses, external_poisson_input, rate_monitor,
                              spike_monitor, backend: backend)
        try net.run(duration, report: report)

        var statistics = SpikeStatistics.networkStatistics(spike_monitor, neurons: N, duration: duration,
                                                           transient: transient)
        let population = SpikeStatistics.binnedRate(spike_monitor, neurons: N, bin: 1e-3, from: transient.value,
                                                    to: duration.value)
        statistics.append(GalleryStatistic(
            "oscillation_frequency", SpikeStatistics.peakFrequency(population, dt: 1e-3, band: 5...400), unit: "Hz"))
        return (net, spike_monitor, rate_monitor, statistics)
    }
}
