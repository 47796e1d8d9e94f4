import Foundation
import SwiftBrian
import SwiftBrianTools

/// Pitch from a sound file by coincidence detection: the Brian 2 paper's case study of real-time
/// auditory input (Stimberg, Brette & Goodman 2019, eLife 8:e47314, Fig. 5;
/// `brian2_paper_examples/example_4_microphone.py` reading its sound file), itself a spiking
/// version of Licklider's autocorrelation model of pitch (Brian's `examples/synapses/licklider.py`).
///
/// The samples of a WAV file come in through a user function with C code, `get_sample(t)`, as in
/// the original (whose `sound_from_file.cpp` reads the file sample by sample): the native backend
/// runs C that reads the file, the interpreter the same computation in Swift. The time step is one
/// sample. One receptor neuron with an adaptive threshold turns the rectified sound into spikes,
/// about one per period of the sound; each of `num_neurons` noisy coincidence detectors receives
/// every receptor spike twice, directly and delayed by the period of its preferred frequency
/// (`1/freq`, log-spaced from `min_freq` to `max_freq`): two synapses per pair, told apart by the
/// multisynaptic index `k`. Detectors whose preferred period is the sound's period (or a whole
/// multiple of it) fire most; none above the pitch does: the population's readout of the pitch.
///
/// The shipped sound (`notes.wav`, 1.2 s, made by `scripts/make_notes_wav.py`) is four ascending
/// harmonic tones, 196.00, 220.00, 246.94 and 261.63 Hz (G3, A3, B3, C4), 0.3 s each; any other
/// 16-bit PCM WAV file is read with `--set sound_file=PATH` (first channel; set ``duration`` to its
/// length). Each `window` of the run (skipping its first `onset`) gives one pitch estimate, read
/// from the detectors' spike counts (see ``pitchEstimates(_:preferred:)``: the detector with the
/// most spikes is often at a subharmonic), compared with each tone's true pitch for the shipped
/// sound.
public struct AuditoryPitch: GalleryExample {
    public static let name = "auditory_pitch"
    public static let summary = "Pitch of a sound file read by a C user function: 300 noisy coincidence detectors tuned by delays"
    public static let reference = "Stimberg, Brette & Goodman (2019), eLife 8:e47314 (case study 4: real-time audio)"

    /// The WAV file to read; empty for the shipped `notes.wav` (four harmonic tones).
    public var sound_file = ""
    /// The simulated time (the shipped sound lasts 1.2 s; past its end the sound is silent).
    public var duration = 1.2 * second
    /// The time constant of the receptor.
    public var tau_ear = 1 * ms
    /// The time constant of the receptor's adaptive threshold.
    public var tau_th = 5 * ms
    /// The lowest preferred frequency of the detectors.
    public var min_freq = 50 * Hz
    /// The highest preferred frequency of the detectors.
    public var max_freq = 1000 * Hz
    /// The number of coincidence detectors.
    public var num_neurons = 300
    /// The membrane time constant of the detectors.
    public var tau = 1 * ms
    /// The noise of the detectors.
    public var sigma = 0.1
    /// The length of the windows of the readout (one pitch estimate each; one note of the shipped
    /// sound).
    public var window = 300 * ms
    /// The start of each window left out of its estimate (the onset of a note).
    public var onset = 50 * ms
    /// The true pitch of each window, in hertz, to compare the estimates with; nil for the
    /// shipped sound's notes when `sound_file` is empty, and for none otherwise.
    public var true_pitches: [Double]?

    /// The pitches of the shipped sound's notes, in hertz.
    public static let notes = [196.00, 220.00, 246.94, 261.63]

    public init() {}

    public static let parameterRanges: [String: ClosedRange<Double>] = ["num_neurons": 2...100_000, "sigma": 0...100]

    /// The path of the shipped sound.
    public static var shippedSound: String? { Bundle.module.path(forResource: "notes", ofType: "wav") }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        for (name, quantity, dimension) in [("min_freq", min_freq, Hz.dimension), ("max_freq", max_freq, Hz.dimension),
                                            ("window", window, second.dimension), ("onset", onset, second.dimension)] {
            guard quantity.dimension == dimension, quantity.value > 0 || name == "onset" else {
                throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must be a positive "
                                 + "\(dimension == Hz.dimension ? "frequency" : "time"), but it is \(quantity)")
            }
        }
        guard min_freq.value < max_freq.value, onset.value < window.value else {
            throw ModelError(.invalidArgument, "'\(Self.name)' needs min_freq below max_freq and onset shorter than window")
        }
        guard let path = sound_file.isEmpty ? Self.shippedSound : sound_file else {
            throw ModelError(.invalidArgument, "The sound shipped with '\(Self.name)' (notes.wav) is missing; "
                             + "give a WAV file with sound_file=PATH")
        }
        let sound = try WAVSound(contentsOf: path)
        seed(value)
        defaultClock.dt = (1 / Double(sound.sampleRate)) * second
        var namespace: Namespace = ["tau_ear": tau_ear, "tau_th": tau_th, "min_freq": min_freq, "max_freq": max_freq,
                                    "num_neurons": num_neurons, "tau": tau, "sigma": sigma]
        namespace.functions["get_sample"] = sound.function(named: "get_sample")
        let receptors = try NeuronGroup(1, model: """
            dx/dt = (sound - x)/tau_ear: 1 (unless refractory)
            dth/dt = (0.1*x - th)/tau_th : 1
            sound = clip(get_sample(t), 0, inf) : 1 (constant over dt)
            """, threshold: "x>th", reset: "x=0; th = th*2.5 + 0.01", refractory: 2 * ms, method: .exact,
            namespace: namespace, name: "receptors")
        try receptors.th.set(1)
        let sound_mon = try StateMonitor(receptors, "sound", record: [0], name: "sound_mon")
        let neurons = try NeuronGroup(num_neurons, model: """
            dv/dt = -v/tau+sigma*(2./tau)**.5*xi : 1
            freq : Hz (constant)
            """, threshold: "v>1", reset: "v=0", method: .euler, namespace: namespace, name: "neurons")
        try neurons.freq.set("exp(log(min_freq/Hz)+(i*1.0/(num_neurons-1))*log(max_freq/min_freq))*Hz")
        let synapses = try Synapses(receptors, neurons, onPre: "v += 0.5", multisynapticIndex: "k", name: "synapses")
        try synapses.connect(n: 2)  // one synapse without delay; one with delay
        try synapses.delay.set("1/freq_post", where: "k == 1")
        let spikes = try SpikeMonitor(neurons, name: "spikes")
        let receptor_spikes = try SpikeMonitor(receptors, name: "receptor_spikes")
        let net = try Network(receptors, sound_mon, neurons, synapses, spikes, receptor_spikes, backend: backend)
        try net.run(duration, report: report)

        let freq = try neurons.freq.values.values
        let estimates = pitchEstimates(spikes, preferred: freq)
        let truth = true_pitches ?? (sound_file.isEmpty ? Self.notes : [])
        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("detectors", spikes)]
        result.figures = [Named("pitch", try figure(sound: sound_mon, spikes: spikes, preferred: freq,
                                                    estimates: estimates, truth: truth))]
        result.statistics = [
            GalleryStatistic("receptor_spikes", Double(receptor_spikes.numEvents)),
            GalleryStatistic("detector_rate", SpikeStatistics.meanRate(spikes, neurons: num_neurons, to: duration.value),
                             unit: "Hz"),
        ]
        var errors: [Double] = []
        for (k, estimate) in estimates.enumerated() {
            result.statistics += [GalleryStatistic("pitch_\(k + 1)", estimate.frequency, unit: "Hz"),
                                  GalleryStatistic("most_active_\(k + 1)", estimate.mostActive, unit: "Hz")]
            if k < truth.count {
                errors.append(abs(12 * log2(estimate.frequency / truth[k])))
                result.statistics.append(GalleryStatistic("pitch_error_\(k + 1)", errors[k], unit: "semitones"))
            }
        }
        if let worst = errors.max() {
            result.statistics.append(GalleryStatistic("max_pitch_error", worst, unit: "semitones"))
        }
        return result
    }

    /// A pitch estimate of one window of the run.
    struct PitchEstimate {
        /// The window, without its onset, in seconds.
        let start: Double, end: Double
        /// The preferred frequency of the detector with the most spikes (the lowest index among
        /// equals).
        let mostActive: Double
        /// The pitch: the centre of the highest band of preferred frequencies whose spike counts,
        /// averaged over 5 neighbouring detectors, reach half their maximum.
        let frequency: Double
    }

    /// The estimate of each whole `window` of the run, from the spikes after its `onset`.
    ///
    /// Every receptor spike reaches each detector twice, so a detector whose delay is a whole
    /// number of the sound's periods, `n/f0`, sees coincidences as often as the one at `1/f0`:
    /// the detectors at `f0/2`, `f0/3`, ... fire as much, and the one with the most spikes is often
    /// one of them. Detectors above `f0` see none. The pitch is therefore read where the counts
    /// end at the high-frequency side, Licklider's shortest lag at which the input coincides with
    /// itself: the counts are averaged over 5 neighbouring detectors (numpy's
    /// `convolve(counts, ones(5)/5, 'same')`); the band of detectors below the highest one whose
    /// average reaches half the maximum, as long as they all reach it, is the pitch's band; the
    /// estimate is its centre on a log scale (the mean log frequency, weighted by the averages).
    private func pitchEstimates(_ spikes: SpikeMonitor, preferred: [Double]) -> [PitchEstimate] {
        let windows = Int((duration.value / window.value + 1e-9).rounded(.down))
        let (indices, times) = (spikes.i, spikes.t.values)
        return (0..<windows).map { w in
            let start = Double(w) * window.value + onset.value, end = Double(w + 1) * window.value
            var counts = [Int](repeating: 0, count: preferred.count)
            for (i, t) in zip(indices, times) where t >= start && t < end { counts[i] += 1 }
            let best = counts.indices.max { counts[$0] < counts[$1] || counts[$0] == counts[$1] && $0 > $1 } ?? 0
            let smooth = counts.indices.map { k in
                Double((max(0, k - 2)...min(counts.count - 1, k + 2)).reduce(0) { $0 + counts[$1] }) / 5
            }
            let half = 0.5 * (smooth.max() ?? 0)
            let top = smooth.indices.last { smooth[$0] >= half } ?? best
            var bottom = top
            while bottom > 0, smooth[bottom - 1] >= half { bottom -= 1 }
            let band = bottom...top
            let weight = band.reduce(0) { $0 + smooth[$1] }
            let logFrequency = band.reduce(0) { $0 + smooth[$1] * log(preferred[$1]) } / weight
            return PitchEstimate(start: start, end: end, mostActive: preferred[best],
                                 frequency: weight > 0 ? exp(logFrequency) : preferred[best])
        }
    }

    /// The paper's figure: the sound, and the detectors' spikes at their preferred frequencies
    /// with each window's estimate (and the true pitch where known).
    private func figure(sound: StateMonitor, spikes: SpikeMonitor, preferred: [Double],
                        estimates: [PitchEstimate], truth: [Double]) throws -> Figure {
        let t = sound.t.values, samples = try sound.values("sound", index: 0).values
        // The waveform as its range in each of 800 columns (a line through every sample would be
        // tens of thousands of points).
        let columns = 800, end = duration.value
        var low = [Double](repeating: .infinity, count: columns), high = [Double](repeating: -.infinity, count: columns)
        for (time, value) in zip(t, samples) {
            let c = min(columns - 1, max(0, Int(time / end * Double(columns))))
            (low[c], high[c]) = (min(low[c], value), max(high[c], value))
        }
        let filled = (0..<columns).filter { low[$0] <= high[$0] }
        let waveform = Curve(x: QuantityArray(values: filled.flatMap { c in [Double(c), Double(c) + 0.5].map { $0 / Double(columns) * end } },
                                              dimension: second.dimension),
                             y: QuantityArray(values: filled.flatMap { [low[$0], high[$0]] }), xLabel: "Time",
                             yLabel: "Amplitude", style: .line(width: 1))
        var soundPlot = try Plot.of(waveform, PlotOptions(title: "Rectified sound (get_sample, C code reading the WAV file)",
                                                          timeUnit: second))
        let top = min(max_freq.value, 2 * (truth.max() ?? estimates.map(\.frequency).max() ?? max_freq.value))
        let frequency = { (values: [Double]) in QuantityArray(values: values, dimension: Hz.dimension) }
        var curves = [Curve(x: spikes.t, y: frequency(spikes.i.map { preferred[$0] }), xLabel: "Time",
                            yLabel: "Preferred frequency", label: "detector spikes", style: .dots(diameter: 2),
                            color: PlotColor("#4d4d4d"))]
        for (k, estimate) in estimates.enumerated() {
            let span = QuantityArray(values: [estimate.start, estimate.end], dimension: second.dimension)
            curves.append(Curve(x: span, y: frequency([estimate.frequency, estimate.frequency]), xLabel: "Time",
                                yLabel: "Preferred frequency", label: k == 0 ? "pitch estimate" : nil,
                                style: .line(width: 3), color: .series(1)))
            if k < truth.count {
                curves.append(Curve(x: span, y: frequency([truth[k], truth[k]]), xLabel: "Time",
                                    yLabel: "Preferred frequency", label: k == 0 ? "true pitch" : nil,
                                    style: .line(width: 1.5), color: .series(2)))
            }
        }
        var spikePlot = try Plot.of(curves, PlotOptions(title: "Coincidence detectors at their preferred frequency",
                                                       timeUnit: second, unit: Hz))
        soundPlot.xAxis.range = 0...end
        spikePlot.xAxis.range = 0...end
        spikePlot.yAxis.range = min_freq.value...top
        (soundPlot.height, spikePlot.height) = (160, 360)
        return Figure(title: "Pitch by coincidence detection", panels: [soundPlot, spikePlot], rowHeights: [1, 2.2],
                      sharesXAxis: true)
    }
}
