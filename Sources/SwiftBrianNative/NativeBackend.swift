import Foundation
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage

/// The default backend: the kernels of a run are emitted as C (see ``CEmitter``), compiled into
/// one shared library (cached), loaded, and called directly on the model's buffers. User functions
/// with C code (``CImplementation``) are compiled into it; a kernel the C emitter cannot express
/// (one calling a user function without C code) runs on the interpreter. Without a C
/// compiler every kernel runs on the interpreter, and a warning says so once.
public final class NativeBackend: Backend {
    /// The seed of every random draw.
    public var seed: UInt64 = 0
    /// Seconds spent compiling in the last `prepare` (0 when the library came from the cache).
    public private(set) var compileSeconds = 0.0
    /// Seconds the last `prepare` took in all: generating C, looking up the cache, compiling if
    /// needed, loading and binding.
    public private(set) var prepareSeconds = 0.0
    /// The blocks of elements the last prepared loop runs its chunks in (see ``StepBlocks``); 0
    /// when it runs step by step.
    package private(set) var stepBlockCount = 0
    /// Whether the last prepared loop runs its chunks with the kernels' optimistic forms (see
    /// ``OptimisticChunks``).
    package private(set) var optimisticChunks = false
    /// How many kernels of the last prepared loop have a form without the checks of constant
    /// additions that it runs (see ``FiniteAdds``).
    package private(set) var finiteAddKernels = 0
    /// How many state updates of the last prepared loop run together with their thresholds in
    /// optimistic chunks (see ``FusedThresholds``).
    package private(set) var fusedThresholds = 0
    private let interpreter = Interpreter()
    private let compiler: CCompiler?
    private var libraries: [UnsafeMutableRawPointer] = []
    /// The C of each kernel the last `prepare` emitted, by the kernel and the threads it was split
    /// across: a network run again rebuilds the same kernels (on the same buffers), and a
    /// population's thousands of them then need no new C text (only those without user functions,
    /// whose C may change under the same name, are kept).
    private var emittedBefore: [Emission: (code: String, emitter: CEmitter)] = [:]

    /// A kernel emitted with its iteration split across `parts` threads.
    private struct Emission: Hashable {
        var kernel: Kernel
        var parts: Int
        var optimistic: Bool
        var block: Bool
    }
    nonisolated(unsafe) private static var warned = false

    /// Whether the compiler may trade exactness for speed (see ``CCompiler/fastFlags``).
    public let fastMath: Bool

    /// The arithmetic of the generated code.
    public let precision: Precision

    /// The threads of the whole-run loop (1: one thread, the loop's code as without threads).
    /// With more, the kernels over at least ``minimumParallelElements`` elements (neurons, or
    /// synapses of a pathway in a step; any synapse when the pathway's target group has that
    /// many neurons) that can be split run on that many threads: element-wise code
    /// (state updates, see `Kernel.runsElementwise`) and thresholds (`Kernel.parallelEvents`) each
    /// on a contiguous part of the elements, pathways writing postsynaptic variables
    /// (`Kernel.targetPartition`) each on the synapses of a part of the targets; the rest runs on
    /// one thread; so do the members of an ``IndependentGroup`` (a population's cable steps) whose
    /// kernels loop over that many elements in all, each member on one thread. Results are the same
    /// for every number of threads.
    public let threads: Int

    /// The fewest elements (neurons, or a pathway's synapses in a step, or its targets) for which
    /// a kernel is split across threads (below, starting the threads costs more than the work
    /// saved). It changes no result.
    public var minimumParallelElements = NativeBackend.defaultMinimumParallelElements

    /// The ``minimumParallelElements`` of backends created from now on (1000); tests set it to 1
    /// so that even small groups are split.
    nonisolated(unsafe) public static var defaultMinimumParallelElements = 1000

    /// A backend using the toolchain's C compiler; with `fastMath`, floating-point arithmetic may
    /// be reordered and vectorized, and with `precision: .single` it is done in float (both
    /// faster, neither bit-identical to the interpreter).
    /// With `threads` above 1, element-wise kernels run on that many threads (see ``threads``);
    /// the caller checks the number (see `Network`).
    public init(fastMath: Bool = false, precision: Precision = .double, threads: Int = 1) {
        self.fastMath = fastMath
        self.precision = precision
        self.threads = max(threads, 1)
        compiler = CCompiler.shared
        if compiler == nil, !NativeBackend.warned {
            NativeBackend.warned = true
            FileHandle.standardError.write(Data(("warning: no C compiler found (set CC to one); SwiftBrian runs on "
                                                 + "its interpreter, which is much slower\n").utf8))
        }
    }

    deinit {
        for library in libraries {
            // Its threads end before the code they run is unloaded.
            if let stop = dlsym(library, "sb_threads_stop") {
                unsafeBitCast(stop, to: (@convention(c) () -> Void).self)()
            }
            dlclose(library)
        }
    }

    private typealias Function = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafePointer<Double>?, UInt64,
                                                 UnsafeMutablePointer<CChar>?) -> Int32
    private typealias Loop = @convention(c) (UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutableRawPointer?>?>?,
                                             UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutableRawPointer?>?>?,
                                             UnsafeMutablePointer<UnsafePointer<Double>?>?, UInt64,
                                             UnsafeMutablePointer<CChar>?,
                                             UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                             UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                             UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                             UnsafePointer<Int64>?, Int64, UnsafeMutablePointer<Int64>?) -> Int32

    public func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule {
        let preparing = Date()
        defer { prepareSeconds = Date().timeIntervalSince(preparing) }
        compileSeconds = 0
        guard let compiler else {
            let fallback = try interpreter.prepare(schedule)
            return PreparedSchedule(kernels: fallback.kernels.map { run in { [unowned self] in
                self.interpreter.seed = self.seed
                try run()
            } }, loop: nil)
        }
        var emitted: [(name: String, emitter: CEmitter)?] = []
        var kernelSource = ""
        // Kernels with the same code (the same model in several groups, which differ only in
        // their buffers and constants) share one function.
        var functions: [String: String] = [:]
        var emittedNow: [Emission: (code: String, emitter: CEmitter)] = [:]
        defer { emittedBefore = emittedNow }
        let blocks = StepBlocks(schedule.kernels, clockCount: schedule.clocks.count, swiftClocks: schedule.swiftClocks,
                                threads: threads)
        stepBlockCount = blocks?.count ?? 0
        // Optimistic forms for blocks, or for chunks run optimistically (see OptimisticChunks).
        let optimistic = blocks != nil || schedule.swiftClocks.isEmpty
        // Updates and thresholds that may run together in optimistic chunks get block forms.
        let fusion = blocks == nil && schedule.swiftClocks.isEmpty
            ? FusedThresholds(schedule.kernels, clocks: schedule.kernelClocks) : nil
        let blockForms = Set(fusion?.pairs.flatMap { [$0.update, $0.threshold] } ?? [])
        for (position, kernel) in schedule.kernels.enumerated() {
            do {
                // A range is split when it is long enough; a pathway is split when the synapses it
                // runs in a step are enough (see CLoopEmitter); every kernel when steps run by blocks.
                var parts = threads
                if case .range(let lower, let upper) = kernel.iteration, upper - lower < minimumParallelElements { parts = 1 }
                if let blocks { parts = blocks.count }
                let block = parts == 1 && blockForms.contains(position)
                let key = Emission(kernel: kernel, parts: parts, optimistic: optimistic, block: block)
                let (code, emitter) = try emittedBefore[key] ?? CEmitter.emit(kernel, name: "sb_kernel", precision: precision,
                                                                               parts: parts, optimistic: optimistic,
                                                                               block: block)
                if emitter.userFunctions.isEmpty { emittedNow[key] = (code, emitter) }
                if let name = functions[code] {
                    emitted.append((name, emitter))
                    continue
                }
                let name = "sb_kernel_\(functions.count)"
                functions[code] = name
                kernelSource += "/* \(kernel.name) */\n" + code.replacingOccurrences(of: "int sb_kernel(", with: "int \(name)(")
                    .replacingOccurrences(of: "int sb_kernel_optimistic(", with: "int \(name)_optimistic(")
                    .replacingOccurrences(of: "int sb_kernel_finite_adds(", with: "int \(name)_finite_adds(")
                    .replacingOccurrences(of: "int sb_kernel_block(", with: "int \(name)_block(")
                    .replacingOccurrences(of: "return sb_kernel_block(", with: "return \(name)_block(")
                    .replacingOccurrences(of: "int sb_kernel_join(", with: "int \(name)_join(")
                    .replacingOccurrences(of: "int64_t sb_kernel_work(", with: "int64_t \(name)_work(") + "\n"
                emitted.append((name, emitter))
            } catch is CEmitter.Unsupported {
                emitted.append(nil)
            }
        }
        var userFunctions = try CUserFunctions(emitted.flatMap { $0?.emitter.userFunctions ?? [] })
        let native = emitted.indices.filter { emitted[$0] != nil }
        let parallel = native.map { k -> CLoopEmitter.Parallel? in
            // (Kernels split into blocks of elements run by the blocks' threads, see StepBlocks.)
            guard blocks == nil, let (name, emitter) = emitted[k], emitter.parallel else { return nil }
            // A pathway onto a group whose kernels are split runs split whenever it has a synapse
            // to run: each thread then adds to the targets whose values its cache holds (run on
            // one thread, it pulls them to its core, and the other threads fetch them back at
            // the next state update); onto a smaller group, only when its synapses are enough.
            let splitTargets = emitter.targetCount.map { $0 >= minimumParallelElements } ?? false
            return CLoopEmitter.Parallel(join: emitter.joins ? name + "_join" : nil,
                                         work: emitter.measuresWork ? name + "_work" : nil,
                                         minimumWork: splitTargets ? 1 : minimumParallelElements)
        }
        // Independent members run on the threads (each member on one), when they all run natively,
        // none joins parts of its own and their kernels loop over at least minimumParallelElements
        // elements in all: as bounds into the loop's kernels (each member's first, then one past
        // the last).
        let position = Dictionary(uniqueKeysWithValues: native.enumerated().map { ($1, $0) })
        let groups = threads == 1 || blocks != nil ? [] : schedule.independentGroups.compactMap { group -> [Int]? in
            let elements = group.kernels.reduce(0) { total, k in
                if case .range(let lower, let upper) = schedule.kernels[k].iteration { total + upper - lower } else { total }
            }
            guard elements >= minimumParallelElements, let last = group.kernels.last.flatMap({ position[$0] }),
                  group.kernels.allSatisfy({ k in position[k].map { parallel[$0]?.join == nil } ?? false }) else { return nil }
            return group.members.compactMap { position[$0.lowerBound] } + [last + 1]
        }
        let threaded = parallel.contains { $0 != nil } || !groups.isEmpty || (blocks != nil && threads > 1)
        var source = CPrelude.source + CCableStep.source
            + (threaded ? CThreadPool.declarations(threads: threads) : blocks != nil ? StepBlocks.declarations : "")
        source += userFunctions.code(startingAtLine: source.split(separator: "\n", omittingEmptySubsequences: false).count)
        source += kernelSource
        // Steps with a kernel only the interpreter runs are run from Swift, like network operations.
        var swiftClocks = schedule.swiftClocks
        for (k, entry) in emitted.enumerated() where entry == nil { swiftClocks.insert(schedule.kernelClocks[k]) }
        let names = native.map { emitted[$0]!.name }, emitters = native.map { emitted[$0]!.emitter }
        let nativeKernels = native.map { schedule.kernels[$0] }
        let chunks = blocks == nil ? OptimisticChunks(Array(zip(nativeKernels, emitters)), swiftClocks: swiftClocks) : nil
        optimisticChunks = chunks != nil
        // The kernels' forms for a chunk that starts with the added-to buffers finite: without
        // the checks of constant additions where every other write of their buffers is checked
        // (see FiniteAdds), optimistic where chunks run so.
        var fastNames = names, addTargets: [(kernel: Int, slot: Int)] = []
        for (k, emitter) in emitters.enumerated() {
            if chunks != nil, emitter.optimistic { fastNames[k] += "_optimistic" }
            let targets = emitter.finiteAddTargets
            guard !targets.isEmpty, targets.allSatisfy({ slot in
                (emitter.buffers[slot].owner as? DoubleBuffer).map { FiniteAdds.everyWriteChecked($0, in: nativeKernels) } ?? false
            }) else { continue }
            fastNames[k] += "_finite_adds"
            addTargets += targets.map { (k, $0) }
        }
        finiteAddKernels = addTargets.isEmpty ? 0 : Set(addTargets.map(\.kernel)).count
        let fused = chunks == nil ? nil : fusion?.among(native) { pair in
            emitters[pair.update].optimistic && emitters[pair.update].blocks && emitters[pair.threshold].blocks
        }
        fusedThresholds = fused?.pairs.count ?? 0
        source += (threaded ? CThreadPool.source : "")
            + CLoopEmitter.source(kernelNames: names,
                                  kernelClocks: native.map { schedule.kernelClocks[$0] }, parallel: parallel, groups: groups,
                                  clockCount: schedule.clocks.count, swiftClocks: swiftClocks,
                                  blockedSteps: swiftClocks.isEmpty ? blocks?.source(emitted.compactMap { $0 })
                                                                    : nil,
                                  fastKernelNames: fastNames == names ? nil : fastNames,
                                  finiteAdds: addTargets.isEmpty ? nil : FiniteAdds.source(targets: addTargets),
                                  optimisticChunks: chunks?.source(clockCount: schedule.clocks.count), fused: fused)
        let started = Date()
        let path: String, compiled: Bool
        do {
            (path, compiled) = try compiler.library(
                for: source, flags: (fastMath ? CCompiler.fastFlags : CCompiler.exactFlags) + userFunctions.compileFlags
                    + (threaded ? ["-pthread"] : []),
                extraSources: try userFunctions.sourceFiles(), linkFlags: userFunctions.linkFlags)
        } catch let failure as CCompiler.Failure {
            throw userFunctions.compileError(log: failure.log, sourceFile: failure.sourceFile)
                ?? ModelError(.invalidArgument, "The C compiler failed on the generated code \(failure.sourceFile):\n"
                              + failure.log)
        }
        if compiled { compileSeconds = Date().timeIntervalSince(started) }
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let message = String(cString: dlerror())
            throw userFunctions.loadError(message)
                ?? ModelError(.invalidArgument, "Cannot load the compiled model \(path): " + message)
        }
        libraries.append(library)
        Binding.limitGrowths(of: library)
        var bindings: [Binding?] = []
        var kernels: [() throws -> Void] = []
        // Each native kernel's lane: its clock, and the thread part that runs it (the members of a
        // group as sb_group_members shares them out; every other kernel on part 0).
        var lanes: [CableSharing.Lane?] = emitted.indices.map { k in
            emitted[k].map { _ in CableSharing.Lane(clock: schedule.kernelClocks[k], part: 0) }
        }
        for bounds in groups {
            let members = bounds.count - 1
            for part in 0..<threads {
                for position in bounds[members * part / threads]..<bounds[members * (part + 1) / threads] {
                    lanes[native[position]]?.part = part
                }
            }
        }
        let sharing = CableSharing(schedule.kernels, lanes: lanes, networkOperations: !schedule.swiftClocks.isEmpty)
        for (kernel, entry) in zip(schedule.kernels, emitted) {
            guard let (name, emitter) = entry else {
                bindings.append(nil)
                kernels.append { [unowned self] in
                    self.interpreter.seed = self.seed
                    try self.interpreter.execute(kernel)
                }
                continue
            }
            guard let symbol = dlsym(library, name) else {
                throw ModelError(.invalidArgument, "The compiled model \(path) has no function \(name)")
            }
            let binding = Binding(kernel, emitter, sharing: sharing)
            bindings.append(binding)
            kernels.append(call(unsafeBitCast(symbol, to: Function.self), binding, checks: emitter.finiteChecks))
        }
        guard let symbol = dlsym(library, "sb_run") else {
            throw ModelError(.invalidArgument, "The compiled model \(path) has no function sb_run")
        }
        let loopBindings = native.map { bindings[$0]! }
        let loop = LoopBinding(loopBindings, clocks: schedule.clocks)
        HugePages.advise(loopBindings.flatMap(\.owners))
        let loopChecks = native.map { emitted[$0]?.emitter.finiteChecks ?? [] }
        let run = unsafeBitCast(symbol, to: Loop.self)
        return PreparedSchedule(kernels: kernels, loop: { [unowned self] endSteps, maxSteps in
            var message = [CChar](repeating: 0, count: 512)
            var done: Int64 = 0
            let ends = endSteps.map(Int64.init)
            let status = ends.withUnsafeBufferPointer { ends in
                run(loop.buffers, loop.queues, loop.constants, self.seed, &message, loop.steps, loop.times, loop.dts,
                    ends.baseAddress, Int64(maxSteps), &done)
            }
            loop.noteChanges()
            guard let stop = LoopStop(rawValue: status) else {
                let text = String(cString: message)
                if status == -3 { throw Binding.growthError(text, in: loopBindings) }
                guard status == -2 else { throw ModelError(.invalidArgument, text) }
                // "position numbers": the failing kernel's position in the loop, then its numbers.
                let parts = text.split(separator: " ", maxSplits: 1).map(String.init)
                guard parts.count == 2, let k = Int(parts[0]), loopChecks.indices.contains(k) else {
                    throw ModelError(.nonFiniteValue, text)
                }
                throw ModelError(.nonFiniteValue, CEmitter.nonFiniteMessage(parts[1], checks: loopChecks[k]))
            }
            return stop
        })
    }

    /// A closure calling `function` with its binding; `checks` are the kernel's finite checks.
    private func call(_ function: Function, _ binding: Binding, checks: [FiniteCheck]) -> () throws -> Void {
        { [unowned self] in
            var message = [CChar](repeating: 0, count: 512)
            let status = function(binding.buffers, binding.queues, binding.constants, self.seed, &message)
            binding.noteChanges()
            if status == CEmitter.nonFiniteStatus {
                throw ModelError(.nonFiniteValue, CEmitter.nonFiniteMessage(String(cString: message), checks: checks))
            }
            if status == CEmitter.growthFailedStatus { throw Binding.growthError(String(cString: message), in: [binding]) }
            if status != 0 { throw ModelError(.invalidArgument, String(cString: message)) }
        }
    }

    /// Whether a C compiler was found (else everything runs on the interpreter).
    public static var compilerAvailable: Bool { CCompiler.available }

    /// Compiles (or loads from the cache) and runs `kernel` once.
    public func run(_ kernel: Kernel) throws {
        let clock = ClockBuffers(step: kernel.random.step, time: try DoubleBuffer(name: "t", count: 1, value: 0),
                                 dt: try DoubleBuffer(name: "dt", count: 1, value: 1))
        let prepared = try prepare(StepSchedule(kernels: [kernel], kernelClocks: [0], clocks: [clock], swiftClocks: []))
        try prepared.kernels[0]()
    }

    public func execute(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }
}

/// The pointer arrays of a bound kernel (buffers, queues, constants); it keeps the buffers and
/// queues alive while the closure that uses it exists.
package final class Binding {
    package let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    package let queues: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    package let constants: UnsafeMutablePointer<Double>
    let owners: [AnyObject]
    /// What `noteChanges()` marks.
    fileprivate let marks: ChangeMarks

    /// The arrays of the function `emitter` emitted for `kernel`, with the cable buffers `sharing`
    /// binds to one copy; of the buffers, those bound for what `kernel` may change
    /// (``KernelWrites``) are marked after each call.
    convenience init(_ kernel: Kernel, _ emitter: CEmitter, sharing: CableSharing) {
        let writes = KernelWrites(kernel, buffers: emitter.buffers)
        let bound = emitter.buffers.map(sharing.binding)
        self.init(buffers: bound, queues: emitter.queues, constants: emitter.constants,
                  changed: zip(emitter.buffers, bound).filter { writes.writes($0.0.owner) }.map(\.1))
    }

    /// Arrays holding `buffers`, `queues` and `constants`, in order; `changed` are the buffers the
    /// code may change, which `noteChanges()` marks with every queue.
    package init(buffers references: [BufferReference], queues spikeQueues: [SpikeQueue], constants values: [Double],
                 changed: [BufferReference]) {
        buffers = .allocate(capacity: max(references.count, 1))
        for (k, reference) in references.enumerated() { buffers[k] = reference.header }
        queues = .allocate(capacity: max(spikeQueues.count, 1))
        for (k, queue) in spikeQueues.enumerated() { queues[k] = UnsafeMutableRawPointer(queue.header) }
        constants = .allocate(capacity: max(values.count, 1))
        constants.initialize(from: values, count: values.count)
        owners = references.map(\.owner) + spikeQueues
        marks = ChangeMarks(changed.compactMap { $0.owner as? VersionedStorage }, spikeQueues)
    }

    /// Records that the kernel may have changed its buffers (the C code writes them through their
    /// headers; see `Buffer.version`).
    package func noteChanges() { marks.note() }

    deinit {
        buffers.deallocate()
        queues.deallocate()
        constants.deallocate()
    }
}

/// The arrays `sb_run` takes: every native kernel's binding and every clock's buffers.
private final class LoopBinding {
    let buffers: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutableRawPointer?>?>
    let queues: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutableRawPointer?>?>
    let constants: UnsafeMutablePointer<UnsafePointer<Double>?>
    let steps: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    let times: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    let dts: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    /// The kernels' bindings, kept alive while the loop runs.
    private let bindings: [Binding]
    /// What `noteChanges()` marks: the buffers and queues of every binding and the clocks' buffers.
    private let marks: ChangeMarks

    init(_ bindings: [Binding], clocks: [ClockBuffers]) {
        buffers = .allocate(capacity: max(bindings.count, 1))
        queues = .allocate(capacity: max(bindings.count, 1))
        constants = .allocate(capacity: max(bindings.count, 1))
        for (k, binding) in bindings.enumerated() {
            buffers[k] = binding.buffers
            queues[k] = binding.queues
            constants[k] = UnsafePointer(binding.constants)
        }
        steps = .allocate(capacity: max(clocks.count, 1))
        times = .allocate(capacity: max(clocks.count, 1))
        dts = .allocate(capacity: max(clocks.count, 1))
        for (k, clock) in clocks.enumerated() {
            steps[k] = UnsafeMutableRawPointer(clock.step.pointer)
            times[k] = UnsafeMutableRawPointer(clock.time.pointer)
            dts[k] = UnsafeMutableRawPointer(clock.dt.pointer)
        }
        self.bindings = bindings
        marks = ChangeMarks(bindings.flatMap(\.marks.versioned) + clocks.flatMap { [$0.step, $0.time, $0.dt] },
                            bindings.flatMap(\.marks.spikeQueues))
    }

    /// Records that the loop may have changed its kernels' buffers and its clocks (see
    /// ``Binding/noteChanges()``).
    func noteChanges() { marks.note() }

    deinit {
        buffers.deallocate()
        queues.deallocate()
        constants.deallocate()
        steps.deallocate()
        times.deallocate()
        dts.deallocate()
    }
}

/// The buffers and queues that generated C code may change through their headers, which `note()`
/// marks as changed (see `Buffer.version`), each listed once: the loop of 1000 ball-and-stick cells
/// binds 31,875 buffers (a cell's `v` in three kernels, the constants ``CableSharing`` binds to one
/// copy in every cell's solve) of which about 9,900 are distinct, and marking every binding's after
/// each chunk of steps (``LoopChunking``, one per 20 ms) took 12% of the bench's samples (one
/// thread, 20 ms run: cpu_s 0.96–0.99 s before, 0.87–0.90 s after; the marks are the same). Of a
/// kernel's buffers only those it may change are listed (``KernelWrites``): 3,152 at 1000 cells,
/// which follow one ``ChangeCounter`` while the marks exist, so that `note()` marks them all with
/// one increment instead of a cache miss apiece.
private final class ChangeMarks {
    let versioned: [VersionedStorage]
    /// Queues, whose slots `note()` reads at each call, since a queue's slots may be replaced.
    let spikeQueues: [SpikeQueue]
    private let counter = ChangeCounter()

    init(_ versioned: [VersionedStorage], _ spikeQueues: [SpikeQueue]) {
        var seen: Set<ObjectIdentifier> = []
        self.versioned = versioned.filter { seen.insert(ObjectIdentifier($0)).inserted }
        self.spikeQueues = spikeQueues.filter { seen.insert(ObjectIdentifier($0)).inserted }
        for storage in self.versioned { storage.follow(counter) }
    }

    func note() {
        counter.increment()
        for queue in spikeQueues { queue.slots.forEach { $0.noteChange() } }
    }

    deinit {
        for storage in versioned { storage.unfollow(counter) }
    }
}
