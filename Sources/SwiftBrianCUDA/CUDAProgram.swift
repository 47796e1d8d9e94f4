import SwiftBrianKernel
import SwiftBrianNative

/// The generated program of a run's kernels for a ``CUDATarget``: the prelude, then for each
/// kernel its thread function (the C backend's code for one element, see
/// `CEmitter.emitThread`) and a `__global__` entry point that finds the thread's element; and,
/// for each kernel, the launches a step makes.
struct CUDAProgram {
    /// One kernel's launch: an entry point with its buffers, queues and constants, and how many
    /// threads it needs.
    struct Launch {
        /// The `__global__` function.
        let entry: String
        /// Its `b`, `q` and `c` arguments.
        let buffers: [BufferReference]
        let queues: [SpikeQueue]
        let constants: [Double]
        /// How the threads are laid out.
        let shape: Shape
        /// What it may change on the device.
        let writes: KernelWrites
    }

    /// A launch's threads: blocks of ``KernelPartition/blockSize`` threads. Its size never
    /// depends on what only the device knows (a spike list's count): lists are launched for
    /// their room on the device, and the threads past their count return at once.
    enum Shape {
        /// `count` threads (the entry point ignores those past the count).
        case flat(count: Int)
        /// A thread per entry the list has room for.
        case perEntry(IndexBuffer)
        /// A block row per entry `events` has room for, and enough blocks per row for the longest
        /// row of synapses.
        case grouped(events: IndexBuffer, longestRow: Int)
        /// One block per ``KernelPartition/blockSize`` elements of `count` (at least one).
        case blocks(count: Int)
        /// A thread per synapse the fullest slot of the queue has room for.
        case perSlotEntry(SpikeQueue)

        /// The grid (x, y) and the threads `threads` the entry point is told about, where `room`
        /// gives a list's room on the device.
        func layout(room: (IndexBuffer) -> Int) -> (x: Int, y: Int, threads: Int) {
            let size = KernelPartition.blockSize
            switch self {
            case .flat(let n):
                return ((n + size - 1) / size, 1, n)
            case .perEntry(let list):
                let n = room(list)
                return ((n + size - 1) / size, 1, n)
            case .grouped(let events, let longestRow):
                return (room(events), (longestRow + size - 1) / size, 0)
            case .blocks(let count):
                return (max((count + size - 1) / size, 1), 1, count)
            case .perSlotEntry(let queue):
                let n = queue.slots.map(room).max() ?? 0
                return ((n + size - 1) / size, 1, n)
            }
        }

        /// The event list whose count bounds the block rows, for a grouped launch.
        var rows: IndexBuffer? {
            if case .grouped(let events, _) = self { return events }
            return nil
        }
    }

    /// The source.
    let source: String
    /// For each kernel, its launches in order, or nil when it calls a user function (whose C code,
    /// if any, is for the host) and runs elsewhere.
    let launches: [[Launch]?]
    /// For each kernel, its checks of finite values (for the message of a failed one).
    let finiteChecks: [[FiniteCheck]]
    /// For each kernel, the name of its partition (``KernelPartition/name``), or `interpreter`
    /// where it calls a user function.
    let partitions: [String]
    /// The buffers of its thresholds' compactions, which only the device uses.
    let thresholds: [ThresholdBuffers]

    /// The program of `kernels` for `target`; its thresholds take their buffers from `reusing`
    /// where it has them (see ``KernelPartition/of(_:reusing:)``).
    init(_ kernels: [Kernel], target: CUDATarget, reusing: [ThresholdBuffers] = []) throws {
        var source = target.prelude
        var launches: [[Launch]?] = []
        var checks: [[FiniteCheck]] = []
        var partitions: [String] = []
        var thresholds: [ThresholdBuffers] = []
        // Kernels with the same code (the same model in several groups) share their functions.
        var functions: [String: String] = [:]
        for original in kernels {
            let (kernel, partition) = try KernelPartition.of(original, reusing: reusing)
            let code: String, emitter: CEmitter
            do {
                (code, emitter) = try CEmitter.emitThread(kernel, name: "sb_thread", perThread: partition.perThread)
                // User functions' C code (and its headers and libraries) is for the host only.
                guard emitter.userFunctions.isEmpty else { throw CEmitter.Unsupported(reason: "a user function") }
            } catch is CEmitter.Unsupported {
                launches.append(nil)
                checks.append([])
                partitions.append("interpreter")
                continue
            }
            partitions.append(partition.name)
            let wrapper = CUDAProgram.entry(grouped: partition.isGrouped)
            let name: String
            if let known = functions[code + wrapper] {
                name = known
            } else {
                name = "sb_kernel_\(functions.count)"
                functions[code + wrapper] = name
                source += "/* \(original.name) */\n" + code.replacingOccurrences(of: "int sb_thread(", with: "int \(name)(")
                    + wrapper.replacingOccurrences(of: "sb_thread", with: name) + "\n"
            }
            let main = { (shape: Shape) in
                Launch(entry: "\(name)_global", buffers: emitter.buffers, queues: emitter.queues,
                       constants: emitter.constants, shape: shape, writes: KernelWrites(kernel, buffers: emitter.buffers))
            }
            switch partition {
            case .elements(let lower, let upper):
                launches.append([main(.flat(count: upper - lower))])
            case .threshold(let lower, let upper, let flags, let counts, let list):
                let parts = [BufferReference(header: flags.header, owner: flags),
                             BufferReference(header: counts.header, owner: counts),
                             BufferReference(header: list.header, owner: list)]
                let compact = { (entry: String) in
                    Launch(entry: entry, buffers: parts, queues: [], constants: [Double(lower), Double(upper)],
                           shape: .blocks(count: upper - lower), writes: KernelWrites(changed: [flags, counts, list]))
                }
                thresholds.append(ThresholdBuffers(list: list, flags: flags, counts: counts))
                try list.reserveCapacity(upper - lower)
                launches.append([main(.flat(count: upper - lower)), compact("sb_count_flags"),
                                 compact("sb_compact_flags")])
            case .events(let list):
                launches.append([main(.perEntry(list))])
            case .synapses(let events, _, _, let offsets):
                let rows = offsets.array
                let longest = zip(rows.dropFirst(), rows).map { Int($0 - $1) }.max() ?? 0
                launches.append([main(.grouped(events: events, longestRow: longest))])
            case .queued(let queue):
                launches.append([main(.perSlotEntry(queue))])
            case .single:
                launches.append([main(.flat(count: 1))])
            }
            checks.append(emitter.finiteChecks)
        }
        self.source = source
        self.launches = launches
        finiteChecks = checks
        self.partitions = partitions
        self.thresholds = thresholds
    }

    /// The `__global__` entry point of the thread function `sb_thread`: the thread's index in
    /// the launch, or, `grouped`, its index in its block row and the row (the event). It returns
    /// at once after a failure (`status[0]`); a failing thread records its status and `position`
    /// (its kernel's in the schedule) in `status`, the first failure winning.
    private static func entry(grouped: Bool) -> String {
        let indices = grouped
            ? ["    const int64_t _thread = (int64_t)blockIdx.y * blockDim.x + threadIdx.x;",
               "    const int64_t _group = (int64_t)blockIdx.x;"]
            : ["    const int64_t _thread = (int64_t)blockIdx.x * blockDim.x + threadIdx.x;",
               "    const int64_t _group = 0;",
               "    if (_thread >= threads) return;"]
        return (["SB_GLOBAL void sb_thread_global(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, int *status,",
                 "                                char *error, int64_t threads, int64_t position) {",
                 "    if (status[0]) return;"] + indices
                + ["    const int s = sb_thread(b, q, c, seed, error, _thread, _group);",
                   "    if (s) sb_first_status(status, s, position);",
                   "}"]).joined(separator: "\n") + "\n"
    }
}

extension KernelPartition {
    /// Whether threads come in a block row per event (synaptic propagation).
    var isGrouped: Bool {
        if case .synapses = self { return true }
        return false
    }
}
