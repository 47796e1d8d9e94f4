import SwiftBrian

/// The description of a whole simulation as run — populations with their equations, threshold,
/// reset, refractoriness, integration method and initial values; inputs; synapses with their
/// connection rules, the numbers of synapses made, pathway code, delays and plasticity; monitors;
/// constants; runs and seed — as a methods section (the information brian2tools' Markdown
/// exporter gives). It reads what the model objects recorded, so it describes what the script
/// did: `set` calls, `connect` calls and runs, in order.
public struct SimulationDescription {
    /// The network described.
    public let network: Network

    /// A description of `network`.
    public init(_ network: Network) {
        self.network = network
    }

    /// The description as a document titled `title`.
    public func document(title: String = "Model description") -> DescriptionDocument {
        var sections = [overview()]
        sections += section("Neuron populations", neuronSections())
        sections += section("Inputs", inputSections())
        sections += section("Synapses", synapseSections())
        if let monitors = monitorsSection() { sections.append(monitors) }
        if let constants = constantsSection() { sections.append(constants) }
        sections.append(simulationSection())
        return DescriptionDocument(title: title, sections: sections)
    }

    /// A level-1 section titled `title` followed by `subsections`, or nothing when there are none.
    private func section(_ title: String, _ subsections: [DescriptionDocument.Section]) -> [DescriptionDocument.Section] {
        subsections.isEmpty ? [] : [DescriptionDocument.Section(title)] + subsections
    }

    /// The objects of the network of type `T`, in the order they were added.
    func objects<T>(_ type: T.Type) -> [T] {
        network.objects.compactMap { $0 as? T }
    }

    /// The neuron groups proper (not inputs, not synapses, not subgroups).
    var neuronGroups: [NeuronGroup] { objects(NeuronGroup.self) }

    /// One paragraph summing up the network: its populations, synapses, monitors and runs.
    private func overview() -> DescriptionDocument.Section {
        // A spatial neuron is one neuron of many compartments.
        let neurons = neuronGroups.map { $0 is SpatialNeuron ? 1 : $0.size }.reduce(0, +)
        let synapses = objects(Synapses.self)
        let runs = network.runs
        let simulated = runs.map { $0.end.value - $0.start.value }.reduce(0, +)
        var text = "The network has \(count(neuronGroups.count, "neuron population")) (\(count(neurons, "neuron")) in all)"
        let inputs = objects(PoissonGroup.self).count + objects(SpikeGeneratorGroup.self).count
            + objects(PoissonInput.self).count
        if inputs > 0 { text += ", \(count(inputs, "input"))" }
        text += ", \(count(synapses.count, "group")) of synapses (\(count(synapses.map(\.size).reduce(0, +), "synapse")) "
            + "in all) and \(count(monitorCount, "monitor")). "
        text += runs.isEmpty ? "It has not been run."
            : "It was simulated for \(QuantityText.plain(Quantity(value: simulated, dimension: .time))) "
              + "in \(count(runs.count, "run"))."
        return DescriptionDocument.Section("Overview", blocks: [.paragraph([.text(text)])])
    }

    private var monitorCount: Int {
        objects(EventMonitor.self).count + objects(StateMonitor.self).count + objects(PopulationRateMonitor.self).count
    }

    /// `n things`, `1 thing`.
    func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
