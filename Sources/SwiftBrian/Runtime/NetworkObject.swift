import SwiftBrianKernel
import SwiftBrianUnits

/// Anything a ``Network`` runs: groups, monitors, inputs, network operations. Each object
/// contributes operations to the schedule when a run starts.
public class NetworkObject {
    /// The object's name, unique in a network (`"G"`, `"spikemonitor"`).
    public let name: String
    /// The clock its operations run on.
    public let clock: Clock
    /// Its position within its slot; lower runs first.
    public let order: Int
    /// Whether it runs (Brian's `active`): an inactive monitor records nothing, an inactive group
    /// neither integrates, nor tests its threshold, nor resets, until it is active again.
    public var active = true
    /// Other objects that run with it (a group's `runRegularly` operations).
    var dependents: [NetworkObject] = []
    /// The objects it needs in the same network (a Synapses' groups, a monitor's source); a
    /// subgroup stands for its parent.
    var dependencies: [NetworkObject] { [] }

    init(name: String, clock: Clock, order: Int) {
        self.name = name
        self.clock = clock
        self.order = order
    }

    /// The operations this object adds to the schedule; called when a run starts, so that errors
    /// surface before anything runs.
    func scheduledOperations() throws -> [ScheduledOperation] { [] }

    /// The buffers that make up the object's state, for `store` and `restore`.
    var stateBuffers: [DoubleBuffer] { [] }
    /// The index buffers that make up the object's state, for `store` and `restore`.
    var indexBuffers: [IndexBuffer] { [] }

    /// The spike queues that make up the object's state, for `store` and `restore`.
    var spikeQueues: [SpikeQueue] { [] }

    /// Called before each run, before any operation is built, with the values given to the run
    /// (``Network/run(_:namespace:report:reportPeriod:)``).
    func prepareNamespace(_ values: [String: Quantity]) throws {}

    /// Called when a run ends (or fails after ``prepareNamespace(_:)``): the run's values no
    /// longer apply.
    func runDidEnd() {}

    /// Called before a run in which the object is inactive.
    func willSkipRun() {}

    /// Called once before each run, after every object's operations were built.
    func beforeRun(_ network: Network) throws {}

    /// The values the object records in each step of its clock, known before a run (a
    /// StateMonitor's time and samples; nil: more than can be counted), for the memory check of
    /// a run (see `Network.checkRecordingMemory`); 0 for objects that record nothing or what
    /// cannot be told in advance (events).
    var valuesRecordedPerStep: Int? { 0 }

    /// Called when a run stopped because a buffer could not grow (see `BufferGrowth`): a
    /// monitor drops the record of which only a part fitted, so that its arrays agree.
    func dropIncompleteRecords() {}
}

/// Unique default names: `neurongroup`, `neurongroup_1`, ...
enum ObjectNames {
    nonisolated(unsafe) private static var used: [String: Int] = [:]

    /// `base` the first time, then `base_1`, `base_2`, ...
    static func unique(_ base: String) -> String {
        let count = used[base, default: 0]
        used[base] = count + 1
        return count == 0 ? base : "\(base)_\(count)"
    }
}
