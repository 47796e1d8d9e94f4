/// The speed of a wave from the times at which it reaches places: the slope of the
/// least-squares line of distance against time (numpy's `polyfit(t, x, 1)[0]`).
enum ConductionVelocity {
    /// The slope in m/s through `points` (times in seconds, distances in metres); nil for fewer
    /// than two points or when they all have the same time.
    static func fit(_ points: [(time: Double, distance: Double)]) -> Double? {
        guard points.count > 1 else { return nil }
        let count = Double(points.count)
        let meanT = points.map(\.time).reduce(0, +) / count
        let meanX = points.map(\.distance).reduce(0, +) / count
        let spread = points.map { ($0.time - meanT) * ($0.time - meanT) }.reduce(0, +)
        guard spread > 0 else { return nil }
        return points.map { ($0.time - meanT) * ($0.distance - meanX) }.reduce(0, +) / spread
    }
}
