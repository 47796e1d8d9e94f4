import Foundation
import SwiftBrianInterpreter
import SwiftBrianNative
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// A set of objects simulated together. `run` advances every clock, executing each object's
/// operations in Brian's order: by time, then slot (`start`, `groups`, `thresholds`, `synapses`,
/// `resets`, `end`), then `order`, then name. Repeated runs continue where the last one ended.
///
///     let net = try Network(G, spikes, trace)
///     try net.run(100 * ms, report: .text)
public final class Network {
    /// The objects, in the order they were added.
    public private(set) var objects: [NetworkObject] = []
    /// The backend that executes the kernels.
    public let backend: Backend
    /// Whether a run stops with an error when a variable becomes NaN or infinite (see
    /// ``init(_:backend:fastMath:precision:checkFinite:threads:)``).
    public var checkFinite: Bool
    /// The time the network has reached.
    public private(set) var t: Quantity = Quantity(value: 0, dimension: .time)

    private var stopped = false
    /// The runs so far, in order, with their durations and seeds.
    public private(set) var runs: [RunRecord] = []
    private var snapshots: [String: Snapshot] = [:]

    /// A network of `objects` (their dependents, such as `runRegularly` operations, join too),
    /// executed by `backend`: by default native code generated from the model. With `fastMath`
    /// the native compiler may reorder and vectorize floating-point arithmetic, as Brian's C++
    /// targets do: faster, but no longer bit-identical to the interpreter. With `precision:
    /// .single` the native code computes in 32-bit floats (see README for its accuracy).
    ///
    /// With `checkFinite` (the default), a run stops with a ``ModelError`` of kind
    /// `.nonFiniteValue` when a step stores NaN or an infinity into a floating-point variable:
    /// it names the variable, the neuron or synapse, the time and the last finite value, and the
    /// state after that step is kept for inspection (``t`` is the time of that step; in a state
    /// update or a reset, the failing element keeps its last finite values). The check
    /// leaves results unchanged; `checkFinite: false` turns it off. With `fastMath` the compiler
    /// may assume values are finite and drop the check.
    ///
    /// `threads` is how many threads the native backend runs on: by default every core the
    /// process may use (its CPU affinity, as `taskset` sets it), or `SWIFTBRIAN_THREADS` when it
    /// is set; 1 runs on one thread. The results are
    /// the same for every number of threads (the interpreter always uses one).
    public init(_ objects: [NetworkObject], backend: BackendKind = .native, fastMath: Bool = false,
                precision: Precision = .double, checkFinite: Bool = true, threads: Int? = nil) throws {
        self.backend = try backend.make(fastMath: fastMath, precision: precision,
                                        threads: try ThreadCount.resolve(threads))
        self.checkFinite = checkFinite
        try add(objects)
    }

    /// A network of `objects`.
    public convenience init(_ objects: NetworkObject..., backend: BackendKind = .native,
                            fastMath: Bool = false, precision: Precision = .double, checkFinite: Bool = true,
                            threads: Int? = nil) throws {
        try self.init(objects, backend: backend, fastMath: fastMath, precision: precision, checkFinite: checkFinite,
                      threads: threads)
    }

    /// Seconds spent compiling generated code at the start of the last run (0 when it came from
    /// the cache or the backend compiles nothing).
    public var compileSeconds: Double { (backend as? NativeBackend)?.compileSeconds ?? 0 }

    /// Seconds spent preparing the last run's code in all (generating, compiling or loading from
    /// the cache); 0 for the interpreter.
    public var prepareSeconds: Double { (backend as? NativeBackend)?.prepareSeconds ?? 0 }

    /// Adds `objects` (and their dependents); names must be unique.
    public func add(_ objects: [NetworkObject]) throws {
        for object in objects {
            guard !self.objects.contains(where: { $0 === object }) else { continue }
            if self.objects.contains(where: { $0.name == object.name }) {
                throw ModelError(.invalidArgument, "The network already has an object named '\(object.name)'")
            }
            self.objects.append(object)
            try add(object.dependents)
        }
    }

    /// Adds `objects`.
    public func add(_ objects: NetworkObject...) throws { try add(objects) }

    /// Stops the current run at the end of the current time step (from a network operation; from
    /// elsewhere, such as a signal handler, use ``RunInterruption/request()``).
    public func stop() { stopped = true }

    /// Simulates `duration` more. Everything is checked before the first step: an error leaves the
    /// network as it was.
    ///
    /// - Parameters:
    ///   - namespace: values for this run (Brian's `run(namespace=)`): they take precedence over
    ///     the objects' own namespaces, and must keep the units the models were checked with.
    ///   - report: progress reporting: `.text` prints Brian's progress lines to standard error.
    ///   - reportPeriod: how often the report is given (wall-clock time); by default the report's
    ///     own period (``ProgressReport/custom(every:_:)``), else 10 s as in Brian.
    ///
    /// A run ends early, at the end of a time step, after ``stop()`` or
    /// ``RunInterruption/request()``.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when a monitor, spike list or spike queue finds
    ///   no memory to grow during the run, naming the buffer and the size it asked for. The run
    ///   stops in that step: the kernels before the failing one ran, ``t`` and the clocks stay at
    ///   that step, and the state (variables, synapses, queues) is as those kernels left it.
    ///   Every monitor keeps its complete records only — a StateMonitor's `t` and each recorded
    ///   variable have the same number of samples, a SpikeMonitor's `i`, `t`, variables and
    ///   `count` the same events — so all it recorded can be read and exported; the network can
    ///   run on once memory is available. `ModelError(.nonFiniteValue)` when a checked value
    ///   becomes NaN or infinite (see `checkFinite`).
    public func run(_ duration: Quantity, namespace: Namespace = Namespace(), report: ProgressReport? = nil,
                    reportPeriod: Quantity? = nil) throws {
        guard duration.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The duration of a run must be a time, but it is \(duration)")
        }
        let period = reportPeriod ?? report?.period ?? 10 * second
        guard period.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The report period must be a time, but it is \(period)")
        }
        guard duration.value >= 0, duration.value.isFinite else {
            throw ModelError(.invalidArgument, "The duration of a run must be a finite time that is not negative, but it "
                             + "is \(duration.value.isFinite ? "\(duration)" : "\(duration.value) s")")
        }
        try checkDependencies()
        defer { for object in objects { object.runDidEnd() } }
        for object in objects { try object.prepareNamespace(namespace.values) }
        let schedule = try makeSchedule()
        let clocks = uniqueClocks(schedule.map(\.clock) + objects.map(\.clock))
        for clock in clocks { try clock.validate() }
        for object in objects { try object.beforeRun(self) }
        for object in objects where !object.active { object.willSkipRun() }

        let start = t.value, end = t.value + duration.value
        // Steps are counted in Int: a run of more steps than that is refused, not a trap.
        if let clock = clocks.first(where: { !(end / $0.dt.value < 0x1p62) }) {
            throw ModelError(.invalidArgument, "A run of \(duration) is too long for the time step of '\(clock.name)' "
                             + "(\(clock.dt)): more steps than can be counted")
        }
        for clock in clocks {
            clock.set(step: clock.step(at: start))
            clock.endStep = clock.step(at: end)
        }
        try checkRecordingMemory()
        stopped = false
        backend.seed = RandomSeed.current
        var progress = report.map { ProgressTracker($0, start: start, duration: duration.value,
                                                    period: period.value) }
        progress?.begin()
        let prepared = try prepare(schedule, clocks: clocks)
        let endSteps = clocks.map(\.endStep)
        // Steps run natively in chunks of a few hundredths of a second (so that the report can
        // speak and a stop request is heard between them); a step with a network operation runs
        // here.
        var chunking = LoopChunking(), interrupted = false
        while !stopped {
            if RunInterruption.isRequested, nextClocks(clocks) != nil {
                interrupted = true
                break
            }
            if let loop = prepared.loop {
                chunking.begin()
                let stop = try loop(endSteps, chunking.steps)
                chunking.end(ranAllSteps: stop == .paused)
                if stop == .finished { break }
                if stop == .paused {
                    progress?.update(simulated: (clocks.map(\.t.value).min() ?? end) - start)
                    continue
                }
            }
            guard let current = nextClocks(clocks) else { break }
            // The time of the step, as network operations read it (`net.t`, Brian's `t`).
            t = current[0].t
            for (clock, step) in prepared.steps where current.contains(where: { $0 === clock }) { try step() }
            for clock in current { clock.set(step: clock.step + 1) }
            progress?.update(simulated: (clocks.map(\.t.value).min() ?? end) - start)
        }
        try prepared.finish?()
        let endedEarly = stopped || interrupted
        t = Quantity(value: endedEarly ? (clocks.map(\.t.value).min() ?? end) : end, dimension: .time)
        runs.append(RunRecord(start: Quantity(value: start, dimension: .time), duration: duration, end: t,
                              seed: backend.seed))
        for case let group as Group in objects { group.completedRuns += 1 }
        progress?.finish(simulated: t.value - start)
    }

    /// What runs in a step, in schedule order, with its clock — the backend's prepared kernels (their
    /// loop-invariant work hoisted, see ``Kernel/hoistingLoopInvariants()``) and the network
    /// operations — and the backend's whole-step loop and end of a run, if it has them.
    private func prepare(_ schedule: [ScheduledOperation], clocks: [Clock])
        throws -> (steps: [(Clock, () throws -> Void)], loop: ((_ endSteps: [Int], _ maxSteps: Int) throws -> LoopStop)?,
                   finish: (() throws -> Void)?) {
        func index(_ clock: Clock) -> Int { clocks.firstIndex { $0 === clock }! }
        var kernels: [Kernel] = [], kernelClocks: [Int] = [], swiftClocks: Set<Int> = []
        let checks = checkFinite ? FiniteChecks(objects) : nil
        var ranges: [(operation: ScheduledOperation, kernels: Range<Int>)] = []
        for operation in schedule {
            let start = kernels.count
            switch operation.action {
            case .kernels(let list):
                kernels += list.map { (checks?.adding(to: $0, time: operation.clock.time) ?? $0).hoistingLoopInvariants() }
                kernelClocks += list.map { _ in index(operation.clock) }
            case .swift:
                swiftClocks.insert(index(operation.clock))
            }
            ranges.append((operation, start..<kernels.count))
        }
        let prepared = try backend.prepare(StepSchedule(
            kernels: kernels, kernelClocks: kernelClocks,
            clocks: clocks.map { ClockBuffers(step: $0.timestep, time: $0.time, dt: $0.dtBuffer) },
            swiftClocks: swiftClocks, independentGroups: CableStepGroups.groups(ranges, kernels: kernels)))
        var runs = prepared.kernels[...]
        let steps = schedule.flatMap { operation -> [(Clock, () throws -> Void)] in
            switch operation.action {
            case .kernels(let list):
                defer { runs = runs.dropFirst(list.count) }
                return runs.prefix(list.count).map { run in (operation.clock, { [unowned self] in
                    try self.keepingStateOnFailure(clocks, run)
                }) }
            case .swift(let body):
                return [(operation.clock, { [unowned self] in try body(self) })]
            }
        }
        return (steps, prepared.loop.map { loop in { [unowned self] endSteps, maxSteps in
            try self.keepingStateOnFailure(clocks) { try loop(endSteps, maxSteps) }
        } }, prepared.finish.map { finish in { [unowned self] in try self.keepingStateOnFailure(clocks, finish) } })
    }

    /// Runs `body`; when a value it stores is not finite or a buffer it grows finds no memory
    /// (see `BufferGrowth`), the network stops at the failing step (its state is kept) and the
    /// error says so. After a buffer that could not grow, each monitor keeps only its complete
    /// records (see ``NetworkObject/dropIncompleteRecords()``): its arrays agree in length.
    private func keepingStateOnFailure<Result>(_ clocks: [Clock], _ body: () throws -> Result) throws -> Result {
        do {
            let result = try body()
            try BufferGrowth.check()
            return result
        } catch var error as ModelError where error.kind == .nonFiniteValue || error.kind == .insufficientMemory {
            BufferGrowth.failure = nil
            if error.kind == .insufficientMemory {
                for object in objects { object.dropIncompleteRecords() }
            }
            t = Quantity(value: clocks.map(\.t.value).min() ?? t.value, dimension: .time)
            error.message += error.kind == .nonFiniteValue
                ? ". The run stopped there, its state kept for inspection (the network's t is \(t)); "
                    + "Network(..., checkFinite: false) turns this check off"
                : ". The run stopped in the step at \(t), after the kernels before the failing one; the monitors "
                    + "keep the records that fitted whole"
            throw error
        }
    }

    /// Brian's rule: an object runs only with the objects it depends on (Synapses without their
    /// source, say, would silently receive no spikes).
    private func checkDependencies() throws {
        for object in objects {
            for dependency in object.dependencies {
                var needed = dependency
                while let subgroup = needed as? Subgroup { needed = subgroup.parent }
                guard !objects.contains(where: { $0 === needed }) else { continue }
                throw ModelError(.invalidArgument, "'\(object.name)' has been included in the network but not the "
                                 + "object on which it depends ('\(needed.name)'): add '\(needed.name)' to the network")
            }
        }
    }

    /// Every operation of every object, in schedule order (neighbouring SpatialNeurons' cable
    /// steps merged, see ``CableBatching``).
    private func makeSchedule() throws -> [ScheduledOperation] {
        var operations: [ScheduledOperation] = []
        for object in objects where object.active { operations += try object.scheduledOperations() }
        return CableBatching.merged(operations.enumerated().sorted { a, b in
            let x = a.element, y = b.element
            if x.when != y.when { return x.when < y.when }
            if x.order != y.order { return x.order < y.order }
            if x.name != y.name { return x.name < y.name }
            return a.offset < b.offset
        }.map(\.element))
    }

    private func uniqueClocks(_ clocks: [Clock]) -> [Clock] {
        var unique: [Clock] = []
        for clock in clocks where !unique.contains(where: { $0 === clock }) { unique.append(clock) }
        return unique
    }

    /// The clocks due next (those at the earliest time, within Brian's tolerance), or nil when the
    /// earliest clock has reached the end of the run.
    private func nextClocks(_ clocks: [Clock]) -> [Clock]? {
        guard let earliest = clocks.min(by: { $0.t.value < $1.t.value }),
              earliest.step < earliest.endStep else { return nil }
        let time = earliest.t.value, dt = earliest.dt.value
        return clocks.filter { $0.t.value == time || Swift.abs($0.t.value - time) < Clock.epsilon * dt }
    }

    // MARK: Store and restore

    private struct Snapshot {
        var t: Quantity
        var values: [ObjectIdentifier: [Double]]
        var indices: [ObjectIdentifier: [Int32]]
        var steps: [ObjectIdentifier: Int]
        var queues: [ObjectIdentifier: [[Int32]]]
    }

    private var allDoubleBuffers: [DoubleBuffer] {
        objects.flatMap(\.stateBuffers) + uniqueClocks(objects.map(\.clock)).flatMap { [$0.dtBuffer] }
    }

    /// Saves the state of every object (variables, monitors' data, spike lists, spikes in transit)
    /// and the time under
    /// `name`. Random draws are keyed by the time step, so restoring the time restores the random
    /// stream too.
    public func store(_ name: String = "default") {
        snapshots[name] = Snapshot(
            t: t,
            values: Dictionary(allDoubleBuffers.map { (ObjectIdentifier($0), $0.array) }, uniquingKeysWith: { a, _ in a }),
            indices: Dictionary(objects.flatMap(\.indexBuffers).map { (ObjectIdentifier($0), $0.array) },
                                uniquingKeysWith: { a, _ in a }),
            steps: Dictionary(uniqueClocks(objects.map(\.clock)).map { (ObjectIdentifier($0), $0.step) },
                              uniquingKeysWith: { a, _ in a }),
            queues: Dictionary(objects.flatMap(\.spikeQueues).map { (ObjectIdentifier($0), $0.snapshot) },
                               uniquingKeysWith: { a, _ in a }))
    }

    /// Puts back the state saved by `store(name)`.
    public func restore(_ name: String = "default") throws {
        guard let snapshot = snapshots[name] else {
            let known = snapshots.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw ModelError(.invalidArgument, "No state was stored under the name '\(name)'"
                             + (known.isEmpty ? "" : " (stored: \(known))"))
        }
        for buffer in allDoubleBuffers {
            if let values = snapshot.values[ObjectIdentifier(buffer)] { try buffer.assign(values) }
        }
        for buffer in objects.flatMap(\.indexBuffers) {
            if let values = snapshot.indices[ObjectIdentifier(buffer)] { try buffer.assign(values) }
        }
        for queue in objects.flatMap(\.spikeQueues) {
            if let pending = snapshot.queues[ObjectIdentifier(queue)] { try queue.restore(pending) }
        }
        for clock in uniqueClocks(objects.map(\.clock)) {
            clock.dt = Quantity(value: clock.dtBuffer[0], dimension: .time)
            if let step = snapshot.steps[ObjectIdentifier(clock)] { clock.set(step: step) }
        }
        t = snapshot.t
    }
}
