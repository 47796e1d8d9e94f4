import SwiftBrian

/// A single-compartment neuron (Dendrify's `PointNeuronModel`): a library model with
/// unsuffixed names (`V`, `I`, `I_ext`, `w`), synapses, noise, and extra equations and
/// parameters.
///
///     let model = try PointNeuronModel(model: .adex, cmAbs: 281 * pF, glAbs: 30 * nS, vRest: -70.6 * mV)
///     try model.addParameters(["Vth": -50.4 * mV, "DeltaT": 2 * mV, "tauw": 144 * ms, "a": 4 * nS,
///                              "b": 0.0805 * nA, "Vr": -70.6 * mV])
///     let neuron = try model.makeNeuronGroup(1, method: .euler, threshold: "V > Vth + 5*DeltaT",
///                                            reset: "V = Vr; w += b")
public final class PointNeuronModel: DendrifyModel {
    /// The library equations with the mechanisms added.
    private var text: ModelText
    /// Geometry or absolute values, and the resting potential.
    private let properties: PassiveProperties
    /// Equations added with ``addEquations(_:)``.
    private var extraEquations: String?
    /// Parameters added with ``addParameters(_:)``.
    private var extraParameters = ModelParameters()

    /// A point neuron given by geometry (`length`, `diameter`, specific `cm` and `gl`) or by
    /// absolute values (`cmAbs`, `glAbs`), with resting potential `vRest`.
    ///
    /// - Throws: ``ModelError`` for a non-positive or non-finite value, a value of the wrong
    ///   unit, geometry and absolute values together or neither, or no `vRest`.
    public init(model: CompartmentModel = .leakyIF, length: Quantity? = nil, diameter: Quantity? = nil,
                cm: Quantity? = nil, gl: Quantity? = nil, cmAbs: Quantity? = nil, glAbs: Quantity? = nil,
                vRest: Quantity? = nil) throws {
        properties = PassiveProperties(length: length, diameter: diameter, cm: cm, gl: gl, rAxial: nil, cmAbs: cmAbs,
                                       glAbs: glAbs, vRest: vRest, scaleFactor: 1, spineFactor: 1)
        let owner = "the point neuron"
        try properties.check(owner: owner)
        try CompartmentDefinition.checkComplete(properties, owner: owner)
        text = ModelText(model: model, suffix: "", owner: owner)
    }

    /// Adds a synaptic current `I_<KIND>_<tag>` (see ``Compartment/synapse(_:tag:g:tRise:tDecay:scaleG:)``).
    public func synapse(_ kind: SynapseKind, tag: String, g: Quantity, tRise: Quantity? = nil, tDecay: Quantity,
                        scaleG: Bool = false) throws {
        try text.addSynapse(kind, tag: tag, g: g, tRise: tRise, tDecay: tDecay, scaleG: scaleG)
    }

    /// Adds a noise current `I_noise` (see ``Compartment/noise(tau:sigma:mean:)``).
    public func noise(tau: Quantity = 20 * ms, sigma: Quantity = 1 * pA, mean: Quantity = 0 * pA) throws {
        try text.addNoise(tau: tau, sigma: sigma, mean: mean)
    }

    /// Appends equations in Brian's syntax; they must parse and not redefine a variable.
    public func addEquations(_ equations: String) throws {
        _ = try ModelText.joined(self.equations, equations, separator: "\n", owner: "the point neuron")
        extraEquations = extraEquations.map { $0 + "\n" + equations } ?? equations
    }

    /// Adds parameters to the namespace, in order.
    public func addParameters(_ values: KeyValuePairs<String, any NamespaceValue>) throws {
        extraParameters.merge(try ModelParameters.user(values))
    }

    /// The equations: the library model with its mechanisms, then those added after a blank line.
    public var equations: String {
        extraEquations.map { "\(text.text)\n\n\($0)" } ?? text.text
    }

    /// None: a point neuron has no dendritic spikes.
    public var events: [String: String] { [:] }

    /// None.
    public var eventActions: [String: String] { [:] }

    /// Synaptic and noise parameters, those added, then `EL`, `C`, `gL` and Dendrify's defaults.
    public var parameters: ModelParameters {
        var parameters = text.parameters
        parameters.merge(extraParameters)
        parameters.merge(properties.parameters(suffix: ""))
        return parameters
    }

    /// `V` with the resting potential.
    public var restingPotentials: [(variable: String, value: Quantity)] {
        properties.vRest.map { [("V", $0)] } ?? []
    }

    /// None: Brian chooses, as Dendrify passes no method.
    public static var defaultMethod: IntegrationMethod? { nil }

    /// Throws unless the equations parse (a point neuron is complete once made).
    public func validate() throws {
        try text.checkParses()
    }
}
