import SwiftBrianUnits

/// The recordings of one element by a ``StateMonitor`` (Brian's `M[5]`): `try M[5].v` is the
/// values of `v` of element 5 over the monitor's sample times.
@dynamicMemberLookup
public struct RecordedElement {
    /// The monitor.
    public let monitor: StateMonitor
    /// The element of the monitored group.
    public let index: Int

    /// The recorded values of `variable` for this element, one per sample time.
    ///
    /// - Throws: `ModelError` when the monitor does not record `variable` or this element.
    public subscript(dynamicMember variable: String) -> QuantityArray {
        get throws { try monitor.values(variable, index: index) }
    }
}
