import SwiftBrian
import SwiftBrianTools

/// An action potential travelling along the squid giant axon (Hodgkin & Huxley 1952; Brian's
/// `examples/compartmental/hh_with_spikes.py`, shortened to 3 cm): a cylinder of 476 µm diameter
/// cut into 300 compartments, with Hodgkin and Huxley's currents in every compartment (voltages
/// relative to rest, as in the paper: rest is 0 mV), stimulated by a current pulse at one end.
/// Every compartment that fires is recorded once as the wave passes; the slope of distance
/// against spike time is the conduction velocity (Brian 2.9: 12.249 m/s).
public struct AxonPropagation: GalleryExample {
    public static let name = "axon_propagation"
    public static let summary = "An action potential propagating along a Hodgkin-Huxley axon; conduction velocity"
    public static let reference = "Hodgkin & Huxley (1952), J Physiol 117:500-544"
    /// Enough compartments to place the traces and fit the velocity; few enough that recording
    /// every compartment stays small.
    public static let parameterRanges: [String: ClosedRange<Double>] = ["n": 6...10_000]

    /// The length of the axon.
    public var length = 3 * cm
    /// The diameter of the axon.
    public var diameter = 2 * 238 * um
    /// The number of compartments.
    public var n = 300
    /// The axial resistivity.
    public var Ri = 35.4 * ohm * cm
    /// The current injected into the first compartment.
    public var stimulus = 10 * uA
    /// When the stimulus starts.
    public var stimulusStart = 0.5 * ms
    /// How long the stimulus lasts.
    public var stimulusDuration = 0.5 * ms
    /// The simulated time.
    public var duration = 5 * ms

    /// A SpatialNeuron of `morphology` with Hodgkin and Huxley's squid currents in every
    /// compartment (voltages relative to rest), at rest, a point current `I`, a spike threshold
    /// `m > 0.5` in every compartment and refractoriness while `m > 0.4` (Brian's
    /// `spatial_hh_axon` reference case).
    public static func squidAxon(_ morphology: SwiftBrian.Morphology, Ri: Quantity) throws -> SpatialNeuron {
        let axon = try SpatialNeuron(morphology: morphology, model: """
            Im = gl*(El - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) : amp/meter**2
            I : amp (point current)
            dm/dt = alpham*(1 - m) - betam*m : 1
            dn/dt = alphan*(1 - n) - betan*n : 1
            dh/dt = alphah*(1 - h) - betah*h : 1
            alpham = (0.1/mV)*(-v + 25*mV)/(exp((-v + 25*mV)/(10*mV)) - 1)/ms : Hz
            betam = 4*exp(-v/(18*mV))/ms : Hz
            alphah = 0.07*exp(-v/(20*mV))/ms : Hz
            betah = 1/(exp((-v + 30*mV)/(10*mV)) + 1)/ms : Hz
            alphan = (0.01/mV)*(-v + 10*mV)/(exp((-v + 10*mV)/(10*mV)) - 1)/ms : Hz
            betan = 0.125*exp(-v/(80*mV))/ms : Hz
            """, threshold: "m > 0.5", refractory: "m > 0.4", Cm: 1 * uF / cm2, Ri: Ri,
            method: .exponentialEuler,
            namespace: ["El": 10.613 * mV, "ENa": 115 * mV, "EK": -12 * mV, "gl": 0.3 * msiemens / cm2,
                        "gNa": 120 * msiemens / cm2, "gK": 36 * msiemens / cm2], name: "axon")
        try axon.v.set(0 * mV)
        for gate in ["m", "n", "h"] { try axon.variable(gate).set("alpha\(gate)/(alpha\(gate) + beta\(gate))") }
        return axon
    }

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 10 * us
        let morpho = try Cylinder(diameter: diameter, length: length, n: n, type: "axon")
        let axon = try Self.squidAxon(morpho, Ri: Ri)
        // The traces at a sixth, half and five sixths of the length (0.5, 1.5 and 2.5 cm).
        let traced = try [1.0, 3, 5].map { try morpho.index(at: length * ($0 / 6)) }
        let spikes = try SpikeMonitor(axon, name: "spikes")
        let trace = try StateMonitor(axon, "v", record: traced, dt: 20 * us, name: "trace")
        let everywhere = try StateMonitor(axon, "v", record: Array(0..<n), dt: 20 * us, name: "everywhere")
        let net = try Network(axon, spikes, trace, everywhere, backend: backend)
        try net.run(until: stimulusStart, within: duration, report: report)
        try axon.I.set(stimulus, where: "i == 0")
        try net.run(until: stimulusStart + stimulusDuration, within: duration, report: report)
        try axon.I.set(0 * amp)
        try net.run(until: duration, within: duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("axon", spikes)]
        result.states = [Named("v", trace)]
        let distance = try axon.distance.values
        result.stateLabels = ["v": traced.map { String(format: "%g mm", distance.values[$0] / mm.value) }]
        if everywhere.t.count > 0 {
            result.figures = [Named("space_time_v", try Plot.of(everywhere, PlotOptions(
                title: "v along the axon (distance from the stimulated end)", variable: "v", unit: mV,
                positions: distance)))]
        }
        // The fit leaves out the first and last sixth, where the stimulus and the sealed end
        // bend the wave.
        let fitted = zip(spikes.i, spikes.t.values).map { (time: $1, distance: distance.values[$0]) }
            .filter { $0.distance > length.value / 6 && $0.distance < length.value * 5 / 6 }
        if let velocity = ConductionVelocity.fit(fitted) {
            result.statistics.append(GalleryStatistic("conduction_velocity", velocity, unit: "m/s"))
        }
        result.statistics.append(GalleryStatistic("compartments_fired", Double(Set(spikes.i).count)))
        return result
    }
}
