import SwiftBrianLanguage

extension Synapses {
    /// Throws, as Brian does, when a clock-driven equation or a summed variable depends (directly
    /// or through subexpressions) on an event-driven variable, or an event-driven equation on a
    /// clock-driven one: the two are updated at different times (every step, at events), so
    /// neither may read the other.
    static func checkEventDrivenDependencies(_ analyzed: AnalyzedEquations) throws {
        let equations = analyzed.equations
        let differential = equations.equations(ofKind: .differential)
        let eventDriven = Set(differential.filter { $0.has(.eventDriven) }.map(\.name))
        let clockDriven = Set(differential.filter { !$0.has(.eventDriven) }.map(\.name))
        guard !eventDriven.isEmpty else { return }
        let subexpressions = try analyzed.inlinedSubexpressions()
        for equation in equations where equation.kind == .differential || equation.has(.summed) {
            guard let expression = equation.expression else { continue }
            let used = expression.substituting(subexpressions).identifiers
            let (kind, forbidden, other) = equation.has(.eventDriven) ? ("event-driven", clockDriven, "clock-driven")
                : (equation.has(.summed) ? "summed" : "clock-driven", eventDriven, "event-driven")
            if let name = used.intersection(forbidden).sorted().first {
                throw ModelError(.invalidEquations, "The \(kind) '\(equation.name)' cannot depend on the \(other) "
                                 + "variable '\(name)': they are updated at different times",
                                 source: equation.source, span: equation.span)
            }
        }
    }
}
