import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Records the population rate of a group (Brian's `PopulationRateMonitor`): in every time step,
/// the number of spikes of the group divided by its size and by `dt`. It runs in the `end` slot.
///
///     let R = try PopulationRateMonitor(P)
///     try Network(P, R).run(1 * second)
///     let smooth = try R.smoothRate(window: .gaussian, width: 5 * ms)
public final class PopulationRateMonitor: NetworkObject {
    /// The monitored group.
    public let source: Group
    private let list: IndexBuffer
    private let when: When
    private let times: DoubleBuffer
    private let rates: DoubleBuffer

    /// The shape of the window ``smoothRate(window:width:)`` averages over.
    public enum Window: Sendable {
        /// A Gaussian whose standard deviation is the width; it extends two widths to each side
        /// (rounded to whole steps).
        case gaussian
        /// A rectangle of the width, rounded down to an odd number of steps.
        case flat
    }

    /// Records the rate of `source`'s spikes, every step of its clock, in slot `when`.
    ///
    /// - Throws: `ModelError` when `source` never spikes (no threshold).
    public init(_ source: Group, when: When = .end, order: Int = 0, name: String? = nil) throws {
        guard let entry = source.eventLists["spike"] else {
            throw ModelError(.invalidArgument, "'\(source.name)' has no threshold, so it never spikes and has no rate")
        }
        let name = name ?? ObjectNames.unique("ratemonitor")
        self.source = source
        self.when = when
        list = entry.list
        times = try DoubleBuffer(name: "\(name).t", count: 0, value: 0)
        rates = try DoubleBuffer(name: "\(name).rate", count: 0, value: 0)
        super.init(name: name, clock: source.clock, order: order)
    }

    /// The time of each sample (the start of each step).
    public var t: QuantityArray { QuantityArray(values: times.array, dimension: .time) }

    /// The population rate in each step: spikes in the step / (N*dt).
    public var rate: QuantityArray { QuantityArray(values: rates.array, dimension: .frequency) }

    /// The rate smoothed with a `window` of `width`, as Brian's `smooth_rate`: the convolution of
    /// ``rate`` with the window normalized to a sum of 1, of the same length as ``rate`` (NumPy's
    /// `convolve` in mode `same`). A Gaussian window has `2*round(2*width/dt) + 1` points and
    /// standard deviation `width`; a flat window `2*int(width/(2*dt)) + 1` points.
    ///
    /// - Throws: `ModelError` when `width` is not a positive time.
    public func smoothRate(window: Window, width: Quantity) throws -> QuantityArray {
        guard width.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The width of the smoothing window must be a time, but it is \(width)")
        }
        guard width.value > 0, width.value.isFinite else {
            throw ModelError(.invalidArgument, "The width of the smoothing window must be positive, but it is \(width)")
        }
        let dt = clock.dt.value
        let points: [Double]
        switch window {
        case .gaussian:
            let half = Int((2 * width.value / dt).rounded(.toNearestOrEven))
            let sigma = width.value / dt
            points = (-half...half).map { k in exp(-Double(k * k) * 1.0 / (2 * (sigma * sigma))) }
        case .flat:
            let count = Int(width.value / 2 / dt) * 2 + 1
            points = [Double](repeating: 1, count: count)
        }
        return try smoothRate(window: points)
    }

    /// The rate smoothed with the weights `window` (an odd number of them, normalized here to a
    /// sum of 1), centered on each step.
    ///
    /// - Throws: `ModelError` when `window` is empty, has an even number of weights or sums to 0.
    public func smoothRate(window: [Double]) throws -> QuantityArray {
        guard window.count % 2 == 1 else {
            throw ModelError(.invalidArgument, "A smoothing window needs an odd number of values, but it has "
                             + "\(window.count)")
        }
        let total = window.reduce(0, +)
        guard total != 0, total.isFinite else {
            throw ModelError(.invalidArgument, "The values of a smoothing window must have a finite, non-zero sum")
        }
        let weights = window.map { $0 * 1.0 / total }
        return QuantityArray(values: PopulationRateMonitor.convolveSame(rates.array, weights), dimension: .frequency)
    }

    /// NumPy's `convolve(a, v, mode='same')`: the middle `max(a.count, v.count)` values of the full
    /// convolution.
    static func convolveSame(_ a: [Double], _ v: [Double]) -> [Double] {
        guard !a.isEmpty, !v.isEmpty else { return [] }
        let fullCount = a.count + v.count - 1
        let length = max(a.count, v.count)
        let offset = (fullCount - length) / 2
        return (offset..<offset + length).map { n in
            var sum = 0.0
            for k in max(0, n - v.count + 1)...min(n, a.count - 1) { sum += a[k] * v[n - k] }
            return sum
        }
    }

    override var dependencies: [NetworkObject] { [source] }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        // Brian's order of operations: spikes/dt/N.
        let count = KernelExpression.eventCount(list, source.start, source.stop)
        let rate = KernelExpression.binary(.divide, .binary(.divide, count, .load(ArrayReference(clock.dtBuffer, .shared))),
                                           .constant(Double(source.size)))
        let kernel = Kernel(name: name, scalar: [.append(.load(ArrayReference(clock.time, .shared)), times),
                                                 .append(rate, rates)],
                            iteration: .range(0, 0), vector: [],
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }

    override var stateBuffers: [DoubleBuffer] { [times, rates] }

    override var valuesRecordedPerStep: Int? { 2 }

    /// Keeps the samples whose time and rate both fitted.
    override func dropIncompleteRecords() {
        let complete = min(times.count, rates.count)
        times.truncate(to: complete)
        rates.truncate(to: complete)
    }
}
