import SwiftBrianUnits

/// A synaptic pathway as given to a Synapses (`onPre: "ge += w"`, `delay: 2 * ms`), as the model
/// description reports it.
public struct PathwayRecord: Sendable, Equatable {
    /// The pathway's name (`pre`, `post`, or one given).
    public let name: String
    /// Whether presynaptic events trigger it (`on_pre`), else postsynaptic ones (`on_post`).
    public let triggeredByPre: Bool
    /// The event that triggers it (`spike` unless given).
    public let event: String
    /// Its statements, as written.
    public let code: String
    /// The delay given for every synapse at creation, if any.
    public let delay: Quantity?

    /// A record of the pathway `name` running `code` on `event`, with `delay`.
    public init(name: String, triggeredByPre: Bool, event: String, code: String, delay: Quantity?) {
        self.name = name
        self.triggeredByPre = triggeredByPre
        self.event = event
        self.code = code
        self.delay = delay
    }
}
