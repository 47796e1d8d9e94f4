import Foundation
import SwiftBrian
import SwiftBrianTools

/// Measures the gallery's examples report: firing rates, irregularity, synchrony and rhythm of
/// recorded spikes, and the shape of weight distributions. Times are in seconds, rates in Hz.
public enum SpikeStatistics {
    /// The mean firing rate per neuron of `monitor`'s `neurons` elements between `start` and `end`.
    public static func meanRate(_ monitor: SpikeMonitor, neurons: Int, from start: Double = 0, to end: Double)
        -> Double {
        guard neurons > 0, end > start else { return 0 }
        let count = monitor.t.values.lazy.filter { $0 >= start && $0 < end }.count
        return Double(count) / Double(neurons) / (end - start)
    }

    /// The coefficient of variation (standard deviation over mean) of the interspike intervals of
    /// each element with at least `minimumSpikes` spikes after `start`, averaged over those
    /// elements (NaN when there is none).
    public static func meanCV(_ monitor: SpikeMonitor, from start: Double = 0, minimumSpikes: Int = 3) -> Double {
        let cvs = monitor.spikeTrains().compactMap { train -> Double? in
            let times = train.values.filter { $0 >= start }
            guard times.count >= max(minimumSpikes, 3) else { return nil }
            return coefficientOfVariation(zip(times.dropFirst(), times).map { $0 - $1 })
        }
        return cvs.isEmpty ? .nan : cvs.reduce(0, +) / Double(cvs.count)
    }

    /// The standard deviation of `values` divided by their mean (NaN for fewer than two values or
    /// a zero mean).
    public static func coefficientOfVariation(_ values: [Double]) -> Double {
        SpikeTrainStatistics.coefficientOfVariation(values) ?? .nan
    }

    /// The population rate of `neurons` elements in bins of `bin` seconds from `start` to `end`:
    /// spikes per bin divided by the number of neurons and the bin width.
    public static func binnedRate(_ monitor: SpikeMonitor, neurons: Int, bin: Double, from start: Double = 0,
                                  to end: Double) -> [Double] {
        let bins = Int(((end - start) / bin).rounded(.down))
        guard bins > 0, neurons > 0 else { return [] }
        var counts = [Double](repeating: 0, count: bins)
        for time in monitor.t.values where time >= start {
            let k = Int(((time - start) / bin + 1e-9).rounded(.down))
            if k < bins { counts[k] += 1 }
        }
        return counts.map { $0 / Double(neurons) / bin }
    }

    /// The synchrony of a population: the coefficient of variation of its rate binned at `bin`
    /// (near 0 for asynchronous firing of a large population, large for synchronous volleys).
    public static func synchrony(_ monitor: SpikeMonitor, neurons: Int, bin: Double = 1e-3, from start: Double = 0,
                                 to end: Double) -> Double {
        coefficientOfVariation(binnedRate(monitor, neurons: neurons, bin: bin, from: start, to: end))
    }

    /// The frequency, within `band` (Hz), at which the power spectrum of `signal` (sampled every
    /// `dt` seconds, mean removed) peaks.
    public static func peakFrequency(_ signal: [Double], dt: Double, band: ClosedRange<Double>) -> Double {
        guard signal.count > 1 else { return .nan }
        let mean = signal.reduce(0, +) / Double(signal.count)
        let centred = signal.map { $0 - mean }
        let length = Double(signal.count) * dt
        let first = max(1, Int((band.lowerBound * length).rounded(.up)))
        let last = min(signal.count / 2, Int((band.upperBound * length).rounded(.down)))
        guard first <= last else { return .nan }
        var best = (frequency: Double.nan, power: -1.0)
        for k in first...last {
            let omega = 2 * Double.pi * Double(k) / Double(signal.count)
            var re = 0.0, im = 0.0
            for (n, x) in centred.enumerated() {
                re += x * cos(omega * Double(n))
                im -= x * sin(omega * Double(n))
            }
            let power = re * re + im * im
            if power > best.power { best = (Double(k) / length, power) }
        }
        return best.frequency
    }

    /// The fraction of `values` within `tolerance` of `target`.
    public static func fraction(of values: [Double], near target: Double, tolerance: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        return Double(values.filter { abs($0 - target) <= tolerance }.count) / Double(values.count)
    }

    /// The interspike intervals of element `index` of `monitor`, in seconds.
    public static func intervals(_ monitor: SpikeMonitor, index: Int) -> [Double] {
        let trains = monitor.spikeTrains()
        let times = trains.indices.contains(index) ? trains[index].values : []
        return zip(times.dropFirst(), times).map { $0 - $1 }
    }
}

extension SpikeStatistics {
    /// The statistics of a recurrent network's activity: `mean_rate` (Hz per neuron), `cv` (mean
    /// coefficient of variation of interspike intervals) and `synchrony` (coefficient of variation
    /// of the population rate in 1 ms bins), all measured after `transient`.
    public static func networkStatistics(_ monitor: SpikeMonitor, neurons: Int, duration: Quantity,
                                         transient: Quantity = 0 * ms) -> [GalleryStatistic] {
        let start = transient.value, end = duration.value
        return [
            GalleryStatistic("mean_rate", meanRate(monitor, neurons: neurons, from: start, to: end), unit: "Hz"),
            GalleryStatistic("cv", meanCV(monitor, from: start)),
            GalleryStatistic("synchrony", synchrony(monitor, neurons: neurons, from: start, to: end)),
        ]
    }
}
