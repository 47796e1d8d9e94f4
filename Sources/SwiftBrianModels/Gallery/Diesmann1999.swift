import Foundation
import SwiftBrian
import SwiftBrianTools

/// Synfire chains after Diesmann, Gewaltig & Aertsen (1999), "Stable propagation of synchronous
/// spiking in cortical neural networks", Nature 402:529–533 (Brian's
/// `examples/frompapers/Diesmann_et_al_1999.py`): ten groups of 100 noisy integrate-and-fire
/// neurons, each group projecting to all neurons of the next; a volley of 85 spikes spread by 1 ms
/// around 50 ms enters the first group and travels down the chain as a packet that stays
/// synchronous (its temporal width shrinks towards a fixed point).
public struct Diesmann1999: GalleryExample {
    public static let name = "synfire"
    public static let summary = "Synfire chain: a synchronous volley propagates through 10 groups of 100 neurons"
    public static let reference = "Diesmann, Gewaltig & Aertsen (1999), Nature 402:529-533"

    /// The resting and reset potential.
    public var Vr = -70 * mV
    /// The threshold.
    public var Vt = -55 * mV
    /// The membrane time constant.
    public var taum = 10 * ms
    /// The time constant of the alpha-shaped postsynaptic potential.
    public var taupsp = 0.325 * ms
    /// The synaptic weight.
    public var weight = 4.86 * mV
    /// The number of groups in the chain.
    public var n_groups = 10
    /// The number of neurons per group.
    public var group_size = 100
    /// The number of spikes in the input volley.
    public var inputSpikes = 85
    /// The temporal spread (standard deviation) of the input volley.
    public var inputSpread = 1 * ms
    /// The simulated time.
    public var duration = 100 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let namespace: Namespace = ["Vr": Vr, "Vt": Vt, "taum": taum, "taupsp": taupsp, "weight": weight,
                                    "group_size": group_size]
        let P = try NeuronGroup(n_groups * group_size, model: """
            dV/dt = (-(V-Vr)+x)*(1./taum) : volt
            dx/dt = (-x+y)*(1./taupsp) : volt
            dy/dt = -y*(1./taupsp)+25.27*mV/ms+
                    (39.24*mV/ms**0.5)*xi : volt
            """, threshold: "V>Vt", reset: "V=Vr", refractory: 1 * ms, method: .euler, namespace: namespace,
            name: "P")
        var random = ScriptRandom(seed: value)
        let volley = (0..<inputSpikes).map { _ in random.normal() * inputSpread.value + 0.050 }
        let Pinput = try SpikeGeneratorGroup(inputSpikes, indices: Array(0..<inputSpikes),
                                             times: QuantityArray(values: volley.map { max($0, 0) }, dimension: .time),
                                             name: "Pinput")
        let S = try Synapses(P, P, onPre: "y+=weight", namespace: namespace, name: "S")
        try S.connect(j: "k for k in range((int(i/group_size)+1)*group_size, (int(i/group_size)+2)*group_size) "
                      + "if i<N_pre-group_size")
        let Sinput = try Synapses(Pinput, try P[0..<group_size], onPre: "y+=weight", namespace: namespace,
                                  name: "Sinput")
        try Sinput.connect()
        let Mgp = try SpikeMonitor(P, name: "Mgp")
        let Minput = try SpikeMonitor(Pinput, name: "Minput")
        try P.V.set("Vr + rand() * (Vt - Vr)")
        let net = try Network(P, Pinput, S, Sinput, Mgp, Minput, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("P", Mgp), Named("Pinput", Minput)]
        result.statistics = packetStatistics(Mgp, input: volley)
        result.figures = [Named("synfire_volley", try figure(Mgp, input: Minput))]
        return result
    }

    /// The figure of Diesmann et al. (and Brian's example): the input volley above the chain's
    /// spikes, each neuron at its group (index / group size), so that the volley shows as a
    /// packet moving group by group.
    private func figure(_ chain: SpikeMonitor, input: SpikeMonitor) throws -> Figure {
        var volley = try Plot.of(input, PlotOptions(title: "Input volley: \(inputSpikes) spikes, "
                                                    + String(format: "\u{3C3} = %g ms", inputSpread.value * 1e3),
                                                    timeUnit: ms))
        volley.yAxis.label = "Input neuron"
        var groups = try Plot.of(chain, PlotOptions(title: "Spikes along the chain of \(n_groups) groups of "
                                                    + "\(group_size) neurons", timeUnit: ms))
        for k in groups.series.indices {
            groups.series[k].y = groups.series[k].y.map { $0 / Double(max(group_size, 1)) }
        }
        groups.yAxis = PlotAxis("Group (neuron index / \(group_size))", range: 0...Double(max(n_groups, 1)))
        return Figure(title: "Diesmann et al. (1999): a synchronous volley travels along a synfire chain",
                      panels: [volley, groups], rowHeights: [1, 2.2], sharesXAxis: true)
    }

    /// Per group, the packet after the input volley: its spike count and its temporal width (the
    /// standard deviation of spike times within 10 ms of the group's median spike time). Reports
    /// `last_group_spikes`, `first_group_width` and `last_group_width` (ms) and `groups_reached`
    /// (the number of groups where at least half the neurons fired in the packet).
    private func packetStatistics(_ monitor: SpikeMonitor, input: [Double]) -> [GalleryStatistic] {
        var times = [[Double]](repeating: [], count: n_groups)
        let start = (input.min() ?? 0.05) - 0.005
        for (index, time) in zip(monitor.i, monitor.t.values) where time >= start {
            times[index / group_size].append(time)
        }
        var reached = 0
        var packets: [(count: Int, width: Double)] = []
        for group in times {
            let sorted = group.sorted()
            guard !sorted.isEmpty else { packets.append((0, .nan)); continue }
            let median = sorted[sorted.count / 2]
            let packet = sorted.filter { abs($0 - median) <= 0.010 }
            let mean = packet.reduce(0, +) / Double(packet.count)
            let width = (packet.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(packet.count)).squareRoot()
            packets.append((packet.count, width * 1000))
            if packet.count >= group_size / 2 && reached == packets.count - 1 { reached += 1 }
        }
        return [
            GalleryStatistic("groups_reached", Double(reached)),
            GalleryStatistic("last_group_spikes", Double(packets.last?.count ?? 0)),
            GalleryStatistic("first_group_width", packets.first?.width ?? .nan, unit: "ms"),
            GalleryStatistic("last_group_width", packets.last?.width ?? .nan, unit: "ms"),
        ]
    }
}
