import SwiftBrianLanguage

/// The code that advances a model's differential equations by one time step: statements executed
/// in order for each element (neuron, synapse) once per step.
///
/// Temporaries start with an underscore (`_k1_v`, `_BA_v`, `_v`); noise terms are drawn first
/// (`xi = dt**0.5*randn()`, as in Brian: from then on `xi` holds the Wiener increment); the last
/// statements assign the state variables (`v = _v`). Every other name is read from the model
/// (variables, parameters, `t`, `dt`, `not_refractory`, namespace values).
///
/// Variables marked `(unless refractory)` stay unchanged while `not_refractory` is false, when the
/// equations were analyzed with a `not_refractory` variable (a group with a refractory period);
/// without one the flag has no effect, as in Brian.
public struct StateUpdate: Sendable, CustomStringConvertible {
    /// The method that produced the statements.
    public let method: IntegrationMethod
    /// The statements of one step.
    public let statements: [Statement]

    /// The state update of the differential equations of `equations` that are not
    /// `(event-driven)` (for those, see ``eventDriven(for:)``), with `method` or, when `method` is
    /// nil, with the first of `choices` that can integrate them (by default
    /// ``IntegrationMethod/automaticChoices``: exact, else euler, else heun, as Brian).
    ///
    /// - Throws: `ModelError(.integration, ...)` naming the method and the reason it cannot
    ///   integrate the equations, with a caret under the equation at fault when there is one.
    public static func make(for equations: AnalyzedEquations, method: IntegrationMethod? = nil,
                            choices: [IntegrationMethod] = IntegrationMethod.automaticChoices) throws -> StateUpdate {
        let system = try DifferentialSystem(equations)
        if let method {
            do {
                return StateUpdate(method: method, statements: try method.integrator.statements(for: system))
            } catch let unsupported as Unsupported {
                throw unsupported.error("'\(method.rawValue)' cannot integrate these equations", in: equations)
            }
        }
        var reasons: [String] = []
        for candidate in choices {
            do {
                return StateUpdate(method: candidate, statements: try candidate.integrator.statements(for: system))
            } catch let unsupported as Unsupported {
                reasons.append("'\(candidate.rawValue)': \(unsupported.reason)")
            }
        }
        throw ModelError(.integration, "No integration method can integrate these equations (\(reasons.joined(separator: "; ")))")
    }

    /// The update of a synapse model's `(event-driven)` equations, applied when an event reaches a
    /// synapse: Brian's rule, the exact solution over the time since the synapse was last
    /// updated (`dt` replaced by `t - lastupdate`); the caller then sets `lastupdate = t`. Nil when
    /// no equation is event-driven.
    ///
    /// - Throws: `ModelError(.integration, ...)` when the equations have no exact solution.
    public static func eventDriven(for equations: AnalyzedEquations) throws -> StateUpdate? {
        let system = try DifferentialSystem(equations, eventDriven: true)
        guard !system.equations.isEmpty else { return nil }
        let statements: [Statement]
        do {
            statements = try Exact.statements(for: system)
        } catch let unsupported as Unsupported {
            throw unsupported.error("The event-driven equations cannot be solved exactly (use (clock-driven) instead)",
                                    in: equations)
        }
        let elapsed = Expression(.binary(.subtract, .t, .name("lastupdate")))
        return StateUpdate(method: .exact, statements: statements.map { statement in
            var copy = statement
            copy.value = statement.value.substituting(["dt": elapsed])
            return copy
        })
    }

    /// One statement per line.
    public var description: String { statements.map(\.description).joined(separator: "\n") }
}

extension Unsupported {
    /// The model error "`context`: `reason`", with a caret under the equation at fault.
    func error(_ context: String, in equations: AnalyzedEquations) -> ModelError {
        let equation = variable.flatMap { equations.equations[$0] }
        return ModelError(.integration, "\(context): \(reason)", source: equation?.source, span: equation?.span)
    }
}
