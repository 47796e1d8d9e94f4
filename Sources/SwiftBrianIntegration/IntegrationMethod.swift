import SwiftBrianLanguage

/// The numerical integration methods, named as in Brian.
public enum IntegrationMethod: String, CaseIterable, Sendable {
    /// The analytic solution of a linear system with coefficients that are constant over a time
    /// step (closed form, per-neuron parameters allowed; coupled blocks need numeric coefficients).
    case exact
    /// Forward Euler; with noise terms, Euler–Maruyama (additive noise only).
    case euler
    /// Second-order Runge–Kutta (midpoint) method; deterministic equations only.
    case rk2
    /// Classical fourth-order Runge–Kutta method; deterministic equations only.
    case rk4
    /// Brian's stochastic Heun method (Stratonovich): forward Euler for the drift and the
    /// trapezoidal rule for the noise, so on deterministic equations it equals `euler`.
    case heun
    /// Brian's derivative-free Milstein method (Stratonovich), for diagonal noise.
    case milstein
    /// Exponential Euler for conditionally linear equations (each right-hand side linear in its
    /// own variable), every variable advanced from the values at the start of the step.
    case exponentialEuler = "exponential_euler"

    /// The methods Brian tries, in order, when none is given: the first that can integrate the
    /// equations is used. (Brian 2.9 never chooses `exponential_euler` by itself.)
    public static let automaticChoices: [IntegrationMethod] = [.exact, .euler, .heun]
    /// The methods a `SpatialNeuron` tries, in order, for the equations other than the cable
    /// equation, when none is given (Brian's `SpatialNeuron` default).
    public static let spatialChoices: [IntegrationMethod] = [.exact, .exponentialEuler, .rk2, .heun]

    /// The method called `name` (`"exponential_euler"`, `"rk4"`, ...; `"linear"` is Brian's other
    /// name for `exact`), or an error listing the known names.
    public init(named name: String) throws {
        guard let method = IntegrationMethod(rawValue: name.lowercased() == "linear" ? "exact" : name.lowercased()) else {
            let known = IntegrationMethod.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ModelError(.invalidArgument, "Unknown integration method '\(name)' (known methods: \(known))")
        }
        self = method
    }

    /// The code generator of the method.
    var integrator: Integrator.Type {
        switch self {
        case .exact: return Exact.self
        case .euler: return Euler.self
        case .rk2: return MidpointRungeKutta.self
        case .rk4: return RungeKutta4.self
        case .heun: return StochasticHeun.self
        case .milstein: return Milstein.self
        case .exponentialEuler: return ExponentialEuler.self
        }
    }
}

/// Turns differential equations into the statements of one time step.
protocol Integrator {
    /// The statements that advance `system` by one step `dt`, or ``Unsupported`` with the reason
    /// the method cannot integrate it.
    static func statements(for system: DifferentialSystem) throws -> [Statement]
}

/// Why a method cannot integrate the equations, in the user's terms (finishes the sentence
/// "'exact' cannot integrate these equations: ..."), and the variable whose equation is the
/// problem, when there is one.
struct Unsupported: Error {
    let reason: String
    let variable: String?
    init(_ reason: String, in variable: String? = nil) {
        self.reason = reason
        self.variable = variable
    }
}
