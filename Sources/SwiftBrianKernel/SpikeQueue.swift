import CSwiftBrianRuntime

/// Synapse indices waiting for their delay to pass: a ring of slots, one per future time step
/// (Brian's `SpikeQueue`). A pathway's push kernel first advances the ring (the slot of the step
/// that just ended is emptied and becomes the farthest future step), then puts each synapse of each
/// new spike `delay` slots ahead; its effect kernel then visits the current slot. A delay of 0
/// steps is therefore applied in the same step. The ring is described by an `sb_queue` header at a
/// fixed address, shared with generated C code.
public final class SpikeQueue: Hashable, @unchecked Sendable {
    /// The header shared with generated code: the slots, their number and the cursor.
    public let header: UnsafeMutablePointer<sb_queue>
    /// The slots; slot `(cursor + d) % slots.count` holds the synapses due in `d` steps.
    public private(set) var slots: [IndexBuffer] = []
    /// A name for messages and generated code.
    public let name: String
    /// When set, the slots hold the target of each queued synapse (`targets[synapse]`, the
    /// postsynaptic index) in place of the synapse: ``SwiftBrianKernel/KernelOperation/enqueue(_:steps:)``
    /// puts the target, and a kernel over the queue runs once per queued synapse with its loop
    /// index at that target (a target comes as often as synapses reach it in the step). A pathway
    /// whose effect needs nothing of the synapse but its target (`V += -J`) sets it: the effect
    /// then reads the slot and the targets' variables only, where with synapse indices it reads
    /// `targets` at scattered synapses, a cache miss each (with heterogeneous delays a slot's
    /// synapses are spread over all of memory). The slots' order, and so the order of additions
    /// to each target, is the same either way.
    public var targets: IndexBuffer?
    /// The longest delay a queue holds, in time steps (about 7 minutes at dt = 0.1 ms): every
    /// step of the longest delay is a slot of its own, so longer delays would exhaust memory.
    public static let maximumDelaySteps = 1 << 22

    /// A queue for delays of up to `maximumDelay` steps.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when the slots cannot be allocated.
    public init(name: String, maximumDelay: Int = 0) throws {
        self.name = name
        header = .allocate(capacity: 1)
        header.initialize(to: sb_queue(slots: nil, count: 0, cursor: 0))
        try setSlots(Array(repeating: [], count: max(maximumDelay, 0) + 1))
        header.pointee.cursor = Int64(slots.count - 1)
    }

    deinit {
        header.pointee.slots?.deallocate()
        header.deallocate()
    }

    /// Replaces the slots with `contents` (by delay from now); the cursor goes to 0.
    private func setSlots(_ contents: [[Int32]]) throws {
        slots = try contents.indices.map { try IndexBuffer(name: "\(name).slot\($0)", values: contents[$0]) }
        header.pointee.slots?.deallocate()
        let pointers = UnsafeMutablePointer<UnsafeMutablePointer<sb_buffer>?>.allocate(capacity: slots.count)
        for (k, slot) in slots.enumerated() { pointers[k] = slot.header }
        header.pointee.slots = pointers
        header.pointee.count = Int64(slots.count)
        header.pointee.cursor = 0
    }

    /// The slot of the current step.
    public var cursor: Int { Int(header.pointee.cursor) }

    /// Moves to the next step: the current slot is emptied and becomes the farthest one.
    public func advance() {
        slots[cursor].removeAll()
        header.pointee.cursor = Int64((cursor + 1) % slots.count)
    }

    /// A delay of `steps` time steps (a delay divided by dt) as a whole number of steps, as Brian's
    /// compiled spike queue and C++ standalone round it: `(int)(steps + 0.5)`, half a step up.
    public static func steps(_ steps: Double) -> Int { Int(steps + 0.5) }

    /// Puts `synapse` (its target when the queue holds ``targets``) `delay` steps ahead.
    public func push(_ synapse: Int32, delay: Int) {
        slots[(cursor + delay) % slots.count].append(targets.map { $0[Int(synapse)] } ?? synapse)
    }

    /// The synapses due now.
    public var current: IndexBuffer { slots[cursor] }

    /// Makes room for delays of up to `maximumDelay` steps, keeping what is queued.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when the slots cannot be allocated; then the
    ///   queue is unchanged.
    public func reserve(maximumDelay: Int) throws {
        guard maximumDelay + 1 > slots.count else { return }
        try setSlots(snapshot + Array(repeating: [], count: maximumDelay + 1 - slots.count))
    }

    /// The queued synapses by delay from now, for `store`; ``restore(_:)`` puts them back.
    public var snapshot: [[Int32]] {
        (0..<slots.count).map { slots[(cursor + $0) % slots.count].array }
    }

    /// Puts back the queued synapses of a ``snapshot``.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when the slots cannot be allocated.
    public func restore(_ snapshot: [[Int32]]) throws {
        try setSlots(snapshot.isEmpty ? [[]] : snapshot)
    }

    /// The largest delay, in steps, the queue can hold.
    public var maximumDelay: Int { slots.count - 1 }

    public static func == (lhs: SpikeQueue, rhs: SpikeQueue) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
