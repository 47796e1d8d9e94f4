import SwiftBrianKernel
import SwiftBrianNative

/// What a launch may change in device memory, so that the backend copies back only that: the
/// buffers it may store into or empty, those it only appends to (whose earlier elements stay as
/// they were, so that copying back their new elements is enough), and the spike queues whose
/// cursor it moves. Read from the kernel's operations and iteration, every operation deciding.
struct LaunchWrites {
    /// The buffers whose elements or count it may change otherwise than by appending.
    private(set) var changed: Set<ObjectIdentifier> = []
    /// The buffers it only appends to.
    private(set) var appended: Set<ObjectIdentifier> = []
    /// The queues whose cursor it moves.
    private(set) var queues: Set<ObjectIdentifier> = []

    /// A launch that changes `changed` (and appends to nothing).
    init(changed: [AnyObject]) {
        self.changed = Set(changed.map(ObjectIdentifier.init))
    }

    /// What the launch running `kernel`, whose code reaches `buffers`, may change.
    init(_ kernel: Kernel, buffers: [BufferReference]) {
        var changed: [AnyObject] = [], appended: [AnyObject] = []
        for operation in (kernel.scalar + kernel.vector).flattened {
            switch operation {
            case .store(let reference, _): changed.append(reference.buffer)
            case .clear(let list): changed.append(list)
            case .emit(let list): appended.append(list)
            case .append(_, let values): appended.append(values)
            case .appendIndex(_, let indices): appended.append(indices)
            case .enqueue(let queue, _): appended += queue.slots
            case .advance(let queue):
                changed += queue.slots
                queues.insert(ObjectIdentifier(queue))
            case .solveCables, .connect:
                // Their work arrays are the code's own business: everything it reaches may change.
                changed += buffers.map(\.owner)
            case .define, .when, .checkFinite:
                break
            }
        }
        // A generator's iteration moves its cursor past the entries it visits.
        if case .sortedRun(_, let cursor, _) = kernel.iteration { changed.append(cursor) }
        self.changed = Set(changed.map(ObjectIdentifier.init))
        self.appended = Set(appended.map(ObjectIdentifier.init)).subtracting(self.changed)
    }

    /// Whether the launch may move `queue`'s cursor.
    func moves(_ queue: SpikeQueue) -> Bool { queues.contains(ObjectIdentifier(queue)) }

    /// Whether the launch may change `buffer`.
    func writes(_ buffer: AnyObject) -> Bool {
        changed.contains(ObjectIdentifier(buffer)) || appended.contains(ObjectIdentifier(buffer))
    }
}
