import Dendrify
import SwiftBrian
import SwiftBrianTools

/// A small network of reduced neurons with dendrites (Dendrify's approach, Pagkalos, Chavlis &
/// Poirazi 2023; the reference case shared/reference/compartments/dendrify/dendrify_network_small):
/// three neurons, each a leaky integrate-and-fire soma with an apical dendrite (AMPA and NMDA
/// synapses from external inputs, Na dendritic spikes) and a basal dendrite (recurrent AMPA and
/// inhibitory GABA synapses). Somatic spikes have a width: the reset sets V_soma to 40 mV and
/// Dendrify's second reset brings it to −60 mV 0.6 ms later. External spikes arrive at fixed
/// times (no randomness): synchronous inputs trigger dendritic spikes, which drive the somata;
/// inhibition onto neuron 2 delays it; from about 90 ms on the ring 0 → 1 → 2 → 0 keeps all three
/// firing. Dendrify 2.2 on Brian 2.9 gives 50 somatic spikes and 62 dendritic spikes.
public struct DendrifyNetwork: GalleryExample {
    public static let name = "dendrify_network"
    public static let summary = "Three neurons with dendrites: AMPA, NMDA and GABA synapses, dendritic spikes, a recurrent ring"
    public static let reference = "Pagkalos, Chavlis & Poirazi (2023), Nat Commun 14:131 (Dendrify)"

    /// The increment of the recurrent AMPA synapses of the ring.
    public var ringWeight = 1.5
    /// The delay of the ring's synapses.
    public var ringDelay = 2 * ms
    /// The simulated time.
    public var duration = 150 * ms

    public init() {}

    /// The neuron of the example: a leaky integrate-and-fire soma (150 pF, 10 nS) coupled to an
    /// `apical` dendrite (50 pF, 2.5 nS; 12 nS) with an AMPA synapse `ext` (6 nS, 2.5 ms), an
    /// NMDA synapse `ext` with rise and decay (4 nS, 5 and 60 ms, scaled to a peak of 4 nS) and
    /// Na dSpikes (25/12 nS; threshold −40 mV, rise 1 ms, fall 2 ms from 0.3 ms, refractory
    /// 4 ms), and to a `basal` dendrite (40 pF, 2 nS; 10 nS) with an AMPA synapse `rec` (8 nS,
    /// 3 ms) and a GABA synapse `inh` (5 nS, 8 ms); rest −65 mV. The dSpike durations become
    /// steps of ``defaultClock`` as it is when this is called.
    public static func model() throws -> NeuronModel {
        let soma = try Dendrify.Soma("soma", model: .leakyIF, cmAbs: 150 * pF, glAbs: 10 * nS)
        let apical = try Dendrite("apical", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        let basal = try Dendrite("basal", cmAbs: 40 * pF, glAbs: 2 * nS)
        try apical.synapse(.ampa, tag: "ext", g: 6 * nS, tDecay: 2.5 * ms)
        try apical.synapse(.nmda, tag: "ext", g: 4 * nS, tRise: 5 * ms, tDecay: 60 * ms, scaleG: true)
        try apical.dspikes("Na", gRise: 25 * nS, gFall: 12 * nS)
        try basal.synapse(.ampa, tag: "rec", g: 8 * nS, tDecay: 3 * ms)
        try basal.synapse(.gaba, tag: "inh", g: 5 * nS, tDecay: 8 * ms)
        let model = try NeuronModel(connections: [(soma, apical, .conductance(12 * nS)),
                                                  (soma, basal, .conductance(10 * nS))], vRest: -65 * mV)
        try model.configDspikes("Na", threshold: -40 * mV, durationRise: 1 * ms, durationFall: 2 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0.3 * ms, refractory: 4 * ms)
        return model
    }

    /// `count` neurons of ``model()`` with the example's spikes: threshold −50 mV, reset to 40 mV,
    /// Dendrify's second reset to −60 mV 0.6 ms later, refractory 3 ms; the group and the
    /// second reset's synapses.
    public static func neurons(_ count: Int, name: String) throws -> (NeuronGroup, Synapses) {
        try model().makeNeuronGroup(count, method: .euler, threshold: "V_soma > -50*mV", reset: "V_soma = 40*mV",
                                    secondReset: "V_soma = -60*mV", spikeWidth: 0.6 * ms, refractory: 3 * ms,
                                    name: name)
    }

    /// The external excitatory spikes (source, time in ms): sources 0–4 reach neuron 0, 5–7
    /// neuron 1, 8–11 neuron 2.
    static let excitatorySpikes: [(source: Int, time: Double)] =
        (0..<5).map { ($0, 10.0) } + [(0, 90), (1, 90)]
        + [(5, 40), (6, 40.2), (7, 40.4), (5, 100), (6, 100), (7, 100)]
        + (8..<12).map { ($0, 60.0) } + (8..<12).map { ($0, 75.0) }
    /// The neuron each excitatory source reaches.
    static let excitatoryTargets = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2]
    /// The inhibitory spikes (source, time in ms), both sources onto neuron 2.
    static let inhibitorySpikes: [(source: Int, time: Double)] = [(0, 72), (1, 72.5), (0, 73), (1, 73.5)]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let (neurons, secondReset) = try Self.neurons(3, name: "neurons")
        func generator(_ spikes: [(source: Int, time: Double)], _ size: Int, _ name: String) throws -> SpikeGeneratorGroup {
            try SpikeGeneratorGroup(size, indices: spikes.map(\.source),
                                    times: QuantityArray(values: spikes.map { $0.time * ms.value }, dimension: .time),
                                    name: name)
        }
        let exc = try generator(Self.excitatorySpikes, Self.excitatoryTargets.count, "exc")
        let inh = try generator(Self.inhibitorySpikes, 2, "inh")
        let excitation = try Synapses(exc, neurons, onPre: "s_AMPA_ext_apical += 1; s_NMDA_ext_apical += 1",
                                      name: "S_exc")
        try excitation.connect(i: Array(Self.excitatoryTargets.indices), j: Self.excitatoryTargets)
        let inhibition = try Synapses(inh, neurons, onPre: "s_GABA_inh_basal += 1", name: "S_inh")
        try inhibition.connect(i: [0, 1], j: [2, 2])
        let ring = try Synapses(neurons, neurons, onPre: PathwayCode("s_AMPA_rec_basal += \(ringWeight)"),
                                delay: ringDelay, name: "S_rec")
        try ring.connect(i: [0, 1, 2], j: [1, 2, 0])
        let compartments = ["soma", "apical", "basal"]
        let voltages = try StateMonitor(neurons, variables: compartments.map { "V_\($0)" }, name: "V")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let dspikes = try EventMonitor(neurons, "spike_Na_apical", name: "dspikes")
        let net = try Network(neurons, secondReset, exc, inh, excitation, inhibition, ring, voltages, spikes, dspikes,
                              backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.statistics = [GalleryStatistic("somatic_spikes", Double(spikes.numEvents)),
                             GalleryStatistic("dendritic_spikes", Double(dspikes.numEvents))]
        for (name, monitor) in [("somatic_spike", spikes as EventMonitor), ("dendritic_spike", dspikes)] {
            if let first = monitor.t.values.first {
                result.statistics.append(GalleryStatistic("first_\(name)", first / ms.value, unit: "ms"))
            }
        }
        result.figures = [Named("raster", try raster(spikes: spikes, dspikes: dspikes))]
        for k in 0..<neurons.size {
            result.figures.append(Named("voltages_neuron\(k)", try CompartmentTraces.plot(
                voltages, index: k, variables: compartments.map { ("V_\($0)", $0) },
                title: "Neuron \(k): soma and dendrites")))
        }
        return result
    }

    /// Somatic spikes, dendritic spikes and the external inputs, a row of each per neuron.
    private func raster(spikes: SpikeMonitor, dspikes: EventMonitor) throws -> Plot {
        let excitatory = Self.excitatorySpikes
        let rows: [(label: String, times: [Double], neurons: [Int], offset: Double, color: PlotColor)] = [
            ("excitatory input", excitatory.map(\.time), excitatory.map { Self.excitatoryTargets[$0.source] }, -0.3,
             .series(2)),
            ("inhibitory input", Self.inhibitorySpikes.map(\.time), Self.inhibitorySpikes.map { _ in 2 }, -0.3,
             .series(0)),
            ("somatic spike", spikes.t.values.map { $0 / ms.value }, spikes.i, 0, .ink),
            ("dendritic (apical) spike", dspikes.t.values.map { $0 / ms.value }, dspikes.i, 0.3, .series(3)),
        ]
        var plot = try Plot.of(rows.map { row in
            Curve(x: row.times * ms, y: QuantityArray(values: row.neurons.map { Double($0) + row.offset }), xLabel: "Time",
                  yLabel: "Neuron index", label: row.label, style: .dots(diameter: 6), color: row.color)
        }, PlotOptions(title: "Spikes: inputs (below each neuron's row), soma, apical dSpikes (above)", timeUnit: ms))
        plot.xAxis.range = 0...(duration.value / ms.value)
        plot.yAxis.range = -0.6...2.6
        plot.yAxis.integerTicks = true
        return plot
    }
}
