import SwiftBrian

/// What ``Soma`` and ``Dendrite`` share (Dendrify's `Compartment`): a name that suffixes every
/// variable (`V_dend`, `I_ext_dend`), a membrane model from Dendrify's library, passive
/// properties given by geometry or by absolute values, and the mechanisms added to it —
/// synapses, noise, extra equations and parameters.
///
/// A ``NeuronModel`` copies its compartments: what is added to a compartment afterwards does
/// not change a model already made.
public class Compartment: CustomStringConvertible {
    /// The definition: equations, parameters, properties.
    var definition: CompartmentDefinition

    /// A compartment with its properties checked.
    init(_ name: String, isSoma: Bool, model: CompartmentModel, properties: PassiveProperties) throws {
        try ArgumentChecks.identifier(name, "compartment name")
        try Identifiers.checkVariableName("V_\(name)", source: nil, span: nil)
        let owner = "the compartment '\(name)'"
        try properties.check(owner: owner)
        definition = CompartmentDefinition(name: name, isSoma: isSoma,
                                           text: ModelText(model: model, suffix: "_\(name)", owner: owner),
                                           properties: properties)
    }

    /// The name.
    public var name: String { definition.name }

    /// The equations generated so far (Dendrify's text; coupling currents come with the model).
    public var equations: String { definition.text.text }

    /// The parameters generated so far, with Dendrify's defaults.
    public var parameters: ModelParameters { definition.parameters }

    /// Adds a synaptic current `I_<KIND>_<tag>_<name>` (Dendrify's `synapse`): a presynaptic spike
    /// increments `s_<KIND>_<tag>_<name>` (by 1 for a weight of 1).
    ///
    /// - Parameters:
    ///   - kind: AMPA, NMDA (with Mg²⁺ block) or GABA.
    ///   - tag: distinguishes synapses of one kind (`"x"`: `s_AMPA_x_dend`).
    ///   - g: the maximal conductance.
    ///   - tRise: a rise time: with it, rise–decay kinetics; without, an instantaneous rise.
    ///   - tDecay: the decay time.
    ///   - scaleG: scales g so that the rise–decay conductance peaks at g (needs `tRise`).
    /// - Throws: ``ModelError`` for a tag used twice for one kind, a non-positive g or time, or
    ///   `tRise >= tDecay`.
    public func synapse(_ kind: SynapseKind, tag: String, g: Quantity, tRise: Quantity? = nil, tDecay: Quantity,
                        scaleG: Bool = false) throws {
        try definition.text.addSynapse(kind, tag: tag, g: g, tRise: tRise, tDecay: tDecay, scaleG: scaleG)
    }

    /// Adds a noise current `I_noise_<name>`: Ornstein–Uhlenbeck with time constant `tau`,
    /// standard deviation `sigma` and mean `mean` (Dendrify's `noise`).
    public func noise(tau: Quantity = 20 * ms, sigma: Quantity = 1 * pA, mean: Quantity = 0 * pA) throws {
        try definition.text.addNoise(tau: tau, sigma: sigma, mean: mean)
    }

    /// Appends equations in Brian's syntax; they must parse and not redefine a variable.
    public func addEquations(_ equations: String) throws {
        try definition.text.addEquations(equations)
    }

    /// Replaces the text `old` of the equations by `new`.
    public func replaceEquations(_ old: String, with new: String) throws {
        try definition.text.replaceEquations(old, with: new)
    }

    /// Adds parameters by name, in order: quantities, plain numbers, functions or TimedArrays.
    public func addParameters(_ values: KeyValuePairs<String, any NamespaceValue>) throws {
        try definition.text.addParameters(values)
    }

    /// The membrane area π·length·diameter·scaleFactor·spineFactor, nil for a compartment given
    /// by absolute values or without length and diameter.
    public var area: Quantity? { definition.properties.area.map { Quantity(value: $0, dimension: .area) } }

    /// The capacitance (cmAbs, or cm·area), nil while unknown.
    public var capacitance: Quantity? { definition.properties.capacitance }

    /// The leak conductance (glAbs, or gl·area), nil while unknown.
    public var leakConductance: Quantity? { definition.properties.leak }

    /// The equations and parameters as Brian-style text.
    public var description: String {
        ModelDescription.text(equations: equations, events: definition.events,
                              eventActions: definition.eventActions, parameters: parameters)
    }
}
