import Foundation
import SwiftBrianIntegration

/// A deterministic model with a known solution, for convergence tests.
struct SolvedModel {
    let name: String
    let equations: String
    let namespace: String
    let initial: [String: Double]
    let duration: Double
    /// The exact values at time t.
    let solution: (Double) -> [String: Double]

    /// The largest error at `duration` after `steps` steps of `method`.
    func error(_ method: IntegrationMethod, steps: Int) throws -> Double {
        let analyzed = try analyze(equations, namespace: namespace)
        var stepper = Stepper(try StateUpdate.make(for: analyzed, method: method), analyzed, values: initial)
        try stepper.run(steps: steps, dt: duration / Double(steps))
        let exact = solution(duration)
        return exact.map { abs((stepper.values[$0.key] ?? .nan) - $0.value) }.max() ?? .nan
    }

    /// The observed order of `method`: the slope of log(error) over step counts 16, 32, 64, 128.
    func order(_ method: IntegrationMethod) throws -> Double {
        let counts = [16, 32, 64, 128]
        let errors = try counts.map { try error(method, steps: $0) }
        return observedOrder(steps: counts.map { duration / Double($0) }, errors: errors)
    }

    static let tau = 0.01

    /// dv/dt = -v/tau.
    static let decay = SolvedModel(name: "decay", equations: "dv/dt = -v/tau : 1", namespace: "tau = 10*ms",
                                   initial: ["v": 1], duration: 0.01) { ["v": exp(-$0 / tau)] }

    /// A symmetric coupled system with eigenvalues -1/tau (x + y) and -3/tau (x - y).
    static let coupled = SolvedModel(name: "coupled", equations: """
        dx/dt = (-2*x + y)/tau : 1
        dy/dt = (x - 2*y)/tau : 1
        """, namespace: "tau = 10*ms", initial: ["x": 1, "y": 0], duration: 0.01) { t in
        let (slow, fast) = (exp(-t / tau), exp(-3 * t / tau))
        return ["x": (slow + fast) / 2, "y": (slow - fast) / 2]
    }

    /// The harmonic oscillator x'' = -x/tau**2.
    static let oscillator = SolvedModel(name: "oscillator", equations: """
        dx/dt = v/tau : 1
        dv/dt = -x/tau : 1
        """, namespace: "tau = 10*ms", initial: ["x": 1, "v": 0], duration: 0.02) { t in
        ["x": cos(t / tau), "v": -sin(t / tau)]
    }

    /// The logistic equation.
    static let logistic = SolvedModel(name: "logistic", equations: "dv/dt = v*(1 - v)/tau : 1", namespace: "tau = 10*ms",
                                      initial: ["v": 0.1], duration: 0.02) { t in
        ["v": 1 / (1 + 9 * exp(-t / tau))]
    }

    /// A conditionally linear nonlinear system: v decays at a rate that depends on w.
    static let conditionallyLinear = SolvedModel(name: "conditionally linear", equations: """
        dv/dt = -v*(1 + w**2)/tau : 1
        dw/dt = -w/tau : 1
        """, namespace: "tau = 10*ms", initial: ["v": 1, "w": 2], duration: 0.01) { t in
        let s = t / tau
        return ["v": exp(-s - 2 * (1 - exp(-2 * s))), "w": 2 * exp(-s)]
    }

    static let all = [decay, coupled, oscillator, logistic]
}

/// Geometric Brownian motion `dx/dt = mu*x + s*x*xi` in Brian's (Stratonovich) reading, whose
/// solution on a Wiener path W is `x(t) = x0*exp(mu*t + s*W(t))`.
struct GeometricBrownianMotion {
    /// The drift rate, in 1/second.
    let mu: Double
    let s = 0.6, duration = 1.0
    let equations = "dx/dt = mu*x + s*x*xi : 1"
    var namespace: String { "mu = \(mu)/second\ns = \(s)*second**-0.5" }
    /// Steps of the finest Wiener path; coarser paths add up its increments.
    let finest = 1024

    /// The mean absolute error at `duration` over `paths` seeded Wiener paths, with `steps` steps.
    func strongError(_ method: IntegrationMethod, steps: Int, paths: Int = 24) throws -> Double {
        let analyzed = try analyze(equations, namespace: namespace)
        let update = try StateUpdate.make(for: analyzed, method: method)
        let dt = duration / Double(steps)
        var total = 0.0
        for path in 0..<paths {
            let generator = SeededNormal(seed: UInt64(1000 + path))
            let fine = (0..<finest).map { _ in generator.normal() * (duration / Double(finest)).squareRoot() }
            let ratio = finest / steps
            let increments = (0..<steps).map { k in fine[(k * ratio)..<((k + 1) * ratio)].reduce(0, +) }
            var next = 0
            var stepper = Stepper(update, analyzed, values: ["x": 1])
            try stepper.run(steps: steps, dt: dt) {
                defer { next += 1 }
                return increments[next] / dt.squareRoot()
            }
            let exact = exp(mu * duration + s * fine.reduce(0, +))
            total += abs((stepper.values["x"] ?? .nan) - exact)
        }
        return total / Double(paths)
    }

    /// The observed strong order of `method` over 32 to 256 steps.
    func strongOrder(_ method: IntegrationMethod) throws -> Double {
        let counts = [32, 64, 128, 256]
        let errors = try counts.map { try strongError(method, steps: $0) }
        return observedOrder(steps: counts.map { duration / Double($0) }, errors: errors)
    }
}

/// The Hodgkin–Huxley model of Brian's HHNeuronsOnly speed test and the hh_* reference cases.
enum HodgkinHuxley {
    static let equations = """
        dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
        dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/
            (exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/
            (exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
        dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/
            (exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
        dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
        I : amp
        """
    static let namespace = """
        area = 20000*umetre**2
        Cm = 1*ufarad*cm**-2 * area
        gl = 5e-5*siemens*cm**-2 * area
        El = -65*mV
        EK = -90*mV
        ENa = 50*mV
        g_na = 100*msiemens*cm**-2 * area
        g_kd = 30*msiemens*cm**-2 * area
        VT = -63*mV
        """
}
