import SwiftBrian

/// Builds the NeuroML and LEMS documents of a network: it reads the objects and their records
/// (definitions, initial values, pathways, runs) and refuses, with an error naming the object,
/// whatever LEMS cannot express.
final class NeuroMLExporter {
    let network: Network
    let name: String
    let quantities = LEMSQuantities()
    /// The time step of every object.
    let dt: Quantity
    /// The ComponentTypes of the NeuroML document (the neuron models).
    var cellTypes: [LEMSElement] = []
    /// The LEMS-only ComponentTypes: each model's ports, each population.
    var lemsTypes: [LEMSElement] = []
    /// The children of the LEMS network: populations and event connections.
    var networkChildren: [LEMSElement] = []
    /// The event ports each population's model receives, by population name, with their handlers.
    var inputPorts: [String: [(port: String, handler: LEMSElement)]] = [:]
    /// The outputs of the simulation.
    var outputs: [LEMSElement] = []
    var stateFiles: [String: (file: String, columns: [(variable: String, index: Int)])] = [:]
    var spikeFiles: [String: String] = [:]

    /// The constants of each population's model, by population name (synaptic pathways add theirs).
    private var modelConstants: [String: LEMSConstants] = [:]

    /// The constants of the model of `population`.
    func constants(of population: String) -> LEMSConstants {
        if let constants = modelConstants[population] { return constants }
        let constants = LEMSConstants()
        modelConstants[population] = constants
        return constants
    }

    /// The populations exported, by name.
    private(set) var populations: Set<String> = []

    init(network: Network, name: String) throws {
        self.network = network
        self.name = name
        var steps: [Quantity] = []
        for object in network.objects where !steps.contains(object.clock.dt) { steps.append(object.clock.dt) }
        guard steps.count <= 1 else {
            throw ModelError(.invalidArgument, "The network cannot be exported to NeuroML/LEMS: its objects use "
                             + "several time steps (\(steps.map { "\($0)" }.joined(separator: ", "))), and a LEMS "
                             + "Simulation has one")
        }
        dt = steps.first ?? defaultClock.dt
        try checkObjects()
        // Synaptic pathways first: they add ports and handlers to their target's model.
        for synapses in network.objects.compactMap({ $0 as? Synapses }) { try addSynapses(synapses) }
        for object in network.objects {
            if let group = object as? PoissonGroup {
                try addPopulation(group, spikes: .poisson)
            } else if let group = object as? NeuronGroup {
                try addPopulation(group, spikes: .threshold)
            }
        }
        for synapses in network.objects.compactMap({ $0 as? Synapses }) { try addConnections(synapses) }
        try addMonitors()
    }

    /// Refuses objects LEMS cannot express (network operations, run_regularly, spike generators,
    /// Poisson inputs, spatial neurons, inactive objects) before anything is written.
    private func checkObjects() throws {
        for object in network.objects {
            switch object {
            case is SpatialNeuron:
                throw NeuroMLExport.unsupported(object.name, "a multicompartment neuron (SpatialNeuron)")
            case is Subgroup:
                break  // a part of its parent's population
            case let group as NeuronGroup:
                if group.hasEventCode {
                    throw NeuroMLExport.unsupported(group.name, "code run on events (runOnEvent)")
                }
            case is PoissonGroup, is Synapses, is StateMonitor, is EventMonitor, is PopulationRateMonitor:
                break
            case is NetworkOperation:
                throw NeuroMLExport.unsupported(object.name, "a network operation (Swift code run during the run)")
            default:
                throw NeuroMLExport.unsupported(object.name, "an object of type \(type(of: object)) (neuron groups, Poisson groups, "
                                                + "synapses and monitors are exported)")
            }
            guard object.active else {
                throw NeuroMLExport.unsupported(object.name, "an inactive object")
            }
        }
    }

    /// The NeuroML 2 document: the neuron models as ComponentTypes.
    var neuroMLDocument: String {
        let root = LEMSElement("neuroml", [
            ("xmlns", "http://www.neuroml.org/schema/neuroml2"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "http://www.neuroml.org/schema/neuroml2 "
             + "https://raw.github.com/NeuroML/NeuroML2/development/Schemas/NeuroML2/NeuroML_v2.3.xsd"),
            ("id", name),
        ], cellTypes)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.rendered()
    }

    /// The LEMS file: NeuroML's core types, the dimensions and units, the ports, the NeuroML
    /// document `neuroMLFile`, the populations, the network and the simulation.
    func lemsDocument(including neuroMLFile: String) throws -> String {
        let duration = network.runs.map { $0.end.value - $0.start.value }.reduce(0, +)
        var simulation: [(String, String)] = [
            ("id", "simulation"), ("length", "\(duration)s"), ("step", "\(dt.value)s"), ("target", name),
        ]
        if let seed = network.runs.first?.seed { simulation.append(("seed", "\(seed % UInt64(Int32.max))")) }
        let children: [LEMSElement] = [
            LEMSElement("Target", [("component", "simulation")]),
            LEMSElement("Include", [("file", "NeuroML2CoreTypes.xml")]),
            LEMSElement("Include", [("file", "Simulation.xml")]),
        ] + quantities.definitions() + portTypes() + [
            LEMSElement("Include", [("file", neuroMLFile)]),
        ] + lemsTypes + [
            Self.eventConnectionType,
            LEMSElement("network", [("id", name)], networkChildren),
            LEMSElement("Simulation", simulation, outputs),
        ]
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + LEMSElement("Lems", [], children).rendered()
    }

    /// The event connection of one synapse: from a neuron to an input port of another, after a
    /// delay.
    static let eventConnectionType = LEMSElement("ComponentType", [
        ("name", "delayedEventConnection"), ("extends", "explicitConnection"),
        ("description", "A synapse of SwiftBrian: an event from the presynaptic neuron reaches an input port of the "
         + "postsynaptic neuron after a delay"),
    ], [
        LEMSElement("Parameter", [("name", "delay"), ("dimension", "time")]),
        // jLEMS does not inherit these from explicitConnection.
        LEMSElement("Path", [("name", "from")]),
        LEMSElement("Path", [("name", "to")]),
        LEMSElement("Text", [("name", "targetPort")]),
        LEMSElement("Structure", [], [
            LEMSElement("With", [("instance", "from"), ("as", "a")]),
            LEMSElement("With", [("instance", "to"), ("as", "b")]),
            LEMSElement("EventConnection", [("from", "a"), ("to", "b"), ("targetPort", "targetPort"), ("delay", "delay")]),
        ]),
    ])

    /// For each population, the type its model extends: its spike output and synaptic inputs
    /// (event ports cannot be declared in a NeuroML document's ComponentType).
    private func portTypes() -> [LEMSElement] {
        populations.sorted().map { population in
            LEMSElement("ComponentType", [("name", Self.portsType(population)), ("extends", "baseCell")],
                        [LEMSElement("EventPort", [("name", "spike"), ("direction", "out")])]
                        + (inputPorts[population] ?? []).map {
                            LEMSElement("EventPort", [("name", $0.port), ("direction", "in")])
                        })
        }
    }

    static func portsType(_ population: String) -> String { "\(population)_ports" }
    static func cellType(_ population: String) -> String { "\(population)_cell" }
    static func populationType(_ population: String) -> String { "\(population)_population" }

    func registerPopulation(_ name: String) { populations.insert(name) }

    /// The group whose population holds `group`'s neurons, and the index there of its first.
    static func root(of group: Group) -> (group: Group, offset: Int) {
        guard let subgroup = group as? Subgroup else { return (group, 0) }
        let parent = root(of: subgroup.parent)
        return (parent.group, parent.offset + subgroup.offset)
    }
}
