import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for the schedule of a time step: several clocks, linked
/// variables, `run_regularly` slots and orders, monitors in different slots, custom events and
/// code run on them.
final class SchedulingReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testMultipleClocksAndScheduling() throws {
        let reference = try ReferenceCase("multiple_clocks_and_scheduling")
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
        try Network(fast, slow, fastStart, fastEnd, slowStart, slowEnd).run(reference.duration)
        try reference.compareTrace("fast.v@start", monitor: fastStart, variable: "v")
        try reference.compareTrace("fast.v@end", monitor: fastEnd, variable: "v")
        for variable in slowStart.variables {
            try reference.compareTrace("slow.\(variable)@start", monitor: slowStart, variable: variable)
        }
        for variable in slowEnd.variables {
            try reference.compareTrace("slow.\(variable)@end", monitor: slowEnd, variable: variable)
        }
        try reference.compareFinal("fast.v", try fast.v.values)
        for variable in ["y", "c", "d"] {
            try reference.compareFinal("slow.\(variable)", try slow.variable(variable).values)
        }
    }

    func testCustomEvents() throws {
        let reference = try ReferenceCase("custom_events")
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
        try G.runRegularly("I = I + 0.1", dt: 20 * ms)
        let events = try EventMonitor(G, event: "custom", variables: ["v"])
        let spikes = try SpikeMonitor(G)
        let M = try StateMonitor(G, variables: ["v", "count", "v_at_event", "I"], dt: 1 * ms)
        try Network(G, events, spikes, M).run(reference.duration)
        try reference.compareSpikes("G", i: spikes.i, t: spikes.t)
        try reference.compareSpikes("G.custom", i: events.i, t: events.t)
        // The recorded v in the reference's (t, i) order.
        let order = events.i.indices.sorted { (events.t.values[$0], events.i[$0]) < (events.t.values[$1], events.i[$1]) }
        let recorded = try events.values("v").values
        let expected = try XCTUnwrap(((reference.json["spikes"] as? [String: Any])?["G.custom"] as? [String: Any])?["v"]
                                     as? [Double])
        let (rtol, atol) = reference.tolerance(for: "G.custom")
        assertClose(order.map { recorded[$0] }, expected, rtol: rtol, atol: atol, "custom_events G.custom.v")
        for variable in M.variables {
            try reference.compareTrace("G.\(variable)", monitor: M, variable: variable)
            try reference.compareFinal("G.\(variable)", try G.variable(variable).values)
        }
    }
}
