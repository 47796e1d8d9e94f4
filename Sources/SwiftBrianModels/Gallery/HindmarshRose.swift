import SwiftBrian
import SwiftBrianTools

/// Burst generation in the Hindmarsh–Rose model (Hindmarsh & Rose 1984, "A model of neuronal
/// bursting using three coupled first order differential equations", Proc R Soc Lond B
/// 221:87–102, Fig. 6; Brian's `examples/frompapers/Hindmarsh_Rose_1984.py`): three neurons of the
/// dimensionless model (one time unit is 1 ms), each started at its resting point without
/// adaptation (`x` = −1.6) and driven by a constant current, integrated with fourth-order
/// Runge–Kutta at a tenth of a time unit for 2100 units.
///
/// A weak current (0.4) gives one burst that the slow adaptation `z` ends; a medium one (2) gives
/// repeated bursts; a strong one (4) continuous firing. A spike is an upward crossing of `x` = 1; a
/// burst is a run of spikes less than ``burstGap`` time units apart.
public struct HindmarshRose: GalleryExample {
    public static let name = "hindmarsh_rose"
    public static let summary = "Hindmarsh-Rose neurons (rk4): one burst, repeated bursts and continuous firing as the current grows"
    public static let reference = "Hindmarsh & Rose (1984), Proc R Soc Lond B 221:87-102 (Fig. 6)"

    /// The constant input currents, one neuron each.
    public var I = [0.4, 2, 4]
    /// The leftmost equilibrium point of the model without adaptation.
    public var x_1 = -1.6
    /// The slow adaptation's rate.
    public var r = 0.001
    /// The slow adaptation's gain.
    public var s = 4.0
    /// The simulated time (2100 time units).
    public var duration = 2100 * ms
    /// The longest interval between two spikes of one burst, in time units.
    public var burstGap = 50.0

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["burstGap": 0...1e9]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        let time_unit = 1 * ms
        defaultClock.dt = time_unit / 10
        let namespace: Namespace = ["time_unit": time_unit, "x_1": x_1, "a": 1, "b": 3, "c": 1, "d": 5, "r": r, "s": s]
        let neuron = try NeuronGroup(I.count, model: """
            dx/dt = (y - a*x**3 + b*x**2 + I - z)/time_unit : 1
            dy/dt = (c - d*x**2 - y)/time_unit : 1
            dz/dt = r*(s*(x - x_1) - z)/time_unit : 1
            I : 1 (constant)
            """, method: .rk4, namespace: namespace, name: "neuron")
        // Every variable at the equilibrium point.
        try neuron.x.set(x_1)
        try neuron.y.set("c - d*x**2")
        try neuron.z.set("r*(s*(x - x_1))")
        try neuron.I.set(I)
        let mon = try StateMonitor(neuron, variables: ["x"], record: Array(I.indices), name: "mon")
        let net = try Network(neuron, mon, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.states = [Named("mon", mon)]
        result.stateLabels["mon"] = I.map { String(format: "I = %g", $0) }
        let t = mon.t.values.map { $0 / time_unit.value }
        let traces = try I.indices.map { try mon.values("x", index: $0).values }
        result.figures = [Named("bursting", try tracesPlot(t: t, traces: traces))]
        for (current, x) in zip(I, traces) {
            let spikes = x.indices.dropFirst().filter { x[$0 - 1] < 1 && x[$0] >= 1 }.map { t[$0] }
            let bursts = BurstRhythm.bursts(spikes, gap: burstGap)
            let onsets = bursts.map(\.[0])
            let label = String(format: "I_%g", current)
            result.statistics += [
                GalleryStatistic("spikes_\(label)", Double(spikes.count)),
                GalleryStatistic("bursts_\(label)", Double(bursts.count)),
                GalleryStatistic("last_burst_spikes_\(label)", Double(bursts.last?.count ?? 0)),
                GalleryStatistic("last_burst_period_\(label)",
                                 onsets.count > 1 ? onsets[onsets.count - 1] - onsets[onsets.count - 2] : .nan,
                                 unit: "time units"),
            ]
        }
        return result
    }

    /// The traces of `x` against time, each neuron 5 below the previous one (as the paper's
    /// Fig. 6 stacks them).
    private func tracesPlot(t: [Double], traces: [[Double]]) throws -> Plot {
        let offset = 5.0
        // The model's time is dimensionless (in units of `time_unit`): the axis names its unit.
        return try Plot.of(zip(I, traces).enumerated().map { k, trace in
            Curve(x: QuantityArray(values: t), y: QuantityArray(values: trace.1.map { $0 - offset * Double(k) }),
                  xLabel: "Time (time units)", yLabel: "x, each neuron 5 below the previous",
                  label: String(format: "I = %g", trace.0))
        }, PlotOptions(title: "Hindmarsh-Rose neurons driven by constant currents"))
    }
}
