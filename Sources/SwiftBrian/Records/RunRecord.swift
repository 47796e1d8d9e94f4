import SwiftBrianUnits

/// One `run` of a network, as the model description reports it.
public struct RunRecord: Sendable, Equatable {
    /// The simulated time when the run started.
    public let start: Quantity
    /// The duration asked for.
    public let duration: Quantity
    /// The simulated time when it ended (earlier than `start + duration` when stopped).
    public let end: Quantity
    /// The random seed in use.
    public let seed: UInt64

    /// A record of a run from `start` for `duration` that ended at `end`, drawing with `seed`.
    public init(start: Quantity, duration: Quantity, end: Quantity, seed: UInt64) {
        self.start = start
        self.duration = duration
        self.end = end
        self.seed = seed
    }
}
