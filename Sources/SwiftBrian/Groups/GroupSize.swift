import SwiftBrianKernel
import SwiftBrianLanguage

extension Group {
    /// Checks that a group of `N` elements (`noun`: "neuron") can exist before anything is
    /// allocated: at least one element, no more than 32-bit indices can number, and
    /// `valuesPerElement` 8-byte values for each within the memory available.
    static func checkSize(_ N: Int, of kind: String, noun: String, valuesPerElement: Int) throws {
        guard N > 0 else {
            throw ModelError(.invalidArgument, "A \(kind) needs at least one \(noun), but N = \(N)")
        }
        guard N <= Int(Int32.max) else {
            throw ModelError(.invalidArgument, "A \(kind) can have at most \(Int32.max) \(noun)s (indices are 32-bit "
                             + "integers), but N = \(N)")
        }
        try MemoryBudget.require(MemoryBudget.bytes(N, each: 8 * max(valuesPerElement, 1)),
                                 for: "\(N) \(noun)s of a \(kind) (\(valuesPerElement) values each)")
    }
}
