import SwiftBrianUnits

/// What a NeuronGroup was given besides its equations, as written: threshold, reset,
/// refractoriness and custom events — as the model description reports it.
public struct NeuronDefinition: Sendable, Equatable {
    /// The threshold condition, if any.
    public let threshold: String?
    /// The reset statements, if any.
    public let reset: String?
    /// The refractory period when it is a time.
    public let refractoryPeriod: Quantity?
    /// The refractory period when it is an expression of time or a condition.
    public let refractoryCondition: String?
    /// Custom events by name with their conditions, sorted by name.
    public let events: [String: String]

    /// A definition with these parts.
    public init(threshold: String?, reset: String?, refractoryPeriod: Quantity?, refractoryCondition: String?,
                events: [String: String]) {
        self.threshold = threshold
        self.reset = reset
        self.refractoryPeriod = refractoryPeriod
        self.refractoryCondition = refractoryCondition
        self.events = events
    }
}
