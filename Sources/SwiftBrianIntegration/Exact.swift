import SwiftBrianLanguage
import SwiftBrianSymbolic

/// Brian's `exact`: the analytic solution of a linear system `dx/dt = M*x + b` whose coefficients
/// are constant over a time step — they may not depend on state variables, on `t`, on noise or on
/// draws (`rand()`). As in Brian, a singular matrix `M` (a variable whose equation does not depend
/// on it, such as `dv/dt = I/C`) and complex eigenvalues (oscillations) are refused. See
/// ``LinearSolution`` for what is solved symbolically and what numerically.
///
/// Variables frozen while refractory are handled by solving the system a second time with their
/// equations set to zero and blending the two solutions with `not_refractory`; only the
/// variables whose solutions differ are blended.
enum Exact: Integrator {
    static func statements(for system: DifferentialSystem) throws -> [Statement] {
        try system.requireDeterministic()
        let variables = system.variables
        let expressions = system.equations.map { system.symbolic($0.rightHandSide) }
        let full = try solution(expressions, system)
        var values = full.map(\.expression)
        if !system.refractoryVariables.isEmpty {
            let frozenExpressions = zip(variables, expressions).map { variable, expression in
                system.refractoryVariables.contains(variable) ? 0 : expression
            }
            let frozen = try solution(frozenExpressions, system, allowSingular: true)
            for index in values.indices where frozen[index] != full[index] {
                values[index] = DifferentialSystem.refractoryBlend(values[index], frozen: frozen[index].expression)
            }
        }
        return zip(variables, values).map { Statement(system.temporary($0), $1) } + system.finalAssignments
    }

    /// The new values of `expressions` as a linear system of the state variables.
    private static func solution(_ expressions: [SymbolicExpression], _ system: DifferentialSystem,
                                 allowSingular: Bool = false) throws -> [SymbolicExpression] {
        let variables = system.variables
        let linear: LinearSystem
        do {
            linear = try LinearSystem(expressions, variables: variables)
        } catch let failure as LinearSystem.Failure {
            let variable = variables[failure.row]
            switch failure.dependency {
            case failure.variable?, nil:
                throw Unsupported("d\(variable)/dt is not linear in \(failure.variable)", in: variable)
            case let dependency?:
                throw Unsupported("the coefficient of \(failure.variable) in d\(variable)/dt depends on the state "
                                  + "variable \(dependency)", in: variable)
            }
        }
        try requireConstantOverStep(linear, system)
        return try LinearSolution.values(of: linear, numeric: system.constantValue(of:),
                                         allowSingular: allowSingular)
    }

    /// Throws unless every coefficient is constant over a step: no draws, and `t` only as an
    /// argument of a function that is constant over a step (a `TimedArray` whose `dt` is a whole
    /// multiple of the group's), as in Brian.
    private static func requireConstantOverStep(_ system: LinearSystem, _ differential: DifferentialSystem) throws {
        for (row, variable) in system.variables.enumerated() {
            let equation = "d\(variable)/dt"
            let parts = system.columns(ofRow: row).map { column in
                ("the coefficient of \(system.variables[column]) in \(equation)", system.coefficient(row, column))
            }
                + [(equation, system.constants[row])]
            for (description, part) in parts {
                if let reason = timeDependence(part, differential.scope) {
                    throw Unsupported("\(description) \(reason)", in: variable)
                }
                if let draw = part.drawnFunctions.sorted().first {
                    throw Unsupported("\(description) calls \(draw)(), which is not constant over a time step",
                                      in: variable)
                }
            }
        }
    }

    /// Why `expression` may change within a time step because it reads `t`, or nil when it reads
    /// `t` only as a direct argument of functions that are constant over a step (`ta(t)`,
    /// `ta2(t, i)`; not `ta(t + dt)`).
    private static func timeDependence(_ expression: SymbolicExpression, _ scope: Scope) -> String? {
        switch expression.node {
        case .symbol("t"):
            return "depends on the time t, so it is not constant over a time step"
        case .call(let name, let arguments):
            if let function = scope.function(named: name), let table = function.table, !function.isConstantOverStep,
               arguments.contains(.symbol("t")) {
                return "calls \(name)(t), which is not guaranteed to be constant over a time step: its dt "
                    + "(\(table.dtInSeconds) s) is not a whole multiple of the group's dt"
            }
            let constant = scope.function(named: name)?.isConstantOverStep == true
            for argument in arguments where !(constant && argument == .symbol("t")) {
                if let reason = timeDependence(argument, scope) { return reason }
            }
            return nil
        default:
            for child in expression.children {
                if let reason = timeDependence(child, scope) { return reason }
            }
            return nil
        }
    }
}
