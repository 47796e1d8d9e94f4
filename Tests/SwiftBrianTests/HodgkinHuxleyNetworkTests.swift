import SwiftBrian
import XCTest

/// Brian's HH speed-test population (HHNeuronsOnly): 1000 Hodgkin–Huxley neurons driven by
/// currents from 0 to 0.7 nA, simulated for 1 s on the interpreter, with a text progress report.
final class HodgkinHuxleyNetworkTests: XCTestCase {
    static let equations = """
        dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
        dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/(exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)
                - 0.28*(mV**-1)*(v-VT-40.*mV)/(exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
        dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/(exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)
                - .5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
        dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h) - 4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
        I : amp
        """

    static func namespace() throws -> Namespace {
        try Namespace(assignments: """
            area = 20000*umetre**2
            Cm = 1*ufarad*cm**-2 * area
            gl = 5e-5*siemens*cm**-2 * area
            El = -65*mV
            EK = -90*mV
            ENa = 50*mV
            g_na = 100*msiemens*cm**-2 * area
            g_kd = 30*msiemens*cm**-2 * area
            VT = -63*mV
            """)
    }

    func testThousandNeuronsForOneSecond() throws {
        defaultClock.dt = 0.1 * ms
        let G = try NeuronGroup(1000, model: Self.equations, threshold: "v > -40*mV", refractory: "v > -40*mV",
                                method: .exponentialEuler, namespace: try Self.namespace(), name: "hh")
        try G.v.set(-65 * mV)
        try G.I.set("0.7*nA*i/N")
        let spikes = try SpikeMonitor(G)
        try Network(G, spikes, backend: .interpreter).run(1 * second, report: .text, reportPeriod: 2 * second)

        // Below rheobase nothing fires; above it the rate grows with the current.
        let counts = spikes.count
        XCTAssertEqual(counts[0], 0)
        XCTAssertGreaterThan(counts[999], 40)
        let tenths = stride(from: 0, to: 1000, by: 100).map { start in counts[start..<(start + 100)].reduce(0, +) }
        XCTAssertEqual(tenths, tenths.sorted(), "firing grows with the input current: \(tenths)")
        XCTAssertTrue(try G.v.values.values.allSatisfy { $0.isFinite && $0 > -0.1 && $0 < 0.06 })
    }
}
