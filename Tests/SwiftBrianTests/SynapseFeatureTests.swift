import SwiftBrian
import XCTest

/// Synapse features Brian scripts use (issue 9, items 11, 13, 14, 19): named pathways with their
/// own delays, delays changed between runs, custom events triggering pathways. Each model is a
/// Brian script in Tests/Fixtures/brian, run on both backends.
final class SynapseFeatureTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// `on_pre={'up': ..., 'down': ...}` with `delay={'up': 1*ms}` and per-synapse delays for
    /// `down`; pathways of one slot run by name.
    func testNamedPathways() throws {
        let brian = try BrianFixture("named_pathways")
        let result = try onBothBackends("named pathways") { backend in
            let P = try SpikeGeneratorGroup(2, indices: [0, 1, 0], times: try QuantityArray([0 * ms, 0.3 * ms, 1.0 * ms]),
                                            name: "P")
            let H = try NeuronGroup(2, model: "v : 1", threshold: "abs(t - 1.5*ms) < 0.05*ms", name: "H")
            let S = try Synapses(P, H, model: "nq : 1", onPre: ["up": "v_post += 1", "down": "v_post -= 0.5"],
                                 onPost: "nq += 1", delays: ["up": 1 * ms], name: "syn")
            try S.connect(i: [0, 0, 1], j: [0, 1, 1])
            try S.pathway("down").delay.set(try QuantityArray([0.2 * ms, 0.5 * ms, 0 * ms]))
            let M = try StateMonitor(H, "v", record: [0, 1], when: .end)
            try Network(P, H, S, M, backend: backend).run(3 * ms)
            var result = CaseResult()
            try result.samples("v", M, "v")
            result.final("nq", try S.nq.values)
            result.final("up delay", try S.pathway("up").delay.values)
            return result
        }
        guard case .samples(_, let v)? = result["v"] else { return XCTFail("no samples") }
        XCTAssertEqual(v[0], try brian.numbers("p1_v0_trace"))
        XCTAssertEqual(v[1], try brian.numbers("p1_v1_trace"))
        XCTAssertEqual(result.numbers("nq"), try brian.numbers("p1_nq"))
        XCTAssertEqual(result.numbers("up delay"), try brian.numbers("p1_up_delay"))
        for (key, onPre) in [("a_mul_b_add", ["a": "v_post *= 2", "b": "v_post += 1"]),
                             ("z_mul_b_add", ["z": "v_post *= 2", "b": "v_post += 1"])] {
            let order = try onBothBackends(key) { backend in
                let P = try SpikeGeneratorGroup(1, indices: [0], times: try QuantityArray([0 * ms]), name: "P")
                let H = try NeuronGroup(1, model: "v : 1", name: "H")
                try H.v.set(1)
                let S = try Synapses(P, H, onPre: PathwayCode(onPre), name: "syn")
                try S.connect()
                try Network(P, H, S, backend: backend).run(0.5 * ms)
                var result = CaseResult()
                result.final("v", try H.v.values)
                return result
            }
            XCTAssertEqual(order.numbers("v"), [try brian.number("p2_\(key)_v")], key)
        }
        let P = try SpikeGeneratorGroup(1, indices: [0], times: try QuantityArray([0 * ms]), name: "P")
        let H = try NeuronGroup(1, model: "v : 1", name: "H")
        assertModelError(try Synapses(P, H, onPre: ["up": "v_post += 1"], delays: ["down": 1 * ms]),
                         "has no pathway named 'down'")
        assertModelError(try Synapses(P, H, onPre: ["up": "v_post += 1"], delays: ["up": -1 * ms]),
                         "The delay of the pathway 'up'")
        let S = try Synapses(P, H, onPre: ["up": "v_post += 1"], delays: ["up": 1 * ms])
        try S.connect()
        assertModelError(try S.pathway("up").delay.set(try QuantityArray([2 * ms])), "given when it was created")
        assertModelError(try S.pathway("side"), "no pathway named 'side'")
    }

    /// Synapses are numbered in creation order, as in Brian (storage is sorted by presynaptic
    /// element): arrays set and read, monitors and `i`/`j` follow that numbering.
    func testSynapsesAreNumberedInCreationOrder() throws {
        let result = try onBothBackends("creation order") { backend in
            let P = try SpikeGeneratorGroup(3, indices: [0], times: try QuantityArray([0 * ms]), name: "P")
            let H = try NeuronGroup(3, model: "v : 1", name: "H")
            let S = try Synapses(P, H, model: "w : 1", onPre: "v_post += w", name: "S")
            try S.connect(j: "i")
            try S.connect(j: "i")
            try S.connect(i: [2, 0], j: [0, 1])
            try S.w.set([1, 2, 3, 10, 20, 30, 100, 1000])
            let M = try StateMonitor(S, "w", record: [3, 7])
            try Network(P, H, S, M, backend: backend).run(0.2 * ms)
            var result = CaseResult()
            result.final("i", QuantityArray(values: try S.i.map(Double.init)))
            result.final("j", QuantityArray(values: try S.j.map(Double.init)))
            result.final("w", try S.w.values)
            result.final("v", try H.v.values)
            try result.samples("M.w", M, "w")
            return result
        }
        XCTAssertEqual(result.numbers("i"), [0, 1, 2, 0, 1, 2, 2, 0])
        XCTAssertEqual(result.numbers("j"), [0, 1, 2, 0, 1, 2, 0, 1])
        XCTAssertEqual(result.numbers("w"), [1, 2, 3, 10, 20, 30, 100, 1000])
        XCTAssertEqual(result.numbers("v"), [11, 1000, 0])
        guard case .samples(_, let w)? = result["M.w"] else { return XCTFail("no samples") }
        XCTAssertEqual(w.map { $0.first }, [10, 1000])
    }

    /// Delays changed between runs: spikes in flight keep their delay (Brian: arrivals at steps
    /// 20, 20, 25 for spikes at 0, 0.5 and 1.5 ms, delay 2 ms then 0.5 ms).
    func testDelaysChangedBetweenRuns() throws {
        let brian = try BrianFixture("delays_between_runs")
        let result = try onBothBackends("delays between runs") { backend in
            let source = try SpikeGeneratorGroup(1, indices: [0, 0, 0],
                                                 times: try QuantityArray([0 * ms, 0.5 * ms, 1.5 * ms]), name: "source")
            let target = try NeuronGroup(3, model: "v : 1", name: "target")
            let homogeneous = try Synapses(source, target, onPre: "v_post += 1", delay: 2 * ms, name: "Shom")
            try homogeneous.connect(i: [0], j: [0])
            let heterogeneous = try Synapses(source, target, onPre: "v_post += 1", name: "Shet")
            try heterogeneous.connect(i: [0, 0], j: [1, 2])
            try heterogeneous.delay.set(try QuantityArray([2 * ms, 2 * ms]))
            let monitor = try StateMonitor(target, "v", record: [0, 1, 2], when: .end)
            let net = try Network(source, target, homogeneous, heterogeneous, monitor, backend: backend)
            try net.run(1 * ms)
            try homogeneous.delay.set(0.5 * ms)
            try heterogeneous.delay.set(try QuantityArray([0.5 * ms, 0.5 * ms]))
            try net.run(4 * ms)
            var result = CaseResult()
            try result.samples("v", monitor, "v")
            return result
        }
        guard case .samples(_, let v)? = result["v"] else { return XCTFail("no samples") }
        func arrivals(_ trace: [Double]) -> [Double] {
            var steps: [Double] = [], previous = 0.0
            for (n, x) in trace.enumerated() {
                steps += Array(repeating: Double(n), count: Int((x - previous).rounded()))
                previous = x
            }
            return steps
        }
        XCTAssertEqual(arrivals(v[0]), try brian.numbers("homogeneous_steps_numpy"))
        XCTAssertEqual(arrivals(v[1]), try brian.numbers("heterogeneous_steps_target1_numpy"))
        XCTAssertEqual(arrivals(v[2]), try brian.numbers("heterogeneous_steps_target2_numpy"))
    }

    /// Synapses triggered by a custom event (Brian's `on_event={'pre': 'my_event'}`).
    func testPathwaysTriggeredByACustomEvent() throws {
        let brian = try BrianFixture("small_gaps")
        let result = try onBothBackends("custom event") { backend in
            let G = try NeuronGroup(2, model: "dx/dt = 1/ms : 1", method: .euler, events: ["my_event": "x > 0.5"],
                                    name: "G")
            try G.x.set([0, 0.35])
            try G.runOnEvent("my_event", "x = 0")
            let H = try NeuronGroup(2, model: "v : 1", name: "H")
            let S = try Synapses(G, H, onPre: "v_post += 1", onEvent: ["pre": "my_event"], name: "S")
            try S.connect(j: "i")
            let M = try EventMonitor(G, "my_event")
            try Network(G, H, S, M, backend: backend).run(2 * ms)
            var result = CaseResult()
            result.spikes("events", M)
            result.final("v", try H.v.values)
            return result
        }
        guard case .spikes(let i, let t)? = result["events"] else { return XCTFail("no events") }
        XCTAssertEqual(i.map(Double.init), try brian.numbers("c_event_i"))
        XCTAssertEqual(t.map { ($0 / 1e-4).rounded() }, try brian.numbers("c_event_steps"))
        XCTAssertEqual(result.numbers("v"), try brian.numbers("c_v"))
        let G = try NeuronGroup(2, model: "v : 1", threshold: "v > 1", name: "G")
        assertModelError(try Synapses(G, G, onPre: "v_post += 1", onEvent: ["pre": "burst"]),
                         "triggered by the event 'burst', which 'G' does not have")
    }

    /// Pathways run on the clock of the group whose events trigger them (Brian's `SynapticPathway`
    /// takes `source.clock`), delays are whole steps of that clock, and a Synapses without `dt`
    /// is on the default clock (pathway_clocks.py). Before, pathways ran on the Synapses' clock,
    /// which defaulted to the source's: with `dt: 0.3 * ms` on the Synapses, spikes at 0.1 ms
    /// steps between its ticks were never delivered.
    func testPathwaysRunOnTheClockOfTheirEvents() throws {
        let brian = try BrianFixture("pathway_clocks")
        let result = try onBothBackends("pathway clocks") { backend in
            var result = CaseResult()
            // (a) a source with dt 0.05 ms spiking at odd steps; Synapses and target on 0.1 ms
            let A = try NeuronGroup(1, model: "dv/dt = 1/(0.33*ms) : 1", threshold: "v > 1", reset: "v = 0",
                                    method: .euler, dt: 0.05 * ms, name: "A")
            let B = try NeuronGroup(1, model: "x : 1", name: "B")
            let S = try Synapses(A, B, onPre: "x_post += 1", name: "S")
            try S.connect()
            let spikes = try SpikeMonitor(A)
            let x = try StateMonitor(B, "x")
            try Network(A, B, S, spikes, x, backend: backend).run(2 * ms)
            result.values("a_spike_times", spikes.t.values)
            result.values("a_x", try x.values("x", index: 0).values)
            // (b) a delay of 0.125 ms: 2.5 steps of the source's 0.05 ms, rounded up to 3
            let A2 = try NeuronGroup(1, model: "dv/dt = 1/(0.33*ms) : 1", threshold: "v > 1", reset: "v = 0",
                                     method: .euler, dt: 0.05 * ms, name: "A2")
            let B2 = try NeuronGroup(1, model: "x : 1", name: "B2")
            let S2 = try Synapses(A2, B2, onPre: "x_post += 1", delay: 0.125 * ms, name: "S2")
            try S2.connect()
            let x2 = try StateMonitor(B2, "x", dt: 0.05 * ms, when: .end)
            try Network(A2, B2, S2, x2, backend: backend).run(1 * ms)
            result.values("b_x", try x2.values("x", index: 0).values)
            // (c) `t` in the pathway of a Synapses with dt 0.3 ms: its clock's time (the next tick)
            let A3 = try SpikeGeneratorGroup(1, indices: [0, 0], times: [0.2, 0.5] * ms, name: "A3")
            let B3 = try NeuronGroup(1, model: "x : 1", name: "B3")
            let S3 = try Synapses(A3, B3, model: "dy/dt = -y/ms : 1 (event-driven)", onPre: "y += 1\nx_post = y",
                                  dt: 0.3 * ms, name: "S3")
            try S3.connect()
            try Network(A3, B3, S3, backend: backend).run(1 * ms)
            result.values("c_x", try B3.x.values.values)
            result.values("c_lastupdate", try S3.lastupdate.values.values)
            // (d) clock-driven decay every 0.3 ms, spikes delivered at once, the sum every 0.1 ms
            let A4 = try NeuronGroup(2, model: "dv/dt = 1/(0.73*ms) : 1", threshold: "v > 1", reset: "v = 0",
                                     method: .euler, name: "A4")
            let B4 = try NeuronGroup(2, model: "I : 1", name: "B4")
            let S4 = try Synapses(A4, B4, model: "dg/dt = -g/(1.7*ms) : 1 (clock-driven)\nI_post = g : 1 (summed)",
                                  onPre: "g += 1", method: .euler, dt: 0.3 * ms, name: "S4")
            try S4.connect(j: "i")
            let I = try StateMonitor(B4, "I")
            try Network(A4, B4, S4, I, backend: backend).run(3 * ms)
            result.values("d_I", try I.values("I", index: 0).values)
            result.values("d_g", try S4.g.values.values)
            // (e) a Synapses without dt: clock-driven on the default clock, spikes every 0.05 ms
            let A5 = try NeuronGroup(1, model: "dv/dt = 1/(0.33*ms) : 1", threshold: "v > 1", reset: "v = 0",
                                     method: .euler, dt: 0.05 * ms, name: "A5")
            let B5 = try NeuronGroup(1, model: "x : 1", name: "B5")
            let S5 = try Synapses(A5, B5, model: "dg/dt = -g/(1.7*ms) : 1 (clock-driven)", onPre: "g += 1",
                                  method: .euler, name: "S5")
            try S5.connect()
            let g = try StateMonitor(S5, "g")
            try Network(A5, B5, S5, g, backend: backend).run(1 * ms)
            result.values("e_g", try g.values("g", index: 0).values)
            result.values("e_monitor_times", g.t.values)
            return result
        }
        for key in ["a_spike_times", "a_x", "b_x", "d_I", "d_g", "e_g", "e_monitor_times"] {
            assertClose(result.numbers(key), try brian.numbers(key), key)
        }
        assertClose(result.numbers("c_x"), [try brian.number("c_x")], "c_x")
        assertClose(result.numbers("c_lastupdate"), [try brian.number("c_lastupdate")], "c_lastupdate")
    }
}
