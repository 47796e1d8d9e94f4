import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Neurons that spike at given times (Brian's `SpikeGeneratorGroup`): neuron `indices[k]` spikes
/// at `times[k]`, optionally repeating every `period`.
///
///     let input = try SpikeGeneratorGroup(3, indices: [0, 2, 1], times: [1, 2, 4] * ms)
///
/// Each time falls into the time step `timestep(t) = int((t + 1e-3*dt)/dt)`, Brian's rule (so
/// 12.37 ms with dt = 0.1 ms is step 123, and a multiple of `dt` is never pushed into the step
/// before). Spikes are emitted in the `thresholds` slot, in the order of their times (then of
/// their indices). A neuron can spike at most once per time step.
public final class SpikeGeneratorGroup: Group {
    /// The neuron of each spike, sorted by time, then index.
    public private(set) var indices: [Int] = []
    /// The time of each spike, sorted.
    public private(set) var times: QuantityArray = QuantityArray(values: [], dimension: .time)
    /// The period after which the spikes repeat (zero: no repetition).
    public private(set) var period: Quantity = Quantity(value: 0, dimension: .time)

    private let when: When
    /// The time step of each spike (for the clock's dt when the last run started), in order.
    private let steps: DoubleBuffer
    /// The neuron of each spike, in order.
    private let neurons: IndexBuffer
    /// The position of the next spike to emit.
    private let cursor: DoubleBuffer
    /// The last step (within the period) whose spikes are due.
    private let bound: DoubleBuffer
    /// With a period: the position within the period of the previous step (Brian restarts from
    /// the first spike when a new period begins).
    private let previousBound: DoubleBuffer
    /// The dt the steps were computed for; nil when the spikes changed since.
    private var stepsDt: Double?

    /// `N` neurons emitting the spikes `(indices[k], times[k])`, repeated every `period` unless
    /// it is zero.
    ///
    /// - Throws: `ModelError` when `N < 1`, `indices` and `times` differ in length, an index is
    ///   outside `0..<N`, a time is negative or not a time, or `period` is negative or not longer
    ///   than the last spike.
    public init(_ N: Int, indices: [Int], times: QuantityArray, period: Quantity = Quantity(value: 0, dimension: .time),
                dt: Quantity? = nil, clock: Clock? = nil, when: When = .thresholds, order: Int = 0,
                name: String? = nil) throws {
        try Group.checkSize(N, of: "SpikeGeneratorGroup", noun: "neuron", valuesPerElement: 1)
        let name = name ?? ObjectNames.unique("spikegeneratorgroup")
        let groupClock = try clock ?? dt.map { try Group.newClock(dt: $0, owner: name) } ?? defaultClock
        let model = try AnalyzedEquations(Equations(""))
        self.when = when
        steps = try DoubleBuffer(name: "\(name).timebins", count: 0, value: 0)
        neurons = try IndexBuffer(name: "\(name).neuron_index", count: 0, value: 0)
        cursor = try DoubleBuffer(name: "\(name).lastindex", count: 1, value: 0)
        bound = try DoubleBuffer(name: "\(name).bound", count: 1, value: 0)
        previousBound = try DoubleBuffer(name: "\(name).previous_bound", count: 1, value: -1)
        super.init(name: name, size: N, start: 0, clock: groupClock, order: order,
                   variables: Group.builtinVariables(model), model: model, namespace: Namespace())
        eventLists["spike"] = (try IndexBuffer(name: "\(name).spikes", count: 0, value: 0), when, order)
        try setSpikes(indices: indices, times: times, period: period)
    }

    /// Replaces the spikes (for the next run): neuron `indices[k]` spikes at `times[k]`, repeated
    /// every `period` unless it is zero. Spikes before the time of the next run are skipped.
    ///
    /// - Throws: `ModelError` as ``init(_:indices:times:period:dt:clock:when:order:name:)``; the
    ///   group keeps its spikes then.
    public func setSpikes(indices: [Int], times: QuantityArray,
                          period: Quantity = Quantity(value: 0, dimension: .time)) throws {
        guard indices.count == times.count else {
            throw ModelError(.invalidArgument, "The indices and times of '\(name)' must have the same length, but "
                             + "there are \(indices.count) indices and \(times.count) times")
        }
        guard times.dimension == .time || times.isEmpty else {
            throw ModelError(.dimensionMismatch, "The spike times of '\(name)' must be times, but they are in "
                             + times.dimension.unitSpecification)
        }
        guard period.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The period of '\(name)' must be a time, but it is \(period)")
        }
        guard period.value >= 0, period.value.isFinite else {
            throw ModelError(.invalidArgument, "The period of '\(name)' cannot be negative, but it is \(period)")
        }
        if let (k, time) = times.values.enumerated().first(where: { !($0.element >= 0) || !$0.element.isFinite }) {
            throw ModelError(.invalidArgument, "Spike times cannot be negative, but spike \(k) of '\(name)' is at "
                             + "\(Quantity(value: time, dimension: .time))")
        }
        if let (k, index) = indices.enumerated().first(where: { !(0..<size).contains($0.element) }) {
            throw ModelError(.invalidArgument, "The index of spike \(k) of '\(name)' is \(index), but indices must lie "
                             + "in 0..<\(size)")
        }
        let order = times.values.indices.sorted { a, b in
            times.values[a] != times.values[b] ? times.values[a] < times.values[b] : indices[a] < indices[b]
        }
        let sortedIndices = order.map { indices[$0] }
        let sortedTimes = QuantityArray(values: order.map { times.values[$0] }, dimension: .time)
        _ = try SpikeGeneratorGroup.steps(of: sortedTimes, indices: sortedIndices, period: period, clock: clock,
                                          name: name)
        self.indices = sortedIndices
        self.times = sortedTimes
        self.period = period
        stepsDt = nil
    }

    /// Brian's `timestep`: the step a time (seconds) falls into, robust to rounding.
    static func timestep(_ t: Double, dt: Double) -> Double {
        ((t + 1e-3 * dt) / dt).rounded(.towardZero)
    }

    /// The step of each spike for the clock's current dt and the period in steps (0 without a
    /// period), checked: one spike per neuron and step, a period that is a whole number of steps
    /// and longer than the last spike.
    private static func steps(of times: QuantityArray, indices: [Int], period: Quantity, clock: Clock,
                              name: String) throws -> (spikes: [Double], period: Double) {
        let dt = clock.dt.value
        let steps = times.values.map { timestep($0, dt: dt) }
        var seen: Set<[Double]> = []
        for (step, index) in zip(steps, indices) where !seen.insert([step, Double(index)]).inserted {
            throw ModelError(.invalidArgument, "Using a dt of \(clock.dt), neuron \(index) of '\(name)' spikes more "
                             + "than once in the time step at \(Quantity(value: step * dt, dimension: .time))")
        }
        guard period.value > 0 else { return (steps, 0) }
        guard period.value >= dt else {
            throw ModelError(.invalidArgument, "The period of '\(name)' (\(period)) is shorter than its dt "
                             + "(\(clock.dt))")
        }
        let periodSteps = (period.value / dt).rounded(.toNearestOrEven)
        guard Swift.abs(periodSteps * dt - period.value) <= period.value * Double.ulpOfOne else {
            throw ModelError(.invalidArgument, "The period of '\(name)' (\(period)) is not a whole multiple of its dt "
                             + "(\(clock.dt))")
        }
        if let last = steps.max(), last >= periodSteps {
            throw ModelError(.invalidArgument, "The period of '\(name)' (\(period)) must be longer than its last "
                             + "spike time (\(Quantity(value: times.values.max() ?? 0, dimension: .time)))")
        }
        return (steps, periodSteps)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        guard let spikes = eventLists["spike"]?.list else { return [] }
        let period = try SpikeGeneratorGroup.steps(of: times, indices: indices, period: self.period, clock: clock,
                                                   name: name).period
        let now = KernelExpression.load(ArrayReference(clock.timestep, .shared))
        var scalar: [KernelOperation] = [.clear(spikes)]
        if period > 0 {
            // Within the period; a new period starts again from the first spike.
            let position = KernelExpression.binary(.modulo, now, .constant(period))
            let previous = ArrayReference(previousBound, .shared)
            scalar += [
                .when(.binary(.lessEqual, position, .load(previous)), [.store(ArrayReference(cursor, .shared), .constant(0))]),
                .store(previous, position),
                .store(ArrayReference(bound, .shared), position),
            ]
        } else {
            scalar.append(.store(ArrayReference(bound, .shared), now))
        }
        let kernelName = "\(name)_spikegenerator"
        let kernel = Kernel(name: kernelName, scalar: scalar,
                            iteration: .sortedRun(keys: steps, cursor: cursor, bound: bound),
                            vector: [.appendIndex(.indexValue(neurons, .element), spikes)], random: randomKey(kernelName))
        return [ScheduledOperation(name: kernelName, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }

    override func beforeRun(_ network: Network) throws {
        let dt = clock.dt.value
        guard stepsDt != dt else { return }
        let spikesChanged = stepsDt == nil
        let values = try SpikeGeneratorGroup.steps(of: times, indices: indices, period: period, clock: clock,
                                                   name: name).spikes
        try steps.assign(values)
        try neurons.assign(indices.map { Int32($0) })
        stepsDt = dt
        guard spikesChanged else { return }
        // Spikes before the start of the run are skipped, as in Brian.
        let current = Double(clock.step(at: network.t.value))
        let skipped = values.firstIndex { $0 >= current } ?? values.count
        cursor[0] = Double(skipped)
        previousBound[0] = skipped > 0 ? values[skipped - 1] : -1
    }

    override var stateBuffers: [DoubleBuffer] { super.stateBuffers + [cursor, bound, previousBound] }
}
