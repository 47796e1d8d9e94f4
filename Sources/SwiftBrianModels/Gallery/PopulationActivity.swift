import SwiftBrian

/// The network activity of Tsodyks, Uziel & Markram (2000): the fraction of all neurons of a
/// network that fire in each time bin, and its population spikes (episodes of bins above a
/// threshold). Times are in seconds.
struct PopulationActivity {
    /// The start of the first bin.
    let start: Double
    /// The end of the last bin.
    let end: Double
    /// The start of each bin.
    let times: [Double]
    /// The fraction of the neurons firing in each bin.
    let values: [Double]
    /// The mean rate per neuron over all bins, in Hz.
    let meanRate: Double

    /// The activity of `neurons` neurons recorded by `spikes` in bins of `bin` from `start` to
    /// `end` (a spike at time t falls in the bin `[start + k*bin, start + (k+1)*bin)`).
    init(spikes: [SpikeMonitor], neurons: Int, bin: Double, from start: Double, to end: Double) {
        self.start = start
        self.end = end
        let bins = max(0, Int(((end - start) / bin).rounded()))
        var counts = [Double](repeating: 0, count: bins)
        var total = 0
        for monitor in spikes {
            for t in monitor.t.values {
                let k = Int(((t - start) / bin + 1e-9).rounded(.down))
                guard k >= 0, k < bins else { continue }
                counts[k] += 1
                total += 1
            }
        }
        times = (0..<bins).map { start + Double($0) * bin }
        values = counts.map { $0 / Double(max(neurons, 1)) }
        meanRate = bins == 0 || neurons == 0 ? 0 : Double(total) / Double(neurons) / (Double(bins) * bin)
    }

    /// The population spikes: the times of the bins whose activity exceeds `threshold`, grouped
    /// into episodes where they are at most `gap` seconds apart.
    func episodes(above threshold: Double, gap: Double) -> [[Double]] {
        BurstRhythm.bursts(times.indices.filter { values[$0] > threshold }.map { times[$0] }, gap: gap)
    }

    /// The fraction of all spikes that fall in bins above `threshold` (0 without spikes).
    func fraction(above threshold: Double) -> Double {
        let all = values.reduce(0, +)
        return all > 0 ? values.filter { $0 > threshold }.reduce(0, +) / all : 0
    }
}
