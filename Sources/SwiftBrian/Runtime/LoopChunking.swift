import Dispatch

/// How many time steps a backend's native loop runs before it returns to Swift: as many as take
/// about ``target`` seconds of wall-clock time, so that progress reports and stop requests are
/// heard within a fraction of a second whatever the size of the network, while the return itself
/// (a few microseconds) costs nothing measurable. The count starts at one step and, after each
/// chunk that ran its full count, is scaled by the target over the time the chunk took (at most
/// eight times up or down at once, as the first steps may be unlike the later ones).
struct LoopChunking {
    /// The wall-clock seconds a chunk aims to take.
    static let target = 0.02
    /// The most steps in one chunk.
    static let maximumSteps = 1 << 24
    /// The most the count changes by after one chunk.
    static let maximumFactor = 8.0

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

    /// Scales the count by the target over `seconds`, the time the last chunk took.
    mutating func adapt(toSeconds seconds: Double) {
        let factor = min(Self.maximumFactor, max(1 / Self.maximumFactor, Self.target / max(seconds, 1e-9)))
        steps = Int(min(Double(Self.maximumSteps), max(1, (Double(steps) * factor).rounded())))
    }
}
