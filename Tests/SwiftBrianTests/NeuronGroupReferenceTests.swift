import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for neuron groups, built through the public API as a user would
/// write them, compared within each case's tolerance.
final class NeuronGroupReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testLinearExact() throws {
        let reference = try ReferenceCase("linear_exact")
        let G = try NeuronGroup(10, model: "dv/dt = -v/tau : 1", method: .exact, namespace: ["tau": 1 * second],
                                name: "G")
        try G.v.set((0..<10).map { 0.1 + 0.1 * Double($0) })
        let M = try StateMonitor(G, "v", dt: 1 * ms)
        try Network(G, M).run(reference.duration)
        try reference.compareTrace("G.v", monitor: M, variable: "v")
        try reference.compareFinal("G.v", try G.v.values)
    }

    func testLIFRefractory() throws {
        let reference = try ReferenceCase("lif_refractory")
        let namespace: Namespace = ["tau": 10 * ms]
        let A = try NeuronGroup(20, model: """
            dv/dt = (I - v)/tau : 1 (unless refractory)
            I : 1 (constant)
            """, threshold: "v > 1", reset: "v = 0", refractory: 5 * ms, method: .exact, namespace: namespace, name: "A")
        let B = try NeuronGroup(20, model: """
            dv/dt = (I - v)/tau : 1 (unless refractory)
            I : 1 (constant)
            ref : second (constant)
            """, threshold: "v > 1", reset: "v = 0", refractory: "ref", method: .exact, namespace: namespace, name: "B")
        let C = try NeuronGroup(20, model: """
            dv/dt = (I - v)/tau : 1
            I : 1 (constant)
            """, threshold: "v > 1", reset: "v = 0", refractory: 10 * ms, method: .exact, namespace: namespace, name: "C")
        for G in [A, B, C] {
            try G.I.set((0..<20).map { 0.9 + 1.1 * Double($0) / 19 })
            try G.v.set(0)
        }
        try B.ref.set("(1 + i % 3)*ms")
        let spikes = try [A, B, C].map { try SpikeMonitor($0) }
        let traces = try [A, B, C].map { try StateMonitor($0, "v", record: [19]) }
        try Network([A, B, C] + spikes + traces).run(reference.duration)
        for (k, G) in [A, B, C].enumerated() {
            try reference.compareSpikes(G.name, i: spikes[k].i, t: spikes[k].t)
            try reference.compareTrace("\(G.name).v", monitor: traces[k], variable: "v")
            try reference.compareFinal("\(G.name).v", try G.v.values)
        }
    }
}
