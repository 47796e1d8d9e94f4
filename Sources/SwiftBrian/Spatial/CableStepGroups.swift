import SwiftBrianKernel

/// The cable steps of a population of SpatialNeurons as ``IndependentGroup``s, so that a backend may
/// run different cells' steps on different threads.
///
/// Consecutive operations of the schedule that solve cables (a neuron's step, or a batch of
/// neighbours' steps merged by ``CableBatching``) in the same slot, order and clock become the
/// members of one group, as long as each member reads and writes nothing another member writes: a
/// member whose coefficients read another neuron's `v` or `Ic` (through a linked variable), or that
/// appends, queues or calls a user function, starts a new group or stays alone. Each member then
/// computes its cells with the operations it takes alone, on whatever thread.
enum CableStepGroups {
    /// The groups of `operations` (in schedule order, each with the range of its kernels in
    /// `kernels`, the schedule's kernels as the backend gets them) with at least two members.
    static func groups(_ operations: [(operation: ScheduledOperation, kernels: Range<Int>)],
                       kernels: [Kernel]) -> [IndependentGroup] {
        var groups: [IndependentGroup] = []
        // What the group's members so far read and write, all together.
        var members: [Range<Int>] = [], access = Access(), first: ScheduledOperation?
        func flush() {
            if members.count > 1 { groups.append(IndependentGroup(members: members)) }
            members = []
            access = Access()
            first = nil
        }
        for (operation, range) in operations {
            guard !range.isEmpty, let member = Access(kernels[range]) else {
                flush()
                continue
            }
            if let leader = first, !(leader.when == operation.when && leader.order == operation.order
                                      && leader.clock === operation.clock && member.isIndependent(of: access)) {
                flush()
            }
            if first == nil { first = operation }
            members.append(range)
            access.reads.formUnion(member.reads)
            access.writes.formUnion(member.writes)
        }
        flush()
        return groups
    }

    /// The buffers a member reads and writes.
    private struct Access {
        var reads: Set<ObjectIdentifier> = [], writes: Set<ObjectIdentifier> = []

        /// No access.
        init() {}

        /// The access of `kernels`, nil unless they solve cables and otherwise only store values
        /// at range elements (no events, queues, appended values or user functions).
        init?(_ kernels: ArraySlice<Kernel>) {
            var solves = false
            for kernel in kernels {
                guard case .range = kernel.iteration else { return nil }
                for operation in (kernel.scalar + kernel.vector).flattened {
                    switch operation {
                    case .define(_, let value), .checkFinite(let value, _):
                        guard read(value) else { return nil }
                    case .store(let reference, let value):
                        guard read(value) else { return nil }
                        read(reference.index)
                        writes.insert(ObjectIdentifier(reference.buffer))
                    case .when(let condition, _):
                        guard read(condition) else { return nil }
                    case .solveCables(let systems):
                        solves = true
                        for system in systems {
                            reads.formUnion([system.v, system.capacitance, system.area, system.rLength1, system.rLength2]
                                .map(ObjectIdentifier.init))
                            // The system's own coefficients and work space belong to its neuron alone.
                            writes.formUnion([system.capacitiveCurrent, system.conductance, system.current]
                                .map(ObjectIdentifier.init))
                        }
                    case .emit, .append, .appendIndex, .clear, .enqueue, .advance, .connect:
                        return nil
                    }
                }
            }
            guard solves else { return nil }
        }

        /// Records what `expression` reads; false when it calls a user function (which may have
        /// effects).
        private mutating func read(_ expression: KernelExpression) -> Bool {
            var pure = true
            expression.visit { node in
                switch node {
                case .load(let reference):
                    reads.insert(ObjectIdentifier(reference.buffer))
                    read(reference.index)
                case .indexValue(let buffer, let map):
                    reads.insert(ObjectIdentifier(buffer))
                    read(map)
                case .eventCount(let list, _, _):
                    reads.insert(ObjectIdentifier(list))
                case .call(.user, _):
                    pure = false
                default:
                    break
                }
            }
            return pure
        }

        private mutating func read(_ map: IndexMap) {
            if case .mapped(let buffer) = map { reads.insert(ObjectIdentifier(buffer)) }
        }

        /// Whether neither access writes what the other reads or writes.
        func isIndependent(of other: Access) -> Bool {
            writes.isDisjoint(with: other.reads) && writes.isDisjoint(with: other.writes)
                && other.writes.isDisjoint(with: reads)
        }
    }
}
