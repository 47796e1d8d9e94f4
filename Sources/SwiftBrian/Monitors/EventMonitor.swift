import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Records the events of a group (Brian's `EventMonitor`): which element, when, and optionally
/// the values of variables at that moment. ``SpikeMonitor`` is the monitor of the `spike` event.
public class EventMonitor: NetworkObject {
    /// The monitored group.
    public let source: Group
    /// The monitored event.
    public let event: String
    /// The variables recorded at each event.
    public let variables: [String]
    private let list: IndexBuffer
    private let when: When
    private let indices: IndexBuffer
    private let times: DoubleBuffer
    private let counts: DoubleBuffer
    private let samples: [String: DoubleBuffer]
    private let dimensions: [String: Dimension]

    /// Records `event` of `source`, with `variables` at each event.
    public init(_ source: Group, _ event: String, variables: [String] = [], order: Int? = nil,
                name: String? = nil) throws {
        guard let entry = source.eventLists[event] else {
            let known = source.eventLists.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw ModelError(.invalidArgument, "'\(source.name)' has no event '\(event)'"
                             + (known.isEmpty ? " (it has no threshold and no events)" : " (its events: \(known))"))
        }
        let name = name ?? ObjectNames.unique(event == "spike" ? "spikemonitor" : "eventmonitor")
        var dimensions: [String: Dimension] = [:]
        for variable in variables {
            dimensions[variable] = try source.stored(variable, settable: false).dimension
        }
        self.source = source
        self.event = event
        self.variables = variables
        self.dimensions = dimensions
        list = entry.list
        when = entry.when
        indices = try IndexBuffer(name: "\(name).i", count: 0, value: 0)
        times = try DoubleBuffer(name: "\(name).t", count: 0, value: 0)
        counts = try DoubleBuffer(name: "\(name).count", count: source.size, value: 0)
        samples = Dictionary(uniqueKeysWithValues: try variables.map {
            ($0, try DoubleBuffer(name: "\(name).\($0)", count: 0, value: 0))
        })
        super.init(name: name, clock: source.clock, order: order ?? entry.order + 1)
    }

    /// The element (within the source) of each event, in time order.
    public var i: [Int] { indices.array.map { Int($0) } }
    /// The time of each event.
    public var t: QuantityArray { QuantityArray(values: times.array, dimension: .time) }
    /// The number of events of each element.
    public var count: [Int] { counts.array.map { Int($0) } }
    /// The total number of events.
    public var numEvents: Int { indices.count }

    /// The value of `variable` at each event.
    public func values(_ variable: String) throws -> QuantityArray {
        guard let buffer = samples[variable], let dimension = dimensions[variable] else {
            throw ModelError(.unknownIdentifier, "'\(name)' does not record '\(variable)'")
        }
        return QuantityArray(values: buffer.array, dimension: dimension)
    }

    /// The event times of every element of the source, silent ones included (an empty array),
    /// by element index (Brian's `event_trains()`).
    public func eventTrains() -> [QuantityArray] {
        var trains = [[Double]](repeating: [], count: source.size)
        for (k, index) in i.enumerated() where trains.indices.contains(index) { trains[index].append(times[k]) }
        return trains.map { QuantityArray(values: $0, dimension: .time) }
    }

    override var dependencies: [NetworkObject] { [source] }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var builder = source.builder()
        let local = source.start == 0 ? KernelExpression.index : .binary(.subtract, .index, .constant(Double(source.start)))
        let count = ArrayReference(counts, .offset(-source.start))
        var operations: [KernelOperation] = [
            .appendIndex(local, indices),
            .append(.load(ArrayReference(clock.time, .shared)), times),
            .store(count, .binary(.add, .load(count), .constant(1))),
        ]
        for variable in variables {
            let expression = try source.inlined(try Expression(parsing: variable, role: "recorded variable"))
            operations.append(.append(try builder.lower(expression), samples[variable]!))
        }
        let kernel = Kernel(name: name, iteration: .events(list, source.start, source.stop), vector: operations,
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }

    override var stateBuffers: [DoubleBuffer] { [times, counts] + samples.values }

    /// Keeps the events whose index, time and values all fitted, and counts only those.
    override func dropIncompleteRecords() {
        let complete = samples.values.reduce(min(indices.count, times.count)) { min($0, $1.count) }
        indices.truncate(to: complete)
        times.truncate(to: complete)
        for buffer in samples.values { buffer.truncate(to: complete) }
        for k in 0..<counts.count { counts[k] = 0 }
        for k in 0..<complete { counts[Int(indices[k])] += 1 }
    }
    override var indexBuffers: [IndexBuffer] { [indices] }
}

/// Records the spikes of a group (Brian's `SpikeMonitor`): `i`, `t`, `count`, spike trains, and
/// variables at spike time. It runs right after its source's threshold.
public final class SpikeMonitor: EventMonitor {
    /// Records the spikes of `source`, with `variables` at each spike.
    public init(_ source: Group, variables: [String] = [], order: Int? = nil, name: String? = nil) throws {
        guard source.eventLists["spike"] != nil else {
            throw ModelError(.invalidArgument, "'\(source.name)' has no threshold, so it never spikes")
        }
        try super.init(source, "spike", variables: variables, order: order, name: name)
    }

    /// The spike times of every neuron of the source, silent ones included (an empty array), by
    /// neuron index (Brian's `spike_trains()`): `spikes.spikeTrains()[7]`.
    public func spikeTrains() -> [QuantityArray] {
        eventTrains()
    }
}
