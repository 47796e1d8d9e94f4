import SwiftBrianKernel

extension Kernel {
    /// Whether the kernel's element loop may be split into ranges run by different threads with
    /// the same result: it loops over a range of elements whose iterations are independent (see
    /// ``independentIterations(_:)``), and the part before the loop only defines temporaries from
    /// values the loop does not write. State updates, per-element subexpressions and
    /// `run_regularly` code on a group qualify; thresholds (they append to the spike list),
    /// resets (over the spike list) and everything synaptic do not.
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

    /// The buffers `operations` write (stores and checked stores), each with the one element-wise
    /// index (`.element` or `.offset`) of its writes; nil when one is written through another
    /// index or with two, or when an operation does more than define, store and check values
    /// (and, with `appending`, append to lists).
    package static func elementwiseWrites(_ operations: [KernelOperation], appending: Bool) -> [ObjectIdentifier: IndexMap]? {
        var written: [ObjectIdentifier: IndexMap] = [:]
        func store(_ reference: ArrayReference) -> Bool {
            switch reference.index {
            case .element, .offset: break
            default: return false
            }
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
                case .clear, .enqueue, .advance, .connect, .solveCable: return false
                }
            }
            return true
        }
        return collect(operations) ? written : nil
    }

    /// Whether the expressions of `operations` read the `written` buffers only at the index they
    /// are written at, and call no user function or TimedArray (which have effects beyond the
    /// element: C code that may keep state, the flag of a bad column).
    private static func readsOwnElements(_ operations: [KernelOperation], written: [ObjectIdentifier: IndexMap]) -> Bool {
        var own = true
        func check(_ expression: KernelExpression) {
            expression.visit { node in
                switch node {
                case .load(let reference):
                    if let map = written[ObjectIdentifier(reference.buffer)], map != reference.index { own = false }
                case .call(.user, _), .call(.timedArray, _): own = false
                default: break
                }
            }
        }
        func visit(_ operations: [KernelOperation]) {
            for operation in operations {
                switch operation {
                case .define(_, let value), .store(_, let value), .checkFinite(let value, _): check(value)
                case .when(let condition, let nested):
                    check(condition)
                    visit(nested)
                default: break
                }
            }
        }
        visit(operations)
        return own
    }
}
