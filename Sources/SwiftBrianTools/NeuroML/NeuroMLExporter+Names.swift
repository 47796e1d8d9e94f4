import SwiftBrian

extension NeuroMLExporter {
    /// A resolver of names in code of `group` for a ComponentType with `constants`: its
    /// `variables` as they are, `t`, and as constants its namespace values (prefixed by
    /// `prefix`), units (`mV` as `mV_unit`), `pi`, `e`, `dt` and `N`; nil for anything else.
    func names(of group: Group, variables: Set<String>, constants: LEMSConstants,
               prefix: String = "") -> (String) -> String? {
        let dt = self.dt
        return { name in
            if variables.contains(name) { return name }
            switch name {
            case "t": return "t"
            case "dt": return constants.add("dt", dt)
            case "N": return constants.add(prefix + "N", Quantity(value: Double(group.size)))
            default: break
            }
            if let value = group.namespace.values[name] { return constants.add(prefix + name, value) }
            if let value = Identifiers.constants[name], value.isFinite { return constants.add(name, Quantity(value: value)) }
            if let unit = UnitRegistry.named(name) { return constants.add("\(name)_unit", unit) }
            return nil
        }
    }

    /// `statements` (run in order, as Brian runs them) as LEMS state assignments, each computed
    /// from the values before any of them: a statement reading a variable an earlier one set
    /// reads the earlier one's expression instead.
    func assignments(_ statements: [Statement], printer: LEMSExpression,
                     target: (String) throws -> String) throws -> [LEMSElement] {
        var assigned: [String: Expression] = [:]
        var earlier: [String: Expression] = [:]
        var order: [String] = []
        for statement in statements {
            let name = try target(statement.target)
            let value = statement.expanded.value.substituting(earlier)
            earlier[statement.target] = value
            if assigned[name] == nil { order.append(name) }
            assigned[name] = value
        }
        return try order.map { name in
            LEMSElement("StateAssignment", [("variable", name), ("value", try printer.write(assigned[name] ?? Expression(.name(name))))])
        }
    }
}
