/// The seed of every random draw (Brian's `seed()`).
enum RandomSeed {
    /// The seed in use: random at start, fixed by ``seed(_:)``.
    nonisolated(unsafe) static var current = UInt64.random(in: 0...UInt64.max)
}

/// Fixes the seed of all random numbers (`rand()`, `randn()`, Poisson and binomial draws): the
/// same seed gives bit-identical results. Without it, every program run draws differently.
public func seed(_ value: UInt64) {
    RandomSeed.current = value
}
