import SwiftBrian
import XCTest

/// The README's "Simulating from Swift" example, as written there, so that it keeps working.
final class ReadmeExampleTests: XCTestCase {
    func testReadmeExampleRuns() throws {
        defaultClock.dt = 0.1 * ms
        seed(2024)                                   // bit-identical reruns
        let G = try NeuronGroup(100, model: """
            dv/dt = (El - v + R*I)/taum : volt (unless refractory)
            I : amp (constant)
            """, threshold: "v > -50*mV", reset: "v = El", refractory: 2 * ms, method: .exact,
            namespace: ["El": -65 * mV, "R": 100 * Mohm, "taum": 20 * ms], name: "G")
        try G.v.set("El + rand()*10*mV")             // an expression per neuron, with i, N, rand()
        try G.I.set("0.1*nA + 0.2*nA*i/N")
        try G.v.set(-70 * mV, where: "i < 10")       // Brian's G.v['i < 10'] = -70*mV
        let spikes = try SpikeMonitor(G)
        let trace = try StateMonitor(G, "v", record: [0, 99], dt: 1 * ms)
        let net = try Network(G, spikes, trace)
        try net.run(1 * second, report: .text)       // progress on standard error
        print(spikes.numEvents, spikes.count[99], try trace[99].v.max())   // Brian's trace[99].v.max()

        // R*I crosses the 15 mV to threshold at I = 0.15 nA: neurons from i = 25 on fire.
        XCTAssertEqual(spikes.count[0..<25].reduce(0, +), 0)
        XCTAssertGreaterThan(spikes.count[99], 30)
        XCTAssertEqual(trace.t.count, 1000)
    }
}
