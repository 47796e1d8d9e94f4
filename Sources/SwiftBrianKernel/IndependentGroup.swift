/// Consecutive kernels of a ``StepSchedule`` that form independent members: each member (a range
/// of kernels, run in order) reads and writes nothing another member writes, so the members may
/// run in any order or at the same time, each giving the values it gets when all run one after
/// the other. (The population of a multicompartment model is one: each cell's cable step.)
///
/// A backend may run the members on several threads, every member on one thread with the
/// operations it takes alone, so that results do not depend on the number of threads; one that
/// does not runs the kernels in schedule order, with the same results.
public struct IndependentGroup: Equatable, Sendable {
    /// The members' kernels, as indices into the schedule's kernels: consecutive ranges, in
    /// order, each ending where the next starts, all on one clock.
    public var members: [Range<Int>]

    /// A group of `members` (consecutive ranges of kernel indices, in order).
    public init(members: [Range<Int>]) {
        self.members = members
    }

    /// The kernels of all members.
    public var kernels: Range<Int> {
        (members.first?.lowerBound ?? 0)..<(members.last?.upperBound ?? 0)
    }
}
