import Foundation
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// The GPU backend (`backend: .cuda`): the kernels of a run generated as CUDA (see
/// ``CUDAProgram``), loaded on a device and launched as ``KernelPartition`` spreads them over
/// threads. The device is a GPU (through the CUDA driver, the program compiled to PTX with NVRTC)
/// or, for `backend: .cudaEmulated` (``emulated(checksPTX:)``), the GPU emulated on the CPU, with
/// memory of its own: the backend's every copy, binding and launch is the same on both.
///
/// A run's steps run on the device with the host only launching, and the state stays there between
/// runs: when a chunk of steps starts (see `LoopChunking`), what the host changed since the device
/// last had it is copied to the device (a buffer whose ``Buffer/version`` changed, a queue whose
/// cursor moved; nothing when the host changed nothing); every step's launches follow with no copy
/// between them (the clocks step on the device); and what the launches may have written (see
/// ``KernelWrites``) is copied back — of a monitor's records, the new ones — at a pause between
/// chunks only what the host reads there (the clocks, the records), the rest when Swift runs next
/// (a network operation, the run's end, an error), so that network operations, progress reports and
/// reading values see the device's results. The program, its launches' arguments and the buffers'
/// copies are kept from one run to the next as long as a run uses them. Launches whose size depends
/// on a count only the device knows (a spike list's) are sized by the list's room, their threads
/// past the count returning at once; what kernels append (monitors) gets room for the whole chunk
/// before it. A failing thread records its status, after which every launch returns at once, so the
/// state copied back is the failing step's. Spike queues (synaptic delays) live on the device too,
/// their slots with room for every synapse of the pathways pushing into them; pushing into them
/// runs on one thread, delivering from them one thread per synapse due where the effects add to
/// their targets. Kernels the device does not run — those creating synapses or calling user
/// functions — run on the host's interpreter, what the device changed copied back before them and
/// what they changed to the device after them (in the steps they run in).
public final class CUDABackend: Backend {
    /// The seed of every random draw.
    public var seed: UInt64 = 0
    let device: ComputeDevice
    private let interpreter = Interpreter()
    private var mirrors: [ObjectIdentifier: DeviceBuffer] = [:]
    /// The mirrors in the order they were made (copies run in this order).
    private var mirrored: [DeviceBuffer] = []
    private var queueMirrors: [ObjectIdentifier: DeviceQueue] = [:]
    private var mirroredQueues: [DeviceQueue] = []
    /// The launches of the last run, by what they bind (a later run binding the same reuses them).
    private var boundLaunches: [LaunchKey: BoundLaunch] = [:]
    /// The program loaded last (its source and entry points) and its functions.
    private var loaded: (key: String, functions: [String: OpaquePointer])?
    /// The buffers of the last program's thresholds, for the next program.
    private var thresholds: [ThresholdBuffers] = []
    /// The device's status of the launches (`int[2]`: the first failure's status and kernel
    /// position) and its message.
    private var status: UInt64 = 0, error: UInt64 = 0
    /// Whether the device's status says no launch failed.
    private var statusIsClear = false

    /// The name of the device in use.
    public var deviceName: String { device.name }
    /// The copies between the host and the device so far.
    public var traffic: DeviceTraffic { device.traffic }
    /// Whether backends check, at the end of every chunk of steps, that every buffer's copy on
    /// the device that neither side is known to have changed equals the host's (tests set it:
    /// the check copies everything back).
    nonisolated(unsafe) public static var checksCopies = false
    /// The copies made since the last `prepare` between the first step of a chunk of steps and
    /// its end (0 when no kernel runs on the host: the state stays on the device).
    public internal(set) var copiesWhileStepping = 0
    /// How the last `prepare` spread each kernel over threads, by kernel name: `elements` (one
    /// thread per element), `threshold` (flags, then an ordered compaction), `events` (one thread
    /// per spike), `synapses` (one thread per synapse of each spike), `queued` (one thread per
    /// synapse due from a spike queue), `single` (one thread runs the loop) or `interpreter` (it
    /// runs on the host).
    public private(set) var partitions: [(kernel: String, partition: String)] = []
    /// Whether backends from ``emulated(checksPTX:)`` compile their programs to PTX too, by
    /// default (tests set it).
    nonisolated(unsafe) public static var emulationChecksPTX = false

    /// A backend on the first GPU.
    ///
    /// - Throws: a ``ModelError`` beginning "no NVIDIA GPU:" without a driver or a GPU, or saying
    ///   how to install NVRTC when it is missing.
    public convenience init() throws {
        self.init(device: try CUDADriver())
    }

    /// A backend on `device`.
    init(device: ComputeDevice) {
        self.device = device
    }

    /// A backend on the GPU emulated on the CPU (`backend: .cudaEmulated`); with `checksPTX`, it
    /// also compiles each program for the GPU with NVRTC, where NVRTC is found.
    public static func emulated(checksPTX: Bool = CUDABackend.emulationChecksPTX) -> CUDABackend {
        CUDABackend(device: EmulatedDevice(checksPTX: checksPTX))
    }

    deinit {
        for launch in boundLaunches.values { launch.arrays.forEach(device.release) }
        device.release(status)
        device.release(error)
    }

    public func execute(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }

    // MARK: Preparing

    /// A kernel as it runs: its launches on the device, or nil where the host's interpreter runs it.
    struct PreparedKernel {
        let kernel: Kernel
        let launches: [BoundLaunch]?
        let checks: [FiniteCheck]
        /// The queues it pushes synapses into.
        let enqueued: [SpikeQueue]
        /// The buffers it appends to, with the most values its scalar code and one element append,
        /// and whether it empties them first (then they need that room once, not in every step).
        let appended: [(buffer: HostBuffer, scalar: Int, element: Int, cleared: Bool)]
    }

    /// A launch with its arguments on the device.
    struct BoundLaunch {
        let function: OpaquePointer
        let shape: CUDAProgram.Shape
        let buffers: [DeviceBuffer]
        let queues: [DeviceQueue]
        /// The event list bounding a grouped launch's rows.
        let rows: DeviceBuffer?
        let arguments: LaunchArguments
        /// The device arrays of the arguments.
        let arrays: [UInt64]
        /// What it may change, and the copies of those buffers and queues.
        let writes: KernelWrites
        let written: [DeviceBuffer]
        let movedQueues: [DeviceQueue]
    }

    /// What a launch binds: a later run's launch binding the same is the same launch.
    struct LaunchKey: Hashable {
        let entry: String
        let objects: [ObjectIdentifier]
        let constants: [UInt64]
        let position: Int
    }

    public func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule {
        let program = try CUDAProgram(schedule.kernels, target: device.target, reusing: thresholds)
        thresholds = program.thresholds
        // The program's own buffers (a threshold's flags) and the room of its spike lists.
        try BufferGrowth.check()
        let onDevice = zip(schedule.kernels, program.launches).map { kernel, launches in
            CUDABackend.runsOnDevice(kernel, launches) ? launches : nil
        }
        partitions = zip(schedule.kernels, zip(program.partitions, onDevice)).map {
            ($0.name, $1.1 == nil ? "interpreter" : $1.0)
        }
        let entries = Set(onDevice.flatMap { ($0 ?? []).map(\.entry) } + ["sb_clock_step"])
        // The same program as the last run's stays loaded, with its launches.
        let programKey = program.source + "\n" + entries.sorted().joined(separator: " ")
        let functions: [String: OpaquePointer]
        if let loaded, loaded.key == programKey {
            functions = loaded.functions
        } else {
            functions = try device.load(program, of: schedule.kernels, entries: entries)
            loaded = (programKey, functions)
            for launch in boundLaunches.values { launch.arrays.forEach(device.release) }
            boundLaunches = [:]
        }
        copiesWhileStepping = 0
        if status == 0 {
            status = try device.allocate(8, for: "the launches' status")
            statusIsClear = false
            // The GPU writes no message (the emulation does): it stays empty there.
            error = try deviceArray([CChar](repeating: 0, count: 512), for: "the launches' message")
        }
        var used: [LaunchKey: BoundLaunch] = [:]
        var kernels: [PreparedKernel] = []
        for (k, kernel) in schedule.kernels.enumerated() {
            let launches = try onDevice[k].map { try $0.map { try bind($0, functions, position: k, into: &used) } }
            kernels.append(PreparedKernel(kernel: kernel, launches: launches, checks: program.finiteChecks[k],
                                          enqueued: CUDABackend.enqueued(by: kernel.vector),
                                          appended: CUDABackend.appended(by: kernel)))
        }
        let clocks = try schedule.clocks.map { clock in
            try bind(CUDAProgram.Launch(entry: "sb_clock_step", buffers: [clock.step, clock.time, clock.dt].map {
                BufferReference(header: $0.header, owner: $0)
            }, queues: [], constants: [], shape: .flat(count: 1), writes: KernelWrites(changed: [clock.step, clock.time])),
                     functions, position: CUDABackend.clockPosition, into: &used)
        }
        try keepOnly(used)
        for threshold in program.thresholds {
            for buffer in [threshold.flags, threshold.counts] { mirrors[ObjectIdentifier(buffer)]?.deviceOnly = true }
        }
        let loop = DeviceStepLoop(backend: self, kernels: kernels, kernelClocks: schedule.kernelClocks,
                                  clocks: schedule.clocks, clockLaunches: clocks, swiftClocks: schedule.swiftClocks)
        return PreparedSchedule(kernels: kernels.map { kernel in { [unowned self] in try self.runAlone(kernel) } },
                                loop: { endSteps, maxSteps in try loop.run(endSteps: endSteps, maxSteps: maxSteps) },
                                finish: { [unowned self] in try self.downloadChanged() })
    }

    /// The position of a clock's step among the launches (no kernel's).
    static let clockPosition = -1

    /// Whether the device runs `kernel`, whose launches are `launches`: the program has them, and
    /// the kernel creates no synapses (their buffers grow).
    static func runsOnDevice(_ kernel: Kernel, _ launches: [CUDAProgram.Launch]?) -> Bool {
        guard launches != nil else { return false }
        return !(kernel.scalar + kernel.vector).flattened.contains { operation in
            if case .connect = operation { return true }
            return false
        }
    }

    /// `values` in device memory, for `what` (named when the device has not the memory).
    private func deviceArray<T>(_ values: [T], for what: String) throws -> UInt64 {
        let address = try device.allocate(values.count * MemoryLayout<T>.stride, for: what)
        do {
            try values.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress { try device.copy(base, to: address, bytes: bytes.count) }
            }
        } catch {
            device.release(address)
            throw error
        }
        return address
    }

    /// `launch` bound to its copies on the device, the last run's binding where it binds the same
    /// (added to `used`).
    private func bind(_ launch: CUDAProgram.Launch, _ functions: [String: OpaquePointer], position: Int,
                      into used: inout [LaunchKey: BoundLaunch]) throws -> BoundLaunch {
        guard let function = functions[launch.entry] else {
            throw ModelError(.invalidArgument, "CUDA backend: the compiled kernels have no \(launch.entry)")
        }
        let buffers = try launch.buffers.map { try mirror($0) }
        let queues = try launch.queues.map { try mirror($0) }
        let rows = try launch.shape.rows.map { try mirror(BufferReference(header: $0.header, owner: $0)) }
        let key = LaunchKey(entry: launch.entry,
                            objects: buffers.map { ObjectIdentifier($0.owner) } + queues.map { ObjectIdentifier($0) }
                                + (rows.map { [ObjectIdentifier($0.owner)] } ?? []),
                            constants: launch.constants.map(\.bitPattern), position: position)
        if let known = used[key] ?? boundLaunches[key] {
            used[key] = known
            return known
        }
        var arrays: [UInt64] = []
        do {
            for (values, what) in [(buffers.map(\.header), "buffers"), (queues.map(\.header), "queues"),
                                   (launch.constants.map(\.bitPattern), "constants")] {
                arrays.append(try deviceArray(values, for: "the \(what) of '\(launch.entry)'"))
            }
        } catch {
            arrays.forEach(device.release)
            throw error
        }
        let arguments = LaunchArguments(buffers: arrays[0], queues: arrays[1], constants: arrays[2], seed: 0,
                                        status: status, error: error, threads: 0, position: Int64(position),
                                        rows: rows?.header ?? 0)
        let slots = queues.flatMap(\.slots)
        let bound = BoundLaunch(function: function, shape: launch.shape, buffers: buffers, queues: queues, rows: rows,
                                arguments: arguments, arrays: arrays, writes: launch.writes,
                                written: CUDABackend.unique((buffers + slots).filter { launch.writes.writes($0.owner) }),
                                movedQueues: queues.filter { launch.writes.moves($0.queue) })
        used[key] = bound
        return bound
    }

    /// Keeps the launches in `used`, and the copies of the buffers and queues they use; the others
    /// go (first copied back where the device changed them). Of the buffers the launches write,
    /// those they only append to are marked so.
    private func keepOnly(_ used: [LaunchKey: BoundLaunch]) throws {
        for (key, launch) in boundLaunches where used[key] == nil { launch.arrays.forEach(device.release) }
        boundLaunches = used
        let queues = Set(used.values.flatMap { $0.queues.map(ObjectIdentifier.init) })
        let buffers = Set(used.values.flatMap { launch in
            (launch.buffers + launch.queues.flatMap(\.slots) + (launch.rows.map { [$0] } ?? [])).map { ObjectIdentifier($0) }
        })
        for queue in mirroredQueues where !queues.contains(ObjectIdentifier(queue)) && queue.deviceChanged
            && queue.hasTheQueuesSlots {
            try queue.download()
        }
        for buffer in mirrored where !buffers.contains(ObjectIdentifier(buffer)) && buffer.deviceChanged {
            try buffer.download()
        }
        mirroredQueues.removeAll { !queues.contains(ObjectIdentifier($0)) }
        mirrored.removeAll { !buffers.contains(ObjectIdentifier($0)) }
        queueMirrors = queueMirrors.filter { queues.contains(ObjectIdentifier($0.value)) }
        mirrors = mirrors.filter { buffers.contains(ObjectIdentifier($0.value)) }
        let changed = used.values.reduce(into: Set<ObjectIdentifier>()) { $0.formUnion($1.writes.changed) }
        let appended = used.values.reduce(into: Set<ObjectIdentifier>()) { $0.formUnion($1.writes.appended) }
        let clocks = used.filter { $0.key.position == CUDABackend.clockPosition }
            .reduce(into: Set<ObjectIdentifier>()) { $0.formUnion($1.value.writes.changed) }
        for buffer in mirrored {
            let id = ObjectIdentifier(buffer.owner)
            buffer.appendedOnly = !changed.contains(id)
            buffer.readBetweenChunks = appended.contains(id) || clocks.contains(id)
        }
    }

    private func mirror(_ reference: BufferReference) throws -> DeviceBuffer {
        let id = ObjectIdentifier(reference.owner)
        if let known = mirrors[id] { return known }
        let buffer = try DeviceBuffer(reference, on: device)
        mirrors[id] = buffer
        mirrored.append(buffer)
        return buffer
    }

    /// The copy of `queue`, made anew when the queue's slots were replaced (a restored queue).
    private func mirror(_ queue: SpikeQueue) throws -> DeviceQueue {
        let id = ObjectIdentifier(queue)
        if let known = queueMirrors[id], known.hasTheQueuesSlots { return known }
        let mirror = try DeviceQueue(queue, on: device) { try self.mirror(BufferReference(header: $0.header, owner: $0)) }
        mirroredQueues.removeAll { $0.queue === queue }
        queueMirrors[id] = mirror
        mirroredQueues.append(mirror)
        return mirror
    }

    // MARK: Running

    /// Runs `kernel` alone, from Swift (in a step with a network operation): what the host
    /// changed is copied to the device before its launches, and what they changed back after them.
    private func runAlone(_ kernel: PreparedKernel) throws {
        guard let launches = kernel.launches else { return try runOnHost(kernel.kernel) }
        try reserveRoom(for: [kernel], steps: 1)
        try clearStatus()
        try uploadChanged()
        for launch in launches { try self.launch(launch) }
        try downloadChanged()
        try checkStatus([kernel])
    }

    /// Runs `kernel` on the host's interpreter.
    func runOnHost(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }

    /// Launches `bound` with the backend's seed (noting what it may change).
    func launch(_ bound: BoundLaunch) throws {
        for buffer in bound.written { buffer.noteDeviceChange() }
        for queue in bound.movedQueues { queue.noteDeviceChange() }
        let layout = bound.shape.layout { self.mirrors[ObjectIdentifier($0)]?.capacity ?? $0.capacity }
        guard layout.x > 0, layout.y > 0 else { return }
        var arguments = bound.arguments
        arguments.seed = seed
        arguments.threads = Int64(layout.threads)
        try device.launch(bound.function, x: layout.x, y: layout.y, arguments: arguments)
    }

    /// Copies to the device the buffers and queues the host changed since the device last had
    /// them (nothing when the host changed nothing).
    func uploadChanged() throws {
        for buffer in mirrored where buffer.hostChanged { try buffer.upload() }
        for queue in mirroredQueues where queue.hostChanged { try queue.upload() }
    }

    /// Copies back the buffers and queues launches may have changed since the host last had
    /// them, or, `pausing` (between the chunks of a run), those of them the host reads there (see
    /// ``DeviceBuffer/readBetweenChunks``); with ``checksCopies``, then checks that every copy
    /// neither side changed since equals the host's.
    func downloadChanged(pausing: Bool = false) throws {
        for buffer in mirrored where buffer.deviceChanged && (!pausing || buffer.readBetweenChunks) {
            try buffer.download()
        }
        for queue in mirroredQueues where queue.deviceChanged && !pausing { try queue.download() }
        guard CUDABackend.checksCopies else { return }
        for buffer in mirrored where !buffer.deviceOnly && !buffer.hostChanged && !buffer.deviceChanged {
            guard try buffer.agreesWithHost() else {
                throw ModelError(.invalidArgument, "CUDA backend: the device's copy of '\(buffer.owner)' differs from "
                                 + "the host's, but neither side was known to have changed it")
            }
        }
        for queue in mirroredQueues where !queue.hostChanged && !queue.deviceChanged {
            guard try queue.agreesWithHost() else {
                throw ModelError(.invalidArgument, "CUDA backend: the device's cursor of the spike queue "
                                 + "'\(queue.queue.name)' differs from the host's, but neither side was known to have moved it")
            }
        }
    }

    /// Sets the device's status to none failed (unless it says so).
    func clearStatus() throws {
        guard !statusIsClear else { return }
        var none: [Int32] = [0, 0]
        try device.copy(&none, to: status, bytes: 8)
        statusIsClear = true
    }

    /// Throws the error of the first failed launch since ``clearStatus()``, if one failed;
    /// `kernels` are the schedule's kernels (a failure names its own).
    func checkStatus(_ kernels: [PreparedKernel]) throws {
        var failure: [Int32] = [0, 0]
        try device.copy(status, to: &failure, bytes: 8)
        guard failure[0] != 0 else { return }
        // The launches after the failing one returned at once: buffers only the device reads (a
        // threshold's flags) may be left as no step leaves them.
        statusIsClear = false
        for buffer in mirrored where buffer.deviceOnly { buffer.forgetDeviceCopy() }
        var text = [CChar](repeating: 0, count: 512)
        try device.copy(error, to: &text, bytes: 511)
        let message = String(cString: text)
        let failed = kernels.count == 1 ? kernels.first : kernels.indices.contains(Int(failure[1])) ? kernels[Int(failure[1])] : nil
        let name = failed?.kernel.name ?? "a kernel"
        switch failure[0] {
        case CEmitter.nonFiniteStatus where !message.isEmpty:
            throw ModelError(.nonFiniteValue, CEmitter.nonFiniteMessage(message, checks: failed?.checks ?? []))
        case CEmitter.nonFiniteStatus:
            let names = Set((failed?.checks ?? []).map(\.variable)).sorted().joined(separator: ", ")
            throw ModelError(.nonFiniteValue, "A value of \(names) became infinite or NaN in '\(name)' on the GPU "
                             + "(the CPU backends name the element)")
        case CEmitter.growthFailedStatus:
            // Nothing grows on the device: a kernel that needed more room than was reserved for
            // it drops what did not fit and says so (see CUDATarget).
            throw ModelError(.insufficientMemory, "Out of memory during the run: '\(name)' needed more room on the GPU "
                             + "than was reserved for its buffers; what did not fit was dropped")
        default:
            throw ModelError(.invalidArgument, "CUDA backend: '\(name)' failed on the device (status \(failure[0]))"
                             + (message.isEmpty ? "" : ": " + message))
        }
    }

    // MARK: Bounds

    /// The most elements the backend reserves in a buffer for a chunk of steps beyond one step's
    /// worth (a monitor's room for every neuron spiking in every step would be far too much).
    static let chunkRoom = 1 << 20

    /// Makes room in every buffer `kernels` append to for `steps` steps (within ``chunkRoom``;
    /// where that much memory is not there, for at least one step), and returns the most steps
    /// (up to `steps`) for which every such buffer has room. A buffer a kernel empties first needs
    /// room for one step's values, whatever the steps.
    @discardableResult
    func reserveRoom(for kernels: [PreparedKernel], steps: Int) throws -> Int {
        var perStep: [(buffer: HostBuffer, most: Int, cleared: Bool)] = []
        for kernel in kernels where kernel.launches != nil {
            let bound = CUDABackend.iterationBound(kernel.kernel.iteration)
            for (buffer, scalar, perElement, cleared) in kernel.appended {
                if let k = perStep.firstIndex(where: { $0.buffer === buffer }) {
                    perStep[k].most += scalar + bound * perElement
                    perStep[k].cleared = perStep[k].cleared && cleared
                } else {
                    perStep.append((buffer, scalar + bound * perElement, cleared))
                }
            }
        }
        // A slot of a queue holds each synapse once at most (it is emptied when its step comes).
        for queue in mirroredQueues {
            let most = kernels.filter { kernel in kernel.launches != nil && kernel.enqueued.contains { $0 === queue.queue } }
                .reduce(0) { $0 + CUDABackend.iterationBound($1.kernel.iteration) }
            for slot in queue.queue.slots where slot.capacity < most {
                if !slot.reserve(most) { try BufferGrowth.check() }
            }
        }
        var fitting = max(steps, 1)
        for (buffer, most, cleared) in perStep where most > 0 {
            if cleared {
                if buffer.capacity < most, !buffer.reserve(most) { try BufferGrowth.check() }
                continue
            }
            // The capacity doubles as often as growing one value at a time would make it, so that
            // its sizes (and where memory runs out) are the other backends'.
            let wanted = most * min(fitting, max(1, CUDABackend.chunkRoom / most))
            var capacity = buffer.capacity
            while capacity - buffer.count < wanted { capacity = max(capacity + 1, capacity * 2, 4) }
            let earlier = BufferGrowth.failure
            if capacity > buffer.capacity, !buffer.reserve(capacity) {
                // Fewer steps may do.
                BufferGrowth.failure = earlier
                if buffer.capacity - buffer.count < most, !buffer.reserve(buffer.count + most) { try BufferGrowth.check() }
            }
            fitting = min(fitting, (buffer.capacity - buffer.count) / most)
        }
        return max(fitting, 1)
    }

    /// The buffers `kernel` appends to, in the order it first does, each with the most values its
    /// scalar code and one element append, and whether the kernel empties it first.
    static func appended(by kernel: Kernel) -> [(buffer: HostBuffer, scalar: Int, element: Int, cleared: Bool)] {
        let scalar = appendedBuffers(kernel.scalar), vector = appendedBuffers(kernel.vector)
        let cleared = kernel.scalar.compactMap { operation -> HostBuffer? in
            if case .clear(let list) = operation { return list }
            return nil
        }
        return unique((scalar + vector).map(\.0)).map { buffer in
            (buffer, scalar.first { $0.0 === buffer }?.1 ?? 0, vector.first { $0.0 === buffer }?.1 ?? 0,
             cleared.contains { $0 === buffer })
        }
    }

    /// The queues `operations` push synapses into.
    static func enqueued(by operations: [KernelOperation]) -> [SpikeQueue] {
        unique(operations.flattened.compactMap { operation -> SpikeQueue? in
            if case .enqueue(let queue, _) = operation { return queue }
            return nil
        })
    }

    /// `objects` without repetitions, in the order they first come.
    static func unique<Object>(_ objects: [Object]) -> [Object] {
        objects.reduce(into: []) { list, object in
            if !list.contains(where: { ($0 as AnyObject) === (object as AnyObject) }) { list.append(object) }
        }
    }

    /// The buffers `operations` append to, in the order they first do, each with the most values
    /// one element appends.
    static func appendedBuffers(_ operations: [KernelOperation]) -> [(HostBuffer, Int)] {
        var counts: [(HostBuffer, Int)] = []
        for operation in operations.flattened {
            let buffer: HostBuffer
            switch operation {
            case .emit(let list): buffer = list
            case .append(_, let values): buffer = values
            case .appendIndex(_, let indices): buffer = indices
            default: continue
            }
            if let k = counts.firstIndex(where: { $0.0 === buffer }) {
                counts[k].1 += 1
            } else {
                counts.append((buffer, 1))
            }
        }
        return counts
    }

    /// The most elements `iteration` can visit in a step whatever the device does: a list's
    /// count is at most its room (nothing grows on the device).
    static func iterationBound(_ iteration: Iteration) -> Int {
        switch iteration {
        case .range(let lower, let upper): return max(upper - lower, 0)
        case .events(let list, _, _), .indices(let list): return list.capacity
        case .synapses(_, _, _, let offsets, _, _): return offsets.count > 0 ? Int(offsets[offsets.count - 1]) : 0
        case .sortedRun(let keys, _, _): return keys.count
        case .queue, .pairs: return 0
        }
    }
}

/// A buffer whose capacity can be reserved, whatever its element type.
protocol HostBuffer: VersionedStorage {
    var count: Int { get }
    var capacity: Int { get }
    func reserve(_ minimum: Int) -> Bool
}

extension Buffer: HostBuffer {}
