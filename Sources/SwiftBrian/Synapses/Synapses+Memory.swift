import SwiftBrianKernel
import SwiftBrianLanguage

extension Synapses {
    /// The most synapses one `connect` call may add — what the memory available holds and 32-bit
    /// indices can number — and the error that says so when creating more is attempted.
    func synapseLimit() -> (count: Int, error: ModelError) {
        // While they are created: each synapse's indices in the creation buffers and their copy,
        // then in storage, with the orderings and each per-synapse variable.
        let bytesEach = 40 + 8 * perSynapseBuffers.count
        let available = MemoryBudget.availableBytes
        let count = max(0, min(available / bytesEach, Int(Int32.max) - size))
        let error = ModelError(.insufficientMemory, "connect of '\(name)' asks for more than \(count) synapses: "
                               + "they do not fit (about \(bytesEach) bytes each; "
                               + "\(MemoryBudget.describe(available)) of memory is available, and a Synapses holds "
                               + "at most \(Int32.max))")
        return (count, error)
    }
}
