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

    /// The state update of `equations` with `method`, or, when `method` is nil, with the first of
    /// ``IntegrationMethod/automaticChoices`` that can integrate them (exact, else euler, else heun,
    /// as Brian).
    ///
    /// - Throws: `ModelError(.integration, ...)` naming the method and the reason it cannot
    ///   integrate the equations.
    public static func make(for equations: AnalyzedEquations, method: IntegrationMethod? = nil) throws -> StateUpdate {
        let system = try DifferentialSystem(equations)
        if let method {
            do {
                return StateUpdate(method: method, statements: try method.integrator.statements(for: system))
            } catch let unsupported as Unsupported {
                throw ModelError(.integration, "'\(method.rawValue)' cannot integrate these equations: \(unsupported.reason)")
            }
        }
        var reasons: [String] = []
        for candidate in IntegrationMethod.automaticChoices {
            do {
                return StateUpdate(method: candidate, statements: try candidate.integrator.statements(for: system))
            } catch let unsupported as Unsupported {
                reasons.append("'\(candidate.rawValue)': \(unsupported.reason)")
            }
        }
        throw ModelError(.integration, "No integration method can integrate these equations (\(reasons.joined(separator: "; ")))")
    }

    /// One statement per line.
    public var description: String { statements.map(\.description).joined(separator: "\n") }
}
