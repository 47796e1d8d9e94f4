import SwiftBrianKernel

/// Which buffers of a run's cable systems the native backend binds to one copy, so that a
/// population of identical cells reads one set of coefficients instead of one per cell (what
/// a cell's step touches then stays in the processor's caches for more cells).
///
/// Decided at each `prepare`, from the values then set (``CableSystem/prepare(dt:axialResistivity:)``
/// has run): a cell whose values differ, or come to differ before a later run, keeps its own.
/// - The constant coefficients (diagonal, couplings, unit-response right-hand sides, the
///   conductances to the nodes, `dt`), which no kernel writes: equal contents, one copy for the run.
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
///
/// The results are those of separate copies, bit for bit; the interpreter keeps them separate.
struct CableSharing {
    /// The buffer bound in place of each shared one.
    private var replacements: [ObjectIdentifier: DoubleBuffer] = [:]

    /// The sharing of the cable systems the kernels solve.
    init(_ kernels: [Kernel]) {
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
        var written: Set<ObjectIdentifier> = [], conductances: [ObjectIdentifier: KernelExpression] = [:]
        for kernel in kernels {
            for operation in (kernel.scalar + kernel.vector).flattened {
                guard case .store(let reference, let value) = operation else { continue }
                written.insert(ObjectIdentifier(reference.buffer))
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
                        .map { buffer -> ObjectIdentifier in
                            let shared = representative(buffer, in: &coefficientContents)
                            if shared !== buffer { replacements[ObjectIdentifier(buffer)] = shared }
                            return ObjectIdentifier(shared)
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
}
