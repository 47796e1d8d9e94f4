import SwiftBrian

/// The firing rate of a pool of neurons over any time window, from its recorded spikes: what a
/// decision-making model reads its choice from. Times are in seconds, rates in Hz; a spike counts
/// in a window `[from, to)` when the time step it was stamped at lies in it.
struct DecisionRate {
    /// The monitor of the pool.
    let monitor: SpikeMonitor
    /// The number of neurons in the pool.
    let neurons: Int
    /// The time step of the recording.
    let dt: Double
    /// The step of each spike, in order.
    private let steps: [Int]

    /// The rate of `monitor`'s `neurons` neurons, recorded every `dt`, up to `end`.
    init(_ monitor: SpikeMonitor, neurons: Int, dt: Double, to end: Double) {
        self.monitor = monitor
        self.neurons = neurons
        self.dt = dt
        steps = monitor.t.values.map { Int(($0 / dt).rounded()) }.sorted()
    }

    /// The mean rate per neuron between `start` and `end` (0 for an empty window).
    func rate(from start: Double, to end: Double) -> Double {
        let first = step(start), last = step(end)
        guard last > first, neurons > 0 else { return 0 }
        return Double(count(before: last) - count(before: first)) / (Double(neurons) * Double(last - first) * dt)
    }

    /// The first moment on a 1 ms grid after `start` (up to `end`) at which the rate of one of
    /// `pools` in the preceding `window` exceeds `threshold`, and which pool it is (the faster one);
    /// nil when none does.
    static func crossing(_ pools: [DecisionRate], above threshold: Double, window: Double, from start: Double,
                         to end: Double) -> (time: Double, pool: Int)? {
        var time = start + 1e-3
        while time <= end + 1e-9 {
            let rates = pools.map { $0.rate(from: time - window, to: time) }
            if let fastest = rates.indices.max(by: { rates[$0] < rates[$1] }), rates[fastest] > threshold {
                return (time, fastest)
            }
            time = start + 1e-3 * ((time - start) / 1e-3 + 1).rounded()
        }
        return nil
    }

    /// The step at time `t`.
    private func step(_ t: Double) -> Int { Int((t / dt).rounded()) }

    /// The number of spikes stamped before step `step`.
    private func count(before step: Int) -> Int {
        var low = 0, high = steps.count
        while low < high {
            let middle = (low + high) / 2
            if steps[middle] < step { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
