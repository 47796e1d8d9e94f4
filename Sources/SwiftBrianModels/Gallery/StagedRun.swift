import SwiftBrian

extension Network {
    /// Runs on to the time `end`, or to `duration` if that comes first: one stage of a protocol
    /// (a stimulus switched on, then off) whose whole run lasts `duration`.
    func run(until end: Quantity, within duration: Quantity, report: ProgressReport?) throws {
        try run(max(min(end.value, duration.value) - t.value, 0) * second, report: report)
    }
}
