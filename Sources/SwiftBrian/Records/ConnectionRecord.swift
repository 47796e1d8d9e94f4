/// One `connect` call of a Synapses and the number of synapses it made, as the model description
/// reports it.
public struct ConnectionRecord: Sendable, Equatable {
    /// How the pairs were chosen.
    public enum Rule: Sendable, Equatable {
        /// `connect(condition:p:n:)`: every pair where the condition holds (all pairs without one),
        /// each with probability `p`, `n` synapses per pair.
        case condition(String?, p: String, n: String)
        /// `connect(j:p:n:)`: the targets of each `i` from an expression or generator.
        case generator(j: String, p: String, n: String)
        /// `connect(i:j:n:)`: explicit pairs (their number), `n` synapses each.
        case pairs(count: Int, n: Int)
    }

    /// The rule of the call.
    public let rule: Rule
    /// The number of synapses the call created.
    public let created: Int

    /// A record of a call with `rule` that created `created` synapses.
    public init(rule: Rule, created: Int) {
        self.rule = rule
        self.created = created
    }
}
