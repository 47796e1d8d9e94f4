import SwiftBrian

extension DendrifyModel {
    /// `N` neurons of this model (Dendrify's `make_neurongroup`): a ``NeuronGroup`` with the
    /// model's equations and custom events, whose namespace is ``parameters``.
    ///
    /// - Parameters:
    ///   - method: the integration method; default ``defaultMethod``.
    ///   - threshold, reset, refractory: as for ``NeuronGroup`` (`"V_soma > -50*mV"`).
    ///   - initRest: sets each voltage to its resting potential (all other variables start at 0).
    ///   - initEvents: runs each dSpike event's action on the event, as Dendrify does: in the
    ///     `after_resets` slot (Dendrify passes the slot name `before_groups` as the order, so Brian
    ///     keeps run_on_event's default slot).
    ///   - dt, name: as for ``NeuronGroup``.
    /// - Throws: ``ModelError`` for an incomplete model (a dSpike value missing) or anything
    ///   ``NeuronGroup`` refuses.
    public func makeNeuronGroup(_ N: Int, method: IntegrationMethod? = nil, threshold: String? = nil,
                                reset: String? = nil, refractory: RefractoryPeriod? = nil, initRest: Bool = true,
                                initEvents: Bool = true, dt: Quantity? = nil, name: String? = nil) throws -> NeuronGroup {
        try validate()
        let group = try NeuronGroup(N, model: equations, threshold: threshold, reset: reset, refractory: refractory,
                                    method: method ?? Self.defaultMethod, events: events,
                                    namespace: parameters.namespace, dt: dt, name: name)
        if initRest {
            for (variable, value) in restingPotentials { try group.variable(variable).set(value) }
        }
        if initEvents {
            for (event, action) in eventActions.sorted(by: { $0.key < $1.key }) {
                try group.runOnEvent(event, action, when: .afterResets)
            }
        }
        return group
    }

    /// `N` neurons of this model with Dendrify's second reset: besides the group, a ``Synapses``
    /// from each neuron to itself (`j = i`) that runs `secondReset` `spikeWidth` after each spike
    /// (named `<group>_second_reset`), so that a spike can be given a width (reset to a peak by
    /// `reset`, then down by `secondReset`).
    ///
    /// - Throws: ``ModelError`` for a `spikeWidth` that is not a positive time, or as
    ///   ``makeNeuronGroup(_:method:threshold:reset:refractory:initRest:initEvents:dt:name:)``.
    public func makeNeuronGroup(_ N: Int, method: IntegrationMethod? = nil, threshold: String, reset: String?,
                                secondReset: String, spikeWidth: Quantity, refractory: RefractoryPeriod? = nil,
                                initRest: Bool = true, initEvents: Bool = true, dt: Quantity? = nil,
                                name: String? = nil) throws -> (NeuronGroup, Synapses) {
        try ArgumentChecks.positive(spikeWidth, "spikeWidth", of: "the second reset", dimension: .time, unit: "a time")
        let group = try makeNeuronGroup(N, method: method, threshold: threshold, reset: reset, refractory: refractory,
                                        initRest: initRest, initEvents: initEvents, dt: dt, name: name)
        let secondResetSynapses = try Synapses(group, group, onPre: PathwayCode(secondReset), delay: spikeWidth,
                                               namespace: parameters.namespace, name: "\(group.name)_second_reset")
        try secondResetSynapses.connect(j: "i")
        return (group, secondResetSynapses)
    }
}
