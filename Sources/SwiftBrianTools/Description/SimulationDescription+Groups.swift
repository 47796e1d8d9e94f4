import SwiftBrian

extension SimulationDescription {
    /// Names that are never units in a group's code: built-in variables.
    static let builtinNames: Set<String> = [
        "i", "j", "t", "dt", "N", "N_pre", "N_post", "N_incoming", "N_outgoing", "lastspike", "not_refractory",
        "delay", "xi", "lastupdate",
    ]

    /// The LaTeX printer for the code of `group`: its variables and namespace are names, not units.
    func printer(for group: Group) -> LaTeXExpression {
        LaTeXExpression(variables: Self.builtinNames.union(group.equations.names).union(group.namespace.values.keys)
            .union(group.namespace.functions.keys))
    }

    /// `text` (an expression) typeset in math, or as code when it does not parse.
    func math(_ text: String, _ printer: LaTeXExpression) -> DescriptionDocument.Inline {
        guard let expression = try? Expression(parsing: text) else { return .code(text) }
        return .math(printer.typeset(expression))
    }

    /// The statements of `code`, each typeset, or the code itself when it does not parse.
    func statements(_ code: String, _ printer: LaTeXExpression) -> DescriptionDocument.Block {
        guard let statements = try? Statement.parseLines(code), !statements.isEmpty else {
            return .paragraph([.code(code)])
        }
        return .equations(statements.map(printer.typeset))
    }

    /// A subsection per neuron group: size, equations, threshold, reset, refractoriness, method,
    /// events and initial values.
    func neuronSections() -> [DescriptionDocument.Section] {
        neuronGroups.map { group in
            let printer = printer(for: group)
            // A spatial neuron's elements are the compartments of one neuron.
            let element = group is SpatialNeuron ? "compartment" : "neuron"
            let noun = element + (group.size == 1 ? "" : "s")
            var blocks: [DescriptionDocument.Block] = [
                .paragraph([.text("\(group.size) \(noun), integrated with the \(group.method.rawValue) method.")]),
            ]
            blocks += equationBlocks(group.describedEquations, printer: printer)
            let definition = group.definition
            var items: [[DescriptionDocument.Inline]] = []
            if let threshold = definition.threshold { items.append([.text("Threshold: "), math(threshold, printer)]) }
            if let period = definition.refractoryPeriod {
                items.append([.text("Refractory period: "), .math(LaTeXUnit.typeset(period))])
            }
            if let condition = definition.refractoryCondition {
                items.append([.text("Refractory: "), math(condition, printer)])
            }
            for (event, condition) in definition.events.sorted(by: { $0.key < $1.key }) {
                items.append([.text("Event "), .code(event), .text(": "), math(condition, printer)])
            }
            if !items.isEmpty { blocks += [.paragraph([.text("Spikes and refractoriness:")]), .list(items)] }
            if let reset = definition.reset {
                blocks += [.paragraph([.text("Reset after a spike:")]), statements(reset, printer)]
            }
            blocks += initializationBlocks(group, printer: printer, noun: element)
            return DescriptionDocument.Section(group.name, level: 2, blocks: blocks)
        }
    }

    /// The equations of a model: differential equations and subexpressions displayed with the
    /// unit of their variable and their flags, parameters listed with their units.
    func equationBlocks(_ equations: [Equation], printer: LaTeXExpression) -> [DescriptionDocument.Block] {
        var displayed: [String] = []
        var parameters: [[DescriptionDocument.Inline]] = []
        for equation in equations {
            let name = LaTeXName.typeset(equation.name)
            let unit = equation.type == .float ? LaTeXUnit.typeset(equation.dimension) : "\\mathrm{\(equation.type.rawValue)}"
            let flags = equation.flags.isEmpty ? ""
                : " \\quad \\text{(\(equation.flags.map(\.rawValue).joined(separator: ", ")))}"
            guard let expression = equation.expression else {
                let flagText = equation.flags.map(\.rawValue)
                let notes = (equation.type == .float && equation.dimension == .dimensionless ? ["dimensionless"] : [])
                    + flagText
                parameters.append([.math(name)] + (unit == "1" ? [] : [.text(" in "), .math(unit)])
                                  + (notes.isEmpty ? [] : [.text(" (\(notes.joined(separator: ", ")))")]))
                continue
            }
            let lhs = equation.kind == .differential ? "\\frac{d\(name)}{dt}" : name
            displayed.append("\(lhs) = \(printer.typeset(expression)) \\qquad [\(name)] = \(unit)\(flags)")
        }
        var blocks: [DescriptionDocument.Block] = []
        if !displayed.isEmpty { blocks.append(.equations(displayed)) }
        if !parameters.isEmpty { blocks += [.paragraph([.text("Parameters:")]), .list(parameters)] }
        return blocks
    }

    /// The first `listed` of `items`, then one item saying how many more there are (`more` beyond
    /// the items as well), so that a script calling `set`, `connect` or `run` in a loop gives a
    /// readable description.
    func limited(_ items: [[DescriptionDocument.Inline]], listed: Int = 20, more: Int = 0,
                 saying: (Int) -> String) -> [[DescriptionDocument.Inline]] {
        let left = max(0, items.count - listed) + more
        return Array(items.prefix(listed)) + (left > 0 ? [[.text("… and " + saying(left))]] : [])
    }

    /// The values set on `group`'s variables, in order.
    func initializationBlocks(_ group: Group, printer: LaTeXExpression, noun: String) -> [DescriptionDocument.Block] {
        guard !group.initializations.isEmpty else { return [] }
        let items = group.initializations.map { record -> [DescriptionDocument.Inline] in
            let name = LaTeXName.typeset(record.variable)
            var item: [DescriptionDocument.Inline]
            switch record.value {
            case .quantity(let value):
                item = [.math("\(name) = \(LaTeXUnit.typeset(value))")]
            case .expression(let text):
                if let expression = try? Expression(parsing: text) {
                    item = [.math("\(name) = \(printer.typeset(expression))")]
                } else {
                    item = [.math(name), .text(" = "), .code(text)]
                }
            case .array(let count, let minimum, let maximum, let dimension):
                let low = LaTeXUnit.typeset(Quantity(value: minimum, dimension: dimension))
                let high = LaTeXUnit.typeset(Quantity(value: maximum, dimension: dimension))
                item = [.math(name), .text(": \(count) values given, from "), .math(low), .text(" to "), .math(high)]
            }
            if let condition = record.condition { item += [.text(" where "), math(condition, printer)] }
            if let elements = record.elements {
                item.append(.text(" (\(noun)s \(elements.lowerBound) to \(elements.upperBound - 1))"))
            }
            return item
        }
        let more = group.unrecordedInitializations
        return [.paragraph([.text("Initial values:")]),
                .list(limited(items, more: more) { "\($0) more values set" })]
    }
}
