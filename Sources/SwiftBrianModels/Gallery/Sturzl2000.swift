import Foundation
import SwiftBrian
import SwiftBrianTools

/// Prey localisation by the sand scorpion (Stürzl, Kempter & van Hemmen 2000, "Theory of arachnid
/// prey localization", Phys. Rev. Lett. 84:5668–5671; Brian's `examples/frompapers/Sturzl_et_al_2000.py`,
/// R. Brette's version, in which integrate-and-fire neurons replace the paper's Poisson inputs). A
/// prey at angle `phi` sends a surface (Rayleigh) wave of random phases, its spectrum a Gaussian
/// around 300 Hz, across the sand; it reaches the scorpion's 8 legs (at angles `22.5° + 45° k`
/// on a circle of radius `R`) with delays `R/vr*(1 - cos(phi - gamma))`. Each leg's mechanical
/// receptor is a noisy integrate-and-fire neuron driven by the wave at its own delay (a TimedArray
/// read at `t - d`, `d` a per-neuron parameter). Each leg excites its command neuron (alpha
/// currents, integrated exactly) and, `deltaI` later, inhibits the command neurons of the three
/// opposite legs (connected by the condition `abs(((j - i) % N_post) - N_post/2) <= 1`). The legs
/// nearest the prey are hit first and escape the inhibition, so the command neurons facing the
/// prey fire most; the population vector of their spike counts estimates the prey's angle.
public struct Sturzl2000: GalleryExample {
    public static let name = "sturzl2000"
    public static let summary = "Sand scorpion prey localisation: 8 legs, delayed surface waves and opposite-leg inhibition point to the prey"
    public static let reference = "Stürzl, Kempter & van Hemmen (2000), Phys. Rev. Lett. 84:5668-5671; Brian's examples/frompapers/Sturzl_et_al_2000.py"

    /// The radius of the scorpion (from its centre to the legs' receptors).
    public var R = 2.5 * cm
    /// The speed of the Rayleigh wave in the sand.
    public var vr = 50 * metre / second
    /// The angle of the prey, in degrees.
    public var phi = 144.0
    /// The delay of the inhibition of the opposite legs' command neurons.
    public var deltaI = 0.7 * ms
    /// The time constant of the legs' receptors.
    public var tau_legs = 1 * ms
    /// The noise of the legs' receptors.
    public var sigma = 0.01
    /// The membrane time constant of the command neurons.
    public var tau = 1 * ms
    /// The time constant of the command neurons' alpha currents.
    public var taus = 1.001 * ms
    /// The excitatory weight (from a leg to its command neuron).
    public var wex = 7.0
    /// The inhibitory weight (from a leg to the command neurons of the opposite legs).
    public var winh = -2.0
    /// The simulated time.
    public var duration = 500 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        guard R.dimension == metre.dimension, vr.dimension == metre.dimension / second.dimension, vr.value > 0 else {
            throw ModelError(.invalidArgument, "'R' of '\(Self.name)' must be a distance and 'vr' a positive speed, but "
                             + "they are \(R) and \(vr)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let degree = Double.pi / 180
        let gamma = (0..<8).map { (22.5 + 45 * Double($0)) * degree }  // leg angle
        let delay = gamma.map { (R / vr) * (1 - cos(phi * degree - $0)) }  // wave delay

        let rates = try TimedArray(wave(seed: value), dt: defaultClock.dt, name: "rates")
        let legs = try NeuronGroup(8, model: """
            dv/dt = (1 + rates(t - d) - v)/tau_legs + sigma*(2./tau_legs)**.5*xi:1
            d : second
            """, threshold: "v > 1", reset: "v = 0", refractory: 1 * ms, method: .euler,
            namespace: ["rates": rates, "tau_legs": tau_legs, "sigma": sigma], name: "legs")
        try legs.d.set(QuantityArray(delay))
        let spikes_legs = try SpikeMonitor(legs, name: "spikes_legs")

        let neurons = try NeuronGroup(8, model: """
            dv/dt = (x - v)/tau : 1
            dx/dt = (y - x)/taus : 1 # alpha currents
            dy/dt = -y/taus : 1
            """, threshold: "v>1", reset: "v=0", method: .exact, namespace: ["tau": tau, "taus": taus],
            name: "neurons")
        let synapses_ex = try Synapses(legs, neurons, onPre: "y+=wex", namespace: ["wex": wex], name: "synapses_ex")
        try synapses_ex.connect(j: "i")
        let synapses_inh = try Synapses(legs, neurons, onPre: "y+=winh", delay: deltaI, namespace: ["winh": winh],
                                        name: "synapses_inh")
        try synapses_inh.connect(condition: "abs(((j - i) % N_post) - N_post/2) <= 1")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let net = try Network(legs, neurons, synapses_ex, synapses_inh, spikes_legs, spikes, backend: backend)
        try net.run(duration, report: report)

        let nspikes = spikes.count.map(Double.init)
        let phi_est = atan2(zip(nspikes, gamma).map { $0 * sin($1) }.reduce(0, +),
                            zip(nspikes, gamma).map { $0 * cos($1) }.reduce(0, +))
        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("neurons", spikes), Named("legs", spikes_legs)]
        result.statistics = [
            GalleryStatistic("angle_estimate", phi_est / degree, unit: "degree"),
            GalleryStatistic("angle_true", phi, unit: "degree"),
            GalleryStatistic("leg_rate", SpikeStatistics.meanRate(spikes_legs, neurons: 8, to: duration.value), unit: "Hz"),
        ]
        result.figures = [Named("sturzl2000", try polarFigure(rates: nspikes.map { $0 / duration.value }, gamma: gamma,
                                                          estimate: phi_est))]
        return result
    }

    /// The surface wave at each step of the run (and one more): the sum over 150–450 Hz (1 Hz
    /// apart) of cosines weighted by a Gaussian spectrum around 300 Hz (width 50 Hz), each with a
    /// random phase, normalised as in the original.
    private func wave(seed value: UInt64) -> [Double] {
        var random = ScriptRandom(seed: value)
        let dt = defaultClock.dt.value
        let time = (0...Int(duration.value / dt)).map { Double($0) * dt }
        var w = [Double](repeating: 0, count: time.count)
        var Dtot = 0.0
        for f in 150...450 {
            let D = exp(-pow(Double(f) - 300, 2) / (2 * 50 * 50))
            let rand_angle = 2 * Double.pi * random.uniform()
            for k in time.indices {
                w[k] += 100 * D * cos(2 * Double.pi * Double(f) * time[k] + rand_angle)
            }
            Dtot += D
        }
        return w.map { 0.01 * $0 / Dtot }
    }

    /// The original's polar plot: the command neurons' rates at their legs' angles (a closed
    /// curve), with the prey's true direction and the estimate as spokes as long as the highest
    /// rate.
    private func polarFigure(rates: [Double], gamma: [Double], estimate: Double) throws -> Figure {
        let rmax = max(rates.max() ?? 0, 1)
        let closed = Array(zip(rates, gamma)) + [(rates[0], gamma[0])]
        let truth = phi * Double.pi / 180
        let limit = rmax * 1.15
        func spoke(_ x: [Double], _ y: [Double], _ label: String, _ style: PlotSeries.Style, _ color: PlotColor) -> Curve {
            Curve(x: x * Hz, y: y * Hz, xLabel: "Rate toward 0\u{B0}", yLabel: "Rate toward 90\u{B0}", label: label,
                  style: style, color: color)
        }
        var plot = try Plot.of([
            spoke(closed.map { $0.0 * cos($0.1) }, closed.map { $0.0 * sin($0.1) }, "rate at each leg",
                  .lineAndDots(width: 1.5, diameter: 5), PlotColor("#000000")),
            spoke([0, rmax * cos(truth)], [0, rmax * sin(truth)], "prey", .line(width: 2), PlotColor("#2ca02c")),
            spoke([0, rmax * cos(estimate)], [0, rmax * sin(estimate)], "estimate", .line(width: 2), PlotColor("#1f77b4")),
        ], PlotOptions(title: String(format: "Command neurons' rates: prey at %g\u{B0}, estimate %.1f\u{B0}", phi,
                                     estimate * 180 / Double.pi), unit: Hz, xUnit: Hz))
        plot.xAxis.range = -limit...limit
        plot.yAxis.range = -limit...limit
        (plot.width, plot.height, plot.equalAspect) = (560, 560, true)
        return Figure(plot)
    }
}
