import SwiftBrianKernel

extension Kernel {
    /// Whether the kernel's element loop may be split into ranges run by different threads with
    /// the same result: it loops over a range of elements whose iterations are independent (see
    /// ``independentIterations(_:)``), and the part before the loop only defines temporaries from
    /// values the loop does not write. State updates, per-element subexpressions and
    /// `run_regularly` code on a group qualify; thresholds (they append to the spike list, see
    /// ``parallelEvents``), resets (over the spike list) and everything synaptic (see
    /// ``targetPartition``) do not.
    package var runsElementwise: Bool {
        guard case .range = iteration, scalar.allSatisfy({ if case .define = $0 { true } else { false } }),
              let written = Kernel.elementwiseWrites(vector, appending: false) else {
            return false
        }
        return Kernel.readsOwnElements(scalar + vector, written: written)
    }

    /// Whether no iteration of a range loop over `operations` reads or writes memory another one
    /// writes: every buffer stored is stored and read at the loop index (or at one fixed offset
    /// from it), and nothing is appended, queued or called that could have effects (user
    /// functions, TimedArray lookups).
    package static func independentIterations(_ operations: [KernelOperation]) -> Bool {
        guard let written = elementwiseWrites(operations, appending: false) else { return false }
        return readsOwnElements(operations, written: written)
    }

    /// The event list of a threshold (or custom event) whose range may be split into parts, each
    /// scanned by one thread into a list of its own, the parts' lists then joined in part order:
    /// the order of one thread's scan. So it is when the part before the loop only clears that
    /// list (and defines temporaries), and the loop appends its element to that list and
    /// otherwise runs element-wise (as ``runsElementwise``: refractoriness, `lastspike`), reading
    /// nothing of the list.
    var parallelEvents: IndexBuffer? {
        guard case .range = iteration else { return nil }
        var cleared: IndexBuffer?
        for operation in scalar {
            switch operation {
            case .define: continue
            case .clear(let list) where cleared == nil: cleared = list
            default: return nil
            }
        }
        guard let list = cleared, Kernel.appends(vector, onlyTo: list),
              let written = Kernel.elementwiseWrites(vector, appending: true),
              Kernel.readsOwnElements(scalar + vector, written: written),
              !Kernel.listsRead(by: scalar + vector).contains(where: { $0 === list }) else {
            return nil
        }
        return list
    }

    /// The index buffer (the postsynaptic indices) by which a synaptic pathway's kernel may be
    /// split: each thread visits the spikes and their synapses in the order of one thread but runs only the
    /// synapses whose target lies in its part of the targets, so that every target receives its
    /// additions in the same order whatever the number of threads (no atomics); where the rows are
    /// in order of target, it reads only those synapses (see `CEmitter.partOfRows`). So it is when the
    /// kernel loops over the synapses of spikes through their source (`on_pre`) or over a queue,
    /// the part before the loop only defines temporaries, and the loop writes postsynaptic
    /// variables through that one buffer (`v_post += w`) and synaptic variables at the synapse,
    /// reads what it writes only where it writes it (not `v_pre` when `v_post` is written), and
    /// appends, queues and calls nothing. (A value that is not finite is reported for the first
    /// synapse one thread would meet: see `CEmitter`'s `_bad_at`.) `on_post` code (over the
    /// synapses of a target) and code writing both pre- and postsynaptic variables run on one
    /// thread; code writing only presynaptic variables is split by its source (all synapses of a
    /// spike on one thread). Over a queue of targets (``SpikeQueue/targets``) the loop index is
    /// the target: the kernel is split by the index itself (`.element`) when it writes only there.
    var targetPartition: IndexMap? {
        switch iteration {
        case .synapses(_, _, _, _, nil, _), .queue: break
        default: return nil
        }
        let queuedTargets = queuesTargets
        guard scalar.allSatisfy({ if case .define = $0 { true } else { false } }) else { return nil }
        var target: IndexMap? = queuedTargets ? .element : nil
        guard let written = Kernel.writes(vector, appending: false, through: { map in
            switch map {
            case .element: return true
            case .mapped where !queuedTargets:
                if target == nil { target = map }
                return target == map
            default: return false
            }
        }), let target, Kernel.readsOwnElements(scalar + vector, written: written) else {
            return nil
        }
        return target
    }

    /// Whether the only appending operations of `operations` append their element to `list`.
    private static func appends(_ operations: [KernelOperation], onlyTo list: IndexBuffer) -> Bool {
        operations.allSatisfy { operation in
            switch operation {
            case .emit(let other): other === list
            case .append, .appendIndex: false
            case .when(_, let nested): appends(nested, onlyTo: list)
            default: true
            }
        }
    }

    /// The index lists whose entries or count an expression of `operations` reads, each once
    /// for each read.
    static func listsRead(by operations: [KernelOperation]) -> [IndexBuffer] {
        var lists: [IndexBuffer] = []
        visitExpressions(operations) { node in
            switch node {
            case .indexValue(let buffer, _), .eventCount(let buffer, _, _): lists.append(buffer)
            default: break
            }
        }
        return lists
    }

    /// Calls `body` with every node of every expression of `operations`.
    static func visitExpressions(_ operations: [KernelOperation], _ body: (KernelExpression) -> Void) {
        for operation in operations {
            switch operation {
            case .define(_, let value), .store(_, let value), .checkFinite(let value, _), .append(let value, _),
                 .appendIndex(let value, _):
                value.visit(body)
            case .when(let condition, let nested):
                condition.visit(body)
                visitExpressions(nested, body)
            default: break
            }
        }
    }

    /// The buffers `operations` write (stores and checked stores), each with the one element-wise
    /// index (`.element` or `.offset`) of its writes; nil when one is written through another
    /// index or with two, or when an operation does more than define, store and check values
    /// (and, with `appending`, append to lists).
    package static func elementwiseWrites(_ operations: [KernelOperation], appending: Bool) -> [ObjectIdentifier: IndexMap]? {
        writes(operations, appending: appending) { map in
            switch map {
            case .element, .offset: true
            default: false
            }
        }
    }

    /// The buffers `operations` write, each with the one index of its writes, which `allowed`
    /// accepts; nil when one is written through another index or with two, or when an operation
    /// does more than define, store and check values (and, with `appending`, append to lists).
    private static func writes(_ operations: [KernelOperation], appending: Bool,
                               through allowed: (IndexMap) -> Bool) -> [ObjectIdentifier: IndexMap]? {
        var written: [ObjectIdentifier: IndexMap] = [:]
        func store(_ reference: ArrayReference) -> Bool {
            guard allowed(reference.index) else { return false }
            let id = ObjectIdentifier(reference.buffer)
            if let map = written[id], map != reference.index { return false }
            written[id] = reference.index
            return true
        }
        func collect(_ operations: [KernelOperation]) -> Bool {
            for operation in operations {
                switch operation {
                case .store(let reference, _): if !store(reference) { return false }
                case .checkFinite(_, let check): if !store(check.target) { return false }
                case .when(_, let nested): if !collect(nested) { return false }
                case .define: break
                case .emit, .append, .appendIndex: if !appending { return false }
                case .clear, .enqueue, .advance, .connect, .solveCables: return false
                }
            }
            return true
        }
        return collect(operations) ? written : nil
    }

    /// Whether the expressions of `operations` read the `written` buffers only at the index they
    /// are written at, and call no user function or TimedArray (which have effects beyond the
    /// element: C code that may keep state, the flag of a bad column).
    static func readsOwnElements(_ operations: [KernelOperation], written: [ObjectIdentifier: IndexMap]) -> Bool {
        var own = true
        visitExpressions(operations) { node in
            switch node {
            case .load(let reference):
                if let map = written[ObjectIdentifier(reference.buffer)], map != reference.index { own = false }
            case .call(.user, _), .call(.timedArray, _): own = false
            default: break
            }
        }
        return own
    }
}
