import SwiftBrian

extension SimulationDescription {
    /// A subsection per Synapses: source and target, model equations, each `connect` call with the
    /// synapses it made, the pathways with their code and delays, plasticity and initial values.
    func synapseSections() -> [DescriptionDocument.Section] {
        objects(Synapses.self).map { synapses in
            let printer = printer(for: synapses)
            var blocks: [DescriptionDocument.Block] = [.paragraph([.text(
                "\(count(synapses.size, "synapse")) from \(synapses.source.name) to \(synapses.target.name).")])]
            blocks += equationBlocks(synapses.describedEquations, printer: printer)
            if !synapses.connections.isEmpty {
                blocks += [.paragraph([.text("Connections:")]),
                           .list(limited(synapses.connections.map { connectionItem($0, printer) }) { "\($0) more calls of connect" })]
            }
            let perSynapseDelay = synapses.initializations.contains { $0.variable == "delay" }
            for pathway in synapses.pathwayRecords {
                var text = "On each \(pathway.event == "spike" ? "" : "'\(pathway.event)' event of the ")"
                text += pathway.event == "spike" ? (pathway.triggeredByPre ? "presynaptic spike" : "postsynaptic spike")
                    : (pathway.triggeredByPre ? "presynaptic group" : "postsynaptic group")
                var inlines: [DescriptionDocument.Inline] = [.text(text + " (pathway "), .code(pathway.name)]
                if let delay = pathway.delay {
                    inlines += [.text(", delay "), .math(LaTeXUnit.typeset(delay))]
                } else if pathway.name == "pre", perSynapseDelay {
                    inlines.append(.text(", delays set per synapse, see the initial values"))
                }
                blocks += [.paragraph(inlines + [.text("):")]), statements(pathway.code, printer)]
            }
            if let plasticity = plasticity(synapses) { blocks.append(plasticity) }
            blocks += initializationBlocks(synapses, printer: printer, noun: "synapse")
            return DescriptionDocument.Section(synapses.name, level: 2, blocks: blocks)
        }
    }

    /// One `connect` call: its rule and the synapses it made.
    private func connectionItem(_ record: ConnectionRecord, _ printer: LaTeXExpression) -> [DescriptionDocument.Inline] {
        var item: [DescriptionDocument.Inline]
        let p: String, n: String
        switch record.rule {
        case .condition(let condition, let probability, let multiplicity):
            item = condition.map { [.text("pairs where "), math($0, printer)] } ?? [.text("all pairs")]
            (p, n) = (probability, multiplicity)
        case .generator(let j, let probability, let multiplicity):
            item = [.text("targets "), .code("j = \(j)")]
            (p, n) = (probability, multiplicity)
        case .pairs(let pairs, let multiplicity):
            item = [.text("\(pairs) given pairs (i, j)")]
            (p, n) = ("1.0", "\(multiplicity)")
        }
        if p != "1.0" { item += [.text(", with probability "), math(p, printer)] }
        if n != "1" { item += [.text(", "), math(n, printer), .text(" synapses per pair")] }
        return item + [.text(": \(count(record.created, "synapse")) made")]
    }

    /// Which synaptic variables the pathways change, when any do (plasticity such as STDP).
    private func plasticity(_ synapses: Synapses) -> DescriptionDocument.Block? {
        let own = Set(synapses.equations.names)
        let changed = synapses.pathwayRecords.flatMap { pathway in
            ((try? Statement.parseLines(pathway.code)) ?? []).map(\.target).filter(own.contains).map { ($0, pathway.name) }
        }
        let variables = Array(Set(changed.map(\.0))).sorted()
        guard !variables.isEmpty else { return nil }
        let pathways = Array(Set(changed.map(\.1))).sorted()
        let eventDriven = synapses.equations.contains { $0.has(.eventDriven) }
        var inlines: [DescriptionDocument.Inline] = [.text("Plasticity: ")]
        for (k, variable) in variables.enumerated() {
            inlines += (k == 0 ? [] : [.text(", ")]) + [.math(LaTeXName.typeset(variable))]
        }
        inlines.append(.text(" changed by the pathway\(pathways.count == 1 ? "" : "s") "
                             + pathways.joined(separator: " and ")
                             + (eventDriven ? ", with event-driven traces updated at each event." : ".")))
        return .paragraph(inlines)
    }
}
