import SwiftBrian

extension SimulationDescription {
    /// The values of the namespaces, one row per name (with the groups where a name has different
    /// values).
    func constantsSection() -> DescriptionDocument.Section? {
        var values: [String: [(group: String, value: Quantity)]] = [:]
        for group in objects(Group.self) where !(group is Subgroup) {
            for (name, value) in group.namespace.values where !name.hasPrefix("_") {
                if !(values[name]?.contains { $0.value == value } ?? false) {
                    values[name, default: []].append((group.name, value))
                }
            }
        }
        guard !values.isEmpty else { return nil }
        let rows = values.sorted { $0.key < $1.key }.flatMap { name, entries in
            entries.map { entry -> [[DescriptionDocument.Inline]] in
                let scope = entries.count > 1 ? " (\(entry.group))" : ""
                return [[.math(LaTeXName.typeset(name)), .text(scope)], [.math(LaTeXUnit.typeset(entry.value))]]
            }
        }
        return DescriptionDocument.Section("Constants", blocks: [.table(header: ["Name", "Value"], rows: rows)])
    }

    /// The time steps, the runs with their durations, and the seed.
    func simulationSection() -> DescriptionDocument.Section {
        var steps: [Quantity] = []
        for object in network.objects where !steps.contains(object.clock.dt) { steps.append(object.clock.dt) }
        var items: [[DescriptionDocument.Inline]] = [[
            .text("Time step\(steps.count == 1 ? "" : "s"): " + steps.map(QuantityText.plain).joined(separator: ", ")),
        ]]
        items += limited(network.runs.enumerated().map { k, run in
            var text = "Run \(k + 1): \(QuantityText.plain(run.duration)), from \(QuantityText.plain(run.start))"
            text += " to \(QuantityText.plain(run.end))"
            if run.end.value < run.start.value + run.duration.value { text += " (stopped early)" }
            return [.text(text)]
        }) { "\($0) more runs, to \(QuantityText.plain(network.t))" }
        let seeds = network.runs.map(\.seed).reduce(into: [UInt64]()) { if !$0.contains($1) { $0.append($1) } }
        if !seeds.isEmpty {
            items.append([.text("Random seed: " + seeds.map { "\($0)" }.joined(separator: ", "))])
        }
        return DescriptionDocument.Section("Simulation", blocks: [.list(items)])
    }
}
