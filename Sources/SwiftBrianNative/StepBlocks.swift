import SwiftBrianKernel

/// A chunk of steps run block by block of elements (time tiling): when every kernel of the
/// whole-run loop is element-wise (``Kernel/runsElementwise``: state updates, subexpressions,
/// `run_regularly` code) on the network's one clock, with no network operation, monitor,
/// threshold or synapse, no element of one step needs another element, so the loop may run all the
/// chunk's steps for the first block of elements, then all of them for the next block, and so on.
/// A block's values then stay in the first-level cache across the chunk instead of the whole
/// group streaming through the caches at every step.
///
/// Every element goes through the same operations, with the same clock values (each block
/// reads the clock from buffers of its own, set before each step as the loop sets the clock)
/// and the same random numbers (drawn by step and element), so results are the same bits. The
/// chunk keeps a copy of the values the kernels write, so kernels run in their optimistic form
/// (`CEmitter.optimistic`: every value stored, the `or` of their bits noted, no guard); where a
/// value is not finite the chunk puts the copy back and runs step by step with the checks,
/// which fail where they always do, with the same message and state.
///
/// With threads, each thread runs its own blocks through the whole chunk: no thread waits for
/// another between steps. Brian's `linear` benchmark (40,000 neurons, 320 KB of `v` read and
/// written from the second-level cache at every step, 10 s), cpu_s, interleaved runs on a busy
/// machine (2026-12-02, 16:35 UTC, AMD Zen 3): one thread 0.92–0.98 s step by step with the
/// guard, 0.71–0.73 by blocks; two threads 1.60–2.60 s (waiting for each other at every step)
/// against 0.65–0.77.
struct StepBlocks {
    /// The bytes of a block's values, in all the buffers the kernels read or write element by
    /// element: a quarter of the first-level cache. Linear at N = 40,000 (one buffer), one
    /// thread, cpu_s in three rounds (2026-12-02, 16:40 UTC, AMD Zen 3, busy machine): one block
    /// 0.78–0.88, 5 blocks 0.73–0.88, 10 0.61–0.78, 20 (16 KB) 0.65–0.72, 40 (8 KB) 0.60–0.68.
    static let blockBytes = 8 * 1024

    /// The number of blocks each kernel's range is split into (`sb_parts`): at least one per thread.
    let count: Int
    /// The threads that run the blocks.
    let threads: Int
    /// The buffers each kernel writes (kept at a chunk's start).
    private let written: [Set<ObjectIdentifier>]

    /// The blocks for `kernels`, the whole-run loop's kernels on `clockCount` clocks, of which
    /// `swiftClocks` step from Swift, run on `threads` threads; nil where steps cannot run by
    /// blocks or would not gain (the kernels' values fit the first-level cache together).
    init?(_ kernels: [Kernel], clockCount: Int, swiftClocks: Set<Int>, threads: Int) {
        self.threads = threads
        guard clockCount == 1, swiftClocks.isEmpty, !kernels.isEmpty,
              kernels.allSatisfy(\.runsElementwise) else { return nil }
        var ranges: [(lower: Int, upper: Int)] = []
        var writes: [[ObjectIdentifier: IndexMap]] = []
        for kernel in kernels {
            guard case .range(let lower, let upper) = kernel.iteration,
                  let written = Kernel.elementwiseWrites(kernel.scalar + kernel.vector, appending: false) else { return nil }
            ranges.append((lower, upper))
            writes.append(written)
        }
        // What one kernel writes, another reads and writes only over the same range, at the same
        // elements: then the elements of a block are the same in both.
        for (a, written) in writes.enumerated() {
            for (b, other) in kernels.enumerated() where b != a {
                let operations = other.scalar + other.vector
                let shared = written.filter { other.touchedBuffers.contains($0.key) }
                guard shared.isEmpty || (ranges[a] == ranges[b] && Kernel.accessesOnly(operations, at: shared)) else {
                    return nil
                }
            }
        }
        // The copy of the written values a chunk keeps takes at most a quarter of the memory left.
        var kept: [ObjectIdentifier: Int] = [:]
        for kernel in kernels {
            for case .store(let reference, _) in kernel.vector.flattened {
                kept[ObjectIdentifier(reference.buffer)] = reference.buffer.count
            }
        }
        guard kept.values.reduce(0, +) * MemoryLayout<Double>.size <= MemoryBudget.availableBytes / 4 else { return nil }
        var buffers: Set<ObjectIdentifier> = []
        for kernel in kernels { buffers.formUnion(kernel.elementBuffers) }
        let elements = ranges.map { $0.upper - $0.lower }.max() ?? 0
        let bytes = elements * buffers.count * MemoryLayout<Double>.size
        let blocks = (bytes + Self.blockBytes - 1) / Self.blockBytes
        guard blocks > 1 else { return nil }
        count = max(blocks, threads)
        written = writes.map { Set($0.keys) }
    }

    /// What the kernels, emitted in parts, read before the loop: the part of its range each runs
    /// (part 0 of 1, all of it, outside a blocked chunk).
    static let declarations = "static _Thread_local int64_t sb_part = 0, sb_parts = 1;\n"

    /// The function `sb_blocked_steps` that runs `steps` steps of the loop's kernels block by
    /// block, given each kernel's function and emitter, and returns 0, or a failure's status with
    /// every written value put back. A kernel with an optimistic form runs in that form (see
    /// `CEmitter.optimistic`): the kept copy makes the guard's work unneeded. With `threads`, each
    /// thread of the pool (`sb_parallel`, see ``CThreadPool``) runs a contiguous run of the
    /// blocks, the same elements as its part of every step, through the chunk without waiting
    /// for the others; each block reads the clock from buffers of its own (its kernels' tables
    /// with the clock's step and time replaced), set as the loop sets the clock.
    func source(_ kernels: [(name: String, emitter: CEmitter)]) -> String {
        var slots: [String] = [], listed: Set<ObjectIdentifier> = []
        for (k, kernel) in kernels.enumerated() {
            for (slot, buffer) in kernel.emitter.buffers.enumerated() where written[k].contains(ObjectIdentifier(buffer.owner)) {
                if listed.insert(ObjectIdentifier(buffer.owner)).inserted { slots.append("{\(k), \(slot)}") }
            }
        }
        let functions = kernels.map { $0.emitter.optimistic ? $0.name + "_optimistic" : $0.name }
        let counts = kernels.map { String($0.emitter.buffers.count) }
        let total = kernels.reduce(0) { $0 + $1.emitter.buffers.count }
        let run = threads > 1
            ? "sb_parallel(sb_block_part, 0, (sb_buffer **)&chunk, 0, 0, seed, error)"
            : "sb_block_range(&chunk, seed, error, 0, \(count))"
        return """
            static const sb_kernel_function sb_block_kernels[] = {\(functions.joined(separator: ", "))};
            static const int sb_block_slots[] = {\(counts.joined(separator: ", "))};
            /* The buffers the kernels write, as kernel and slot: kept at a chunk's start. */
            static const int sb_block_writes[][2] = {\(slots.joined(separator: ", "))};
            static const int sb_block_write_count = (int)(sizeof sb_block_writes / sizeof sb_block_writes[0]);
            /* Copies the written buffers into `kept` one after the other, or back with `back`. */
            static void sb_block_keep(sb_buffer ***kb, char *kept, int back) {
                for (int w = 0; w < sb_block_write_count; w++) {
                    sb_buffer *buffer = kb[sb_block_writes[w][0]][sb_block_writes[w][1]];
                    const size_t bytes = (size_t)buffer->count * sizeof(double);
                    if (back) memcpy(buffer->data, kept, bytes);
                    else memcpy(kept, buffer->data, bytes);
                    kept += bytes;
                }
            }
            typedef struct {
                sb_buffer ***kb; sb_queue ***kq; const double **kc;
                const double *step, *time, *dt;
                int64_t steps;
            } sb_block_chunk;
            /* Runs the chunk's steps for the blocks first..<last, each from the chunk's start. */
            static int sb_block_range(const sb_block_chunk *chunk, uint64_t seed, char *error, int64_t first, int64_t last) {
                double step = 0, time = 0;
                sb_buffer own_step = {&step, 1, 1}, own_time = {&time, 1, 1};
                sb_buffer *own[\(max(total, 1))];
                sb_buffer **tables[\(kernels.count)];
                for (int k = 0, at = 0; k < \(kernels.count); k++) {
                    tables[k] = own + at;
                    for (int j = 0; j < sb_block_slots[k]; j++, at++) {
                        sb_buffer *buffer = chunk->kb[k][j];
                        own[at] = buffer->data == chunk->step ? &own_step : buffer->data == chunk->time ? &own_time : buffer;
                    }
                }
                const int64_t part = sb_part, parts = sb_parts;
                int status = 0;
                for (int64_t p = first; p < last && !status; p++) {
                    step = *chunk->step;
                    time = *chunk->time;
                    sb_part = p;
                    sb_parts = \(count);
                    for (int64_t n = 0; n < chunk->steps && !status; n++) {
                        for (int k = 0; k < \(kernels.count) && !status; k++)
                            status = sb_block_kernels[k](tables[k], chunk->kq[k], chunk->kc[k], seed, error);
                        step += 1;
                        time = step * *chunk->dt;
                    }
                }
                sb_part = part;
                sb_parts = parts;
                return status;
            }
            \(threads > 1 ? """
            /* A thread's part of the blocks (its part of the pool's job). */
            static int sb_block_part(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, char *error) {
                const int64_t first = \(count) * sb_part / sb_parts, last = \(count) * (sb_part + 1) / sb_parts;
                return sb_block_range((const sb_block_chunk *)b, seed, error, first, last);
            }
            """ : "")
            static int sb_blocked_steps(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error,
                                        double *step, double *time, const double *dt, int64_t steps) {
                size_t bytes = 0;
                for (int w = 0; w < sb_block_write_count; w++) bytes += (size_t)kb[sb_block_writes[w][0]][sb_block_writes[w][1]]->count * sizeof(double);
                char *kept = malloc(bytes ? bytes : 1);
                if (!kept) return -1;
                sb_block_keep(kb, kept, 0);
                const sb_block_chunk chunk = {kb, kq, kc, step, time, dt, steps};
                const int status = \(run);
                if (status) {
                    sb_block_keep(kb, kept, 1);
                } else {
                    /* The clock where the loop would leave it (whole numbers of steps: exact). */
                    *step += (double)steps;
                    *time = *step * *dt;
                }
                free(kept);
                return status;
            }

            """
    }
}

private extension Kernel {
    /// Whether `operations` read and write the buffers of `maps` only through their maps there.
    static func accessesOnly(_ operations: [KernelOperation], at maps: [ObjectIdentifier: IndexMap]) -> Bool {
        guard let written = elementwiseWrites(operations, appending: false),
              written.allSatisfy({ write in maps[write.key].map { $0 == write.value } ?? true }) else { return false }
        return readsOwnElements(operations, written: maps)
    }

    /// The buffers the kernel reads or writes element by element (`.element`, `.offset`).
    var elementBuffers: Set<ObjectIdentifier> {
        var buffers: Set<ObjectIdentifier> = []
        func note(_ reference: ArrayReference) {
            switch reference.index {
            case .element, .offset: buffers.insert(ObjectIdentifier(reference.buffer))
            default: break
            }
        }
        Kernel.visitExpressions(scalar + vector) { if case .load(let reference) = $0 { note(reference) } }
        for case .store(let reference, _) in vector.flattened { note(reference) }
        return buffers
    }
}
