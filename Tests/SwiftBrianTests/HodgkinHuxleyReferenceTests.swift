import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for the Hodgkin–Huxley model of Brian's HHNeuronsOnly speed test,
/// one integration method per case, each run on both backends (bit-identical results).
final class HodgkinHuxleyReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// The model's constants, as the case scripts define them.
    private static var namespace: Namespace {
        let area = 20000 * umetre.raised(to: 2)
        return [
            "Cm": 1 * ufarad * cm.raised(to: -2) * area,
            "gl": 5e-5 * siemens * cm.raised(to: -2) * area,
            "El": -65 * mV, "EK": -90 * mV, "ENa": 50 * mV,
            "g_na": 100 * msiemens * cm.raised(to: -2) * area,
            "g_kd": 30 * msiemens * cm.raised(to: -2) * area,
            "VT": -63 * mV,
        ]
    }

    private static let equations = """
        dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
        dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/
            (exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/
            (exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
        dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/
            (exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
        dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
        I : amp
        """

    /// Ten HH neurons integrated with `method`, with `I = 0.7 nA*i/N` and a spike monitor.
    private func group(_ method: IntegrationMethod, name: String) throws -> (NeuronGroup, SpikeMonitor) {
        let G = try NeuronGroup(10, model: Self.equations, threshold: "v > -40*mV", refractory: "v > -40*mV",
                                method: method, namespace: Self.namespace, name: name)
        try G.v.set(-65 * mV)
        try G.I.set("0.7*nA*i/N")
        return (G, try SpikeMonitor(G))
    }

    /// What each case compares: the spikes, the trace of v and the final state of each group.
    private func record(_ groups: [(NeuronGroup, SpikeMonitor, StateMonitor)]) throws -> CaseResult {
        var result = CaseResult()
        for (G, S, M) in groups {
            result.spikes(G.name, S)
            try result.trace("\(G.name).v", M, "v")
            for variable in ["v", "m", "n", "h"] {
                result.final("\(G.name).\(variable)", try G.variable(variable).values)
            }
        }
        return result
    }

    func testExponentialEuler() throws {
        let reference = try ReferenceCase("hh_exponential_euler")
        try reference.check { backend in
            let (G, S) = try group(.exponentialEuler, name: "G")
            let M = try StateMonitor(G, "v", record: [5, 9])
            try Network(G, S, M, backend: backend).run(reference.duration)
            return try record([(G, S, M)])
        }
    }

    func testRK4() throws {
        let reference = try ReferenceCase("hh_rk4")
        defaultClock.dt = 0.05 * ms
        try reference.check { backend in
            let (G, S) = try group(.rk4, name: "G")
            let M = try StateMonitor(G, "v", record: [5, 9], dt: 0.1 * ms)
            try Network(G, S, M, backend: backend).run(reference.duration)
            return try record([(G, S, M)])
        }
    }

    func testRK2AndHeun() throws {
        let reference = try ReferenceCase("hh_rk2_heun")
        defaultClock.dt = 0.025 * ms
        try reference.check { backend in
            let (RK2, S_RK2) = try group(.rk2, name: "RK2")
            let (HEUN, S_HEUN) = try group(.heun, name: "HEUN")
            let M_RK2 = try StateMonitor(RK2, "v", record: [5, 9], dt: 0.1 * ms)
            let M_HEUN = try StateMonitor(HEUN, "v", record: [5, 9], dt: 0.1 * ms)
            try Network(RK2, HEUN, S_RK2, S_HEUN, M_RK2, M_HEUN, backend: backend).run(reference.duration)
            return try record([(RK2, S_RK2, M_RK2), (HEUN, S_HEUN, M_HEUN)])
        }
    }
}
