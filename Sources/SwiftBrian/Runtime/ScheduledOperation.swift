import SwiftBrianKernel

/// One thing a network does in a time step: a kernel, or a Swift closure (a network operation),
/// with its place in the schedule.
struct ScheduledOperation {
    /// What runs.
    enum Action {
        /// Kernels executed one after the other.
        case kernels([Kernel])
        /// A network operation.
        case swift((Network) throws -> Void)

        /// One kernel.
        static func kernel(_ kernel: Kernel) -> Action { .kernels([kernel]) }
    }

    var name: String
    var when: When
    var order: Int
    var clock: Clock
    var action: Action
    /// The implicit cable step of a SpatialNeuron, which ``CableBatching`` may merge with its
    /// neighbours' (`action` runs the same step alone); nil for any other operation.
    var cableStep: CableBatching.Step? = nil
}
