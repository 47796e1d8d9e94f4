import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for the schedule of a time step: several clocks, linked
/// variables, `run_regularly` slots and orders, monitors in different slots, custom events and
/// code run on them; each run on both backends (bit-identical results).
final class SchedulingReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testMultipleClocksAndScheduling() throws {
        let reference = try ReferenceCase("multiple_clocks_and_scheduling")
        try reference.check { backend in
            let fast = try NeuronGroup(2, model: "dv/dt = (1 - v)/(10*ms) : 1", method: .exact, name: "fast")
            try fast.v.set([0, 0.5])
            let slow = try NeuronGroup(2, model: """
                dy/dt = (x - y)/(5*ms) : 1
                x : 1 (linked)
                c : 1
                d : 1
                """, method: .exact, dt: 1 * ms, order: 1, name: "slow")
            try slow.x.link(to: fast.v)
            try slow.y.set(0)
            try slow.c.set([0, 10])
            try slow.runRegularly("c = 0.5*c", when: .beforeGroups, order: 1, name: "slow_halve_c")
            try slow.runRegularly("c = c + 1", when: .beforeGroups, order: 0, name: "slow_increment_c")
            try slow.runRegularly("d = c - y", when: .afterGroups, name: "slow_diff")
            try fast.runRegularly("v = 0.5*v", dt: 5 * ms, when: .end, order: 0, name: "fast_halve_v")
            let fastStart = try StateMonitor(fast, "v", dt: 0.5 * ms, name: "M_fast_start")
            let fastEnd = try StateMonitor(fast, "v", dt: 1 * ms, when: .end, order: 1, name: "M_fast_end")
            let slowStart = try StateMonitor(slow, variables: ["y", "c"], name: "M_slow_start")
            let slowEnd = try StateMonitor(slow, variables: ["y", "c", "d", "x"], when: .end, order: 2,
                                           name: "M_slow_end")
            try Network(fast, slow, fastStart, fastEnd, slowStart, slowEnd, backend: backend).run(reference.duration)
            var result = CaseResult()
            try result.trace("fast.v@start", fastStart, "v")
            try result.trace("fast.v@end", fastEnd, "v")
            for variable in slowStart.variables {
                try result.trace("slow.\(variable)@start", slowStart, variable)
            }
            for variable in slowEnd.variables {
                try result.trace("slow.\(variable)@end", slowEnd, variable)
            }
            result.final("fast.v", try fast.v.values)
            for variable in ["y", "c", "d"] {
                result.final("slow.\(variable)", try slow.variable(variable).values)
            }
            return result
        }
    }

    func testCustomEvents() throws {
        let reference = try ReferenceCase("custom_events")
        let result = try reference.check { backend in
            let G = try NeuronGroup(3, model: """
                dv/dt = (I - v)/tau : 1
                I : 1
                count : 1
                v_at_event : 1
                """, threshold: "v > 1", reset: "v = 0", method: .exact, events: ["custom": "v > 0.5"],
                namespace: ["tau": 10 * ms], name: "G")
            try G.I.set([1.0, 1.2, 1.6])
            try G.v.set([0, 0.2, 0.4])
            try G.v_at_event.set(-1)
            try G.runOnEvent("custom", "count += 1; v_at_event = v")
            try G.runRegularly("I = I + 0.1", dt: 20 * ms, name: "G_increase_I")
            let events = try EventMonitor(G, "custom", variables: ["v"], name: "G_custom_monitor")
            let spikes = try SpikeMonitor(G, name: "G_spike_monitor")
            let M = try StateMonitor(G, variables: ["v", "count", "v_at_event", "I"], dt: 1 * ms)
            try Network(G, events, spikes, M, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.spikes("G", spikes)
            result.spikes("G.custom", events)
            // The recorded v in the reference's (t, i) order.
            let t = events.t.values, i = events.i, recorded = try events.values("v").values
            let order = i.indices.sorted { (t[$0], i[$0]) < (t[$1], i[$1]) }
            result.values("G.custom.v", order.map { recorded[$0] })
            for variable in M.variables {
                try result.trace("G.\(variable)", M, variable)
                result.final("G.\(variable)", try G.variable(variable).values)
            }
            return result
        }
        let expected = try XCTUnwrap(((reference.json["spikes"] as? [String: Any])?["G.custom"] as? [String: Any])?["v"]
                                     as? [Double])
        let (rtol, atol) = reference.tolerance(for: "G.custom")
        assertClose(result.numbers("G.custom.v"), expected, rtol: rtol, atol: atol, "custom_events G.custom.v")
    }
}
