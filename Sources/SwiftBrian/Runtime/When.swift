import SwiftBrianLanguage

/// The slots of a time step, in the order they run. Within a slot, objects run by `order`, then
/// by name.
public enum When: String, CaseIterable, Comparable, Sendable {
    case beforeStart = "before_start", start, afterStart = "after_start"
    case beforeGroups = "before_groups", groups, afterGroups = "after_groups"
    case beforeThresholds = "before_thresholds", thresholds, afterThresholds = "after_thresholds"
    case beforeSynapses = "before_synapses", synapses, afterSynapses = "after_synapses"
    case beforeResets = "before_resets", resets, afterResets = "after_resets"
    case beforeEnd = "before_end", end, afterEnd = "after_end"

    /// The slot Brian calls `name` (`"before_groups"`, `"end"`, ...).
    public init(named name: String) throws {
        guard let slot = When(rawValue: name) else {
            let known = When.allCases.map(\.rawValue).joined(separator: ", ")
            throw ModelError(.invalidArgument, "Unknown schedule slot '\(name)' (known slots: \(known))")
        }
        self = slot
    }

    public static func < (lhs: When, rhs: When) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
