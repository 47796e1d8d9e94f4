import SwiftBrianKernel

extension Kernel {
    /// Whether the kernel's element loop may be split into ranges run by different threads with
    /// the same result: it loops over a range of elements, each element's operations write only
    /// that element (every write to a buffer uses one element-wise index, and every read of a
    /// written buffer uses the same index), the part before the loop only defines temporaries,
    /// and nothing appends to a list, pushes to a queue, connects synapses, solves a cable or
    /// calls a user function (whose C code may keep state). State updates, per-element
    /// subexpressions and `run_regularly` code on a group qualify; thresholds (they append to
    /// the spike list), resets (over the spike list) and everything synaptic do not.
    var runsElementwise: Bool {
        guard case .range = iteration, scalar.allSatisfy({ if case .define = $0 { true } else { false } }) else {
            return false
        }
        guard let written = Kernel.elementwiseWrites(vector, appending: false) else { return false }
        var safe = true
        func check(_ expression: KernelExpression) {
            expression.visit { node in
                switch node {
                case .load(let reference):
                    if let map = written[ObjectIdentifier(reference.buffer)], map != reference.index { safe = false }
                case .call(.user, _): safe = false
                default: break
                }
            }
        }
        func checkReads(_ operations: [KernelOperation]) {
            for operation in operations {
                switch operation {
                case .define(_, let value), .store(_, let value), .checkFinite(let value, _): check(value)
                case .when(let condition, let nested):
                    check(condition)
                    checkReads(nested)
                default: break
                }
            }
        }
        checkReads(scalar + vector)
        return safe
    }

    /// The buffers `operations` write, each with the one element-wise index (`.element` or
    /// `.offset`) of its writes; nil when one is written through another index or with two, or
    /// when an operation does more than define, store and check values (and, with `appending`,
    /// append to lists).
    static func elementwiseWrites(_ operations: [KernelOperation], appending: Bool) -> [ObjectIdentifier: IndexMap]? {
        var written: [ObjectIdentifier: IndexMap] = [:]
        func collect(_ operations: [KernelOperation]) -> Bool {
            for operation in operations {
                switch operation {
                case .store(let reference, _):
                    switch reference.index {
                    case .element, .offset: break
                    default: return false
                    }
                    let id = ObjectIdentifier(reference.buffer)
                    if let map = written[id], map != reference.index { return false }
                    written[id] = reference.index
                case .when(_, let nested): if !collect(nested) { return false }
                case .define, .checkFinite: break
                case .emit, .append, .appendIndex: if !appending { return false }
                case .clear, .enqueue, .advance, .connect, .solveCable: return false
                }
            }
            return true
        }
        return collect(operations) ? written : nil
    }
}
