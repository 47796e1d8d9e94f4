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
///   coefficients are equal: it depends on nothing else but `gtot`, which `sb_cable_steps`
///   compares before using it, and a group whose neurons share it is solved one neuron after the
///   other unless every one keeps it.
///
/// The results are those of separate copies, bit for bit; the interpreter keeps them separate.
struct CableSharing {
    /// The buffer bound in place of each shared one.
    private var replacements: [ObjectIdentifier: DoubleBuffer] = [:]

    /// The sharing of the cable systems the kernels solve.
    init(_ kernels: [Kernel]) {
        var constants: [[UInt64]: DoubleBuffer] = [:]
        for kernel in kernels {
            for operation in (kernel.scalar + kernel.vector).flattened {
                guard case .solveCables(let systems) = operation else { continue }
                // Per system before it in this operation: the first of its layout, and the first
                // with its layout and coefficients.
                var layouts: [CableSystem] = [], factorizations: [(system: CableSystem, coefficients: [ObjectIdentifier])] = []
                for system in systems {
                    let coefficients = [system.diagonal, system.upper, system.lower, system.endResponse,
                                        system.startResponse, system.startConductance, system.endConductance, system.dt]
                        .map { buffer -> ObjectIdentifier in
                            let key = [UInt64(buffer.count)] + buffer.array.map(\.bitPattern)
                            let shared = constants[key] ?? buffer
                            constants[key] = shared
                            if shared !== buffer { replacements[ObjectIdentifier(buffer)] = shared }
                            return ObjectIdentifier(shared)
                        }
                    guard let layout = layouts.first(where: { $0.sharesLayout(with: system) }) else {
                        layouts.append(system)
                        factorizations.append((system, coefficients))
                        continue
                    }
                    share(layout.workSpace, in: system.workSpace)
                    if let owner = factorizations.first(where: { $0.coefficients == coefficients
                                                                 && $0.system.sharesLayout(with: system) }) {
                        share(owner.system.factorization, in: system.factorization)
                    } else {
                        factorizations.append((system, coefficients))
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
