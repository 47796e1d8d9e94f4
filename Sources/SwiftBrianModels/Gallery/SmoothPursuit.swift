import Foundation
import SwiftBrian
import SwiftBrianTools

/// A closed sensorimotor loop: an idealized smooth pursuit reflex (Stimberg, Brette & Goodman
/// 2019, "Brian 2, an intuitive and efficient neural simulator", eLife 8:e47314, case study 2 and
/// Fig. 3; the notebook `example_2_eye_movements` of the paper's examples).
///
/// An object moves on a line as an Ornstein–Uhlenbeck process (`x_object`, a low-pass filter of
/// an OU `noise`, both with time constant `tau_object`). The eye (`x`, between −1 and 1) is a damped
/// mass pulled by two antagonistic muscles towards the equilibrium `x0`, which relaxes to the centre
/// with `tau_muscle`; each spike of a motoneuron moves `x0` by `w` = ∓0.5. A retina of `N` spiking
/// neurons with Gaussian receptive fields (centres `x_neuron` evenly spread over [−1, 1], width
/// 2/N) is driven by the object's position relative to the eye (`x_object - x_eye`, two linked
/// variables); the neurons of each hemifield excite the motoneuron that turns the eye towards them,
/// the more strongly the more eccentric they are. The eye follows the object.
public struct SmoothPursuit: GalleryExample {
    public static let name = "smooth_pursuit"
    public static let summary = "Closed loop: a spiking retina and two motoneurons make the eye pursue an object moving as an OU process"
    public static let reference = "Stimberg, Brette & Goodman (2019), eLife 8:e47314 (Fig. 3)"

    /// The squared inverse of the eye's characteristic relaxation time.
    public var alpha = 1 / (50 * ms * 50 * ms)
    /// The eye's friction.
    public var beta = 1 / (50 * ms)
    /// The relaxation time of a muscle contraction.
    public var tau_muscle = 20 * ms
    /// The time constant of the object's movement.
    public var tau_object = 500 * ms
    /// The membrane time constant of the retina and the motoneurons.
    public var taum = 20 * ms
    /// The motoneurons' refractory period.
    public var refractory = 5 * ms
    /// The number of retinal neurons.
    public var N = 20
    /// The peak input to a retinal neuron (object at the centre of its receptive field).
    public var gain = 4.0
    /// The simulated time.
    public var duration = 10 * second

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["N": 2...100_000]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        guard N >= 2 else {
            throw ModelError(.invalidArgument, "'N' of '\(Self.name)' must be at least 2 (receptive fields from -1 to 1), "
                             + "but it is \(N)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let namespace: Namespace = [
            "alpha": alpha, "beta": beta, "tau_muscle": tau_muscle, "tau_object": tau_object, "taum": taum,
            "gain": gain, "width": 2.0 / Double(N),
        ]
        let eye = try NeuronGroup(1, model: """
            dx/dt = velocity : 1
            dvelocity/dt = alpha*(x0-x)-beta*velocity : 1/second
            dx0/dt = -x0/tau_muscle : 1
            dx_object/dt = (noise - x_object)/tau_object : 1
            dnoise/dt = -noise/tau_object + tau_object**-0.5*xi : 1
            """, method: .euler, namespace: namespace, name: "eye")
        let motoneurons = try NeuronGroup(2, model: "dv/dt = -v/taum : 1", threshold: "v>1", reset: "v=0",
                                          refractory: refractory, method: .exact, namespace: namespace,
                                          name: "motoneurons")
        // Each spike is a small contraction of one muscle: left (−) or right (+).
        let motosynapses = try Synapses(motoneurons, eye, model: "w : 1", onPre: "x0+=w", name: "motosynapses")
        try motosynapses.connect()
        try motosynapses.w.set([-0.5, 0.5])

        let retina = try NeuronGroup(N, model: """
            I = gain*exp(-((x_object-x_eye-x_neuron)/width)**2) : 1
            x_neuron : 1 (constant)
            x_object : 1 (linked) # position of the object
            x_eye : 1 (linked) # position of the eye
            dv/dt = (I-(1+gs)*v)/taum : 1
            gs : 1 # total synaptic conductance
            """, threshold: "v>1", reset: "v=0", method: .exact, namespace: namespace, name: "retina")
        try retina.v.set("rand()")
        try retina.x_eye.link(to: eye.x)
        try retina.x_object.link(to: eye.x_object)
        try retina.x_neuron.set("-1.0 + 2.0*i/(N-1)")
        // Each hemifield drives the motoneuron on its side, more strongly with eccentricity.
        let sensorimotor = try Synapses(retina, motoneurons, model: "w : 1 (constant)", onPre: "v+=w",
                                        name: "sensorimotor_synapses")
        try sensorimotor.connect(j: "int(x_neuron_pre > 0)")
        try sensorimotor.w.set("20*abs(x_neuron_pre)/N_pre")

        let M = try StateMonitor(eye, variables: ["x", "x0", "x_object"], record: [0], name: "M")
        let S_retina = try SpikeMonitor(retina, name: "S_retina")
        let S_motoneurons = try SpikeMonitor(motoneurons, name: "S_motoneurons")
        let net = try Network(eye, motoneurons, motosynapses, retina, sensorimotor, M, S_retina, S_motoneurons,
                              backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("retina", S_retina), Named("motoneurons", S_motoneurons)]
        result.states = [Named("M", M)]
        let position = try M.values("x", index: 0)
        let object = try M.values("x_object", index: 0)
        var positions = try Plot.of([
            Curve(x: M.t, y: object, xLabel: "Time", yLabel: "Position (left −1, right 1)", label: "object",
                  color: .series(2)),
            Curve(x: M.t, y: position, xLabel: "Time", yLabel: "Position", label: "eye", color: .ink),
        ], PlotOptions(title: "Eye and object position", timeUnit: second))
        positions.yAxis.range = -1.05...1.05
        result.figures = [Named("positions", positions)]
        result.statistics = Self.pursuitStatistics(eye: position.values, object: object.values)
        return result
    }

    /// How well the eye follows the object: the correlation of their positions, the root mean
    /// square of their difference and of the object's position (the error of an eye that stays at
    /// the centre), and the ratio of the two.
    static func pursuitStatistics(eye: [Double], object: [Double]) -> [GalleryStatistic] {
        let n = Double(eye.count)
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / n }
        let rmsError = mean(zip(eye, object).map { ($0 - $1) * ($0 - $1) }).squareRoot()
        let rmsObject = mean(object.map { $0 * $0 }).squareRoot()
        return [
            GalleryStatistic("correlation", SampleStatistics.correlation(eye, object)),
            GalleryStatistic("rms_error", rmsError),
            GalleryStatistic("rms_object", rmsObject),
            GalleryStatistic("relative_error", rmsError / rmsObject),
        ]
    }
}
