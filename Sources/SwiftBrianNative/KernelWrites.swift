import SwiftBrianKernel

/// What a kernel's code may change: the buffers it may store into or empty, those it only appends
/// to (whose earlier elements stay as they were), and the spike queues whose cursor it moves. Read
/// from the kernel's operations and iteration, every operation deciding. The GPU backend copies
/// back only what a launch may change (of what it only appends to, the new elements); the native
/// backend marks only that as changed after a call (``Binding``): 1000 ball-and-stick cells bind
/// about 7,000 distinct buffers, of which the cells' own `I`, `area` and `Cm` are only read.
package struct KernelWrites {
    /// The buffers whose elements or count it may change otherwise than by appending.
    package private(set) var changed: Set<ObjectIdentifier> = []
    /// The buffers it only appends to.
    package private(set) var appended: Set<ObjectIdentifier> = []
    /// The queues whose cursor it moves.
    private(set) var queues: Set<ObjectIdentifier> = []

    /// Code that changes `changed` (and appends to nothing).
    package init(changed: [AnyObject]) {
        self.changed = Set(changed.map(ObjectIdentifier.init))
    }

    /// What the code running `kernel`, which reaches `buffers`, may change.
    package init(_ kernel: Kernel, buffers: [BufferReference]) {
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
            case .solveCables(let systems):
                changed += systems.flatMap(CCableStep.written(by:))
            case .connect:
                // Its work arrays are the code's own business: everything it reaches may change.
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

    /// Whether the code may move `queue`'s cursor.
    package func moves(_ queue: SpikeQueue) -> Bool { queues.contains(ObjectIdentifier(queue)) }

    /// Whether the code may change `buffer`.
    package func writes(_ buffer: AnyObject) -> Bool {
        changed.contains(ObjectIdentifier(buffer)) || appended.contains(ObjectIdentifier(buffer))
    }
}
