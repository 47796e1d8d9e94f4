/// The unit of work every backend executes: "for each index of an iteration, these operations",
/// preceded by operations run once (Brian's scalar code). Everything a simulation does in a time
/// step — state updates, thresholds, resets, monitors, inputs — is a kernel.
public struct Kernel: Hashable, Sendable {
    /// A unique name, used for messages, generated code and random streams (`G_stateupdater`).
    public var name: String
    /// Operations run once before the loop; they may use only shared values.
    public var scalar: [KernelOperation]
    /// The indices the loop visits.
    public var iteration: Iteration
    /// Operations run for each index.
    public var vector: [KernelOperation]
    /// What keys the kernel's random draws: its stream and the clock step it runs at.
    public var random: RandomKey

    /// A kernel named `name`.
    public init(name: String, scalar: [KernelOperation] = [], iteration: Iteration, vector: [KernelOperation],
                random: RandomKey) {
        self.name = name
        self.scalar = scalar
        self.iteration = iteration
        self.vector = vector
        self.random = random
    }
}

/// The indices a kernel's loop visits.
public enum Iteration: Hashable, Sendable {
    /// `lower..<upper`.
    case range(Int, Int)
    /// The entries of an event list (spikes) that lie in `lower..<upper`, in list order.
    case events(IndexBuffer, Int, Int)
    /// The entries of an index buffer (recorded neurons).
    case indices(IndexBuffer)
    /// The synapses of each event in `lower..<upper` of an event list: for event element `e`,
    /// the synapses `offsets[e - lower]..<offsets[e - lower + 1]`, or, with `members`, the entries
    /// of `members` in that range (synapses sorted by another index). `order` tells whether each
    /// event's synapses are in order of their targets (see ``TargetOrder``).
    case synapses(events: IndexBuffer, lower: Int, upper: Int, offsets: IndexBuffer, members: IndexBuffer?,
                  order: TargetOrder? = nil)
    /// The synapses in the current slot of a spike queue.
    case queue(SpikeQueue)
    /// Candidate synapses (see ``PairSpace``).
    case pairs(PairSpace)
    /// The positions `k` of an ascending buffer `keys` from `cursor[0]` on, in order, while
    /// `keys[k] <= bound[0]`: the entries now due (a SpikeGeneratorGroup's spikes, by time step).
    /// The iteration moves `cursor[0]` past the entries it visits, before the vector operations
    /// run; the scalar operations run first and may set `cursor` and `bound`.
    case sortedRun(keys: DoubleBuffer, cursor: DoubleBuffer, bound: DoubleBuffer)
}

/// The key of a kernel's random draws. A draw is determined by (seed, stream, step, element,
/// site), so results do not depend on the order in which elements are visited or on the backend.
/// In a pairs iteration (synapse creation) the candidate's `i` takes the place of the step and
/// its `j` that of the element; the iteration's own skipping draws are keyed by `i` and their
/// number in the row (see ``PairSpace``).
public struct RandomKey: Hashable, Sendable {
    /// A number derived from the kernel's name (see ``RandomKey/stream(named:)``).
    public var stream: UInt32
    /// The buffer holding the current time step of the kernel's clock.
    public var step: DoubleBuffer

    /// The key of stream `stream` at the step held by `step`.
    public init(stream: UInt32, step: DoubleBuffer) {
        self.stream = stream
        self.step = step
    }

    /// A stream number for `name` (32-bit FNV-1a), the same on every run and platform.
    public static func stream(named name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }
}

extension Kernel {
    /// Whether the kernel loops over a queue that holds targets, not synapses (see
    /// ``SpikeQueue/targets``): its loop index repeats where synapses share a target.
    public var queuesTargets: Bool {
        if case .queue(let queue) = iteration { return queue.targets != nil }
        return false
    }

    /// Whether the kernel writes through an index map that may repeat (`v_post += w` when two
    /// synapses share a target), or at a loop index that may (``queuesTargets``): then elements
    /// must be processed one after the other, so that every write sees the ones before it, as in
    /// a C loop.
    public var writesThroughMaps: Bool {
        let repeatedIndex = queuesTargets
        func repeats(_ operations: [KernelOperation]) -> Bool {
            operations.contains { operation in
                switch operation {
                case .store(let reference, _):
                    switch reference.index {
                    case .mapped, .row, .column: return true
                    case .element: return repeatedIndex
                    default: return false
                    }
                case .when(_, let inner): return repeats(inner)
                default: return false
                }
            }
        }
        return repeats(vector)
    }
}
