import SwiftBrianKernel

/// Which buffers of a run's cable systems the native backend binds to one copy, so that a
/// population of identical cells reads one set of coefficients instead of one per cell (what
/// a cell's step touches then stays in the processor's caches for more cells).
///
/// Decided at each `prepare`, from the values then set (``CableSystem/prepare(dt:axialResistivity:)``
/// has run): a cell whose values differ, or come to differ before a later run, keeps its own.
/// - The constant coefficients (diagonal, couplings, unit-response right-hand sides, the
///   conductances to the nodes, `dt`), which no kernel writes: equal contents, one copy for the run.
/// - The capacitance and area per compartment (`Cm`, `area`), which the step and the cells' kernels
///   (`I0` from a point current, say) read, when no kernel writes them and no network operation
///   runs (which could change them during the run): equal contents, one copy for the run (1000
///   ball-and-stick cells then stream 2 × 408 kB less per step: one thread, 9 interleaved rounds,
///   3 Dec 2026 06:18–06:19 UTC, run_s median 0.760 s before, 0.728 s after, faster in 9 of 9).
/// - Within one ``KernelOperation/solveCables(_:)`` (whose cells one thread solves, one group of
///   neurons after the other): the node system's work space of cells of one layout, which each
///   cell's step writes before reading; and the kept factorization (pivots, eliminated upper
///   diagonal, unit responses, the `gtot` it was made with) of cells of one layout whose
///   coefficients are equal and whose `gtot` is the same at every step (computed by the same
///   expression from constants and buffers of equal contents that no kernel writes; cells whose
///   constant `gtot` differs would otherwise re-factorize at every step, each undoing the other's:
///   300 cells of different `gL` ran 0.25 s instead of 0.16 s). The factorization depends on
///   nothing else but `gtot`, which `sb_cable_steps` compares before using it, and a group whose
///   neurons share it is solved one neuron after the other unless every one keeps it.
/// - Across the steps of one ``Lane`` (one thread's cells, one after the other): a cell's scratch,
///   the linearised membrane current (`gtot`, `I0`) and the solution, which its step writes before
///   reading and which nothing reads after the step's store of `v` (``scratchSharing``). Cells at
///   the same position of their solves share one copy: a population's few copies stay in the
///   first- or second-level cache, and each step streams only the cells' own state through the
///   third-level one (ball-and-stick: 8 arrays of 8 bytes per compartment touched per step
///   before, 5 after; 1000 cells on one thread, 23 interleaved pairs on a shared machine,
///   13:36–13:57 UTC: cpu_s 1.28–5.83 s, median 3.19, before, 1.04–4.57 s, median 2.13, after;
///   faster in 19 pairs, median ratio 0.73).
///
/// The results are those of separate copies, bit for bit; the interpreter keeps them separate.
struct CableSharing {
    /// Where a kernel runs: the kernels of one lane run one after the other, in schedule order, at
    /// every step of their clock; kernels of different lanes may run at the same time (parts of an
    /// ``IndependentGroup`` on different threads) or at different steps (different clocks).
    struct Lane: Hashable {
        var clock: Int
        var part: Int
    }

    /// The buffer bound in place of each shared one.
    private var replacements: [ObjectIdentifier: DoubleBuffer] = [:]

    /// The sharing of the cable systems the kernels solve; `lanes` holds each kernel's lane, nil
    /// for a kernel the interpreter runs (on the buffers themselves, not on what they are bound to).
    /// `networkOperations` tells whether code from Swift (a network operation) runs between the
    /// steps of the run: it may change any buffer, so what the cells only read is then not shared.
    init(_ kernels: [Kernel], lanes: [Lane?], networkOperations: Bool) {
        // The first buffer seen with given contents, among the coefficients (bound in place of the
        // others) and among what conductances read (only compared: a user's buffer that a network
        // operation may change is never bound in place of another).
        var coefficientContents: [[UInt64]: DoubleBuffer] = [:], readContents: [[UInt64]: DoubleBuffer] = [:]
        func representative(_ buffer: DoubleBuffer, in contents: inout [[UInt64]: DoubleBuffer]) -> DoubleBuffer {
            let key = [UInt64(buffer.count)] + buffer.array.map(\.bitPattern)
            let shared = contents[key] ?? buffer
            contents[key] = shared
            return shared
        }
        /// Binds `buffer`, which nothing changes during the run, to the first with its contents.
        func bindConstant(_ buffer: DoubleBuffer) -> DoubleBuffer {
            let shared = representative(buffer, in: &coefficientContents)
            if shared !== buffer { replacements[ObjectIdentifier(buffer)] = shared }
            return shared
        }
        // What any kernel may change (of a connection's, the buffers its operations name: its work
        // arrays are its own), and the value each buffer is stored from.
        var written: Set<ObjectIdentifier> = [], conductances: [ObjectIdentifier: KernelExpression] = [:]
        for kernel in kernels {
            let writes = KernelWrites(kernel, buffers: [])
            written.formUnion(writes.changed.union(writes.appended))
            for operation in (kernel.scalar + kernel.vector).flattened {
                guard case .store(let reference, let value) = operation else { continue }
                conductances[ObjectIdentifier(reference.buffer)] = value
            }
        }
        /// The expression `system`'s `gtot` is stored from, each buffer it reads replaced by the
        /// representative of its contents: equal for two systems whose `gtot` is equal at every
        /// step; nil when it reads what a kernel writes, or draws, calls a user's function or
        /// indexes through a map.
        func conductance(of system: CableSystem) -> KernelExpression? {
            func constant(_ expression: KernelExpression) -> KernelExpression? {
                switch expression {
                case .constant, .index: return expression
                case .load(let reference):
                    switch reference.index {
                    case .element, .shared, .offset: break
                    default: return nil
                    }
                    guard !written.contains(ObjectIdentifier(reference.buffer)) else { return nil }
                    return .load(ArrayReference(representative(reference.buffer, in: &readContents), reference.index))
                case .unary(let op, let x): return constant(x).map { .unary(op, $0) }
                case .binary(let op, let x, let y):
                    guard let x = constant(x), let y = constant(y) else { return nil }
                    return .binary(op, x, y)
                case .call(.builtin(let name), let arguments):
                    let converted = arguments.compactMap(constant)
                    return converted.count == arguments.count ? .call(.builtin(name), converted) : nil
                default: return nil
                }
            }
            return conductances[ObjectIdentifier(system.conductance)].flatMap(constant)
        }
        for kernel in kernels {
            for operation in (kernel.scalar + kernel.vector).flattened {
                guard case .solveCables(let systems) = operation else { continue }
                // Per system before it in this operation: the first of its layout, and the first
                // with its layout and coefficients.
                var layouts: [CableSystem] = []
                var factorizations: [(system: CableSystem, coefficients: [ObjectIdentifier], conductance: KernelExpression)] = []
                for system in systems {
                    let coefficients = [system.diagonal, system.upper, system.lower, system.endResponse,
                                        system.startResponse, system.startConductance, system.endConductance, system.dt]
                        .map { ObjectIdentifier(bindConstant($0)) }
                    if !networkOperations {
                        for buffer in [system.capacitance, system.area] where !written.contains(ObjectIdentifier(buffer)) {
                            _ = bindConstant(buffer)
                        }
                    }
                    if let layout = layouts.first(where: { $0.sharesLayout(with: system) }) {
                        share(layout.workSpace, in: system.workSpace)
                    } else {
                        layouts.append(system)
                    }
                    guard let conductance = conductance(of: system) else { continue }
                    if let owner = factorizations.first(where: { $0.coefficients == coefficients && $0.conductance == conductance
                                                                 && $0.system.sharesLayout(with: system) }) {
                        share(owner.system.factorization, in: system.factorization)
                    } else {
                        factorizations.append((system, coefficients, conductance))
                    }
                }
            }
        }
        for (system, owner) in CableSharing.scratchSharing(kernels, lanes: lanes) {
            share(owner.scratch, in: system.scratch)
        }
    }

    /// The systems whose scratch (``CableSystem/scratch``) can be bound to an earlier system's,
    /// each with that system: the earlier one at the same position of its solve, in the same
    /// lane, of the same size, whose kernels touching its scratch all run before the first of the
    /// system's. A system takes part when every kernel that touches its scratch runs natively in
    /// the lane of its solve, the first of them storing every element of `gtot`, and of `I0`,
    /// without reading it (the coefficients, before the solve), and the solve is the first to
    /// touch the solution (it writes it before reading it): so no value of the scratch is carried
    /// from before the system's first kernel of a step, nor read after its last.
    static func scratchSharing(_ kernels: [Kernel], lanes: [Lane?]) -> [(system: CableSystem, owner: CableSystem)] {
        // The kernels touching each scratch buffer, in order.
        var scratch: Set<ObjectIdentifier> = []
        for kernel in kernels {
            for case .solveCables(let systems) in (kernel.scalar + kernel.vector).flattened {
                for system in systems { scratch.formUnion(system.scratch.map(ObjectIdentifier.init)) }
            }
        }
        var users: [ObjectIdentifier: [Int]] = [:]
        for (k, kernel) in kernels.enumerated() {
            for buffer in kernel.touchedBuffers.intersection(scratch) { users[buffer, default: []].append(k) }
        }
        /// Whether the first kernel touching `buffer` (of `count` elements) stores every element
        /// and reads none, before kernel `solve`.
        func storedFirst(_ buffer: DoubleBuffer, before solve: Int) -> Bool {
            guard let first = users[ObjectIdentifier(buffer)]?.first, first < solve,
                  kernels[first].iteration == .range(0, buffer.count),
                  !kernels[first].loadedBuffers.contains(ObjectIdentifier(buffer)) else { return false }
            return kernels[first].vector.contains {
                if case .store(let reference, _) = $0 { reference.buffer === buffer && reference.index == .element } else { false }
            }
        }
        struct Slot: Hashable {
            var lane: Lane
            var position: Int
            var count: Int
        }
        // Per slot, its owner and the last kernel that touches the scratch of a system bound to it.
        var slots: [Slot: (owner: CableSystem, last: Int)] = [:]
        var result: [(system: CableSystem, owner: CableSystem)] = []
        for (k, kernel) in kernels.enumerated() {
            guard let lane = lanes[k] else { continue }
            for case .solveCables(let systems) in (kernel.scalar + kernel.vector).flattened {
                for (position, system) in systems.enumerated() {
                    let touching = system.scratch.flatMap { users[ObjectIdentifier($0)] ?? [] }
                    guard let first = touching.min(), let last = touching.max(),
                          touching.allSatisfy({ lanes[$0] == lane }), users[ObjectIdentifier(system.particular)]?.first == k,
                          storedFirst(system.conductance, before: k), storedFirst(system.current, before: k) else { continue }
                    let slot = Slot(lane: lane, position: position, count: system.count)
                    if let (owner, end) = slots[slot] {
                        guard end < first else { continue }
                        result.append((system, owner))
                        slots[slot] = (owner, last)
                    } else {
                        slots[slot] = (system, last)
                    }
                }
            }
        }
        return result
    }

    private mutating func share(_ owned: [DoubleBuffer], in buffers: [DoubleBuffer]) {
        for (owner, buffer) in zip(owned, buffers) { replacements[ObjectIdentifier(buffer)] = owner }
    }

    /// The buffer to bind for `reference`: the copy it shares, or itself.
    func binding(_ reference: BufferReference) -> BufferReference {
        guard let shared = replacements[ObjectIdentifier(reference.owner)] else { return reference }
        return BufferReference(header: shared.header, owner: shared)
    }

    /// Whether `buffer` is bound to another one's copy.
    func isShared(_ buffer: DoubleBuffer) -> Bool { replacements[ObjectIdentifier(buffer)] != nil }
}

private extension CableSystem {
    /// The node system's work space.
    var workSpace: [DoubleBuffer] { [nodeDiagonal, nodeParent, nodeValue, nodeChild] }
    /// The kept factorization.
    var factorization: [DoubleBuffer] { [pivot, factoredConductance, eliminated, towardsEnd, towardsStart] }
    /// What the step computes and uses within itself: the linearised current and the solution.
    var scratch: [DoubleBuffer] { [conductance, current, particular] }
    /// Every double buffer the step reads or writes.
    var touched: [DoubleBuffer] {
        [v, capacitance, capacitiveCurrent, diagonal, upper, lower, endResponse, startResponse, startConductance,
         endConductance, dt] + workSpace + factorization + scratch
    }
}

extension Kernel {
    /// The double buffers the kernel reads.
    var loadedBuffers: Set<ObjectIdentifier> {
        var buffers: Set<ObjectIdentifier> = []
        for operation in (scalar + vector).flattened {
            for value in operation.expressions {
                value.visit { node in
                    if case .load(let reference) = node { buffers.insert(ObjectIdentifier(reference.buffer)) }
                }
            }
            if case .solveCables(let systems) = operation {
                for system in systems { buffers.formUnion(system.touched.map(ObjectIdentifier.init)) }
            }
        }
        return buffers
    }

    /// The double buffers the kernel reads or writes.
    var touchedBuffers: Set<ObjectIdentifier> {
        var buffers = loadedBuffers
        for operation in (scalar + vector).flattened {
            switch operation {
            case .store(let reference, _): buffers.insert(ObjectIdentifier(reference.buffer))
            case .append(_, let buffer): buffers.insert(ObjectIdentifier(buffer))
            default: break
            }
        }
        return buffers
    }
}
