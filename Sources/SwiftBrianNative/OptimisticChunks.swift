import SwiftBrianKernel

/// A chunk of steps run with the kernels' optimistic forms, undone where a value was not finite.
///
/// A guarded state update (every store done only where the element's new values are all finite,
/// the first failing element reported) costs more than its arithmetic: CUBA at N = 4,000, one
/// thread, 0.112 s against 0.085 s with no check at all (2026-12-02, 19:00 UTC, AMD Zen 3). The
/// optimistic form (`CEmitter.optimistic`) stores every value and only notes, in an `or` of their
/// bits, whether one was not finite. So the whole-run loop runs each chunk of steps with the
/// optimistic forms, after keeping a copy of everything the chunk's kernels may change: the
/// buffers they store into or empty, the counts of those they only append to, the spike queues
/// they move and fill, and the clocks. When a kernel reports a value that was not finite (or any
/// failed check), the copy is put back and the chunk runs again from its start with the guarded
/// kernels, which fail where they always do, with the same message and state: the random numbers
/// are drawn by step and element, so the second pass is the first one until the failure.
///
/// The copy is taken at every chunk (``LoopChunking``: about 20 ms of run each), so the loop uses
/// it only when it is small next to what the optimistic kernels write in a step (at most
/// ``keptPerWritten`` times as many bytes), the queues have few slots (long delays would make
/// every copy walk their rings), no step involves Swift, and the chunk and the first clock's
/// rest of the run have at least ``minimumSteps`` steps. The loop is chosen by the size of what
/// stays fixed from run to run (the variables kept whole, a count and a cursor per list and queue
/// slot), so that its source, and its compiled library, are the same for every run of a network;
/// each chunk then counts the spikes its lists and queues hold too, and runs guarded when they
/// make the copy too large (see ``writtenBytes``).
struct OptimisticChunks {
    /// The most bytes kept per byte the optimistic kernels store in a step.
    static let keptPerWritten = 4
    /// The most slots of a queue a chunk keeps (2 s of delay at dt = 0.1 ms).
    static let maximumQueueSlots = 20_000
    /// The fewest steps of a chunk run optimistically (in shorter ones the copy costs more than
    /// the guards).
    static let minimumSteps = 16

    /// What to keep for one buffer: its elements (with their count) or only its count.
    private struct Kept: Hashable {
        var kernel: Int, slot: Int, elementBytes: Int, elements: Bool
    }
    private let buffers: [Kept]
    /// The queues to keep, as kernel and slot.
    private let queues: [(kernel: Int, slot: Int)]
    /// The bytes the optimistic kernels store in a step: a chunk whose copy, with the spikes its
    /// lists and queues hold at its start, is more than a ``keptPerWritten``-th of what they store
    /// in its steps runs guarded. (Nothing that changes from run to run, such as the memory
    /// available, may enter the source: a new source is a new compilation.)
    private let writtenBytes: Int

    /// The chunks for the whole-run loop's `kernels` (each with the emitter of its C function,
    /// all emitted with their optimistic forms) when they gain: nil when no kernel has an
    /// optimistic form, `swiftClocks` is not empty, or the copy would cost too much.
    init?(_ kernels: [(kernel: Kernel, emitter: CEmitter)], swiftClocks: Set<Int>) {
        guard swiftClocks.isEmpty, kernels.contains(where: { $0.emitter.optimistic }) else { return nil }
        var kept: [ObjectIdentifier: Kept] = [:], order: [ObjectIdentifier] = []
        var queues: [(kernel: Int, slot: Int)] = [], listedQueues: Set<ObjectIdentifier> = []
        var keptBytes = 0, writtenBytes = 0
        for (k, (kernel, emitter)) in kernels.enumerated() {
            let writes = KernelWrites(kernel, buffers: emitter.buffers)
            for (slot, reference) in emitter.buffers.enumerated() where writes.writes(reference.owner) {
                let id = ObjectIdentifier(reference.owner)
                let elements = writes.changed.contains(id)
                let elementBytes = reference.owner is DoubleBuffer ? MemoryLayout<Double>.size : MemoryLayout<Int32>.size
                if let earlier = kept[id] {
                    if elements, !earlier.elements { kept[id]?.elements = true }
                } else {
                    kept[id] = Kept(kernel: k, slot: slot, elementBytes: elementBytes, elements: elements)
                    order.append(id)
                }
            }
            if emitter.optimistic {
                for case .store(let reference, _) in kernel.vector.flattened {
                    writtenBytes += reference.buffer.count * MemoryLayout<Double>.size
                }
            }
            for (slot, queue) in emitter.queues.enumerated()
            where writes.moves(queue) || queue.slots.contains(where: writes.writes) {
                guard queue.slots.count <= Self.maximumQueueSlots else { return nil }
                if listedQueues.insert(ObjectIdentifier(queue)).inserted {
                    queues.append((k, slot))
                    keptBytes += 8 + queue.slots.count * 8
                }
            }
        }
        buffers = order.compactMap { kept[$0] }
        for entry in buffers {
            let variable = kernels[entry.kernel].emitter.buffers[entry.slot].owner as? DoubleBuffer
            keptBytes += 8 + (entry.elements ? (variable?.count ?? 0) * entry.elementBytes : 0)
        }
        guard keptBytes <= Self.keptPerWritten * writtenBytes, keptBytes <= MemoryBudget.availableBytes / 4 else { return nil }
        self.writtenBytes = writtenBytes
        self.queues = queues
    }

    /// The functions `sb_chunk_keep`, which returns a copy of what the chunk's kernels may
    /// change and of the clocks before `steps` steps (nil when it would be too large, see
    /// ``writtenBytes``, or cannot be allocated), and `sb_chunk_put_back`, which
    /// puts a copy back and frees it.
    func source(clockCount: Int) -> String {
        let kept = buffers.map { "{\($0.kernel), \($0.slot), \($0.elementBytes), \($0.elements ? 1 : 0)}" }
        let keptQueues = queues.map { "{\($0.kernel), \($0.slot)}" }
        return """
            /* What a chunk keeps: kernel, slot, bytes of an element, whether the elements (else the count). */
            static const int sb_chunk_buffers[][4] = {\(kept.isEmpty ? "{0, 0, 0, 0}" : kept.joined(separator: ", "))};
            static const int sb_chunk_buffer_count = \(kept.count);
            /* The queues it keeps (cursor, and every slot's synapses), as kernel and slot. */
            static const int sb_chunk_queues[][2] = {\(keptQueues.isEmpty ? "{0, 0}" : keptQueues.joined(separator: ", "))};
            static const int sb_chunk_queue_count = \(keptQueues.count);
            /* Copies `count` and, with `bytes`, the elements of `buffer` to `at` (or back with `back`). */
            static char *sb_chunk_copy(sb_buffer *buffer, size_t bytes, char *at, int back) {
                if (back) memcpy(&buffer->count, at, sizeof(int64_t));
                else memcpy(at, &buffer->count, sizeof(int64_t));
                at += sizeof(int64_t);
                if (bytes) {
                    const size_t size = (size_t)buffer->count * bytes;
                    if (back) memcpy(buffer->data, at, size);
                    else memcpy(at, buffer->data, size);
                    at += size;
                }
                return at;
            }
            /* Copies what the chunk keeps to `at`, or back with `back`; returns the bytes (at may be 0 to count them). */
            static size_t sb_chunk_copies(sb_buffer ***kb, sb_queue ***kq, double **steps, double **times, char *at, int back) {
                size_t total = 0;
                for (int i = 0; i < \(clockCount); i++) {
                    if (at) {
                        if (back) { memcpy(steps[i], at + total, 8); memcpy(times[i], at + total + 8, 8); }
                        else { memcpy(at + total, steps[i], 8); memcpy(at + total + 8, times[i], 8); }
                    }
                    total += 16;
                }
                for (int w = 0; w < sb_chunk_buffer_count; w++) {
                    sb_buffer *buffer = kb[sb_chunk_buffers[w][0]][sb_chunk_buffers[w][1]];
                    const size_t bytes = sb_chunk_buffers[w][3] ? (size_t)sb_chunk_buffers[w][2] : 0;
                    if (at) sb_chunk_copy(buffer, bytes, at + total, back);
                    total += sizeof(int64_t) + (size_t)buffer->count * bytes;
                }
                for (int w = 0; w < sb_chunk_queue_count; w++) {
                    sb_queue *queue = kq[sb_chunk_queues[w][0]][sb_chunk_queues[w][1]];
                    if (at) {
                        if (back) memcpy(&queue->cursor, at + total, sizeof(int64_t));
                        else memcpy(at + total, &queue->cursor, sizeof(int64_t));
                    }
                    total += sizeof(int64_t);
                    for (int64_t s = 0; s < queue->count; s++) {
                        if (at) sb_chunk_copy(queue->slots[s], sizeof(int32_t), at + total, back);
                        total += sizeof(int64_t) + (size_t)queue->slots[s]->count * sizeof(int32_t);
                    }
                }
                return total;
            }
            static char *sb_chunk_keep(sb_buffer ***kb, sb_queue ***kq, double **steps, double **times, int64_t chunk) {
                const size_t bytes = sb_chunk_copies(kb, kq, steps, times, 0, 0);
                if (bytes * \(Self.keptPerWritten) > (size_t)chunk * \(writtenBytes)ULL) return 0;
                char *kept = malloc(bytes);
                if (kept) sb_chunk_copies(kb, kq, steps, times, kept, 0);
                return kept;
            }
            static void sb_chunk_put_back(sb_buffer ***kb, sb_queue ***kq, double **steps, double **times, char *kept) {
                sb_chunk_copies(kb, kq, steps, times, kept, 1);
                free(kept);
            }

            """
    }
}
