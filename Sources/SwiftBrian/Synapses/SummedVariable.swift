import SwiftBrianLanguage

/// A `(summed)` synaptic subexpression (`Igap_post = w*(v_pre - v_post) : 1 (summed)`): every
/// step, before the target group's state update, the target variable of each neuron is set to the
/// sum of the expression over that neuron's synapses.
struct SummedVariable {
    /// The group written into.
    let group: Group
    /// The variable written into, a parameter of `group`.
    let variable: String
    /// The synaptic expression summed.
    let expression: Expression
    /// Whether the sum runs over each postsynaptic neuron's synapses (else each presynaptic's).
    let intoTarget: Bool

    init(_ equation: Equation, source: Group, target: Group, synapses: String) throws {
        let name = equation.name
        let intoTarget = !name.hasSuffix("_pre")
        let variable = name.hasSuffix("_pre") ? String(name.dropLast(4))
            : (name.hasSuffix("_post") ? String(name.dropLast(5)) : name)
        let group = intoTarget ? target : source
        func fail(_ message: String) -> ModelError {
            ModelError(.invalidEquations, message, source: equation.source, span: equation.nameSpan)
        }
        guard let stored = group.variables[variable] else {
            throw fail("The summed variable '\(name)' of '\(synapses)' writes into '\(variable)', which is not a "
                       + "variable of '\(group.name)'")
        }
        guard stored.description.kind == .parameter, stored.buffer != nil, !stored.isShared else {
            throw fail("The summed variable '\(name)' must write into a parameter of '\(group.name)', but "
                       + "'\(variable)' is a \(stored.isShared ? "shared variable" : stored.description.kind.rawValue)")
        }
        guard stored.dimension == equation.dimension else {
            throw fail("The summed variable '\(name)' is in \(equation.dimension.unitSpecification), but "
                       + "'\(variable)' of '\(group.name)' is in \(stored.dimension.unitSpecification)")
        }
        self.group = group
        self.variable = variable
        self.expression = equation.expression!
        self.intoTarget = intoTarget
    }
}
