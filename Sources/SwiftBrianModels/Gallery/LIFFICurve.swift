import SwiftBrian

/// The input–frequency curve of a leaky integrate-and-fire neuron (Brian's
/// `examples/IF_curve_LIF.py`; the model of Lapicque 1907 as in Gerstner & Kistler 2002,
/// "Spiking Neuron Models", ch. 4): 1000 uncoupled neurons whose resting potentials `v0` grow
/// from 0 to 20 mV; a neuron fires once `v0` exceeds the 10 mV threshold, at
/// `1/(refractory + tau*log(v0/(v0 - 10 mV)))`.
public struct LIFFICurve: GalleryExample {
    public static let name = "if_curve_lif"
    public static let summary = "Firing rate of leaky integrate-and-fire neurons against their driving potential"
    public static let reference = "Gerstner & Kistler (2002), Spiking Neuron Models, Cambridge University Press"

    /// The number of neurons (input levels).
    public var n = 1000
    /// The membrane time constant.
    public var tau = 10 * ms
    /// The refractory period.
    public var refractory = 5 * ms
    /// The largest driving potential.
    public var maximumDrive = 20 * mV
    /// The simulated time.
    public var duration = 1 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let namespace: Namespace = ["tau": tau, "n": n, "v0_max": maximumDrive]
        let group = try NeuronGroup(n, model: """
            dv/dt = (v0 - v) / tau : volt (unless refractory)
            v0 : volt
            """, threshold: "v > 10*mV", reset: "v = 0*mV", refractory: refractory, method: .exact,
            namespace: namespace, name: "group")
        try group.v.set(0 * mV)
        try group.v0.set("v0_max * i / (n-1)")
        let monitor = try SpikeMonitor(group, name: "monitor")
        let net = try Network(group, monitor, backend: backend)
        try net.run(duration, report: report)

        return try FICurveStatistics.result(Self.name, net, monitor, inputs: try group.v0.values, label: "v0",
                                            unit: mV, unitName: "mV", duration: duration)
    }
}
