import Dendrify
import SwiftBrian
import SwiftBrianTools

/// The input–output curve of a dendrite with dendritic spikes (Dendrify's example
/// `val_dendritic_io`, Pagkalos, Chavlis & Poirazi 2023): a soma coupled to one dendrite with
/// AMPA and NMDA synapses and Na-type dendritic spikes (dSpikes). Neuron k of the group receives
/// k + 1 nearly synchronous inputs (one every 0.1 ms from 10 ms on). The peak dendritic EPSP grows
/// sublinearly with the inputs until the dendrite reaches the dSpike threshold, then jumps: in
/// Dendrify 2.2 on Brian 2.9 from 27.28 mV (8 synapses) to 58.07 mV (9 synapses), where the first
/// dSpike fires (shared/reference/compartments/dendrify/dendrify_io).
public struct DendriticIO: GalleryExample {
    public static let name = "dendritic_io"
    public static let summary = "Peak dendritic EPSP against synchronous synapses: a jump where the dendritic spike starts"
    public static let reference = "Pagkalos, Chavlis & Poirazi (2023), Nat Commun 14:131 (Dendrify's val_dendritic_io)"
    public static let parameterRanges: [String: ClosedRange<Double>] = ["synapses": 1...1000]

    /// The largest number of synapses: the group has this many neurons, neuron k receiving k + 1.
    public var synapses = 15
    /// When the first input arrives.
    public var inputStart = 10 * ms
    /// The time between consecutive inputs.
    public var inputInterval = 0.1 * ms
    /// The simulated time.
    public var duration = 200 * ms

    public init() {}

    /// The neuron of the example: a leaky integrate-and-fire soma (200 pF, 10 nS) coupled with
    /// 15 nS to a dendrite (50 pF, 2.5 nS) with Na dSpikes (30/15 nS; threshold −35 mV, rise
    /// 1.2 ms, fall 2.4 ms from 0.2 ms, refractory 5 ms), an AMPA synapse (3 nS, 2 ms) and an
    /// NMDA synapse (3 nS, 50 ms), both tagged `x`; rest −65 mV. The dSpike durations become
    /// steps of ``defaultClock`` as it is when this is called.
    public static func model() throws -> NeuronModel {
        let soma = try Dendrify.Soma("soma", cmAbs: 200 * pF, glAbs: 10 * nS)
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.dspikes("Na", gRise: 30 * nS, gFall: 15 * nS)
        try dend.synapse(.ampa, tag: "x", g: 3 * nS, tDecay: 2 * ms)
        try dend.synapse(.nmda, tag: "x", g: 3 * nS, tDecay: 50 * ms)
        let model = try NeuronModel(connections: [(soma, dend, .conductance(15 * nS))], vRest: -65 * mV)
        try model.configDspikes("Na", threshold: -35 * mV, durationRise: 1.2 * ms, durationFall: 2.4 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0.2 * ms, refractory: 5 * ms)
        return model
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let neurons = try Self.model().makeNeuronGroup(synapses, method: .euler, threshold: "V_soma > -40*mV",
                                                        reset: "V_soma = -55*mV", refractory: 4 * ms, name: "neurons")
        let inputs = try SpikeGeneratorGroup(
            synapses, indices: Array(0..<synapses),
            times: QuantityArray(values: (0..<synapses).map { inputStart.value + Double($0) * inputInterval.value },
                                 dimension: .time), name: "inputs")
        let input = try Synapses(inputs, neurons, onPre: "s_AMPA_x_dend += 1.0; s_NMDA_x_dend += 1.0", name: "S")
        try input.connect(condition: "j >= i")
        let dendrite = try StateMonitor(neurons, variables: ["V_dend"], name: "V_dend")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let dspikes = try EventMonitor(neurons, "spike_Na_dend", name: "dspikes")
        let net = try Network(neurons, inputs, input, dendrite, spikes, dspikes, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        guard dendrite.t.count > 0 else { return result }
        // The example's measurement: the peak of V_dend above its first sample, per neuron.
        let peaks = try (0..<synapses).map { k -> Double in
            let trace = try dendrite.values("V_dend", index: k).values
            return ((trace.max() ?? 0) - (trace.first ?? 0)) / mV.value
        }
        let withDSpike = Set(dspikes.i)
        result.statistics = peaks.enumerated().map { k, peak in
            GalleryStatistic(String(format: "epsp_peak_%02d_synapses", k + 1), peak, unit: "mV")
        }
        result.statistics += [GalleryStatistic("dspike_events", Double(dspikes.numEvents)),
                              GalleryStatistic("somatic_spikes", Double(spikes.numEvents))]
        // The jump: from the most synapses without a dSpike to the fewest with one.
        let first = (0..<synapses).first { withDSpike.contains($0) }
        if let first {
            result.statistics.append(GalleryStatistic("dspike_threshold_synapses", Double(first + 1)))
            if first > 0 {
                result.statistics.append(GalleryStatistic("epsp_jump", peaks[first] - peaks[first - 1], unit: "mV"))
            }
        }

        let counts = (1...synapses).map(Double.init)
        let marked = { (spiking: Bool) in (0..<synapses).filter { withDSpike.contains($0) == spiking } }
        func curve(_ points: [Int], label: String?, style: PlotSeries.Style, color: PlotColor) -> Curve {
            Curve(x: QuantityArray(values: points.map { counts[$0] }), y: points.map { peaks[$0] } * mV,
                  xLabel: "Synchronous synapses", yLabel: "Peak dendritic EPSP", label: label, style: style, color: color)
        }
        var ioCurve = try Plot.of([curve(Array(counts.indices), label: nil, style: .line(width: 1.5), color: .ink)]
            + [(false, "no dSpike", PlotColor.series(0)), (true, "with a dSpike", PlotColor.series(3))].map {
                spiking, label, color in curve(marked(spiking), label: label, style: .dots(diameter: 8), color: color)
            }, PlotOptions(title: "Dendritic I/O curve: the peak EPSP jumps where the dendritic spike starts", unit: mV))
        ioCurve.yAxis.includesZero = true
        result.figures = [Named("io_curve", ioCurve)]
        // A few traces: one synapse, both sides of the jump, and the most synapses.
        let shown = Array(Set([0, synapses - 1] + (first.map { [max($0 - 1, 0), $0] } ?? []))).sorted()
        let labels = shown.map { k in
            "\(k + 1) synapse\(k == 0 ? "" : "s")" + (withDSpike.contains(k) ? " (dSpike)" : "")
        }
        let traces = try Plot.of(dendrite, PlotOptions(title: "Dendritic voltage for a few numbers of synapses",
                                                       variable: "V_dend", indices: shown, labels: labels, unit: mV))
        result.figures.append(Named("dendritic_traces", traces))
        return result
    }
}
