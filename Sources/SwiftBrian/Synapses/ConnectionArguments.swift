/// What `connect(p:)` accepts: a probability (`0.02`) or an expression of `i`, `j` and the pre-
/// and postsynaptic variables (`"exp(-abs(i - j)/10)"`).
public protocol ConnectionProbability {}
extension Double: ConnectionProbability {}
extension String: ConnectionProbability {}

/// What `connect(n:)` accepts: a number of synapses per pair (`2`) or an expression (`"1 + i % 2"`).
public protocol SynapseMultiplicity {}
extension Int: SynapseMultiplicity {}
extension String: SynapseMultiplicity {}
