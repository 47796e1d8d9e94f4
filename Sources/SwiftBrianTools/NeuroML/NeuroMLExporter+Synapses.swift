import SwiftBrian

extension NeuroMLExporter {
    /// Adds the pathways of `synapses` to its target's model: one input event port per pathway,
    /// whose handler changes the postsynaptic variables as the pathway's code does. The code may
    /// read synaptic parameters only where all synapses have the same value (a LEMS event
    /// carries no value), so the weight is a constant of the port.
    func addSynapses(_ synapses: Synapses) throws {
        let owner = synapses.name
        let source = Self.root(of: synapses.source).group, target = Self.root(of: synapses.target).group
        guard source is NeuronGroup || source is PoissonGroup, target is NeuronGroup, !(target is SpatialNeuron) else {
            throw NeuroMLExport.unsupported(owner, "synapses between '\(synapses.source.name)' and "
                                            + "'\(synapses.target.name)' (only between neuron groups and Poisson groups)")
        }
        for equation in synapses.equations where equation.kind != .parameter {
            throw NeuroMLExport.unsupported(owner, "the synaptic \(equation.kind.rawValue) of '\(equation.name)' "
                                            + "(synaptic state that changes: plasticity, traces, summed variables)")
        }
        let postVariables = Set(target.equations.filter { $0.kind != .subexpression }.map(\.name))
        let readable = Set(target.equations.map(\.name))
        let own = Set(synapses.equations.names)
        let constants = constants(of: target.name)
        let resolveOwn = names(of: synapses, variables: [], constants: constants, prefix: "\(owner)_")
        let printer = LEMSExpression(owner: owner) { name in
            if name.hasSuffix("_post"), readable.contains(String(name.dropLast(5))) { return String(name.dropLast(5)) }
            if own.contains(name) { return "\(owner)_\(name)" }
            if readable.contains(name), !own.contains(name) { return name }
            return resolveOwn(name)
        }
        for pathway in synapses.pathwayRecords {
            guard pathway.triggeredByPre, pathway.event == "spike" else {
                throw NeuroMLExport.unsupported(owner, "the pathway '\(pathway.name)' triggered by "
                    + (pathway.triggeredByPre ? "the event '\(pathway.event)'" : "postsynaptic spikes (plasticity)"))
            }
            let statements = try Statement.parseLines(pathway.code, role: "pathway '\(pathway.name)'")
            for name in Set(statements.flatMap(\.value.identifiers)).intersection(own).sorted() {
                try addUniformValue(synapses, name, to: constants)
            }
            let changes = try assignments(statements, printer: printer) { name in
                let variable = name.hasSuffix("_post") ? String(name.dropLast(5)) : name
                guard !own.contains(name), postVariables.contains(variable) else {
                    throw NeuroMLExport.unsupported(owner, "the pathway '\(pathway.name)' changing '\(name)', which is "
                                                    + "not a state variable of the postsynaptic group")
                }
                return variable
            }
            let port = "\(owner)_\(pathway.name)"
            inputPorts[target.name, default: []].append(
                (port, LEMSElement("OnEvent", [("port", port)], changes)))
        }
    }

    /// Adds the value of the synaptic parameter `name` to `constants` as `SYNAPSES_NAME`: the
    /// same for all synapses, or an error saying that the values differ.
    private func addUniformValue(_ synapses: Synapses, _ name: String, to constants: LEMSConstants) throws {
        let view = try synapses.variable(name)
        let values = try view.values
        // Without synapses the value is never used.
        let first = values.values.first ?? 0
        guard values.values.allSatisfy({ $0 == first }) else {
            throw NeuroMLExport.unsupported(synapses.name, "the synaptic variable '\(name)', whose values differ between "
                                            + "synapses (a LEMS event carries no weight)")
        }
        constants.add("\(synapses.name)_\(name)", Quantity(value: first, dimension: values.dimension))
    }

    /// One event connection per synapse of `synapses` and pathway, from the presynaptic neuron to
    /// the pathway's port of the postsynaptic one, with the synapse's delay. jLEMS stamps a spike
    /// with the end of its step (Brian with its start) and applies an event before integrating
    /// the step it falls in, so half a step is added: the event then lands in the step after
    /// the one Brian applies it in, as the spike does, away from rounding at step boundaries.
    func addConnections(_ synapses: Synapses) throws {
        let sources = try synapses.i, targets = try synapses.j
        let (source, sourceOffset) = Self.root(of: synapses.source)
        let (target, targetOffset) = Self.root(of: synapses.target)
        for pathway in synapses.pathwayRecords {
            let delays = try synapses.pathway(pathway.name).delay.plainValues
            let port = "\(synapses.name)_\(pathway.name)"
            for k in sources.indices {
                let delay = delays.count == sources.count ? delays[k] : (delays.first ?? 0)
                networkChildren.append(LEMSElement("delayedEventConnection", [
                    ("from", "\(source.name)[\(sources[k] + sourceOffset)]"), ("to", "\(target.name)[\(targets[k] + targetOffset)]"),
                    ("targetPort", port), ("delay", "\(delay + dt.value / 2)s"),
                ]))
            }
        }
    }
}
