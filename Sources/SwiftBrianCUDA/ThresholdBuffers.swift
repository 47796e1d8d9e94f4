import SwiftBrianKernel

/// The buffers a threshold's compaction uses on the device for its spike list `list` (see
/// ``KernelPartition/threshold(lower:upper:flags:counts:list:)``): a flag per element and a count
/// per block. Only the device reads them, and the compaction leaves every flag 0; the backend
/// keeps them from one run's program to the next, so that a device that has them needs no new
/// copies.
struct ThresholdBuffers {
    /// The spike list compacted into.
    let list: IndexBuffer
    /// A flag per element (1 where the threshold is crossed, until the compaction).
    let flags: DoubleBuffer
    /// The flags set in each block.
    let counts: DoubleBuffer
}
