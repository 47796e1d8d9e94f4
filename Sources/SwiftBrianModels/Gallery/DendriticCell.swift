import SwiftBrian
import SwiftBrianTools

/// A reconstructed neuron (the SWC cell Brian ships, `mp_ma_40984_gc2.CNG.swc`: a 24 µm soma,
/// 353 compartments) with a Hodgkin–Huxley soma (the squid currents of Brian's examples, shifted
/// to rest at −65 mV) and passive dendrites, driven by excitatory conductance synapses at the tips
/// of the 13 branches of one dendritic tree (Brian's `examples/compartmental/` models, on a real
/// morphology; Brian 2.9 gives the same numbers: Tests/Fixtures/gallery/dendritic_cell.py).
///
/// First the synapse at the first tip is activated alone: its EPSP is tens of millivolts at the
/// thin tip but below a millivolt at the soma. Then every tip receives a burst at once, and the
/// summed depolarisation makes the soma fire; spikes are detected at the soma only
/// (`thresholdLocation`).
public struct DendriticCell: GalleryExample {
    public static let name = "dendritic_cell"
    public static let summary = "A reconstructed cell: dendritic EPSPs attenuate on their way to an active soma"
    public static let reference = "Brian's mp_ma_40984_gc2.CNG.swc (NeuroMorpho.Org); Hodgkin & Huxley (1952)"

    /// The dendritic tree (a section path from the soma, such as `dend2` or `dend2.dend`) whose
    /// tips receive the synapses, in the order of the morphology (the first tip gets the
    /// single input).
    public var tree = "dend2"
    /// The peak conductance of a synapse after one input spike.
    public var w = 2 * nS
    /// The decay time constant of the synaptic conductance.
    public var taus = 2 * ms
    /// The time of the single input to the first site.
    public var testTime = 10 * ms
    /// When the burst to every site begins.
    public var burstStart = 40 * ms
    /// The number of input spikes of the burst, at each site.
    public var burstSpikes = 20
    /// The rate of the burst.
    public var burstRate = 400 * Hz
    /// The leak conductance of the dendrites.
    public var gL = 1e-4 * siemens / cm2
    /// The axial resistivity.
    public var Ri = 100 * ohm * cm
    /// The simulated time.
    public var duration = 100 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        for (name, value) in [("taus", taus), ("burstRate", burstRate)] where !(value.value > 0) {
            throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must be positive, but it is \(value)")
        }
        seed(value)
        defaultClock.dt = 25 * us
        let morpho = try BrianSWCMorphology.morphology()
        let neuron = try SpatialNeuron(morphology: morpho, model: """
            Im = gL*(EL - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) : amp/meter**2
            Is = gs*(Es - v) : amp (point current)
            dgs/dt = -gs/taus : siemens
            gL : siemens/meter**2
            EL : volt
            gNa : siemens/meter**2
            gK : siemens/meter**2
            dm/dt = alpham*(1 - m) - betam*m : 1
            dn/dt = alphan*(1 - n) - betan*n : 1
            dh/dt = alphah*(1 - h) - betah*h : 1
            alpham = (0.1/mV)*(-v + 25*mV + VT)/(exp((-v + 25*mV + VT)/(10*mV)) - 1)/ms : Hz
            betam = 4*exp(-(v - VT)/(18*mV))/ms : Hz
            alphah = 0.07*exp(-(v - VT)/(20*mV))/ms : Hz
            betah = 1/(exp((-v + 30*mV + VT)/(10*mV)) + 1)/ms : Hz
            alphan = (0.01/mV)*(-v + 10*mV + VT)/(exp((-v + 10*mV + VT)/(10*mV)) - 1)/ms : Hz
            betan = 0.125*exp(-(v - VT)/(80*mV))/ms : Hz
            """, threshold: "v > -20*mV", thresholdLocation: 0, refractory: 3 * ms, Cm: 1 * uF / cm2, Ri: Ri,
            method: .exponentialEuler,
            namespace: ["ENa": 50 * mV, "EK": -77 * mV, "Es": 0 * mV, "VT": -65 * mV, "taus": taus], name: "neuron")
        try neuron.v.set(-65 * mV)
        try neuron.gL.set(gL)
        try neuron.EL.set(-65 * mV)
        // The soma has the squid axon's leak, whose reversal (10.613 mV above rest) balances the
        // sodium and potassium currents at rest.
        try neuron.main.gL.set(0.3 * msiemens / cm2)
        try neuron.main.EL.set((10.613 - 65) * mV)
        try neuron.main.gNa.set(120 * msiemens / cm2)
        try neuron.main.gK.set(36 * msiemens / cm2)
        for gate in ["m", "n", "h"] { try neuron.variable(gate).set("alpha\(gate)/(alpha\(gate) + beta\(gate))") }

        let root: Morphology
        do {
            root = try tree.split(separator: ".").reduce(neuron as any CompartmentTree) { tree, name in
                try tree[String(name)]
            }.morphology
        } catch let error as ModelError {
            throw ModelError(.invalidArgument, "'tree' of '\(Self.name)' must be a path of sections from the soma, "
                             + "such as dend2 or dend2.dend, but '\(tree)' is not: \(error)")
        }
        // The terminal sections below `root`, with their paths.
        func tips(_ section: Morphology, _ path: String) -> [(path: String, section: Morphology)] {
            section.children.isEmpty ? [(path, section)] : section.children.flatMap { child in
                tips(child, [path, section.name(of: child) ?? "?"].filter { !$0.isEmpty }.joined(separator: "."))
            }
        }
        let tipSections = tips(root, tree)
        let targets = try tipSections.map { try $0.section.index(of: -1) }
        let first = targets[0]
        let burst = (0..<burstSpikes).flatMap { k in targets.indices.map { (site: $0, k: k) } }
        let inputs = try SpikeGeneratorGroup(
            targets.count, indices: [0] + burst.map(\.site),
            times: QuantityArray(values: [testTime.value] + burst.map { burstStart.value + Double($0.k) / burstRate.value },
                                 dimension: .time), name: "inputs")
        let synapses = try Synapses(inputs, neuron, model: "w : siemens", onPre: "gs += w", name: "synapses")
        try synapses.connect(i: Array(targets.indices), j: targets)
        try synapses.w.set(w)
        let spikes = try SpikeMonitor(neuron, name: "soma")
        let inputSpikes = try SpikeMonitor(inputs, name: "input_spikes")
        // v at the soma, at the first tip and at the tip farthest from the soma.
        let distance = try neuron.distance.plainValues
        let farthest = targets.max { distance[$0] < distance[$1] } ?? first
        let traced = [(0, "the soma"), (first, "the first tip (\(first))")]
            + (farthest == first ? [] : [(farthest, "the farthest tip (\(farthest))")])
        let trace = try StateMonitor(neuron, "v", record: traced.map(\.0), dt: 0.1 * ms,
                                     name: "trace")
        let everywhere = try StateMonitor(neuron, "v", record: Array(0..<neuron.size), dt: 0.1 * ms,
                                          name: "everywhere")
        let net = try Network(neuron, inputs, synapses, spikes, inputSpikes, trace, everywhere, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("inputs", inputSpikes)]
        result.states = [Named("v", trace)]
        result.stateLabels = ["v": traced.map(\.1)]
        result.statistics = [GalleryStatistic("soma_spikes", Double(spikes.numEvents))]
        if let time = spikes.t.values.first {
            result.statistics.append(GalleryStatistic("first_soma_spike", time / ms.value, unit: "ms"))
        }
        // The single EPSP: from the last sample before the input to the peak before the burst.
        let times = trace.t.values
        let local = try trace.values("v", index: first).values, soma = try trace.values("v", index: 0).values
        let before = times.lastIndex { $0 < testTime.value }
        let window = times.indices.filter { times[$0] >= testTime.value && times[$0] < burstStart.value }
        guard let before, let peak = window.max(by: { local[$0] < local[$1] }) else { return result }
        let dendriticEPSP = local[peak] - local[before]
        let somaticEPSP = (window.map { soma[$0] }.max() ?? soma[before]) - soma[before]
        result.statistics += [
            GalleryStatistic("epsp_dendrite", dendriticEPSP / mV.value, unit: "mV"),
            GalleryStatistic("epsp_soma", somaticEPSP / mV.value, unit: "mV"),
            GalleryStatistic("attenuation", dendriticEPSP / somaticEPSP),
        ]
        // The morphology coloured by v at a sample, titled with its time and `moment`.
        let all = try everywhere.values("v")
        func morphology(at sample: Int, _ moment: String) throws -> Plot {
            try Plot.of(morpho, PlotOptions(title: "v at " + String(format: "%.1f", times[sample] / ms.value) + " ms, \(moment)",
                                            variable: "v", values: QuantityArray(values: all.map { $0.values[sample] },
                                                                                dimension: .voltage),
                                            projection: .xy))
        }
        result.figures = [Named("morphology_v", try morphology(at: peak, "the peak of the EPSP at the tip of "
                                                              + tipSections[0].path))]
        // The first somatic spike's peak, within a millisecond of its threshold crossing.
        if let spike = spikes.t.values.first,
           let top = times.indices.filter({ times[$0] >= spike && times[$0] < spike + 1e-3 }).max(by: { soma[$0] < soma[$1] }) {
            result.figures.append(Named("morphology_v_spike", try morphology(at: top, "the peak of the first somatic spike")))
        }
        return result
    }
}
