import SwiftBrianKernel

/// The cable steps of neighbouring SpatialNeurons solved in one kernel.
///
/// Brian has no multi-cell SpatialNeuron, so a population of cells is one SpatialNeuron per cell,
/// each with its own implicit cable step per time step, whose recurrences are serial within the
/// cell. ``merged(_:)`` merges consecutive cable steps of the schedule (the same slot, order and
/// clock) of neurons whose cable systems share a layout (``CableSystem/sharesLayout(with:)``), up
/// to ``width`` at a time, into one operation: every neuron's coefficients (`gtot`, `I0`), one
/// ``KernelOperation/solveCables(_:)`` for all of them (which the native backend interleaves), then
/// every neuron's store of `v`. The neurons are independent, so this order gives each the values it
/// gets alone, unless the coefficients of one read the `v` or `Ic` of an earlier one (through a
/// linked variable): such a neuron starts a new batch.
enum CableBatching {
    /// The cable step of one neuron.
    struct Step {
        /// Computes `gtot` and `I0` of each compartment.
        var coefficients: Kernel
        /// The neuron's system.
        var system: CableSystem
        /// Stores the solution into `v`.
        var store: Kernel

        /// The step alone: the coefficients, then one kernel solving and storing.
        var kernels: [Kernel] {
            var solve = store
            solve.scalar = [.solveCables([system])] + solve.scalar
            return [coefficients, solve]
        }
    }

    /// The most neurons whose steps are merged into one operation (their buffers stay in the
    /// caches between the coefficients and the solve).
    static let width = 8

    /// `schedule` (in order) with the cable steps of neighbouring neurons merged.
    static func merged(_ schedule: [ScheduledOperation]) -> [ScheduledOperation] {
        var result: [ScheduledOperation] = [], batch: [ScheduledOperation] = []
        func flush() {
            defer { batch = [] }
            guard let first = batch.first else { return }
            guard batch.count > 1 else { return result.append(first) }
            let steps = batch.compactMap(\.cableStep)
            let solve = Kernel(name: "\(first.name)_cables", scalar: [.solveCables(steps.map(\.system))],
                               iteration: .range(0, 0), vector: [], random: steps[0].store.random)
            result.append(ScheduledOperation(name: first.name, when: first.when, order: first.order, clock: first.clock,
                                             action: .kernels(steps.map(\.coefficients) + [solve] + steps.map(\.store))))
        }
        for operation in schedule {
            guard let step = operation.cableStep else {
                flush()
                result.append(operation)
                continue
            }
            if let first = batch.first, let leader = first.cableStep,
               !(batch.count < width && first.when == operation.when && first.order == operation.order
                 && first.clock === operation.clock && leader.system.sharesLayout(with: step.system)
                 && !reads(step.coefficients, anyOf: batch.compactMap(\.cableStep?.system))) {
                flush()
            }
            batch.append(operation)
        }
        flush()
        return result
    }

    /// Whether `kernel` loads the potential or the capacitive current of one of `systems`.
    private static func reads(_ kernel: Kernel, anyOf systems: [CableSystem]) -> Bool {
        let written = Set(systems.flatMap { [ObjectIdentifier($0.v), ObjectIdentifier($0.capacitiveCurrent)] })
        var found = false
        func visit(_ expression: KernelExpression) {
            expression.visit { node in
                if case .load(let reference) = node, written.contains(ObjectIdentifier(reference.buffer)) { found = true }
            }
        }
        for operation in (kernel.scalar + kernel.vector).flattened { operation.expressions.forEach(visit) }
        return found
    }
}
