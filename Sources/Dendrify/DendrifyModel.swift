import SwiftBrian

/// What ``NeuronModel`` and ``PointNeuronModel`` share: the model Dendrify generates — equations,
/// custom events with their actions, and parameters — from which
/// ``makeNeuronGroup(_:method:threshold:reset:refractory:initRest:initEvents:dt:name:)`` builds
/// a ``NeuronGroup``. Printing a model shows all four as Brian-style text.
public protocol DendrifyModel: AnyObject, CustomStringConvertible {
    /// The equations, in Brian's syntax (Dendrify's text, term for term).
    var equations: String { get }
    /// The custom events (dendritic spikes) by name, with their conditions.
    var events: [String: String] { get }
    /// The statements run on each custom event, by event name.
    var eventActions: [String: String] { get }
    /// The parameters, in Dendrify's order: the namespace of the group.
    var parameters: ModelParameters { get }
    /// Each voltage variable (`V_soma`, or `V`) with its resting potential, which a group starts at.
    var restingPotentials: [(variable: String, value: Quantity)] { get }
    /// The integration method used when none is given: `euler` for a ``NeuronModel`` (Dendrify's
    /// default), Brian's choice for a ``PointNeuronModel``.
    static var defaultMethod: IntegrationMethod? { get }
    /// Throws unless the model is complete (every dSpike value given) and its equations parse.
    func validate() throws
}

extension DendrifyModel {
    /// The equations, events, event actions and parameters (with units) as Brian-style text.
    public var description: String {
        ModelDescription.text(equations: equations, events: events, eventActions: eventActions,
                              parameters: parameters)
    }
}
