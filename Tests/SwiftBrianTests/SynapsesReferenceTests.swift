import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for synapses, built through the public API as a user would, run
/// on both backends (bit-identical results).
final class SynapsesReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
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
        try reference.check { backend in
            let n = 10
            let neurons = try NeuronGroup(n, model: """
                dv/dt = (v0 - v + Igap)/tau : 1
                Igap : 1   # gap junction current
                """, threshold: "v > 1", reset: "v = 0", method: .exact,
                namespace: ["v0": Quantity(value: 1.05), "tau": 10 * ms, "n": Quantity(value: Double(n))],
                name: "neurons")
            try neurons.v.set("i * 1.0 / (n - 1)")
            let S = try Synapses(neurons, neurons, model: """
                w : 1   # gap junction conductance
                Igap_post = w * (v_pre - v_post) : 1 (summed)
                """, name: "S")
            try S.connect()
            try S.w.set(0.02)
            let spikes = try SpikeMonitor(neurons)
            let trace = try StateMonitor(neurons, variables: ["v", "Igap"], record: [0, 5, 9], dt: 0.5 * ms)
            try Network(neurons, S, spikes, trace, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("neurons", spikes)
            try result.trace("neurons.v", trace, "v")
            try result.trace("neurons.Igap", trace, "Igap")
            result.final("neurons.v", try neurons.v.values)
            result.final("neurons.Igap", try neurons.Igap.values)
            return result
        }
    }
}

/// The sorted (i, j) pairs of `S`.
private func pairs(_ S: Synapses) throws -> [[Int]] {
    let i = try S.i, j = try S.j
    return zip(i, j).map { [$0, $1] }.sorted { $0.lexicographicallyPrecedes($1) }
}

/// The delay and plasticity cases, each run on both backends (bit-identical results).
final class SynapseDynamicsReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testDelays() throws {
        let reference = try ReferenceCase("synapses_delays")
        let result = try reference.check { backend in
            let indices = [0, 1, 2, 3, 1, 0, 1, 2, 3, 2, 3, 0, 1, 2, 3]
            let times = [1, 1, 1, 1, 4, 6, 6, 9.5, 12.37, 20, 20, 25, 25, 25, 25].map { $0 * 1e-3 }
            let input = try SpikeGeneratorGroup(4, indices: indices, times: QuantityArray(values: times, dimension: .time),
                                                name: "inp")
            let namespace: Namespace = ["tau": 10 * ms]
            func target(_ name: String) throws -> NeuronGroup {
                try NeuronGroup(3, model: "dv/dt = -v/tau : 1", threshold: "v > 1.5", reset: "v = 0", method: .exact,
                                namespace: namespace, name: name)
            }
            let zero = try target("T_zero"), homogeneous = try target("T_hom"), heterogeneous = try target("T_het")
            let S_zero = try Synapses(input, zero, model: "w : 1", onPre: "v_post += w", name: "S_zero")
            let S_hom = try Synapses(input, homogeneous, model: "w : 1", onPre: "v_post += w", delay: 2 * ms,
                                     name: "S_hom")
            let S_het = try Synapses(input, heterogeneous, model: "w : 1", onPre: "v_post += w", name: "S_het")
            for S in [S_zero, S_hom, S_het] {
                try S.connect()
                try S.w.set("0.3 + 0.1*i + 0.05*j")
            }
            try S_het.delay.set("(0.33 + 1.1*i + 0.67*j)*ms")
            let groups = [zero, homogeneous, heterogeneous]
            let inputSpikes = try SpikeMonitor(input)
            let spikes = try groups.map { try SpikeMonitor($0) }
            let traces = try groups.map { try StateMonitor($0, "v") }
            try Network([input, S_zero, S_hom, S_het, inputSpikes] + groups + spikes + traces, backend: backend)
                .run(reference.duration)
            var result = CaseResult()
            result.spikes("inp", inputSpikes)
            for (k, group) in groups.enumerated() {
                result.spikes(group.name, spikes[k])
                try result.trace("\(group.name).v", traces[k], "v")
                result.final("\(group.name).v", try group.v.values)
            }
            result.final("S_het.delay", try S_het.delay.values)
            result.final("S_het.w", try S_het.w.values)
            result.values("S_het.pairs", try pairs(S_het).flatMap { $0.map(Double.init) })
            return result
        }
        XCTAssertEqual(result.numbers("S_het.pairs"), try reference.connectivity("S_het").flatMap { $0.map(Double.init) })
    }

    func testSTDPPairs() throws {
        let reference = try ReferenceCase("stdp_pairs")
        try reference.check { backend in
            let pairs = 11
            var preI: [Int] = [], preT: [Double] = [], postI: [Int] = [], postT: [Double] = []
            for k in 0..<pairs {
                let offset = (-25 + 5 * Double(k)) * 1e-3
                for m in 0..<5 {
                    let tPre = 40e-3 + Double(m) * 100e-3
                    preI.append(k); preT.append(tPre)
                    postI.append(k); postT.append(tPre + offset)
                }
            }
            let pre = try SpikeGeneratorGroup(pairs, indices: preI, times: QuantityArray(values: preT, dimension: .time),
                                              name: "pre")
            let post = try SpikeGeneratorGroup(pairs, indices: postI,
                                               times: QuantityArray(values: postT, dimension: .time), name: "post")
            let Apre = 0.0005
            let S = try Synapses(pre, post, model: """
                w : 1
                dapre/dt = -apre/taupre : 1 (event-driven)
                dapost/dt = -apost/taupost : 1 (event-driven)
                """, onPre: """
                apre += Apre
                w = clip(w + apost, 0, wmax)
                """, onPost: """
                apost += Apost
                w = clip(w + apre, 0, wmax)
                """, namespace: ["taupre": 20 * ms, "taupost": 20 * ms, "wmax": Quantity(value: 0.01),
                                 "Apre": Quantity(value: Apre), "Apost": Quantity(value: -Apre * 20 / 20 * 1.05)],
                name: "S")
            try S.connect(j: "i")
            try S.w.set("0.0002 + 0.00096*i")
            let M = try StateMonitor(S, "w", dt: 2 * ms)
            try Network(pre, post, S, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            try result.trace("S.w", M, "w")
            for variable in ["w", "apre", "apost", "lastupdate"] {
                result.final("S.\(variable)", try S.variable(variable).values)
            }
            return result
        }
    }
}
