import SwiftBrian

extension SimulationDescription {
    /// A subsection per input: Poisson groups, spike generators, Poisson inputs and the timed
    /// arrays the groups' code reads.
    func inputSections() -> [DescriptionDocument.Section] {
        var sections: [DescriptionDocument.Section] = []
        for group in objects(PoissonGroup.self) {
            let printer = printer(for: group)
            var inlines: [DescriptionDocument.Inline] = [.text("Poisson group of \(count(group.size, "neuron")), rates ")]
            if let rates = group.equations["rates"]?.expression {
                inlines.append(.math("\(LaTeXName.typeset("rates")) = \(printer.typeset(rates))"))
            } else if let rates = try? group.variable("rates").values, let low = rates.values.min(),
                      let high = rates.values.max() {
                let typeset = { LaTeXUnit.typeset(Quantity(value: $0, dimension: .frequency)) }
                inlines.append(.math(low == high ? typeset(low) : "\(typeset(low)) \\ldots \(typeset(high))"))
            }
            sections.append(DescriptionDocument.Section(group.name, level: 2, blocks: [.paragraph(inlines + [.text(".")])]))
        }
        for group in objects(SpikeGeneratorGroup.self) {
            var text = "Spike generator of \(count(group.size, "neuron")) emitting \(count(group.indices.count, "spike"))"
            if group.period.value > 0 { text += ", repeated every \(QuantityText.plain(group.period))" }
            sections.append(DescriptionDocument.Section(group.name, level: 2, blocks: [.paragraph([.text(text + ".")])]))
        }
        for input in objects(PoissonInput.self) {
            let printer = printer(for: input.target)
            let inlines: [DescriptionDocument.Inline] = [
                .text("\(input.N) independent Poisson sources at "), .math(LaTeXUnit.typeset(input.rate)),
                .text(" each, onto "), .math(LaTeXName.typeset(input.variable)), .text(" of \(input.target.name), adding "),
                input.weightValue.map { .math(LaTeXUnit.typeset($0)) } ?? math(input.weightExpression ?? "", printer),
                .text(" per input spike."),
            ]
            sections.append(DescriptionDocument.Section(input.name, level: 2, blocks: [.paragraph(inlines)]))
        }
        for (name, table) in timedArrays() {
            let shape = table.indices.map { "\(table.times) × \($0)" } ?? "\(table.times)"
            let text = "Timed array of \(shape) values, one every \(QuantityText.plain(table.dt)), read as "
            sections.append(DescriptionDocument.Section(name, level: 2, blocks: [.paragraph([
                .text(text), .code(table.isTwoDimensional ? "\(name)(t, i)" : "\(name)(t)"), .text("."),
            ])]))
        }
        return sections
    }

    /// The timed arrays in the groups' namespaces, by name.
    private func timedArrays() -> [(String, TimedArray)] {
        var found: [String: TimedArray] = [:]
        for group in objects(Group.self) {
            for (name, function) in group.namespace.functions {
                if let table = function.table as? TimedArray { found[name] = table }
            }
        }
        return found.sorted { $0.key < $1.key }
    }

    /// The monitors: what each records, of which group.
    func monitorsSection() -> DescriptionDocument.Section? {
        var items: [[DescriptionDocument.Inline]] = []
        for object in network.objects {
            switch object {
            case let monitor as EventMonitor:
                let what = monitor.event == "spike" ? "spikes" : "'\(monitor.event)' events"
                var item: [DescriptionDocument.Inline] = [.code(monitor.name), .text(": \(what) of \(monitor.source.name)")]
                item += variableList(monitor.variables, prefix: ", with ")
                items.append(item)
            case let monitor as StateMonitor:
                var item: [DescriptionDocument.Inline] = [.code(monitor.name), .text(": ")]
                item += variableList(monitor.variables, prefix: "")
                item.append(.text(" of \(count(monitor.record.count, "element")) of \(monitor.source.name), "
                                  + "every \(QuantityText.plain(monitor.clock.dt))"))
                items.append(item)
            case let monitor as PopulationRateMonitor:
                items.append([.code(monitor.name), .text(": population rate of \(monitor.source.name)")])
            default:
                break
            }
        }
        return items.isEmpty ? nil : DescriptionDocument.Section("Monitors", blocks: [.list(items)])
    }

    /// `v, w` as math, after `prefix`; nothing for no variables.
    private func variableList(_ variables: [String], prefix: String) -> [DescriptionDocument.Inline] {
        guard !variables.isEmpty else { return [] }
        var inlines: [DescriptionDocument.Inline] = [.text(prefix)]
        for (k, variable) in variables.enumerated() {
            inlines += (k == 0 ? [] : [.text(", ")]) + [.math(LaTeXName.typeset(variable))]
        }
        return inlines
    }
}
