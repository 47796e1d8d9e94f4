import Dispatch

/// How many time steps a backend's native loop runs before it returns to Swift: as many as take
/// about ``target`` seconds of wall-clock time, so that progress reports and stop requests are
/// heard within a fraction of a second whatever the size of the network, while the return itself
/// (a few microseconds) costs nothing measurable. The count starts at one step and doubles or
/// halves after each chunk that ran its full count.
struct LoopChunking {
    /// The wall-clock seconds a chunk aims to take.
    static let target = 0.02
    /// The most steps in one chunk.
    static let maximumSteps = 1 << 24

    /// The number of steps of the next chunk.
    private(set) var steps = 1
    private var started: UInt64 = 0

    /// Notes the time a chunk starts.
    mutating func begin() {
        started = DispatchTime.now().uptimeNanoseconds
    }

    /// Adapts the count to the time the chunk begun last took, when it ran all its steps.
    mutating func end(ranAllSteps: Bool) {
        guard ranAllSteps else { return }
        adapt(toSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Doubles the count after a chunk that took less than half the target, halves it after one
    /// that took more than twice the target.
    mutating func adapt(toSeconds seconds: Double) {
        if seconds < Self.target / 2 {
            steps = min(steps * 2, Self.maximumSteps)
        } else if seconds > Self.target * 2 {
            steps = max(steps / 2, 1)
        }
    }
}
