import SwiftBrian
import XCTest

/// Variables marked `(unless refractory)` cannot be changed by other code while their neuron is
/// refractory — synaptic effects, PoissonInput, runRegularly — but the reset and code run on
/// events can, as in Brian 2.9 (the expected values are Brian's for the same models).
final class RefractoryWritesTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testRunRegularlyIsBlockedButEventCodeIsNot() throws {
        for backend in BackendKind.allCases where backend != .cuda {   // the GPU: EmulatedNetworkTests
            let G = try NeuronGroup(3, model: "dv/dt = -v/(100*ms) : 1 (unless refractory)\nx : 1", threshold: "v>1",
                                    reset: "v = 0.5", refractory: 5 * ms,
                                    events: ["e": "t > 0.95*ms and t < 1.05*ms"], name: "G")
            try G.v.set([2, 0, 2])
            try G.runRegularly("v += 0.1", dt: 1 * ms, when: .end)
            try G.runOnEvent("e", "v += 0.01")
            try Network(G, backend: backend).run(3 * ms)
            let v = try G.v.values.values
            XCTAssertEqual(v[0], 0.51, accuracy: 1e-12, "\(backend)")
            XCTAssertEqual(v[1], 0.30417541, accuracy: 1e-8, "\(backend)")
            XCTAssertEqual(v[2], 0.51, accuracy: 1e-12, "\(backend)")
        }
    }

    func testSynapticInputIsIgnoredWhileRefractory() throws {
        for backend in BackendKind.allCases where backend != .cuda {   // the GPU: EmulatedNetworkTests
            let G = try NeuronGroup(1, model: "dv/dt = -v/(10*ms) : volt (unless refractory)", threshold: "v > 20*mV",
                                    reset: "v = 10*mV", refractory: 2 * ms, name: "G")
            try G.v.set(25 * mV)
            let input = try SpikeGeneratorGroup(1, indices: [0], times: QuantityArray(values: [1e-3], dimension: .time),
                                                name: "input")
            let S = try Synapses(input, G, onPre: "v += 25*mV", name: "S")
            try S.connect(i: [0], j: [0])
            let spikes = try SpikeMonitor(G)
            try Network(G, input, S, spikes, backend: backend).run(3 * ms)
            XCTAssertEqual(spikes.numEvents, 1, "\(backend): the input arrives while refractory")
            XCTAssertLessThan(try G.v[0].value, 0.0101, "\(backend)")
        }
    }
}
