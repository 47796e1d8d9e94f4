import SwiftBrian

/// A neuron of a few connected compartments (Dendrify's `NeuronModel`): the compartments'
/// equations joined, the coupling currents between connected compartments, the dSpike events
/// and one namespace of parameters, from which ``DendrifyModel/makeNeuronGroup(_:method:threshold:reset:refractory:initRest:initEvents:dt:name:)``
/// builds a ``NeuronGroup``.
///
///     let model = try NeuronModel(connections: [(soma, apical, .conductance(12 * nS)),
///                                               (soma, basal, .conductance(10 * nS))], vRest: -65 * mV)
///
/// The model copies its compartments: adding to a compartment afterwards does not change it.
public final class NeuronModel: DendrifyModel {
    /// The compartments' definitions, in order of first appearance in the connections.
    private var compartments: [CompartmentDefinition] = []
    /// Equations added to the model.
    private var extraEquations: String?
    /// Parameters added to the model.
    private var extraParameters = ModelParameters()

    /// A model of the compartments `connections` join, each pair coupled as its ``Coupling``
    /// says. Values given here apply to every compartment: `vRest` replaces each compartment's
    /// resting potential; `cm`, `gl`, `rAxial`, `scaleFactor` and `spineFactor` (not for a soma)
    /// apply to compartments given by geometry, and when one of them is given, the area factors
    /// not given are reset to 1 (as in Dendrify).
    ///
    /// - Throws: ``ModelError`` when a compartment is connected to itself, a pair twice, two
    ///   compartments share a name, the compartments do not form one connected neuron, geometry
    ///   and absolute values are mixed, a coupling cannot be computed, or a compartment lacks its
    ///   capacitance, leak or resting potential.
    public init(connections: [(Compartment, Compartment, Coupling)], cm: Quantity? = nil, gl: Quantity? = nil,
                rAxial: Quantity? = nil, vRest: Quantity? = nil, scaleFactor: Double? = nil,
                spineFactor: Double? = nil) throws {
        guard !connections.isEmpty else {
            throw ModelError(.invalidArgument, "A NeuronModel needs at least one connection between two compartments "
                             + "(a single compartment is a PointNeuronModel)")
        }
        var index: [String: Int] = [:]
        var objects: [ObjectIdentifier] = []
        for compartment in connections.flatMap({ [$0.0, $0.1] }) {
            if let known = index[compartment.name] {
                guard objects[known] == ObjectIdentifier(compartment) else {
                    throw ModelError(.invalidArgument, "Two compartments of the NeuronModel are named "
                                     + "'\(compartment.name)': names must be unique")
                }
                continue
            }
            index[compartment.name] = compartments.count
            objects.append(ObjectIdentifier(compartment))
            compartments.append(compartment.definition)
        }
        try applyProperties(cm: cm, gl: gl, rAxial: rAxial, vRest: vRest, scaleFactor: scaleFactor,
                            spineFactor: spineFactor)
        var pairs: Set<[String]> = []
        var edges: [(Int, Int)] = []
        for (a, b, coupling) in connections {
            guard a !== b, a.name != b.name else {
                throw ModelError(.invalidArgument, "The compartment '\(a.name)' is connected to itself")
            }
            guard pairs.insert([a.name, b.name].sorted()).inserted else {
                throw ModelError(.invalidArgument, "'\(a.name)' and '\(b.name)' are connected twice")
            }
            guard let i = index[a.name], let j = index[b.name] else { continue }
            let g = try coupling.conductance(between: compartments[i], compartments[j])
            compartments[i].couple(to: b.name, conductance: g)
            compartments[j].couple(to: a.name, conductance: g)
            edges.append((i, j))
        }
        try NeuronModel.checkConnected(compartments.map(\.name), edges)
        for compartment in compartments { try compartment.checkComplete() }
    }

    /// A model whose pairs are coupled by ``Coupling/halfCylinders`` (Dendrify's default).
    public convenience init(connections: [(Compartment, Compartment)], cm: Quantity? = nil, gl: Quantity? = nil,
                            rAxial: Quantity? = nil, vRest: Quantity? = nil, scaleFactor: Double? = nil,
                            spineFactor: Double? = nil) throws {
        try self.init(connections: connections.map { ($0.0, $0.1, .halfCylinders) }, cm: cm, gl: gl, rAxial: rAxial,
                      vRest: vRest, scaleFactor: scaleFactor, spineFactor: spineFactor)
    }

    /// Dendrify's `_set_properties`, on the copies.
    private func applyProperties(cm: Quantity?, gl: Quantity?, rAxial: Quantity?, vRest: Quantity?,
                                 scaleFactor: Double?, spineFactor: Double?) throws {
        let anyGeometry = cm != nil || gl != nil || rAxial != nil || scaleFactor != nil || spineFactor != nil
        for k in compartments.indices {
            var properties = compartments[k].properties
            let owner = "the NeuronModel"
            if let vRest { properties.vRest = vRest }
            if anyGeometry {
                guard !properties.isDimensionless else {
                    throw ModelError(.invalidArgument, "The compartment '\(compartments[k].name)' is given by absolute "
                                     + "values (cmAbs, glAbs), so the NeuronModel's cm, gl, rAxial, scaleFactor and "
                                     + "spineFactor cannot apply to it")
                }
                properties.cm = cm ?? properties.cm
                properties.gl = gl ?? properties.gl
                properties.rAxial = rAxial ?? properties.rAxial
                properties.scaleFactor = scaleFactor ?? 1
                if !compartments[k].isSoma { properties.spineFactor = spineFactor ?? 1 }
            }
            try properties.check(owner: owner)
            compartments[k].properties = properties
        }
        let dimensionless = compartments.filter(\.properties.isDimensionless).map(\.name)
        if !dimensionless.isEmpty, dimensionless.count < compartments.count {
            let others = compartments.filter { !$0.properties.isDimensionless }.map { "'\($0.name)'" }
            throw ModelError(.invalidArgument, "A NeuronModel's compartments must all be given by geometry or all by "
                             + "absolute values (cmAbs, glAbs), but \(dimensionless.map { "'\($0)'" }.joined(separator: ", ")) "
                             + "have absolute values and \(others.joined(separator: ", ")) have not")
        }
    }

    /// Throws unless the `edges` join all compartments `names` into one neuron.
    private static func checkConnected(_ names: [String], _ edges: [(Int, Int)]) throws {
        var component = Array(names.indices)
        func root(_ k: Int) -> Int {
            var k = k
            while component[k] != k { k = component[k] }
            return k
        }
        for (a, b) in edges { component[root(a)] = root(b) }
        let first = root(0)
        let apart = names.indices.filter { root($0) != first }.map { "'\(names[$0])'" }
        guard apart.isEmpty else {
            throw ModelError(.invalidArgument, "The compartments of a NeuronModel must form one neuron, but "
                             + "\(apart.joined(separator: ", ")) are not connected to '\(names[0])'")
        }
    }

    /// Sets values of the dSpikes `name` of every dendrite that has them (Dendrify's
    /// `config_dspikes`); values left out stay as they are. Durations become whole time steps of
    /// ``defaultClock`` as it is now.
    ///
    /// - Throws: ``ModelError`` when no dendrite has dSpikes `name`, or for an invalid value.
    public func configDspikes(_ name: String, threshold: Quantity? = nil, durationRise: Quantity? = nil,
                              durationFall: Quantity? = nil, reversalRise: (any ReversalPotential)? = nil,
                              reversalFall: (any ReversalPotential)? = nil, offsetFall: Quantity? = nil,
                              refractory: Quantity? = nil) throws {
        var found = false
        for k in compartments.indices {
            for s in compartments[k].dspikes.indices where compartments[k].dspikes[s].type == name {
                try compartments[k].dspikes[s].configure(
                    threshold: threshold, durationRise: durationRise, durationFall: durationFall,
                    reversalRise: reversalRise, reversalFall: reversalFall, offsetFall: offsetFall,
                    refractory: refractory)
                found = true
            }
        }
        guard found else {
            let types = Set(compartments.flatMap { $0.dspikes.map(\.type) }).sorted().map { "'\($0)'" }
            throw ModelError(.invalidArgument, "No dendrite of the model has dSpikes '\(name)'"
                             + (types.isEmpty ? " (it has none)" : " (its dSpikes: \(types.joined(separator: ", ")))"))
        }
    }

    /// Adds parameters to the namespace, in order (they take precedence over the generated ones).
    public func addParameters(_ values: KeyValuePairs<String, any NamespaceValue>) throws {
        extraParameters.merge(try ModelParameters.user(values))
    }

    /// Appends equations in Brian's syntax; they must parse and not redefine a variable.
    public func addEquations(_ equations: String) throws {
        let model = self.equations
        _ = try ModelText.joined(model, equations, separator: "\n", owner: "the model")
        extraEquations = extraEquations.map { $0 + "\n" + equations } ?? equations
    }

    /// Replaces the text `old` by `new` in every compartment's equations (Dendrify's
    /// `replace_equations`).
    ///
    /// - Throws: ``ModelError`` when no compartment's equations contain `old`, or when the result
    ///   does not parse.
    public func replaceEquations(_ old: String, with new: String) throws {
        var replaced = compartments
        var found = false
        for k in replaced.indices where !old.isEmpty && replaced[k].text.text.contains(old) {
            try replaced[k].text.replaceEquations(old, with: new)
            found = true
        }
        guard found else { throw ModelError(.invalidArgument, "The equations of the model do not contain '\(old)'") }
        compartments = replaced
    }

    /// The compartments' names, in order.
    public var compartmentNames: [String] { compartments.map(\.name) }

    /// The equations (Dendrify's text): each compartment's, then those added, separated by blank lines.
    public var equations: String {
        (compartments.map(\.text.text) + (extraEquations.map { [$0] } ?? [])).joined(separator: "\n\n")
    }

    /// The dSpike events by name, with their conditions.
    public var events: [String: String] {
        compartments.reduce(into: [:]) { events, compartment in events.merge(compartment.events) { _, last in last } }
    }

    /// The statements run on each dSpike event, by event name.
    public var eventActions: [String: String] {
        compartments.reduce(into: [:]) { actions, compartment in
            actions.merge(compartment.eventActions) { _, last in last }
        }
    }

    /// The parameters: each compartment's, then those added (the group's namespace).
    public var parameters: ModelParameters {
        var parameters = ModelParameters()
        for compartment in compartments { parameters.merge(compartment.parameters) }
        parameters.merge(extraParameters)
        return parameters
    }

    /// Each compartment's voltage variable (`V_soma`) with its resting potential.
    public var restingPotentials: [(variable: String, value: Quantity)] {
        compartments.compactMap { c in c.properties.vRest.map { ("V_\(c.name)", $0) } }
    }

    /// Dendrify's `euler`.
    public static var defaultMethod: IntegrationMethod? { .euler }

    /// Throws unless every dSpike value (threshold, reversals, durations, offset, refractory
    /// period) is given and each compartment's equations parse.
    public func validate() throws {
        for spikes in compartments.flatMap(\.dspikes) { try spikes.checkComplete() }
        for compartment in compartments { try compartment.text.checkParses() }
    }
}
