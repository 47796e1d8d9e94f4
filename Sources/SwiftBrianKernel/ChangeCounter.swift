/// A count of changes that many storages follow (``VersionedStorage/follow(_:)``): code that may
/// change all of them at once records it with one increment, and the version of each moves with
/// it. The native backend notes what its loop of steps may have changed after every chunk of steps
/// (one per 20 ms of wall-clock time): 1000 ball-and-stick cells, 3,152 buffers, each a cache and
/// TLB miss when marked one by one (their objects lie among ≈ 41 MB), 4.6–5.1% of the bench's
/// samples; one counter makes that a single increment.
public final class ChangeCounter {
    /// The changes recorded so far.
    public private(set) var count: UInt64 = 0

    public init() {}

    /// Records that what follows the counter may have changed.
    public func increment() { count &+= 1 }
}
