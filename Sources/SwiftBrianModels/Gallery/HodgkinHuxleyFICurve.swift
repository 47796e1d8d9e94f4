import SwiftBrian

/// The input–frequency curve of the Hodgkin–Huxley model with Traub & Miles (1991) kinetics
/// (Hodgkin & Huxley 1952, J Physiol 117:500–544; Brian's `examples/IF_curve_Hodgkin_Huxley.py`):
/// 100 uncoupled neurons injected with constant currents from 0 to 0.7 nA; the rate jumps from 0
/// to a finite value at the rheobase (type II excitability).
public struct HodgkinHuxleyFICurve: GalleryExample {
    public static let name = "if_curve_hh"
    public static let summary = "Firing rate of Hodgkin-Huxley neurons against injected current (type II onset)"
    public static let reference = "Hodgkin & Huxley (1952), J Physiol 117:500-544; Traub & Miles (1991)"

    /// The number of neurons (current levels).
    public var num_neurons = 100
    /// The largest injected current.
    public var maximumCurrent = 0.7 * nA
    /// The simulated time.
    public var duration = 2 * second

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        // area, Cm, gl, El, EK, ENa, g_na, g_kd, VT: as in Brian's HH speed test and this example.
        var namespace = try BenchmarkModel.hodgkinHuxleyNamespace()
        namespace.add(num_neurons, as: "num_neurons")
        namespace.values["I_max"] = maximumCurrent
        let group = try NeuronGroup(num_neurons, model: """
            dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
            dm/dt = 0.32*(mV**-1)*4*mV/exprel((13.*mV-v+VT)/(4*mV))/ms*(1-m)-0.28*(mV**-1)*5*mV/exprel((v-VT-40.*mV)/(5*mV))/ms*m : 1
            dn/dt = 0.032*(mV**-1)*5*mV/exprel((15.*mV-v+VT)/(5*mV))/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
            dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
            I : amp
            """, threshold: "v > -40*mV", refractory: "v > -40*mV", method: .exponentialEuler,
            namespace: namespace, name: "group")
        try group.v.set("El")
        try group.I.set("I_max * i / num_neurons")
        let monitor = try SpikeMonitor(group, name: "monitor")
        let net = try Network(group, monitor, backend: backend)
        try net.run(duration, report: report)

        return try FICurveStatistics.result(Self.name, net, monitor, inputs: try group.I.values, label: "I",
                                            unit: nA, unitName: "nA", duration: duration)
    }
}
