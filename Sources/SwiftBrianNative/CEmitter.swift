import CSwiftBrianRuntime
import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianPortableMath

/// Turns a kernel into a C function with the semantics of the interpreter: the same operations in
/// the same order on the same doubles, so results agree bit for bit (floating-point contraction
/// is off when compiling).
///
/// The function is `int NAME(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed,
/// char *error)`: `b` holds every buffer the kernel uses, `q` its spike queues, `c` its numeric
/// constants (passed as data, so that a parameter changed between runs does not change the source
/// and needs no new compilation). It returns 0, or 1 with a message in `error`.
package struct CEmitter {
    /// Thrown for what the C backend cannot express (a user function without C code); the
    /// kernel then runs on the interpreter.
    package struct Unsupported: Error {
        package let reason: String

        package init(reason: String) { self.reason = reason }
    }

    /// The user functions with C code the kernel calls, each once.
    package private(set) var userFunctions: [Function] = []
    /// The buffers, queues and constants the function expects, in order.
    package private(set) var buffers: [BufferReference] = []
    package private(set) var queues: [SpikeQueue] = []
    package private(set) var constants: [Double] = []
    private var constantSlots: [UInt64: Int] = [:]
    private var bufferSlots: [ObjectIdentifier: Int] = [:]
    private var queueSlots: [ObjectIdentifier: Int] = [:]
    private var grown: Set<ObjectIdentifier> = []
    /// Whether the kernel pushes spikes into a queue (whose slots grow).
    private var enqueues = false
    private var temporaries: Set<Int> = []
    /// The temporaries every definition of which is a truth value, 0 or 1 (see
    /// ``isTruthValue(_:among:)``).
    private let truthTemporaries: Set<Int>
    private var usesTimedArrays = false
    /// The calls of `PortableMath` functions emitted so far (see ``chainedLoop``).
    private var portableCalls = 0
    /// The checks of finite values, numbered from 1 in the order they are met.
    package private(set) var finiteChecks: [FiniteCheck] = []
    /// The draws that the blocked loop being emitted reads from its block's arrays, drawn
    /// beforehand two at a time (see ``PairDraw``).
    private var blockDraws: Set<PairDraw> = []
    /// The draws whose block arrays the function declares.
    private var declaredDraws: Set<PairDraw> = []
    /// Whether a range loop whose stores are guarded by their values being finite is being
    /// emitted (see ``rangeLoop(_:_:_:)``): its checks are left to the guard.
    private var checksGuarded = false
    /// Whether the function being emitted is the optimistic form (see ``optimistic``).
    private var emittingOptimistic = false
    /// Whether the source has the kernel's optimistic form, `NAME_optimistic`: its guarded range
    /// loop stores every value as computed and notes in `_seen` whether one was not finite, and
    /// the function then returns ``nonFiniteStatus`` without a message. For code that can undo
    /// what it stored and run the checked form again (see ``StepBlocks``): the guard's choices
    /// and first failing element cost more than the computation in short updates, the `or` of the
    /// values' bits costs nothing measurable (2026-12-02, linear at N = 40,000).
    private(set) var optimistic = false
    /// The buffers (by slot) into which the kernel adds constants with checks that cannot fail
    /// while the buffer is finite; when not empty, the source has the form without those checks,
    /// `NAME_finite_adds` (see ``FiniteAdds``).
    private(set) var finiteAddTargets: [Int] = []
    /// Whether the source has the kernel's form over one block of its range, `NAME_block(...,
    /// int64_t _lo, int64_t _hi)` (optimistic where it has that form; a threshold's list cleared
    /// in the block at the range's start), for a run with another kernel block by block (see
    /// ``FusedThresholds``).
    private(set) var blocks = false
    /// Whether the function being emitted is the form over one block (see ``blocks``).
    private var emittingBlock = false
    /// The temporaries whose checks the function being emitted leaves out (see ``FiniteAdds``).
    private var omittedChecks: Set<Int> = []
    /// While the operations of ``checkedLanes(counter:last:lane:_:)`` are emitted, the checks
    /// they met (number, element index) in order; nil otherwise.
    private var laneChecks: [(number: Int, index: String)]?
    private let kernel: Kernel
    private let precision: Precision
    /// Whether the function runs on every thread of the pool, each on its part (see
    /// ``CThreadPool``): an element-wise kernel (``Kernel/runsElementwise``) or a threshold
    /// (``Kernel/parallelEvents``) loops over the part `sb_part` of `sb_parts` equal contiguous
    /// parts of its range, keeping the previous values of checked elements in its own arrays; a
    /// pathway (``Kernel/targetPartition``) runs the synapses whose target is in its part.
    let parallel: Bool
    /// Whether the function runs one element of the iteration, the one of the thread `_thread` in
    /// the group `_group` (see ``emitThread(_:name:perThread:)``), instead of the whole loop.
    private var perThread = false
    /// Whether the function takes the thread's indices (see ``emitThread(_:name:perThread:)``).
    private var threadForm = false
    /// In a per-thread function, the temporaries that are atomic additions (see ``atomicSums(_:)``).
    private var atomicSums: [Int: ArrayReference] = [:]
    /// The event list a parallel threshold fills: each part scans into a list of its own, and
    /// the lists are joined in part order (see ``joinedEvents(_:)``).
    private let partEvents: IndexBuffer?
    /// The map to the postsynaptic index by which a parallel pathway picks its synapses (the
    /// loop index itself over a queue of targets).
    private let partTargets: IndexMap?
    /// Whether the source has a join function to run after the parts (see ``joinFunction(name:)``).
    private(set) var joins = false
    /// Whether the source has a function measuring the step's work (see ``workFunction(name:)``).
    private(set) var measuresWork = false
    /// The number of targets a parallel pathway splits among the threads (the elements of the
    /// first postsynaptic variable it writes), when the kernel is one.
    private(set) var targetCount: Int?
    private let stepVariable = "_step"

    /// The function for `kernel`, named `name`, computing in `precision` (buffers always hold
    /// doubles; in single precision values are rounded to float when read and arithmetic is done
    /// in float).
    /// With `parts` above 1, a kernel that can be split is emitted to run on one part (``parallel``:
    /// a thread's, or a block of elements, see ``StepBlocks``), with its join (`NAME_join`, see
    /// ``joins``) or its measure of work (`NAME_work`, see ``measuresWork``) after it.
    /// With `optimistic`, a kernel over a range whose stores are guarded by their values being
    /// finite also gets its optimistic form (see ``optimistic``), with the same buffers; with
    /// `block`, a kernel over a range not split into parts also gets its form over a block (see
    /// ``blocks``; the optimistic form is then that form over the whole range). In double
    /// precision, a kernel adding constants to buffers gets its form without the checks of those
    /// additions (see ``finiteAddTargets``), with the same buffers.
    static func emit(_ kernel: Kernel, name: String, precision: Precision = .double, parts: Int = 1,
                     optimistic: Bool = false, block: Bool = false) throws -> (source: String, emitter: CEmitter) {
        var emitter = CEmitter(kernel: kernel, precision: precision, parts: parts)
        var source = try emitter.function(name: name)
        let optimisticForm = optimistic && emitter.hasOptimisticForm
        if block, case .range(let lower, let upper) = kernel.iteration, !emitter.parallel {
            emitter.emittingBlock = true
            emitter.emittingOptimistic = optimisticForm
            source += try emitter.function(name: name + "_block")
            emitter.emittingBlock = false
            emitter.emittingOptimistic = false
            emitter.blocks = true
            if optimisticForm {
                // The optimistic form is the block form over the whole range: one copy of the
                // loop less to compile (CUBA's cold compile in `bench`: 0.57–0.62 s with both
                // copies, 0.41 s with one; 2026-12-03).
                source += """
                    int \(name)_optimistic(sb_buffer **b, sb_queue **q, const double *restrict c, uint64_t seed, char *error) {
                        return \(name)_block(b, q, c, seed, error, \(lower), \(upper));
                    }

                    """
                emitter.optimistic = true
            }
        } else if optimisticForm {
            emitter.emittingOptimistic = true
            source += try emitter.function(name: name + "_optimistic")
            emitter.emittingOptimistic = false
            emitter.optimistic = true
        }
        // (Where the stores are guarded, the checks are the guard's already.)
        let adds = precision == .double && !guardsStores(kernel.vector) ? FiniteAdds.checks(in: kernel.vector) : []
        if !adds.isEmpty {
            emitter.omittedChecks = Set(adds.map(\.temporary))
            source += try emitter.function(name: name + "_finite_adds")
            emitter.omittedChecks = []
            emitter.finiteAddTargets = Array(Set(adds.compactMap { add in
                emitter.buffers.firstIndex { $0.owner === add.target }
            })).sorted()
        }
        if let join = emitter.joinFunction(name: name) {
            source += join
            emitter.joins = true
        }
        if let work = emitter.workFunction(name: name) {
            source += work
            emitter.measuresWork = true
        }
        return (source, emitter)
    }

    /// The function for `kernel` as a GPU thread runs it (see `SwiftBrianCUDA`):
    /// `int NAME(sb_buffer **b, sb_queue **q, const double *c, uint64_t seed, char *error,
    /// int64_t _thread, int64_t _group)`. With `perThread`, it runs the one element of a range, the
    /// one entry of an event list (`_thread`), or the one synapse `_thread` of the event `_group`,
    /// and returns 0 at once when there is none; a store through a synapse's index map must then
    /// add to the element (`v_post += w`), done as `sb_atomic_add`. Without, it runs the whole loop
    /// as ``emit(_:name:precision:parts:)`` does and ignores the thread.
    package static func emitThread(_ kernel: Kernel, name: String, perThread: Bool) throws
        -> (source: String, emitter: CEmitter) {
        var emitter = CEmitter(kernel: kernel, precision: .double, parts: 1)
        emitter.perThread = perThread
        emitter.threadForm = true
        if perThread { emitter.atomicSums = atomicSums(kernel.vector, queuedTargets: kernel.queuesTargets) }
        let source = try emitter.function(name: name)
        return (source, emitter)
    }

    /// The temporaries of `operations` that hold an element reached through an index map plus
    /// (or minus) a term and are then stored to that element (`_t0 = ge_post + w; ...; ge_post =
    /// _t0`), by number, with the element: in a per-thread function the definition is one atomic
    /// addition (`sb_atomic_add_old`, which gives the sum it stored and the value it added to, for
    /// a failed finite check's message) and the store is left out.
    /// The definition and the store must be in the same list of operations (not one of them under
    /// a condition the other is not under).
    /// Over a queue of targets (`queuedTargets`), an element at the loop index counts as one
    /// reached through an index map (see ``sharedElement(_:queuedTargets:)``).
    package static func atomicSums(_ operations: [KernelOperation], queuedTargets: Bool) -> [Int: ArrayReference] {
        var sums: [Int: ArrayReference] = [:], stored: [(Int, ArrayReference)] = []
        var nested: [Int: ArrayReference] = [:]
        for operation in operations {
            switch operation {
            case .define(let number, .binary(let op, .load(let reference), _)) where op == .add || op == .subtract:
                if sharedElement(reference.index, queuedTargets: queuedTargets) { sums[number] = reference }
            case .store(let reference, .temporary(let number)): stored.append((number, reference))
            case .when(_, let inner): nested.merge(atomicSums(inner, queuedTargets: queuedTargets)) { first, _ in first }
            default: break
            }
        }
        return sums.filter { sum in stored.contains { $0.0 == sum.key && $0.1 == sum.value } }
            .merging(nested) { first, _ in first }
    }

    /// Whether the element a synaptic kernel's thread reaches through `map` may be written by
    /// other threads too: one reached through an index map (a target of several synapses), or,
    /// over a queue of targets (`queuedTargets`, see ``SpikeQueue/targets``), the one at the loop
    /// index (a target comes once per synapse reaching it).
    package static func sharedElement(_ map: IndexMap, queuedTargets: Bool) -> Bool {
        switch map {
        case .mapped: return true
        case .element: return queuedTargets
        default: return false
        }
    }

    private init(kernel: Kernel, precision: Precision, parts: Int) {
        self.kernel = kernel
        self.precision = precision
        partEvents = parts > 1 ? kernel.parallelEvents : nil
        partTargets = parts > 1 ? kernel.targetPartition : nil
        parallel = parts > 1 && (kernel.runsElementwise || partEvents != nil || partTargets != nil)
        truthTemporaries = CEmitter.truthTemporaries(in: kernel.scalar + kernel.vector)
    }

    /// `value` converted to the arithmetic type, unless it is a double already and arithmetic is
    /// in double.
    private func real(_ value: String) -> String {
        precision == .double ? value : "((float)\(value))"
    }

    /// The literals 1 and 0 of the arithmetic type.
    private var one: String { precision == .double ? "1.0" : "1.0f" }
    private var zero: String { precision == .double ? "0.0" : "0.0f" }

    // MARK: Slots

    private mutating func slot(_ header: UnsafeMutablePointer<sb_buffer>, _ object: AnyObject) -> Int {
        let id = ObjectIdentifier(object)
        if let slot = bufferSlots[id] { return slot }
        bufferSlots[id] = buffers.count
        buffers.append(BufferReference(header: header, owner: object))
        return buffers.count - 1
    }

    private mutating func doubles(_ buffer: DoubleBuffer) -> String {
        let k = slot(buffer.header, buffer)
        return grown.contains(ObjectIdentifier(buffer)) ? "((double *)b[\(k)]->data)" : "d\(k)"
    }

    private mutating func ints(_ buffer: IndexBuffer) -> String {
        let k = slot(buffer.header, buffer)
        return grown.contains(ObjectIdentifier(buffer)) ? "((int32_t *)b[\(k)]->data)" : "i\(k)"
    }

    private mutating func header(_ buffer: DoubleBuffer) -> String { "b[\(slot(buffer.header, buffer))]" }
    private mutating func header(_ buffer: IndexBuffer) -> String { "b[\(slot(buffer.header, buffer))]" }

    private mutating func queue(_ queue: SpikeQueue) -> String {
        let id = ObjectIdentifier(queue)
        if let slot = queueSlots[id] { return "q[\(slot)]" }
        queueSlots[id] = queues.count
        queues.append(queue)
        return "q[\(queues.count - 1)]"
    }

    private mutating func constant(_ value: Double) -> String {
        // Small whole numbers are literals (the compiler simplifies with them); -0.0 stays data,
        // as its sign matters (`-0.0*x`).
        if value == value.rounded(), abs(value) <= 16, !(value == 0 && value.sign == .minus) {
            return "(\(Int(value)).0\(precision == .double ? "" : "f"))"
        }
        return real("c[\(constantIndex(value))]")
    }

    /// The index of `value` in the constants array. Equal values share one slot, so that equal
    /// subexpressions read alike and the compiler computes them once (exponential Euler repeats
    /// each rate's expression).
    private mutating func constantIndex(_ value: Double) -> Int {
        if let index = constantSlots[value.bitPattern] { return index }
        constants.append(value)
        constantSlots[value.bitPattern] = constants.count - 1
        return constants.count - 1
    }

    // MARK: Function

    private mutating func function(name: String) throws -> String {
        // Buffers that grow during the kernel are read through their header every time; the
        // others are cached in local pointers.
        for operation in kernel.scalar + kernel.vector { markGrowth(operation) }
        var body: [String] = []
        body.append("int64_t _idx = 0, _row = 0, _col = 0;")
        body.append("const int64_t \(stepVariable) = (int64_t)(\(try expression(.load(ArrayReference(kernel.random.step, .shared)))));")
        body += try kernel.scalar.flatMap { try operation($0, indent: "") }
        body += try loop(kernel.iteration, FiniteAdds.removing(checks: omittedChecks, from: kernel.vector))
        if !finiteChecks.isEmpty {
            // Numbers only, so that kernels that differ only in what they check share their code;
            // ``nonFiniteMessage(_:checks:)`` words them.
            body += ["if (_bad) {"] + (partTargets == nil ? [] : ["    sb_fail_order = _bad_at;"]) + [
                     "    snprintf(error, 512, \"%d %lld %.17g %.17g\", _bad, (long long)_bad_idx, _bad_new, _bad_old);",
                     "    return \(CEmitter.nonFiniteStatus);",
                     "}"]
        }
        var declarations: [String] = []
        if !finiteChecks.isEmpty {
            declarations.append("int _bad = 0; int64_t _bad_idx = 0, _bad_at = 0; double _bad_new = 0, _bad_old = 0;")
        }
        if emittingOptimistic {
            declarations.append("uint64_t _seen = 0;")
            body.append("if (_seen) return \(CEmitter.nonFiniteStatus);")
        }
        for (k, reference) in buffers.enumerated() where !grown.contains(ObjectIdentifier(reference.owner)) {
            let type = reference.owner is DoubleBuffer ? "double" : "int32_t"
            let prefix = reference.owner is DoubleBuffer ? "d" : "i"
            declarations.append("\(type) *restrict const \(prefix)\(k) = (\(type) *)b[\(k)]->data;")
        }
        declarations += declaredDraws.sorted().map(\.declaration)
        if !atomicSums.isEmpty { declarations.append("double _atomic_old = 0;") }
        if !temporaries.isEmpty {
            declarations.append("\(precision.cType) " + temporaries.sorted().map { "_t\($0) = 0" }.joined(separator: ", ") + ";")
        }
        if !parallel, enqueues || !grown.isEmpty {
            body += ["if (sb_growth_pending()) { " + CEmitter.growthReport(
                buffer: "sb_growth_failed", elements: "sb_growth_failed_elements", bytes: "sb_growth_failed_bytes") + " }"]
        }
        if usesTimedArrays {
            body += ["if (sb_timed_failed) {",
                     "    sb_timed_failed = 0;",
                     "    snprintf(error, 512, \"A 2-D TimedArray was called with the index %g\", sb_timed_bad_column);",
                     "    return 1;",
                     "}"]
        }
        let lines = (declarations + body + ["return 0;"]).map { "    " + $0 }
        return """
            int \(name)(sb_buffer **b, sb_queue **q, const double *restrict c, uint64_t seed, char *error\(threadParameters)\(emittingBlock ? ", int64_t _lo, int64_t _hi" : "")) {
            \(lines.joined(separator: "\n"))
            }

            """
    }

    private var threadParameters: String { threadForm ? ", int64_t _thread, int64_t _group" : "" }

    /// Whether the kernel has an optimistic form (see ``optimistic``): a range loop whose last
    /// operation is the guard of its stores (every check of the loop is the guard's, see
    /// ``rangeLoop(_:_:_:)``), and no check before the loop.
    private var hasOptimisticForm: Bool {
        guard case .range = kernel.iteration, CEmitter.guardsStores(kernel.vector) else { return false }
        return !kernel.scalar.contains { if case .checkFinite = $0 { true } else { false } }
    }

    /// Whether `operations` end in the guard of their stores by the values being finite (see
    /// `FiniteChecks`), which their checks are then left to.
    private static func guardsStores(_ operations: [KernelOperation]) -> Bool {
        if case .when(.call(.builtin(KernelFunctionNames.finite), _), _)? = operations.last { true } else { false }
    }

    /// What a kernel returns when a ``FiniteCheck`` failed (1 for other errors).
    package static let nonFiniteStatus: Int32 = 2

    /// What a kernel returns when a buffer could not grow (see `BufferGrowth`).
    package static let growthFailedStatus: Int32 = 3

    /// The C statements reporting that the buffer whose header is at `buffer` could not grow to
    /// `elements` elements (`bytes` bytes): numbers only (the header's address, the elements, the
    /// bytes), which ``Binding/growthError(_:in:)`` words; they forget the recorded failure and
    /// return ``growthFailedStatus``.
    static func growthReport(buffer: String, elements: String, bytes: String) -> String {
        "snprintf(error, 512, \"%llu %lld %lld\", (unsigned long long)(\(buffer)), (long long)(\(elements)), "
            + "(long long)(\(bytes))); sb_growth_failed = 0; return \(growthFailedStatus);"
    }

    /// The message of a failed finite check from what the kernel wrote (the check's number from
    /// 1, the element, the value and the element's last value), with the kernel's `checks`.
    package static func nonFiniteMessage(_ numbers: String, checks: [FiniteCheck]) -> String {
        let fields = numbers.split(separator: " ").map { strtod(String($0), nil) }
        guard fields.count == 4, let k = Int(exactly: fields[0]), k >= 1, k <= checks.count else { return numbers }
        let check = checks[k - 1]
        return check.message(value: fields[2], index: Int(fields[1]), time: check.time[0], last: fields[3])
    }

    private mutating func markGrowth(_ operation: KernelOperation) {
        switch operation {
        case .emit(let list): grown.insert(ObjectIdentifier(list))
        case .enqueue: enqueues = true
        case .append(_, let buffer): grown.insert(ObjectIdentifier(buffer))
        case .appendIndex(_, let buffer): grown.insert(ObjectIdentifier(buffer))
        case .connect(let sink, _):
            grown.insert(ObjectIdentifier(sink.pre))
            grown.insert(ObjectIdentifier(sink.post))
        case .when(_, let inner): inner.forEach { markGrowth($0) }
        default: break
        }
    }

    private mutating func loop(_ iteration: Iteration, _ operations: [KernelOperation]) throws -> [String] {
        if perThread { return try threadElement(iteration, operations) }
        if emittingBlock, case .range = iteration {
            if let (condition, inner) = CEmitter.batchableCondition(operations) {
                return try batched("_lo", "_hi", condition, inner)
            }
            return try rangeLoop("_lo", "_hi", operations)
        }
        if case .range(let lower, let upper) = iteration, parallel {
            // This thread's part: the same split for every kernel over the same range.
            let part = ["const int64_t _lo = \(lower) + (int64_t)(\(upper - lower)LL * sb_part / sb_parts);",
                        "const int64_t _hi = \(lower) + (int64_t)(\(upper - lower)LL * (sb_part + 1) / sb_parts);"]
            if let list = partEvents {
                return part + (try joinedEvents(list))
            }
            if let (condition, inner) = CEmitter.batchableCondition(operations) {
                return part + (try batched("_lo", "_hi", condition, inner))
            }
            return part + (try rangeLoop("_lo", "_hi", operations))
        }
        if case .range(let lower, let upper) = iteration, let (condition, inner) = CEmitter.batchableCondition(operations) {
            return try batched("\(lower)", "\(upper)", condition, inner)
        }
        var body: [String] = []   // a range loop emits its own (see rangeLoop), a synapses loop may
        switch iteration {
        case .range, .synapses: break
        default: body = try operations.flatMap { try operation($0, indent: "        ") }
        }
        var owned: [String] = []
        if let targets = partTargets {
            // Only the synapses whose target is in this thread's part; the first and the last part
            // reach out to every index, so that each synapse is run by exactly one thread.
            let target = try index(targets)
            owned = try targetPart(through: targets) + ["if (\(target) < _tlo || \(target) >= _thi) continue;"]
        }
        switch iteration {
        case .range(let lower, let upper):
            return try rangeLoop("\(lower)", "\(upper)", operations)
        case .events(let list, let lower, let upper):
            let events = ints(list), count = "\(header(list))->count"
            return ["for (int64_t _k = 0; _k < \(count); _k++) {",
                    "    _idx = \(events)[_k];",
                    "    if (_idx < \(lower) || _idx >= \(upper)) continue;"] + body.map { String($0.dropFirst(4)) } + ["}"]
        case .indices(let list):
            let entries = ints(list), count = "\(header(list))->count"
            return ["for (int64_t _k = 0; _k < \(count); _k++) {", "    _idx = \(entries)[_k];"]
                + body.map { String($0.dropFirst(4)) } + ["}"]
        case .synapses(let events, let lower, let upper, let offsets, let members, let order):
            // The loop over sorted rows first, its checks then numbered again by the plain loop's.
            let first = finiteChecks.count
            let part = try members == nil ? order.flatMap { try partOfRows(events, lower, upper, offsets, $0, operations) } : nil
            finiteChecks.removeLast(finiteChecks.count - first)
            let plain = try synapsesLoop(events, lower, upper, offsets, members, operations, skip: Array(owned.suffix(1)))
            guard let part, let order else { return Array(owned.dropLast()) + plain }
            return Array(owned.dropLast()) + ["if (\(ints(order.sorted))[0] && sb_parts > 1) {"] + part.map { "    " + $0 }
                + ["} else {"] + plain.map { "    " + $0 } + ["}"]
        case .queue(let spikeQueue):
            let queue = self.queue(spikeQueue)
            // The index maps of a synapse a few places further in the slot are fetched into the
            // cache ahead (with heterogeneous delays a slot's synapses are scattered); no result changes.
            let ahead = CEmitter.mappedIndices(operations).map {
                "    if (_k + \(CEmitter.prefetchDistance) < _slot->count) "
                    + "sb_prefetch(&\(ints($0))[((int32_t *)_slot->data)[_k + \(CEmitter.prefetchDistance)]]);"
            }
            return Array(owned.dropLast()) + ["sb_buffer *_slot = \(queue)->slots[\(queue)->cursor];",
                    "for (int64_t _k = 0; _k < _slot->count; _k++) {"] + ahead + [
                    "    _idx = ((int32_t *)_slot->data)[_k];"] + owned.suffix(1).map { "    " + $0 }
                + body.map { String($0.dropFirst(4)) } + ["}"]
        case .pairs(let space):
            return try pairs(space, body)
        case .sortedRun(let keys, let cursor, let bound):
            let key = doubles(keys), count = "\(header(keys))->count"
            let position = doubles(cursor), limit = doubles(bound)
            return ["{",
                    "    int64_t _first = (int64_t)\(position)[0], _end;",
                    "    if (_first < 0) _first = 0;",
                    "    for (_end = _first; _end < \(count) && \(key)[_end] <= \(limit)[0]; _end++) {}",
                    "    \(position)[0] = (double)_end;",
                    "    for (_idx = _first; _idx < _end; _idx++) {"] + body + ["    }", "}"]
        }
    }

    /// The plain loop over the synapses of each event, in list order (`skip`: a parallel
    /// pathway's test of the synapse's target, see ``Kernel/targetPartition``).
    private mutating func synapsesLoop(_ events: IndexBuffer, _ lower: Int, _ upper: Int, _ offsets: IndexBuffer,
                                       _ members: IndexBuffer?, _ operations: [KernelOperation],
                                       skip: [String]) throws -> [String] {
        let offset = ints(offsets)
        let member = members.map { ints($0) }
        let event = eventLoop(events, lower, upper)
        if partTargets == nil, members == nil, operations.count == 1,
           case .enqueue(let spikeQueue, let steps) = operations[0] {
            // A pathway's push: each spike's synapses, a range, into the queue at once.
            let range = "\(offset)[_e - \(lower)], \(offset)[_e - \(lower) + 1]"
            let push: String
            switch steps {
            case .indexValue(let delays, .element):
                let targets = spikeQueue.targets.map { ints($0) } ?? "0"
                push = "sb_queue_push_each(\(queue(spikeQueue)), \(range), \(ints(delays)), \(targets));"
            case .indexValue(_, .shared) where spikeQueue.targets == nil:
                push = "sb_queue_push_range(\(queue(spikeQueue)), \(range), (int64_t)(\(try expression(steps))));"
            default:
                push = ""
            }
            if !push.isEmpty { return event + ["    " + push, "}"] }
        }
        if partTargets == nil, members == nil, Kernel.independentIterations(operations) {
            // The synapses of an event are a range of independent elements: a range loop,
            // which vectorizes (on_post updates of all the synapses of a target).
            let range = ["    const int64_t _first = \(offset)[_e - \(lower)], _last = \(offset)[_e - \(lower) + 1];"]
            return event + range + (try rangeLoop("_first", "_last", operations)).map { "    " + $0 } + ["}"]
        }
        if partTargets == nil, CEmitter.lanesCheckTogether(operations) {
            // The checks of finite values of a run of synapses at once (see ``checkedLanes``).
            let synapse = { (position: String) in member.map { "\($0)[\(position)]" } ?? position }
            let lanes = try checkedLanes(counter: "_s", last: "_last", lane: synapse, operations)
            let body = try operations.flatMap { try operation($0, indent: "        ") }
            return event + ["    const int64_t _last = \(offset)[_e - \(lower) + 1];",
                            "    int64_t _s = \(offset)[_e - \(lower)];"] + lanes.map { "    " + $0 }
                + ["    for (; _s < _last; _s++) {", "        _idx = \(synapse("_s"));"] + body + ["    }", "}"]
        }
        let body = try operations.flatMap { try operation($0, indent: "        ") }
        return event
            + ["    for (int64_t _s = \(offset)[_e - \(lower)]; _s < \(offset)[_e - \(lower) + 1]; _s++) {",
               "        _idx = \(member.map { "\($0)[_s]" } ?? "_s");"] + skip.map { "        " + $0 }
            + body + ["    }", "}"]
    }

    /// The head of a loop over the events of `events` within `lower..<upper`, each `_e` (its place
    /// in the list `_k`); the loop's body and closing brace follow.
    private mutating func eventLoop(_ events: IndexBuffer, _ lower: Int, _ upper: Int) -> [String] {
        ["for (int64_t _k = 0; _k < \(header(events))->count; _k++) {",
         "    const int64_t _e = \(ints(events))[_k];",
         "    if (_e < \(lower) || _e >= \(upper)) continue;"]
    }

    /// The loop of a parallel pathway's part (see ``Kernel/targetPartition``) when its rows are
    /// in order of target (see ``TargetOrder``): in each event's row, its synapses are those from
    /// the first whose target is at least `_tlo` to the first at least `_thi` (searches, none at
    /// the open end of the first and the last part),
    /// run in row order as the plain loop runs them, eight at a time with their checks where
    /// ``checkedLanes(counter:last:lane:_:)`` applies. Why: the plain loop of a part reads every
    /// synapse of the step and skips those outside the part (a branch the processor cannot
    /// predict, and the whole stream of targets read by every thread); this one reads only its
    /// own (2026-12-02, AMD Zen 3, two threads, interleaved runs of `bench`, run_s:
    /// synapses_only at N = 40,000 7.7–8.2 → 3.6–4.0 s, at 4,000 0.11–0.20 → 0.06–0.08 s; CUBA at
    /// 40,000 0.78–0.89 → 0.65–0.86 s). Its failed checks are met in the plain loop's order, the
    /// part's first one first. Nil for other kernels.
    /// (Running one thread's synapses by blocks of a few thousand targets, so that the targets
    /// written stay in the first-level cache from one spike to the next, gained nothing on AMD
    /// Zen 3, whose 512 KB second-level cache holds the targets of synapses_only at N = 40,000:
    /// one thread, interleaved runs of `bench`, cpu_s 3.49–3.77 s blocked, 3.53–3.63 s plain.)
    private mutating func partOfRows(_ events: IndexBuffer, _ lower: Int, _ upper: Int, _ offsets: IndexBuffer,
                                     _ order: TargetOrder, _ operations: [KernelOperation]) throws -> [String]? {
        guard let partTargets, partTargets == .mapped(order.targets) else { return nil }
        let offset = ints(offsets), post = ints(order.targets)
        let row = "\(offset)[_e - \(lower)], \(offset)[_e - \(lower) + 1]"
        var lines = eventLoop(events, lower, upper) + [
                     "    int64_t _s = _tlo == INT64_MIN ? \(offset)[_e - \(lower)] : sb_first_at_least(\(post), \(row), _tlo);",
                     "    const int64_t _last = _thi == INT64_MAX ? \(offset)[_e - \(lower) + 1]",
                     "        : sb_first_at_least(\(post), _s, \(offset)[_e - \(lower) + 1], _thi);"]
        if CEmitter.lanesCheckTogether(operations) {
            lines += try checkedLanes(counter: "_s", last: "_last", lane: { $0 }, operations).map { "    " + $0 }
        }
        let body = try operations.flatMap { try operation($0, indent: "        ") }
        return lines + ["    for (; _s < _last; _s++) {", "        _idx = _s;"] + body + ["    }", "}"]
    }

    /// The element of `iteration` that the thread `_thread` of group `_group` runs `operations`
    /// on (see ``emitThread(_:name:perThread:)``).
    private mutating func threadElement(_ iteration: Iteration, _ operations: [KernelOperation]) throws -> [String] {
        let body = try operations.flatMap { try operation($0, indent: "") }
        switch iteration {
        case .range(let lower, let upper):
            return ["_idx = \(lower) + _thread;", "if (_idx >= \(upper)) return 0;"] + body
        case .events(let list, let lower, let upper):
            return ["if (_thread >= \(header(list))->count) return 0;",
                    "_idx = \(ints(list))[_thread];",
                    "if (_idx < \(lower) || _idx >= \(upper)) return 0;"] + body
        case .synapses(let events, let lower, let upper, let offsets, let members, _):
            let offset = ints(offsets)
            return ["if (_group >= \(header(events))->count) return 0;",
                    "const int64_t _e = \(ints(events))[_group];",
                    "if (_e < \(lower) || _e >= \(upper)) return 0;",
                    "const int64_t _s = \(offset)[_e - \(lower)] + _thread;",
                    "if (_s >= \(offset)[_e - \(lower) + 1]) return 0;",
                    "_idx = \(members.map { "\(ints($0))[_s]" } ?? "_s");"] + body
        case .queue(let spikeQueue):
            let queue = self.queue(spikeQueue)
            return ["const sb_buffer *const _slot = \(queue)->slots[\(queue)->cursor];",
                    "if (_thread >= _slot->count) return 0;",
                    "_idx = ((const int32_t *)_slot->data)[_thread];"] + body
        default:
            throw Unsupported(reason: "a kernel over \(iteration) does not run one element per thread")
        }
    }

    /// The range loop of a parallel threshold (see ``Kernel/parallelEvents``) over this thread's
    /// part `_lo..<_hi`: part 0 appends its events to the list itself (made long enough for the
    /// whole range first), each other part to its own list in the pool, and notes their number;
    /// once all have finished, the join function (see ``joinFunction(name:)``) copies them after
    /// part 0's, so that the list holds them in the order of one thread's scan. On one thread
    /// (the pool busy) the scan fills the list alone.
    private mutating func joinedEvents(_ list: IndexBuffer) throws -> [String] {
        guard case .range(let lower, let upper) = kernel.iteration else { return [] }
        let events = header(list)
        let scan = try CEmitter.batchableCondition(kernel.vector).map { try batched("_lo", "_scan_hi", $0.0, $0.1) }
            ?? rangeLoop("_lo", "_scan_hi", kernel.vector)
        let outOfMemory = CEmitter.eventsOutOfMemory(upper - lower, list: events)
        return ["sb_buffer *const _own = sb_part == 0 ? \(events) : &sb_pool.scratch[sb_part];",
                "int _short = sb_reserve(_own, sb_part == 0 ? \(upper - lower) : _hi - _lo, sizeof(int32_t));",
                "const int64_t _scan_hi = _short ? _lo : _hi;",
                "int32_t *const _ev = (int32_t *)_own->data;",
                "int64_t _nev = 0;"] + scan + [
                "if (sb_parts > 1) sb_pool.counts[sb_part] = _short ? -1 : _nev;",
                "else if (_short) { \(outOfMemory) }",
                "else \(events)->count = _nev;"]
    }

    /// The report of a parallel threshold that found no memory for the events of its `elements`
    /// elements (its parts' lists all count as its event list, whose header is at `list`).
    private static func eventsOutOfMemory(_ elements: Int, list: String) -> String {
        growthReport(buffer: list, elements: "\(elements)", bytes: "\(elements * MemoryLayout<Int32>.stride)")
    }

    /// What runs after the parts of a parallel kernel, on the calling thread (see
    /// ``CThreadPool``): a threshold's join of its parts' events (see ``joinedEvents(_:)``), as
    /// `int NAME_join(...)` with a kernel's arguments; nil for other kernels.
    private mutating func joinFunction(name: String) -> String? {
        guard parallel, let list = partEvents, case .range(let lower, let upper) = kernel.iteration else { return nil }
        let events = header(list)
        return """
            int \(name)_join(sb_buffer **b, sb_queue **q, const double *restrict c, uint64_t seed, char *error) {
                for (int _p = 0; _p < SB_THREADS; _p++) {
                    if (sb_pool.counts[_p] < 0) { \(events)->count = 0; \(CEmitter.eventsOutOfMemory(upper - lower, list: events)) }
                }
                int64_t _total = sb_pool.counts[0];
                for (int _p = 1; _p < SB_THREADS; _p++) {
                    memcpy((int32_t *)\(events)->data + _total, sb_pool.scratch[_p].data, (size_t)sb_pool.counts[_p] * sizeof(int32_t));
                    _total += sb_pool.counts[_p];
                }
                \(events)->count = _total;
                return 0;
            }

            """
    }

    /// How many synapses a parallel pathway runs this step, as `int64_t NAME_work(sb_buffer **b,
    /// sb_queue **q)`: the loop splits it only when they are enough to pay for the threads'
    /// meeting (see ``CLoopEmitter``); nil for other kernels.
    private mutating func workFunction(name: String) -> String? {
        guard parallel, partTargets != nil else { return nil }
        let count: [String]
        switch kernel.iteration {
        case .synapses(let events, let lower, let upper, let offsets, _, _):
            let list = "((const int32_t *)\(header(events))->data)", offset = "((const int32_t *)\(header(offsets))->data)"
            count = ["int64_t _n = 0;",
                     "for (int64_t _k = 0; _k < \(header(events))->count; _k++) {",
                     "    const int64_t _e = \(list)[_k];",
                     "    if (_e >= \(lower) && _e < \(upper)) _n += \(offset)[_e - \(lower) + 1] - \(offset)[_e - \(lower)];",
                     "}",
                     "return _n;"]
        case .queue(let spikeQueue):
            let queue = self.queue(spikeQueue)
            count = ["return \(queue)->slots[\(queue)->cursor]->count;"]
        default:
            return nil
        }
        return "int64_t \(name)_work(sb_buffer **b, sb_queue **q) {\n" + count.map { "    " + $0 + "\n" }.joined() + "}\n"
    }

    /// The position of the current synapse in the order one thread visits them: the event's place
    /// in the list, then the synapse's place among the event's (a queue's slot: its place there).
    private mutating func visitPosition(of synapse: String = "_s") -> String {
        if case .synapses(_, let lower, _, let offsets, _, _) = kernel.iteration {
            return "((_k << 32) + (\(synapse) - \(ints(offsets))[_e - \(lower)]))"
        }
        return "_k"
    }

    /// The bounds `_tlo..<_thi` of the targets of a parallel pathway's thread (see
    /// ``Kernel/targetPartition``): its part of the elements of the first postsynaptic variable the
    /// pathway writes, the first part from the lowest index on, the last to the highest.
    private mutating func targetPart(through map: IndexMap) throws -> [String] {
        guard let written = writtenTarget(through: map) else { return [] }
        targetCount = written.count
        return ["const int64_t _tn = \(header(written))->count;",
                "const int64_t _tlo = sb_part == 0 ? INT64_MIN : _tn * sb_part / sb_parts;",
                "const int64_t _thi = sb_part == sb_parts - 1 ? INT64_MAX : _tn * (sb_part + 1) / sb_parts;"]
    }

    /// The first postsynaptic variable the kernel writes through `map`.
    private func writtenTarget(through map: IndexMap) -> DoubleBuffer? {
        var written: DoubleBuffer?
        func find(_ operations: [KernelOperation]) {
            for operation in operations where written == nil {
                switch operation {
                case .store(let reference, _): if reference.index == map { written = reference.buffer }
                case .when(_, let nested): find(nested)
                default: break
                }
            }
        }
        find(kernel.vector)
        return written
    }

    /// The loop over the candidate pairs of `space` (see ``PairSpace``): every candidate of a row,
    /// or, with a probability, the candidates the geometric skipping selects, with the same draws
    /// and the same arithmetic as the interpreter.
    private mutating func pairs(_ space: PairSpace, _ body: [String]) throws -> [String] {
        let start = try expression(space.columnStart), stop = try expression(space.columnStop)
        let step = space.columnStep
        let rows = "for (_row = \(space.rows.lowerBound); _row < \(space.rows.upperBound); _row++) {"
        let bounds = "    int64_t _start = (int64_t)(\(start)), _stop = (int64_t)(\(stop));"
        guard !space.visitsAll else {
            return [rows, bounds,
                    "    for (_col = _start; \(step > 0 ? "_col < _stop" : "_col > _stop"); _col += \(step)) {",
                    "        _idx = _col;"] + body + ["    }", "}"]
        }
        let count = step > 0 ? "_stop > _start ? (_stop - _start + \(step - 1)) / \(step) : 0"
            : "_start > _stop ? (_start - _stop + \(-step - 1)) / \(-step) : 0"
        let draw = "sb_uniform(seed, \(kernel.random.stream)u, _row, _draw, \(space.skipSite)u)"
        // `_pos` moves past the candidate before the body, whose `continue` skips to the next one.
        return [rows, bounds,
                "    const int64_t _count = \(count);",
                "    const double _p = (double)(\(try expression(space.probability)));",
                "    if (!(_p > 0)) continue;",
                "    const double _logq = sb_log1p(-_p);",
                "    int64_t _pos = 0, _draw = 0;",
                "    for (;;) {",
                "        if (_p < 1) {",
                "            const double _gap = floor(sb_log(\(draw)) / _logq);",
                "            _draw++;",
                "            if (!(_gap < (double)(_count - _pos))) break;",
                "            _pos += (int64_t)_gap;",
                "        } else if (_pos >= _count) break;",
                "        _col = _start + _pos * \(step);",
                "        _idx = _col;",
                "        _pos++;"] + body + ["    }", "}"]
    }

    /// How many elements ``checkedLanes(counter:last:lane:_:)`` runs at a time.
    private static let checkedLaneCount = 8

    /// Whether `operations` (one synapse's effects) may run ``checkedLaneCount`` elements at a
    /// time with their finite checks taken together: they check values, and are only definitions,
    /// stores and checks (no condition, append or queue, whose order of effects the lanes would
    /// have to keep in other ways) of arithmetic without function calls (eight copies of STDP's
    /// on_pre, with its `exp`, took half as long again to compile and ran no faster).
    private static func lanesCheckTogether(_ operations: [KernelOperation]) -> Bool {
        var checks = false, calls = false
        for operation in operations {
            let value: KernelExpression
            switch operation {
            case .define(_, let defined), .store(_, let defined): value = defined
            case .checkFinite(let checked, _):
                value = checked
                checks = true
            default: return false
            }
            value.visit { if case .call = $0 { calls = true } }
        }
        return checks && !calls
    }

    /// The elements `counter..<last` (a variable declared before, left at the first element not
    /// run) ``checkedLaneCount`` at a time, for as long as that many are left: each element
    /// (`_idx = lane(counter + _j)`) runs `operations` in order, as the loop of one element would,
    /// but its finite checks only note the value and the element's last value in arrays of the
    /// lanes and whether all were finite (an `and`, which clang computes for all lanes in one
    /// vector). Only when one was not does a second pass over the lanes, in order, note the first
    /// that failed, as the element loop would have; the stores are the same either way. The
    /// branch and the note of each element's check leave the loop (one test per lanes instead of
    /// per element: synapses_only's delivery about 30% faster at N = 4000).
    private mutating func checkedLanes(counter: String, last: String, lane: (String) -> String,
                                       _ operations: [KernelOperation]) throws -> [String] {
        let lanes = CEmitter.checkedLaneCount, first = finiteChecks.count
        laneChecks = []
        let body = try operations.flatMap { try operation($0, indent: "        ") }
        let checks = laneChecks ?? []
        laneChecks = nil
        let arrays = checks.map { "double _new\($0.number)[\(lanes)], _old\($0.number)[\(lanes)];" }
        // A parallel pathway notes where one thread would meet the synapse (see CThreadPool).
        let at = partTargets == nil ? "" : " _bad_at = \(visitPosition(of: "\(counter) + _j"));"
        var scan: [String] = []
        for (k, check) in checks.enumerated() {
            scan += ["            \(k == 0 ? "if" : "else if") (!isfinite(_new\(check.number)[_j])) {",
                     "                _bad = \(check.number); _bad_idx = \(check.index);\(at)",
                     "                _bad_new = _new\(check.number)[_j]; _bad_old = _old\(check.number)[_j];",
                     "            }"]
        }
        // The element loop after the lanes numbers its checks as the lanes did.
        finiteChecks.removeLast(finiteChecks.count - first)
        return ["for (; \(counter) + \(lanes) <= \(last); \(counter) += \(lanes)) {"] + arrays.map { "    " + $0 }
            + ["    int _ok = 1;",
               "    " + CEmitter.unrolledLoop,
               "    for (int _j = 0; _j < \(lanes); _j++) {",
               "        _idx = \(lane("\(counter) + _j"));"] + body
            + ["    }",
               "    if (__builtin_expect(!_ok, 0) && !_bad) {",
               "        for (int _j = 0; _j < \(lanes) && !_bad; _j++) {",
               "            _idx = \(lane("\(counter) + _j"));"] + scan
            + ["        }", "    }", "}"]
    }

    /// Runs a loop of a constant count as that many copies of its body (clang).
    private static let unrolledLoop = "#pragma clang loop unroll(full)"

    /// How many queued synapses ahead a queue's loop fetches their index maps (see ``loop(_:_:)``).
    private static let prefetchDistance = 16

    /// The index maps through which `operations` read or write other elements (a synapse's
    /// target or source), each once, in order of appearance.
    private static func mappedIndices(_ operations: [KernelOperation]) -> [IndexBuffer] {
        var maps: [IndexBuffer] = []
        func note(_ index: IndexMap) {
            if case .mapped(let map) = index, !maps.contains(where: { $0 === map }) { maps.append(map) }
        }
        func collect(_ expression: KernelExpression) {
            expression.visit {
                switch $0 {
                case .load(let reference): note(reference.index)
                case .indexValue(_, let index): note(index)
                default: break
                }
            }
        }
        for operation in operations {
            let parts = CEmitter.parts(of: operation)
            if let stored = parts.stored { note(stored.index) }
            parts.values.forEach(collect)
            maps += mappedIndices(parts.conditional).filter { map in !maps.contains { $0 === map } }
        }
        return maps
    }

    /// `for (_idx = lower; _idx < upper; _idx++) operations`, in blocks when it draws random
    /// numbers for every element (see ``elementLoop(_:_:_:draws:pragma:)``). When the operations end in a
    /// guard of finite values (see `FiniteChecks`), the loop stores under that condition (the
    /// element's own value kept where it fails, see ``ownElement(_:)``) and notes the first
    /// element where it failed (`_firstbad`, a minimum, so the loop still vectorizes); that element
    /// kept its values, so computing it again with the checks (the operations emitted with
    /// ``checksGuarded`` off, drawing with `sb_normal` and `sb_uniform`, which give the block's values) finds the
    /// first check that failed, its value and the last finite one, as the interpreter reports
    /// them. A loop whose iterations are independent and whose values are a short computation runs
    /// a vector of elements at a time in a cheaper form first (see
    /// ``checkedVectors(_:_:_:)``).
    private mutating func rangeLoop(_ lower: String, _ upper: String, _ operations: [KernelOperation]) throws -> [String] {
        let calls = portableCalls
        let draws = PairDraw.sites(in: operations.flatMap { CEmitter.parts(of: $0).values })
        declaredDraws.formUnion(draws)
        let guarded = CEmitter.guardsStores(operations)
        blockDraws = draws
        checksGuarded = guarded
        let body = try operations.flatMap { try operation($0, indent: "        ") }
        blockDraws = []
        checksGuarded = false
        let chained = portableCalls > calls
        let pragma = !guarded && !Kernel.independentIterations(operations) ? []
            : chained ? [CEmitter.chainedLoop] : [CEmitter.independentLoop]
        guard guarded else { return elementLoop(lower, upper, body, draws: draws, pragma: pragma) }
        if emittingOptimistic {
            // Every value stored, its bits noted (see ``optimistic``), with the block's draws.
            checksGuarded = true
            blockDraws = draws
            let noted = try operations.flatMap { try operation($0, indent: "        ") }
            blockDraws = []
            checksGuarded = false
            return elementLoop(lower, upper, noted, draws: draws, pragma: pragma)
        }
        checksGuarded = true
        let vectors = draws.isEmpty && !chained ? try checkedVectors(lower, upper, operations) : nil
        checksGuarded = false
        let loop = elementLoop(vectors == nil ? lower : "_base", upper, body, draws: draws, pragma: pragma)
        let again = try operations.flatMap { try operation($0, indent: "        ") }
        return ["{", "    int64_t _firstbad = \(CEmitter.noElement);"] + (vectors ?? []).map { "    " + $0 }
            + loop.map { "    " + $0 }
            + ["    if (_firstbad != \(CEmitter.noElement) && !_bad) {", "        _idx = _firstbad;"] + again + ["    }", "}"]
    }

    /// The first part of a range loop whose stores are guarded by their values being finite (see
    /// ``rangeLoop(_:_:_:)``), for a loop whose iterations are independent (no user function, no
    /// TimedArray) and that calls no `PortableMath` function, whose guard only stores the
    /// element's own values: a vector of elements at a time (`SB_VECTOR_BYTES / 8`, the width
    /// clang vectorizes with), from `lower` on, it computes their values into arrays of the
    /// vector's lanes (registers, once vectorized), with the `or` of their `sb_nonfinite_bits`;
    /// when none is set, the values are stored as they are (one plain vector store each),
    /// otherwise the loop stops there and the guarded loop goes on from `_base`, which finds the
    /// same element and stores the same values as it would have from `lower` (nothing of that
    /// vector was stored). The guarded loop chooses each stored value bit by bit
    /// (`sb_fresh_if`) and notes the first failing element, which cost more than the computation
    /// itself in short updates (2026-12-02, AMD Zen 3, one thread, interleaved runs of `bench`,
    /// cpu_s: CUBA at N = 4,000 for 3 s 0.27–0.37 → 0.23–0.32, at 40,000 for 1 s 1.29–1.43 →
    /// 1.11–1.20; linear at N = 40,000 1.17–1.27 → 0.95–1.11. It also replaces blocks that
    /// computed cheap values twice, which were slower: linear at N = 4,000 for 5 s, 0.052–0.058 →
    /// 0.045–0.047 s).
    /// Loops of `PortableMath` functions keep the guarded form: they interleave four vectors
    /// (``chainedLoop``), and their computation outweighs the choices. Nil for other loops.
    private mutating func checkedVectors(_ lower: String, _ upper: String,
                                         _ operations: [KernelOperation]) throws -> [String]? {
        guard Kernel.independentIterations(operations),
              case .when(.call(.builtin(KernelFunctionNames.finite), let checked), let stores)? = operations.last
        else { return nil }
        var stored: [(target: String, value: KernelExpression)] = []
        for operation in stores {
            guard case .store(let reference, let value) = operation, case .element = reference.index else { return nil }
            stored.append(("&\(doubles(reference.buffer))[_base]", value))
        }
        guard !stored.isEmpty else { return nil }
        for operation in operations.dropLast() {
            switch operation {
            case .define, .checkFinite: continue   // the checks are the guard's (see checksGuarded)
            default: return nil
            }
        }
        let lanes = "SB_VECTOR_BYTES / 8"
        let computed = try operations.dropLast().flatMap { try operation($0, indent: "        ") }
        let flags = try checked.map { "sb_nonfinite_bits(\(try expression($0)))" }
        let values = try stored.enumerated().map { "        _lane\($0.offset)[_lane] = \(try expression($0.element.value));" }
        return ["int64_t _base = \(lower);",
                "for (; _base + \(lanes) <= \(upper); _base += \(lanes)) {",
                "    double " + stored.indices.map { "_lane\($0)[\(lanes)]" }.joined(separator: ", ") + ";",
                "    uint64_t _nonfinite[\(lanes)];",
                "    #pragma clang loop vectorize(enable) vectorize_width(\(lanes)) interleave_count(1) unroll(disable)",
                "    for (int64_t _lane = 0; _lane < \(lanes); _lane++) {",
                "        _idx = _base + _lane;"] + computed + values
            + ["        _nonfinite[_lane] = \(flags.joined(separator: " | "));", "    }",
               "    if (sb_any_word(_nonfinite)) break;"]
            + stored.enumerated().map { "    memcpy(\($0.element.target), _lane\($0.offset), sizeof _lane\($0.offset));" }
            + ["}"]
    }

    /// The loop over `lower..<upper` running `body` (indented for the inner loop of a block); in
    /// blocks of ``PairDraw/blockSize`` elements when it draws random numbers for every element
    /// (`draws`), each block drawing them for all its elements before its loop, pair by pair from
    /// the pair of its first element (see ``PairDraw``).
    private func elementLoop(_ lower: String, _ upper: String, _ body: [String], draws: Set<PairDraw>,
                             pragma: [String]) -> [String] {
        guard !draws.isEmpty else {
            return pragma + ["for (_idx = \(lower); _idx < \(upper); _idx++) {"] + body.map { String($0.dropFirst(4)) } + ["}"]
        }
        let size = PairDraw.blockSize
        return ["for (int64_t _base = \(lower); _base < \(upper); _base += \(size)) {",
                "    const int64_t _end = _base + \(size) < \(upper) ? _base + \(size) : \(upper);"]
            + pairDraws(draws).map { "    " + $0 } + pragma.map { "    " + $0 }
            + ["    for (_idx = _base; _idx < _end; _idx++) {"] + body + ["    }", "}"]
    }

    /// The loop filling the block arrays of `draws` for the block `_base..<_end` (see ``PairDraw``):
    /// a Philox block for two elements, and for normal draws a logarithm, a square root and a pair
    /// of sine and cosine polynomials, which ``chainedLoop`` interleaves.
    private func pairDraws(_ draws: Set<PairDraw>) -> [String] {
        PairDraw.fill(draws, stream: kernel.random.stream, step: stepVariable, pragma: CEmitter.chainedLoop)
    }

    /// What an operation evaluates for every element (values, a condition), the element it
    /// stores into and the operations it runs under its condition.
    private static func parts(of operation: KernelOperation)
        -> (values: [KernelExpression], stored: ArrayReference?, conditional: [KernelOperation]) {
        switch operation {
        case .store(let reference, _): return (operation.expressions, reference, [])
        case .when(_, let inner): return (operation.expressions, nil, inner)
        default: return (operation.expressions, nil, [])
        }
    }

    /// Tells clang that the iterations of the next loop touch different memory, so that it
    /// vectorizes the loop without proving it (it cannot, past a few buffers: `restrict` on the
    /// kernel's local pointers does not reach its alias analysis). The arithmetic is unchanged.
    private static let independentLoop = "#pragma clang loop vectorize(assume_safety)"

    /// ``independentLoop`` for a loop that calls `PortableMath` functions: their polynomials are
    /// long chains of dependent operations, which leave the processor waiting (a Hodgkin–Huxley
    /// state update ran at a fraction of its arithmetic throughput), and clang's cost model does
    /// not interleave a loop that large; four vectors of iterations, interleaved, fill the wait (a
    /// loop body of several such functions is longer than the processor's window of instructions,
    /// so the independent chains must be near one another in it: rallpack3's state update, 9 `exp`
    /// per compartment, took 25% less time with four than with two, and eight gained nothing more).
    /// The arithmetic of each element is unchanged.
    private static let chainedLoop = "#pragma clang loop vectorize(assume_safety) interleave_count(4)"

    /// `_firstbad` when no element failed (the largest `int64_t`, spelled out for NVRTC, which has
    /// no `INT64_MAX`).
    private static let noElement = "0x7FFFFFFFFFFFFFFFLL"

    /// Whether a store through `index` writes the loop's own element (no other iteration writes
    /// it): a store guarded by its values being finite is then written as a choice between the
    /// new value and the element's own (`x[i] = sb_fresh_if(finite, new, x[i])`, bitwise), the
    /// same bits, which the compiler vectorizes with plain stores. Under `if` (or as `finite ? new
    /// : x[i]`), clang stores through masks, which some processors run slowly (AMD Zen 3:
    /// `vmaskmovpd` is microcoded; CUBA at N = 4,000 took 2.7 times as long with the check as
    /// without).
    private static func ownElement(_ index: IndexMap) -> Bool {
        switch index {
        case .element, .offset: return true
        case .shared, .mapped, .row, .column: return false
        }
    }

    /// A loop of the form "for each element: if condition, then operations" (thresholds, Poisson
    /// draws, events) whose condition can be computed for a block of elements before any of the
    /// operations runs: the condition reads no buffer the operations write, except element-wise
    /// where they write element-wise too, calls no user function (which could see the order), and
    /// the operations write nothing through an index map that could reach another element. Then
    /// the conditions of a block are computed in a loop of their own, which the compiler
    /// vectorizes; the results are the same. It pays off when the condition draws random numbers
    /// (a Poisson group's spikes: Philox rounds vectorize well), and for plain thresholds too (CUBA
    /// at N = 40,000: about 10% of the run, the scan of `v > Vt` element by element).
    private static func batchableCondition(_ operations: [KernelOperation]) -> (KernelExpression, [KernelOperation])? {
        guard operations.count == 1, case .when(let condition, let inner) = operations[0] else { return nil }
        guard let written = Kernel.elementwiseWrites(inner, appending: true) else { return nil }
        var safe = true
        condition.visit { expression in
            switch expression {
            case .load(let reference):
                if let map = written[ObjectIdentifier(reference.buffer)], map != reference.index { safe = false }
            case .temporary, .indexValue, .row, .column, .eventCount, .call(.user, _): safe = false
            default: break
            }
        }
        return safe ? (condition, inner) : nil
    }

    /// The batched form of a conditional loop (see ``batchableCondition(_:)``), in blocks of
    /// ``PairDraw/blockSize``, whose random draws in the condition are drawn for the block first,
    /// two elements a Philox block (see ``PairDraw``). The loop that computes the conditions also
    /// notes whether any is true (an `or`, which vectorizes with it), and a block with none is
    /// done; the others are read back eight at a time: true ones are rare (a Poisson group's
    /// spikes), and eight false ones are one test.
    private mutating func batched(_ lower: String, _ upper: String, _ condition: KernelExpression,
                                  _ inner: [KernelOperation]) throws -> [String] {
        let draws = PairDraw.sites(in: [condition])
        declaredDraws.formUnion(draws)
        blockDraws = draws
        let test = try expression(condition)
        blockDraws = []
        let body = try inner.flatMap { try operation($0, indent: "                ") }
        let size = PairDraw.blockSize
        return ["for (int64_t _base = \(lower); _base < \(upper); _base += \(size)) {",
                "    const int64_t _end = _base + \(size) < \(upper) ? _base + \(size) : \(upper);",
                "    unsigned char _mask[\(size)] = {0}, _any = 0;"] + pairDraws(draws).map { "    " + $0 } + [
                "    for (_idx = _base; _idx < _end; _idx++) {",
                "        _mask[_idx - _base] = (\(test)) != 0;",
                "        _any |= _mask[_idx - _base];",
                "    }",
                "    if (!_any) continue;",
                "    for (int64_t _w = 0; _w < _end - _base; _w += 8) {",
                "        uint64_t _eight;",
                "        memcpy(&_eight, _mask + _w, 8);",
                "        if (!_eight) continue;",
                "        for (_idx = _base + _w; _idx < _base + _w + 8 && _idx < _end; _idx++) {",
                "            if (!_mask[_idx - _base]) continue;"] + body + ["        }", "    }", "}"]
    }

    /// Whether evaluating `expression` has effects beyond its value: it calls a user function
    /// or looks up a TimedArray.
    private static func hasEffects(_ expression: KernelExpression) -> Bool {
        var effects = false
        expression.visit { node in
            switch node {
            case .call(.user, _), .call(.timedArray, _): effects = true
            default: break
            }
        }
        return effects
    }

    private mutating func operation(_ operation: KernelOperation, indent: String) throws -> [String] {
        switch operation {
        case .define(let number, let value):
            temporaries.insert(number)
            if let reference = atomicSums[number], case .binary(let op, _, let term) = value {
                let addend = op == .add ? try expression(term) : "(-\(try expression(term)))"
                return ["\(indent)_t\(number) = sb_atomic_add_old(&\(try element(reference)), \(addend), &_atomic_old);"]
            }
            return ["\(indent)_t\(number) = \(try expression(value));"]
        case .store(let reference, let value):
            if case .temporary(let number) = value, atomicSums[number] == reference { return [] }
            if perThread, CEmitter.sharedElement(reference.index, queuedTargets: kernel.queuesTargets) {
                // Threads of other synapses may write the same element: the store must be an addition.
                guard case .binary(let op, .load(reference), let term) = value, op == .add || op == .subtract else {
                    throw Unsupported(reason: "'\(reference.buffer.name)' is set through a synapse's index other than by adding to it")
                }
                let addend = op == .add ? try expression(term) : "(-\(try expression(term)))"
                return ["\(indent)sb_atomic_add(&\(try element(reference)), \(addend));"]
            }
            return ["\(indent)\(try element(reference)) = \(try expression(value));"]
        case .emit(let list):
            if list === partEvents { return ["\(indent)_ev[_nev++] = (int32_t)_idx;"] }
            return ["\(indent)sb_append_i32(\(header(list)), (int32_t)_idx);"]
        case .append(let value, let buffer):
            return ["\(indent)sb_append_f64(\(header(buffer)), \(try expression(value)));"]
        case .appendIndex(let value, let buffer):
            return ["\(indent)sb_append_i32(\(header(buffer)), (int32_t)(\(try expression(value))));"]
        case .when(.call(.builtin(KernelFunctionNames.finite), let values), let inner) where checksGuarded:
            // Without `&&`, whose branches clang would turn back into stores under a condition.
            let checked = try values.map { try expression($0) }
            if emittingOptimistic {
                // One check of the values' sum: it is not finite where one of them is not (an
                // infinity plus anything is infinite or NaN), and where a sum of finite values
                // overflows, the chunk only runs again guarded. cuba's update checks three values:
                // two additions instead of two subtractions and two `or`s (2026-12-03).
                return ["\(indent)_seen |= sb_nonfinite_bits(\(checked.joined(separator: " + ")));"]
                    + (try inner.flatMap { try self.operation($0, indent: indent) })
            }
            let nonfinite = checked.map { "sb_nonfinite_bits(\($0))" }.joined(separator: " | ")
            let finite = "(\(nonfinite)) == 0"
            var kept: [String] = [], guarded: [String] = []
            for operation in inner {
                if case .store(let reference, let value) = operation, CEmitter.ownElement(reference.index) {
                    let target = try element(reference)
                    kept.append("\(indent)\(target) = sb_fresh_if(_finite, \(try expression(value)), \(target));")
                } else {
                    guarded += try self.operation(operation, indent: indent + "    ")
                }
            }
            return ["\(indent)const int _finite = \(finite);"] + kept
                + (guarded.isEmpty ? [] : ["\(indent)if (_finite) {"] + guarded + ["\(indent)}"])
                + ["\(indent)_firstbad = sb_min_index(_firstbad, _finite ? \(CEmitter.noElement) : _idx);"]
        case .when(let condition, let inner):
            return ["\(indent)if ((\(try expression(condition))) != 0) {"]
                + (try inner.flatMap { try self.operation($0, indent: indent + "    ") }) + ["\(indent)}"]
        case .clear(let list):
            // A parallel threshold sets the count once its parts are joined; one by blocks in the first.
            if emittingBlock, case .range(let lower, _) = kernel.iteration {
                return ["\(indent)if (_lo == \(lower)) \(header(list))->count = 0;"]
            }
            return list === partEvents ? [] : ["\(indent)\(header(list))->count = 0;"]
        case .enqueue(let spikeQueue, let steps):
            let entry = spikeQueue.targets.map { "\(ints($0))[_idx]" } ?? "(int32_t)_idx"
            return ["\(indent)sb_queue_push(\(queue(spikeQueue)), \(entry), (int64_t)(\(try expression(steps))));"]
        case .solveCables(let systems):
            // Each run of systems sharing a layout is solved by one call (see CCableStep).
            var lines: [String] = [], runs: [[CableSystem]] = []
            for system in systems {
                if let first = runs.last?.first, first.sharesLayout(with: system) {
                    runs[runs.count - 1].append(system)
                } else {
                    runs.append([system])
                }
            }
            for run in runs {
                let layout = run[0]
                let shared = [String(layout.sectionCount), String(layout.count), ints(layout.sectionStart),
                              ints(layout.sectionStop), ints(layout.sectionStartNode), ints(layout.sectionEntry),
                              ints(layout.childOffsets), ints(layout.childNodes)]
                let cells = run.map { system in
                    let fields = ["\(doubles(system.dt))[0]"] + CCableStep.fields(of: system).map { doubles($0) }
                    return "{" + fields.joined(separator: ", ") + "}"
                }
                lines += ["\(indent){",
                          "\(indent)    const sb_cable_layout _cable_layout = {\(shared.joined(separator: ", "))};",
                          "\(indent)    const sb_cable _cables[\(run.count)] = {\(cells.joined(separator: ", "))};",
                          "\(indent)    sb_cable_steps(&_cable_layout, _cables, \(run.count));",
                          "\(indent)}"]
            }
            return lines
        case .advance(let spikeQueue):
            return ["\(indent)sb_queue_advance(\(queue(spikeQueue)));"]
        case .checkFinite(let value, let check):
            if checksGuarded { return [] }
            finiteChecks.append(check)
            let x = try expression(value)
            if laneChecks != nil {
                // Noted for the lanes' check (see checkedLanes).
                let number = finiteChecks.count
                let position = try index(check.target.index)
                laneChecks?.append((number, position))
                return ["\(indent)_new\(number)[_j] = (double)(\(x)); _old\(number)[_j] = \(try element(check.target));",
                        "\(indent)_ok &= isfinite(_new\(number)[_j]) != 0;"]
            }
            // A parallel pathway notes where one thread would meet the synapse (see CThreadPool).
            let at = partTargets == nil ? "" : " _bad_at = \(visitPosition());"
            // An atomic sum has stored its value already: the element held what the addition gave back.
            var last = try element(check.target)
            if case .temporary(let number) = value, atomicSums[number] == check.target { last = "_atomic_old" }
            return ["\(indent)if (__builtin_expect(!isfinite(\(x)), 0) && !_bad) {",
                    "\(indent)    _bad = \(finiteChecks.count); _bad_idx = \(try index(check.target.index));\(at)",
                    "\(indent)    _bad_new = (double)(\(x)); _bad_old = \(last);",
                    "\(indent)}"]
        case .connect(let sink, let count):
            let pre = header(sink.pre), post = header(sink.post)
            let invalid = sink.skipInvalid ? "continue;"
                : "{ snprintf(error, 512, \"The synapse i = %lld \\u2192 j = %lld points outside the target group (j must be in 0..<\(sink.targetSize)); use skipIfInvalid: true to leave such synapses out\", (long long)_row, (long long)_col); return 1; }"
            let badCount = "{ snprintf(error, 512, \"n is %g for the pair i = %lld, j = %lld; the number of synapses per pair must be a whole number from 0 to \(Int32.max)\", _copies, (long long)_row, (long long)_col); return 1; }"
            let limit = "c[\(constantIndex(Double(sink.limit)))]"
            let full = "{ snprintf(error, 512, \"\(SynapseSink.limitMessage)\"); return 1; }"
            return ["\(indent){",
                    "\(indent)    if (_col < 0 || _col >= \(sink.targetSize)) \(invalid)",
                    "\(indent)    const double _copies = \(try expression(count));",
                    "\(indent)    if (!(_copies >= 0 && _copies <= \(Int32.max))) \(badCount)",
                    "\(indent)    if ((double)\(pre)->count + _copies > \(limit)) \(full)",
                    "\(indent)    for (int64_t _n = (int64_t)_copies; _n > 0; _n--) {",
                    "\(indent)        sb_append_i32(\(pre), (int32_t)(_row + \(sink.sourceStart)));",
                    "\(indent)        sb_append_i32(\(post), (int32_t)(_col + \(sink.targetStart)));",
                    "\(indent)    }",
                    "\(indent)}"]
        }
    }

    // MARK: Expressions

    private mutating func index(_ map: IndexMap) throws -> String {
        switch map {
        case .element: return "_idx"
        case .shared: return "0"
        case .offset(let offset): return "(_idx + \(offset))"
        case .mapped(let buffer): return "\(ints(buffer))[_idx]"
        case .row(let offset): return "(_row + \(offset))"
        case .column(let offset): return "(_col + \(offset))"
        }
    }

    private mutating func element(_ reference: ArrayReference) throws -> String {
        "\(doubles(reference.buffer))[\(try index(reference.index))]"
    }

    private mutating func expression(_ expression: KernelExpression) throws -> String {
        switch expression {
        case .constant(let value):
            return constant(value)
        case .load(let reference):
            return real(try element(reference))
        case .index:
            return "((\(precision.cType))_idx)"
        case .temporary(let number):
            return "_t\(number)"
        case .indexValue(let buffer, let map):
            return "((\(precision.cType))\(ints(buffer))[\(try index(map))])"
        case .eventCount(let list, let lower, let upper):
            return "sb_event_count(\(header(list)), \(lower), \(upper))"
        case .row:
            return "((\(precision.cType))_row)"
        case .column:
            return "((\(precision.cType))_col)"
        case .unary(let op, let operand):
            let value = try self.expression(operand)
            switch op {
            case .negate: return "(-\(value))"
            case .plus: return value
            case .not: return "((\(value)) == 0 ? \(one) : \(zero))"
            }
        case .binary(let op, let lhs, let rhs):
            let a = try self.expression(lhs), b = try self.expression(rhs)
            switch op {
            case .add, .subtract, .multiply, .divide: return "(\(a) \(op.rawValue) \(b))"
            case .floorDivide: return "\(precision.math("floor"))(\(a) / \(b))"
            case .modulo: return real("sb_mod(\(a), \(b))")
            case .power: return precision == .double ? "sb_pow(\(a), \(b))" : "powf(\(a), \(b))"
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
                return "((\(a) \(op.rawValue) \(b)) ? \(one) : \(zero))"
            // Both operands evaluated where the second has no effects (a user function's C code,
            // a TimedArray's flag of a bad column): a vector loop then loads it plainly, not
            // under a mask (cuba's threshold `v > Vt and not_refractory` at N = 40,000: 14% of
            // the run's samples before, 9% after; perf, 2026-12-03).
            case .and: return CEmitter.hasEffects(rhs) ? "(((\(a)) != 0 && (\(b)) != 0) ? \(one) : \(zero))"
                : "((((\(a)) != 0) & ((\(b)) != 0)) ? \(one) : \(zero))"
            case .or: return CEmitter.hasEffects(rhs) ? "(((\(a)) != 0 || (\(b)) != 0) ? \(one) : \(zero))"
                : "((((\(a)) != 0) | ((\(b)) != 0)) ? \(one) : \(zero))"
            }
        case .call(.builtin("int"), let arguments)
            where arguments.count == 1 && CEmitter.isTruthValue(arguments[0], among: truthTemporaries):
            // A truth value is its own truncation: `int(not_refractory)` in the refractory blend.
            return try self.expression(arguments[0])
        case .call(let function, let arguments):
            let values = try arguments.map { try self.expression($0) }
            return try call(function, values)
        case .random(let distribution, let site):
            let pairs: Bool
            if case .pairs = kernel.iteration { pairs = true } else { pairs = false }
            let key = pairs ? "_row, _col" : "\(stepVariable), _idx"
            let stream = kernel.random.stream
            switch distribution {
            case .uniform:
                let draw = PairDraw(normal: false, site: site)
                return real(blockDraws.contains(draw) ? draw.element : "sb_uniform(seed, \(stream)u, \(key), \(site)u)")
            case .normal:
                let draw = PairDraw(normal: true, site: site)
                return real(blockDraws.contains(draw) ? draw.element : "sb_normal(seed, \(stream)u, \(key), \(site)u)")
            case .poisson(let mean):
                return real("sb_poisson(\(try self.expression(mean)), seed, \(stream)u, \(key), \(site)u)")
            }
        }
    }

    /// Whether `expression`'s value is 0 or 1 whatever its operands: a comparison, `and`, `or`,
    /// `not`, or one of the temporaries `truth`.
    private static func isTruthValue(_ expression: KernelExpression, among truth: Set<Int>) -> Bool {
        switch expression {
        case .unary(.not, _): true
        case .binary(let op, _, _): op.isComparison || op.isLogical
        case .temporary(let number): truth.contains(number)
        case .call(.builtin("int"), let arguments): arguments.count == 1 && isTruthValue(arguments[0], among: truth)
        default: false
        }
    }

    /// The temporaries of `operations` every definition of which is a truth value (a temporary
    /// may be defined again, and a loop reads the last definition of the previous iteration).
    private static func truthTemporaries(in operations: [KernelOperation]) -> Set<Int> {
        var definitions: [Int: [KernelExpression]] = [:]
        for case .define(let number, let value) in operations.flattened { definitions[number, default: []].append(value) }
        var truth = Set(definitions.keys)
        while let number = truth.first(where: { definitions[$0, default: []].contains { !isTruthValue($0, among: truth) } }) {
            truth.remove(number)
        }
        return truth
    }

    private static let cNames: [String: String] = [
        "exp": "exp", "log": "log", "log10": "log10", "sqrt": "sqrt", "sin": "sin", "cos": "cos", "tan": "tan",
        "sinh": "sinh", "cosh": "cosh", "tanh": "tanh", "arcsin": "asin", "arccos": "acos", "arctan": "atan",
        "abs": "fabs", "floor": "floor", "ceil": "ceil", "sign": "sb_sign", "clip": "sb_clip", "int": "trunc",
        "exprel": "sb_exprel", "expm1": "expm1", "log1p": "log1p", "timestep": "sb_timestep",
        KernelFunctionNames.binomial: "sb_binomial", KernelFunctionNames.quotientThreshold: "sb_quotient_threshold",
    ]

    private mutating func call(_ function: KernelFunction, _ arguments: [String]) throws -> String {
        switch function {
        case .builtin(KernelFunctionNames.finite):
            return "((" + arguments.map { "isfinite(\($0))" }.joined(separator: " && ") + ") ? \(one) : \(zero))"
        case .builtin(let name):
            guard let cName = CEmitter.cNames[name] else {
                throw Unsupported(reason: "the function '\(name)' has no C implementation")
            }
            // In double precision, the interpreter's implementation (`PortableMath`).
            if precision == .double, let portable = PortableMath.unaryFunctions[name]?.c {
                portableCalls += 1
                return "\(portable)(\(arguments.joined(separator: ", ")))"
            }
            if cName.hasPrefix("sb_") { return real("\(cName)(\(arguments.joined(separator: ", ")))") }
            return "\(precision.math(cName))(\(arguments.joined(separator: ", ")))"
        case .user(let user):
            guard let c = user.cImplementation else {
                throw Unsupported(reason: "the user function '\(user.name)' has no C implementation")
            }
            if !userFunctions.contains(where: { $0.name == user.name && $0.cImplementation == c }) {
                userFunctions.append(user)
            }
            return real("\(c.name ?? user.name)(\(arguments.joined(separator: ", ")))")
        case .timedArray(let table):
            usesTimedArrays = true
            let values = doubles(table.values)
            return real("sb_timed(\(values), \(table.rows), \(table.columns), c[\(constantIndex(table.dt))], "
                        + "c[\(constantIndex(table.subdivisions))], \(arguments[0]), \(arguments.count > 1 ? arguments[1] : "0.0"))")
        }
    }
}

/// A buffer a generated function uses: its header, and the buffer object that keeps it alive.
package struct BufferReference {
    package let header: UnsafeMutableRawPointer
    package let owner: AnyObject

    package init<Element>(header: UnsafeMutablePointer<Element>, owner: AnyObject) {
        self.header = UnsafeMutableRawPointer(header)
        self.owner = owner
    }
}

extension Precision {
    /// The C type.
    var cType: String { self == .double ? "double" : "float" }

    /// The C math function `name` (`exp`) in this precision (`expf`).
    func math(_ name: String) -> String { self == .double ? name : name + "f" }
}
