import SwiftBrianKernel

/// One thing a network does in a time step: a kernel, or a Swift closure (a network operation),
/// with its place in the schedule.
struct ScheduledOperation {
    /// What runs.
    enum Action {
        case kernel(Kernel)
        case swift((Network) throws -> Void)
    }

    var name: String
    var when: When
    var order: Int
    var clock: Clock
    var action: Action
}
