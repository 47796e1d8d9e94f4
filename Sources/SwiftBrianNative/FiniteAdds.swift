import SwiftBrianKernel

/// Finite checks that cannot fail: those of an addition of a constant, `x += c` (a pathway's
/// `w += 1.0`), while `x` is finite.
///
/// With `c` finite and |c| < 2^970, `x + c` is finite for every finite `x` in double precision:
/// it is at most `DBL_MAX + c`, which rounds to `DBL_MAX` (half a unit in the last place of
/// `DBL_MAX` is 2^970). So the check of `x += c` can fail only where `x` was not finite before, and
/// `x` can become so only through a store that no check watches, or where another check fails
/// (which stops the run, or makes an optimistic chunk run again guarded), or from outside the
/// whole-run loop (a user's value, a network operation, a kernel the interpreter runs). The
/// kernels that add constants to buffers every other write of which is checked get a form
/// without those checks (`NAME_finite_adds`), and the loop runs a chunk with it when the buffers
/// are finite at the chunk's start, which ``source(targets:)`` looks at. Where one is not, the
/// chunk runs with the checks, which report the first failure as the interpreter does.
///
/// The check of each effect costs more than the addition: synapses_only at N = 40,000 (4 MB of
/// `w += 1.0` a step, one thread) ran 3.2–3.7 s with it and 2.63–2.69 s without (2026-12-02).
enum FiniteAdds {
    /// The bound below which |c| keeps every sum of a finite `x` finite.
    static let largestConstant = 0x1p970

    /// The checks among `operations` (those under a condition included) that watch `x + c` or
    /// `c + x`, `c` a constant below ``largestConstant``, to be stored into `x`: the temporaries
    /// they check, with `x`'s buffer.
    static func checks(in operations: [KernelOperation]) -> [(temporary: Int, target: DoubleBuffer)] {
        var sums: [Int: ArrayReference] = [:], found: [(temporary: Int, target: DoubleBuffer)] = []
        for operation in operations.flattened {
            switch operation {
            case .define(let number, .binary(.add, .load(let reference), .constant(let c))),
                 .define(let number, .binary(.add, .constant(let c), .load(let reference))):
                if c.isFinite, abs(c) < largestConstant { sums[number] = reference }
            case .checkFinite(.temporary(let number), let check):
                if let reference = sums[number], reference == check.target { found.append((number, reference.buffer)) }
            default:
                break
            }
        }
        return found
    }

    /// `operations` without the checks of the temporaries `omitted`.
    static func removing(checks omitted: Set<Int>, from operations: [KernelOperation]) -> [KernelOperation] {
        guard !omitted.isEmpty else { return operations }
        return operations.compactMap { operation in
            switch operation {
            case .checkFinite(.temporary(let number), _) where omitted.contains(number): nil
            case .when(let condition, let inner): .when(condition, removing(checks: omitted, from: inner))
            default: operation
            }
        }
    }

    /// Whether every write into `buffer` among `kernels`' operations is checked: a store of a
    /// temporary whose value the kernel checks, or a store under the guard of finite values (see
    /// `FiniteChecks`).
    static func everyWriteChecked(_ buffer: DoubleBuffer, in kernels: [Kernel]) -> Bool {
        kernels.allSatisfy { kernel in
            let operations = kernel.scalar + kernel.vector
            var checked: Set<Int> = []
            for case .checkFinite(.temporary(let number), _) in operations.flattened { checked.insert(number) }
            return checkedWrites(operations, into: buffer, checked: checked, guarded: false)
        }
    }

    private static func checkedWrites(_ operations: [KernelOperation], into buffer: DoubleBuffer, checked: Set<Int>,
                                      guarded: Bool) -> Bool {
        operations.allSatisfy { operation in
            switch operation {
            case .store(let reference, let value):
                guard reference.buffer === buffer, !guarded else { return true }
                if case .temporary(let number) = value { return checked.contains(number) }
                return false
            case .when(let condition, let inner):
                var finiteGuard = guarded
                if case .call(.builtin(KernelFunctionNames.finite), _) = condition { finiteGuard = true }
                return checkedWrites(inner, into: buffer, checked: checked, guarded: finiteGuard)
            case .append(_, let values):
                return values !== buffer
            case .solveCables(let systems):
                return !systems.contains { CCableStep.written(by: $0).contains { $0 === buffer } }
            case .connect:
                return false
            case .define, .checkFinite, .clear, .emit, .appendIndex, .enqueue, .advance:
                return true
            }
        }
    }

    /// `static int sb_finite_adds_hold(sb_buffer ***kb)`: 1 when every element of the buffers
    /// `targets` (a kernel's position and the buffer's slot) is finite, so that the forms without
    /// the checks of additions may run.
    static func source(targets: [(kernel: Int, slot: Int)]) -> String {
        let list = targets.map { "{\($0.kernel), \($0.slot)}" }
        return """
            static const int sb_finite_adds_targets[][2] = {\(list.isEmpty ? "{0, 0}" : list.joined(separator: ", "))};
            static int sb_finite_adds_hold(sb_buffer ***kb) {
                for (int t = 0; t < \(targets.count); t++) {
                    const sb_buffer *buffer = kb[sb_finite_adds_targets[t][0]][sb_finite_adds_targets[t][1]];
                    const double *values = (const double *)buffer->data;
                    uint64_t seen = 0;
                    for (int64_t k = 0; k < buffer->count; k++) seen |= sb_nonfinite_bits(values[k]);
                    if (seen) return 0;
                }
                return 1;
            }

            """
    }
}
