import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for synapses, built through the public API as a user would.
final class SynapsesReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func pairs(_ S: Synapses) throws -> [[Int]] {
        let i = try S.i.values.values.map { Int($0) }, j = try S.j.values.values.map { Int($0) }
        return zip(i, j).map { [$0, $1] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    func testConnectPatterns() throws {
        let reference = try ReferenceCase("synapses_connect_patterns")
        let A = try NeuronGroup(10, model: "v : 1", name: "A")
        let B = try NeuronGroup(12, model: "v : 1", name: "B")
        let arrays = try Synapses(A, B, name: "S_arrays")
        try arrays.connect(i: [0, 0, 3, 9, 5], j: [1, 11, 3, 0, 5])
        let condition = try Synapses(A, B, name: "S_condition")
        try condition.connect(condition: "abs(i-j)<=2 and i!=j")
        let next = try Synapses(A, B, name: "S_next")
        try next.connect(j: "i+1", skipIfInvalid: true)
        let nextBack = try Synapses(B, A, name: "S_next_back")
        try nextBack.connect(j: "i+1", skipIfInvalid: true)
        let range = try Synapses(A, B, name: "S_range")
        try range.connect(j: "k for k in range(i-2, i+3) if k%2==0", skipIfInvalid: true)
        let multi = try Synapses(A, B, name: "S_multi")
        try multi.connect(condition: "i<j", n: 2)
        let recurrent = try Synapses(A, A, name: "S_recurrent")
        try recurrent.connect(condition: "i != j and (i + j) % 3 == 0")
        for S in [arrays, condition, next, nextBack, range, multi, recurrent] {
            let expected = try reference.connectivity(S.name)
            XCTAssertEqual(try pairs(S), expected, S.name)
        }
    }

    func testSummedVariableGapJunctions() throws {
        let reference = try ReferenceCase("summed_variable_gap_junctions")
        let n = 10
        let neurons = try NeuronGroup(n, model: """
            dv/dt = (v0 - v + Igap)/tau : 1
            Igap : 1   # gap junction current
            """, threshold: "v > 1", reset: "v = 0", method: .exact,
            namespace: ["v0": Quantity(value: 1.05), "tau": 10 * ms, "n": Quantity(value: Double(n))], name: "neurons")
        try neurons.v.set("i * 1.0 / (n - 1)")
        let S = try Synapses(neurons, neurons, model: """
            w : 1   # gap junction conductance
            Igap_post = w * (v_pre - v_post) : 1 (summed)
            """, name: "S")
        try S.connect()
        try S.w.set(0.02)
        let spikes = try SpikeMonitor(neurons)
        let trace = try StateMonitor(neurons, variables: ["v", "Igap"], record: [0, 5, 9], dt: 0.5 * ms)
        try Network(neurons, S, spikes, trace).run(reference.duration)
        try reference.compareSpikes("neurons", i: spikes.i, t: spikes.t)
        try reference.compareTrace("neurons.v", monitor: trace, variable: "v")
        try reference.compareTrace("neurons.Igap", monitor: trace, variable: "Igap")
        try reference.compareFinal("neurons.v", try neurons.v.values)
        try reference.compareFinal("neurons.Igap", try neurons.Igap.values)
    }
}
