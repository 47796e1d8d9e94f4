import SwiftBrianKernel
import SwiftBrianLanguage

extension Network {
    /// Throws before the first step of a run when what the monitors will record in it (each
    /// step of its clock, a StateMonitor's time and every recorded value; see
    /// ``NetworkObject/valuesRecordedPerStep``) would not fit in the memory available, instead of
    /// running until the memory runs out. The clocks' end steps must be set.
    func checkRecordingMemory() throws {
        var total: Int? = 0
        // The object recording the most (nil bytes: more than can be counted), for the message.
        var largest: (object: NetworkObject, values: Int?, steps: Int, bytes: Int)?
        for object in objects where object.active && object.valuesRecordedPerStep != 0 {
            let values = object.valuesRecordedPerStep, steps = max(object.clock.endStep - object.clock.step, 0)
            let bytes = values.flatMap { MemoryBudget.bytes($0, each: 8) }.flatMap { MemoryBudget.bytes(steps, each: $0) }
            total = total.flatMap { sum in bytes.flatMap { sum.addingReportingOverflow($0).overflow ? nil : sum + $0 } }
            if (bytes ?? Int.max) >= (largest?.bytes ?? -1) { largest = (object, values, steps, bytes ?? Int.max) }
        }
        guard let largest else { return }
        do {
            let values = largest.values.map(String.init) ?? "more than can be counted"
            try MemoryBudget.require(total, for: "The records of this run (the most: '\(largest.object.name)', \(values) "
                                     + "values per step for \(largest.steps) steps)")
        } catch var error as ModelError {
            error.message += ". Record fewer variables or elements, record with a larger dt "
                + "(StateMonitor(..., dt:)), or run for a shorter time"
            throw error
        }
    }
}
