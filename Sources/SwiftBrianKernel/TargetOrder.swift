/// The order of the targets within the rows of a synapses iteration (the synapses of each
/// source): `sorted[0]` is 1 while every row's synapses are in non-decreasing order of `targets`
/// (their postsynaptic indices), 0 otherwise. The synapses that own the rows set it whenever they
/// rebuild them (a `connect` call creates each row in increasing order of target; synapses given
/// as arrays of `i` and `j` need not be), so a backend reads it at run time and needs no pass of
/// its own over the rows. A thread running a pathway's part of the targets then finds that part
/// of each row by binary search instead of reading the whole row (see `CEmitter.partOfRows`).
public struct TargetOrder: Hashable, Sendable {
    /// The postsynaptic index of each synapse.
    public var targets: IndexBuffer
    /// One element: whether every row is in non-decreasing order of `targets` (1) or not (0).
    public var sorted: IndexBuffer

    /// The order of the rows by `targets`, as `sorted` says.
    public init(targets: IndexBuffer, sorted: IndexBuffer) {
        self.targets = targets
        self.sorted = sorted
    }
}
