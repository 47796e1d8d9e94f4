import SwiftBrianKernel

/// The effect of a delayed pathway as a loop over queued targets (see ``SpikeQueue/targets``):
/// when the code reaches the synapse only through its target (`V_post += -J`, the constants and
/// shared values aside), the queue can hold the targets and the effect run with its loop index at
/// the target. With heterogeneous delays a slot's synapses are scattered over the whole synapse
/// array, so looking their targets up costs a cache miss each: Brunel–Hakim with `4*ms*rand()`
/// delays (N = 50,000, 205 M effects a run) spent 2.7 s of 10 s there (perf, 13:19 UTC); the
/// targets read at the push lie side by side in the spike's row.
extension Synapses {
    /// `operations` with every reference through the synapse's target (`map`) made a reference at
    /// the loop index, or nil when they use anything else of the synapse: a synaptic variable, the
    /// synapse or neuron indices, a presynaptic variable, a random draw (keyed by the synapse).
    static func reachingOnlyTargets(_ operations: [KernelOperation], through map: IndexBuffer) -> [KernelOperation]? {
        func moved(_ reference: ArrayReference) -> ArrayReference? {
            switch reference.index {
            case .shared: return reference
            case .mapped(let buffer) where buffer === map: return ArrayReference(reference.buffer, .element)
            default: return nil
            }
        }
        func value(_ expression: KernelExpression) -> KernelExpression? {
            switch expression {
            case .constant, .temporary, .eventCount, .indexValue(_, .shared): return expression
            case .load(let loaded): return moved(loaded).map { .load($0) }
            case .unary(let op, let operand): return value(operand).map { .unary(op, $0) }
            case .binary(let op, let lhs, let rhs):
                guard let lhs = value(lhs), let rhs = value(rhs) else { return nil }
                return .binary(op, lhs, rhs)
            case .call(let function, let arguments):
                let mapped = arguments.compactMap(value)
                return mapped.count == arguments.count ? .call(function, mapped) : nil
            case .index, .indexValue, .row, .column, .random: return nil
            }
        }
        func rewritten(_ operation: KernelOperation) -> KernelOperation? {
            switch operation {
            case .define(let number, let defined): return value(defined).map { .define(number, $0) }
            case .store(let stored, let assigned):
                guard let stored = moved(stored), let assigned = value(assigned) else { return nil }
                return .store(stored, assigned)
            case .when(let condition, let inner):
                guard let condition = value(condition) else { return nil }
                let mapped = inner.compactMap(rewritten)
                return mapped.count == inner.count ? .when(condition, mapped) : nil
            case .checkFinite(let checked, let check):
                guard let checked = value(checked), let target = moved(check.target) else { return nil }
                var atTarget = check
                atTarget.target = target
                return .checkFinite(checked, atTarget)
            case .emit, .append, .appendIndex, .clear, .enqueue, .advance, .connect, .solveCables: return nil
            }
        }
        let mapped = operations.compactMap(rewritten)
        return mapped.count == operations.count ? mapped : nil
    }
}
