import Foundation
import SwiftBrian
import SwiftBrianTools

/// Sound localisation with delay lines after Jeffress (1948, "A place theory of sound
/// localization", J. Comp. Physiol. Psychol. 41:35–39), with spiking neurons: Brian's
/// `examples/synapses/jeffress.py` (R. Brette). A white-noise sound (a TimedArray read at
/// `t - delay`) turns around the head once a second; each ear's noisy integrate-and-fire
/// receptor hears it `delay = distance*sin(theta)` later than the centre of the head (the
/// interaural delay, up to `interaural_distance/sound_speed`), and is refractory for 2.5 ms after
/// a spike (`(unless refractory)`). Both ears project to `num_neurons` noisy coincidence detectors
/// through delay lines: from the left ear the delay grows with the detector's index, from the
/// right ear it shrinks (set by expressions where `i == 0` and where `i == 1`). A detector fires
/// when the spikes of both ears arrive together, which happens at the detector whose line
/// compensates the interaural delay: the azimuth becomes a place code.
///
/// The readout, in bins of ``readout_bin``: the most active detector `j` of each bin gives the
/// azimuth `asin(1.1*(2j/(num_neurons - 1) - 1))` (the delay lines span 1.1 times the largest
/// interaural delay), compared with the true azimuth `asin(sin(theta))` at the bin's centre.
public struct Jeffress: GalleryExample {
    public static let name = "jeffress"
    public static let summary = "Jeffress delay lines: coincidence detectors turn the interaural delay of a moving sound into a place code"
    public static let reference = "Jeffress (1948), J. Comp. Physiol. Psychol. 41:35-39; Brian's examples/synapses/jeffress.py"

    /// The speed of sound.
    public var sound_speed = 300 * metre / second
    /// The distance between the ears ("big head!").
    public var interaural_distance = 20 * cm
    /// The angular speed of the sound source around the head.
    public var angular_speed = 2 * Double.pi * radian / second
    /// The time constant of the ears' receptors.
    public var tau_ear = 1 * ms
    /// The noise of the ears' receptors.
    public var sigma_ear = 0.1
    /// The number of coincidence detectors.
    public var num_neurons = 30
    /// The time constant of the coincidence detectors.
    public var tau = 1 * ms
    /// The noise of the coincidence detectors.
    public var sigma = 0.1
    /// The width of the time bins of the azimuth readout.
    public var readout_bin = 50 * ms
    /// The simulated time.
    public var duration = 1000 * ms

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["num_neurons": 2...100_000]

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        guard sound_speed.dimension == metre.dimension / second.dimension, sound_speed.value > 0,
              interaural_distance.dimension == metre.dimension, interaural_distance.value > 0 else {
            throw ModelError(.invalidArgument, "'sound_speed' of '\(Self.name)' must be a positive speed and "
                             + "'interaural_distance' a positive distance, but they are \(sound_speed) and "
                             + "\(interaural_distance)")
        }
        guard readout_bin.dimension == .time, readout_bin.value > 0 else {
            throw ModelError(.invalidArgument, "'readout_bin' of '\(Self.name)' must be a positive time, but it is \(readout_bin)")
        }
        guard num_neurons >= 2 else {
            throw ModelError(.invalidArgument, "'num_neurons' of '\(Self.name)' must be at least 2 (the delay lines "
                             + "divide by num_neurons - 1), but it is \(num_neurons)")
        }
        seed(value)
        defaultClock.dt = 0.02 * ms
        let steps = Int((duration.value / defaultClock.dt.value).rounded())
        var random = ScriptRandom(seed: value)
        let sound = try TimedArray((0..<max(50_000, steps + 1)).map { _ in 10 * random.normal() },  // white noise
                                   dt: defaultClock.dt, name: "sound")
        let max_delay = interaural_distance / sound_speed
        let ears = try NeuronGroup(2, model: """
            dx/dt = (sound(t-delay)-x)/tau_ear+sigma_ear*(2./tau_ear)**.5*xi : 1 (unless refractory)
            delay = distance*sin(theta) : second
            distance : second # distance to the centre of the head in time units
            dtheta/dt = angular_speed : radian
            """, threshold: "x>1", reset: "x = 0", refractory: 2.5 * ms, method: .euler,
            namespace: ["tau_ear": tau_ear, "sigma_ear": sigma_ear, "angular_speed": angular_speed, "sound": sound],
            name: "ears")
        try ears.distance.set(QuantityArray([-0.5 * max_delay, 0.5 * max_delay]))
        let traces = try StateMonitor(ears, "delay", record: [0, 1], name: "traces")
        let neurons = try NeuronGroup(num_neurons, model: """
            dv/dt = -v / tau + sigma * (2 / tau)**.5 * xi : 1
            """, threshold: "v>1", reset: "v = 0", method: .euler,
            namespace: ["tau": tau, "sigma": sigma], name: "neurons")
        let synapses = try Synapses(ears, neurons, onPre: "v += .5",
                                    namespace: ["num_neurons": num_neurons, "max_delay": max_delay],
                                    name: "synapses")
        try synapses.connect()
        try synapses.delay.set("(1.0*j)/(num_neurons-1)*1.1*max_delay", where: "i==0")
        try synapses.delay.set("(1.0*(num_neurons-j-1))/(num_neurons-1)*1.1*max_delay", where: "i==1")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let net = try Network(ears, neurons, synapses, traces, spikes, backend: backend)
        try net.run(duration, report: report)

        let readout = azimuthReadout(spikes)
        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("neurons", spikes)]
        result.states = [Named("traces", traces)]
        result.stateLabels = ["traces": ["left ear", "right ear"]]
        result.statistics = [
            GalleryStatistic("azimuth_correlation", SampleStatistics.correlation(readout.estimated, readout.actual)),
            GalleryStatistic("median_azimuth_error", SampleStatistics.median(zip(readout.estimated, readout.actual).map { abs($0 - $1) }),
                             unit: "degree"),
            GalleryStatistic("spike_place_correlation",
                             SampleStatistics.correlation(spikes.i.map(Double.init), spikes.t.values.map(bestDetector(at:)))),
        ]
        result.figures = [Named("jeffress", try figure(spikes, traces, readout: readout))]
        return result
    }

    /// The true azimuth of the source at time `t` (seconds), in radians within ±π/2: left and
    /// right are told apart by the interaural delay, front and back are not.
    private func azimuth(at t: Double) -> Double {
        asin(sin(angular_speed.value * t))
    }

    /// The index (fractional) of the detector whose delay lines compensate the interaural delay
    /// at time `t` (seconds).
    private func bestDetector(at t: Double) -> Double {
        Double(num_neurons - 1) / 2 * (1 + sin(azimuth(at: t)) / 1.1)
    }

    /// The azimuth read from the most active detector in each bin (the lowest index among equals;
    /// a bin without spikes reads detector 0), and the true azimuth at the bin's centre, in
    /// degrees; with the bins' centres in seconds.
    private func azimuthReadout(_ spikes: SpikeMonitor) -> (t: [Double], estimated: [Double], actual: [Double]) {
        let bin = readout_bin.value
        let bins = max(1, Int((duration.value / bin).rounded()))
        var counts = [[Int]](repeating: [Int](repeating: 0, count: num_neurons), count: bins)
        for (index, time) in zip(spikes.i, spikes.t.values) {
            let k = Int(time / bin)
            if k < bins { counts[k][index] += 1 }
        }
        let degree = 180 / Double.pi
        let centres = (0..<bins).map { (Double($0) + 0.5) * bin }
        let estimated = counts.map { row -> Double in
            let j = row.indices.max { row[$0] < row[$1] || (row[$0] == row[$1] && $0 > $1) } ?? 0
            return asin(min(1, max(-1, 1.1 * (2 * Double(j) / Double(num_neurons - 1) - 1)))) * degree
        }
        return (centres, estimated, centres.map { azimuth(at: $0) * degree })
    }

    /// The original's figure (the detectors' spikes above the two ears' delays), with the detector
    /// that should fire drawn over the raster, and the readout against the true azimuth.
    private func figure(_ spikes: SpikeMonitor, _ traces: StateMonitor,
                        readout: (t: [Double], estimated: [Double], actual: [Double])) throws -> Figure {
        let end = duration.value * 1e3
        var raster = try Plot.of(spikes, PlotOptions(title: "Coincidence detectors", timeUnit: ms))
        let times = stride(from: 0.0, through: duration.value, by: duration.value / 400).map { $0 }
        raster.series.append(PlotSeries(x: times.map { $0 * 1e3 }, y: times.map(bestDetector(at:)),
                                        color: PlotColor("#8c8c8c"), label: "detector matching the delay"))
        raster.yAxis.label = "Neuron index"
        var delays = try Plot.of(traces, PlotOptions(title: "Interaural delay", variable: "delay", timeUnit: ms,
                                                     unit: ms))
        delays.yAxis.label = "Input delay"
        for (k, ear) in ["left ear", "right ear"].enumerated() where k < delays.series.count {
            delays.series[k].label = ear
        }
        // Angles are pure numbers in Brian's units: the axis names the degree in its label.
        var azimuths = try Plot.of([
            Curve(x: times * second, y: QuantityArray(values: times.map { azimuth(at: $0) * 180 / .pi }), xLabel: "Time",
                  yLabel: "Azimuth (degree)", label: "true", color: PlotColor("#8c8c8c")),
            Curve(x: readout.t * second, y: QuantityArray(values: readout.estimated), xLabel: "Time",
                  yLabel: "Azimuth (degree)", label: "readout", style: .dots(diameter: 5), color: .series(1)),
        ], PlotOptions(title: "Azimuth read from the most active detector (\(Int(readout_bin.value * 1e3)) ms bins)",
                       timeUnit: ms))
        azimuths.yAxis.range = -100...100
        var figure = Figure(title: "Jeffress model: a sound turning around the head, \(num_neurons) coincidence detectors",
                            panels: [raster, delays, azimuths], rowHeights: [1.6, 1, 1.2], sharesXAxis: true)
        for k in figure.panels.indices { figure.panels[k].xAxis.range = 0...end }
        return figure
    }
}
