import SwiftBrianKernel
import SwiftBrianNative

/// How a kernel's work is spread over GPU threads, as Brian2CUDA partitions it: one thread per
/// neuron for state updates, thresholds with a compacted spike list, one thread per spike for
/// resets, propagation parallel over (spike × synapse of it) with atomic additions, and the effects
/// of delayed spikes parallel over the synapses due. Every other kernel runs its whole loop on one
/// thread, exactly as the C backend does.
enum KernelPartition {
    /// One thread per element of the range `lower..<upper` (element-wise kernels).
    case elements(lower: Int, upper: Int)
    /// One thread per element, each setting its flag in `flags` where the C loop appends to
    /// `list`; then the flags of `lower..<upper` are compacted into `list` in ascending order, as
    /// the C loop appends (per-block counts in `counts`, then each block writes its part).
    case threshold(lower: Int, upper: Int, flags: DoubleBuffer, counts: DoubleBuffer, list: IndexBuffer)
    /// One thread per entry of the event list (resets, event-driven code on neurons).
    case events(IndexBuffer)
    /// A group of threads per event of `events`, one thread per synapse of the event; stores through
    /// a synapse's index map are atomic additions.
    case synapses(events: IndexBuffer, lower: Int, upper: Int, offsets: IndexBuffer)
    /// One thread per synapse in the current slot of `queue` (the effects of delayed spikes);
    /// stores through a synapse's index map are atomic additions.
    case queued(SpikeQueue)
    /// One thread runs the whole loop (monitors, spike queues, synapse creation, ...).
    case single

    /// The threads of a block.
    static let blockSize = 256

    /// The partition of `kernel`, and the kernel its threads run (a threshold's appends become
    /// stores of flags, and its clearing of the list moves to the compaction); a threshold takes
    /// its flags and counts from `reusing` where it has them for its list and size.
    static func of(_ kernel: Kernel, reusing: [ThresholdBuffers] = []) throws -> (kernel: Kernel, partition: KernelPartition) {
        switch kernel.iteration {
        case .range(let lower, let upper):
            if kernel.runsElementwise { return (kernel, .elements(lower: lower, upper: upper)) }
            if let flagged = try flaggingThreshold(kernel, lower: lower, upper: upper, reusing: reusing) { return flagged }
        case .events(let list, _, _):
            if onlyDefines(kernel.scalar), Kernel.independentIterations(kernel.vector) { return (kernel, .events(list)) }
        case .synapses(let events, let lower, let upper, let offsets, _, _):
            if onlyDefines(kernel.scalar), addsThroughMaps(kernel.vector, queuedTargets: false) {
                return (kernel, .synapses(events: events, lower: lower, upper: upper, offsets: offsets))
            }
        case .queue(let queue):
            if onlyDefines(kernel.scalar), addsThroughMaps(kernel.vector, queuedTargets: queue.targets != nil) {
                return (kernel, .queued(queue))
            }
        default:
            break
        }
        return (kernel, .single)
    }

    /// The partition's name, for reports: `elements`, `threshold`, `events`, `synapses` or `single`.
    var name: String {
        switch self {
        case .elements: return "elements"
        case .threshold: return "threshold"
        case .events: return "events"
        case .synapses: return "synapses"
        case .queued: return "queued"
        case .single: return "single"
        }
    }

    /// Whether the threads run one element each (else one thread runs the loop).
    var perThread: Bool {
        if case .single = self { return false }
        return true
    }

    private static func onlyDefines(_ operations: [KernelOperation]) -> Bool {
        operations.allSatisfy { if case .define = $0 { true } else { false } }
    }

    /// A threshold: a range kernel that first empties a list and appends elements to it, and
    /// otherwise runs element-wise once the appends are stores of flags.
    private static func flaggingThreshold(_ kernel: Kernel, lower: Int, upper: Int, reusing: [ThresholdBuffers]) throws
        -> (kernel: Kernel, partition: KernelPartition)? {
        guard case .clear(let list) = kernel.scalar.first, onlyDefines(Array(kernel.scalar.dropFirst())) else {
            return nil
        }
        let blocks = (upper - lower + blockSize - 1) / blockSize
        let buffers = try reusing.first { $0.list === list && $0.flags.count == upper && $0.counts.count == max(blocks, 1) }
            ?? ThresholdBuffers(list: list, flags: DoubleBuffer(name: "\(list.name)_flags", count: upper, value: 0),
                                counts: DoubleBuffer(name: "\(list.name)_block_counts", count: max(blocks, 1), value: 0))
        let flags = buffers.flags
        var foreign = false
        func flagging(_ operations: [KernelOperation]) -> [KernelOperation] {
            operations.map { operation in
                switch operation {
                case .emit(let target):
                    if target != list { foreign = true }
                    return .store(ArrayReference(flags, .element), .constant(1))
                case .when(let condition, let inner): return .when(condition, flagging(inner))
                default: return operation
                }
            }
        }
        var flagged = kernel
        flagged.scalar = Array(kernel.scalar.dropFirst())
        flagged.vector = flagging(kernel.vector)
        guard !foreign, flagged.vector != kernel.vector, flagged.runsElementwise else { return nil }
        return (flagged, .threshold(lower: lower, upper: upper, flags: flags, counts: buffers.counts, list: list))
    }

    /// Whether the synapses of an event can run in parallel: every store is either to the
    /// synapse's own element or an addition through an index map (`v_post += w`, directly or
    /// through a temporary, see `CEmitter.atomicSums`; made atomic), a buffer added to is read
    /// only by its additions (and checked only for the sum), and a buffer stored element-wise is
    /// read only at the synapse's element; nothing is appended, queued or called that has effects.
    /// Over a queue of targets (`queuedTargets`), a store at the loop index is one through an
    /// index map (see `CEmitter.sharedElement`).
    static func addsThroughMaps(_ operations: [KernelOperation], queuedTargets: Bool) -> Bool {
        let sums = CEmitter.atomicSums(operations, queuedTargets: queuedTargets)
        var own: Set<ObjectIdentifier> = [], added: Set<ObjectIdentifier> = []
        var reads: [KernelExpression] = []
        var checked: [ArrayReference] = []
        func collect(_ operations: [KernelOperation]) -> Bool {
            for operation in operations {
                switch operation {
                case .define(let number, let value):
                    if let reference = sums[number], case .binary(_, _, let term) = value {
                        added.insert(ObjectIdentifier(reference.buffer))
                        reads.append(term)
                    } else {
                        reads.append(value)
                    }
                case .store(let reference, let value):
                    if CEmitter.sharedElement(reference.index, queuedTargets: queuedTargets) {
                        if case .temporary(let number) = value, sums[number] == reference { continue }
                        guard case .binary(let op, .load(reference), let term) = value, op == .add || op == .subtract
                        else { return false }
                        added.insert(ObjectIdentifier(reference.buffer))
                        reads.append(term)
                    } else if reference.index == .element {
                        own.insert(ObjectIdentifier(reference.buffer))
                        reads.append(value)
                    } else {
                        return false
                    }
                case .checkFinite(let value, let check):
                    if check.target.index != .element || queuedTargets { checked.append(check.target) }
                    reads.append(value)
                case .when(let condition, let inner):
                    reads.append(condition)
                    if !collect(inner) { return false }
                default:
                    return false
                }
            }
            return true
        }
        guard collect(operations), own.isDisjoint(with: added),
              checked.allSatisfy({ added.contains(ObjectIdentifier($0.buffer)) }) else { return false }
        var safe = true
        for expression in reads {
            expression.visit { node in
                switch node {
                case .load(let reference):
                    let id = ObjectIdentifier(reference.buffer)
                    if added.contains(id) || (own.contains(id) && reference.index != .element) { safe = false }
                case .call(.user, _), .call(.timedArray, _): safe = false
                default: break
                }
            }
        }
        return safe
    }
}
