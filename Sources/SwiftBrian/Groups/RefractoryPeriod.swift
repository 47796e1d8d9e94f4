import SwiftBrianUnits

/// What `refractory:` accepts, as in Brian: a time (`5 * ms`), or text — the name of a
/// per-neuron variable or an expression of time (`"ref"`, `"(1 + i % 3)*ms"`) or a condition
/// that keeps a neuron refractory while it holds (`"v > -40*mV"`).
public protocol RefractoryPeriod {}

extension Quantity: RefractoryPeriod {}
extension String: RefractoryPeriod {}
