import SwiftBrian
import XCTest

/// What the model objects record for descriptions of the model: values set, `connect` calls with
/// the synapses each made, pathways, threshold/reset/refractoriness, and runs with their seeds.
final class DescriptionRecordTests: XCTestCase {
    func testInitializationsAreRecordedInOrderWithSubgroupRanges() throws {
        let G = try NeuronGroup(10, model: "dv/dt = -v/(10*ms) : volt\nx : 1", name: "recorded")
        try G.v.set("-70*mV + rand()*5*mV")
        try G.v.set(-60 * mV, where: "i < 3")
        try G.x.set([Double](repeating: 2, count: 9) + [4])
        try G[2..<5].x.set(1.5)
        try G.v.set("v + 1*mV", where: "i >= 8")
        XCTAssertEqual(G.initializations, [
            InitializationRecord(variable: "v", value: .expression("-70*mV + rand()*5*mV")),
            InitializationRecord(variable: "v", value: .quantity(-60 * mV), condition: "i < 3"),
            InitializationRecord(variable: "x", value: .array(count: 10, minimum: 2, maximum: 4, dimension: .dimensionless)),
            InitializationRecord(variable: "x", value: .quantity(Quantity(value: 1.5)), elements: 2..<5),
            InitializationRecord(variable: "v", value: .expression("v + 1*mV"), condition: "i >= 8"),
        ])
        // A refused value is not recorded.
        XCTAssertThrowsError(try G.v.set(3 * ms))
        XCTAssertEqual(G.initializations.count, 5)
    }

    func testConnectCallsAreRecordedWithTheSynapsesEachMade() throws {
        seed(3)
        let G = try NeuronGroup(20, model: "v : 1", threshold: "v > 1", reset: "v = 0", refractory: "v > 0.5",
                                name: "g")
        XCTAssertEqual(G.definition, NeuronDefinition(threshold: "v > 1", reset: "v = 0", refractoryPeriod: nil,
                                                      refractoryCondition: "v > 0.5", events: [:]))
        let S = try Synapses(G, G, model: "w : 1", onPre: "v_post += w", onPost: "w += 0.1", delay: 2 * ms, name: "s")
        try S.connect(condition: "i != j", p: 0.3)
        let first = S.size
        try S.connect(j: "i + 1", skipIfInvalid: true)
        let second = S.size - first
        try S.connect(i: [0, 1], j: [5, 6], n: 2)
        XCTAssertThrowsError(try S.connect(condition: "no_such_name > 0"))
        XCTAssertEqual(S.connections, [
            ConnectionRecord(rule: .condition("i != j", p: "0.3", n: "1"), created: first),
            ConnectionRecord(rule: .generator(j: "i + 1", p: "1.0", n: "1"), created: second),
            ConnectionRecord(rule: .pairs(count: 2, n: 2), created: 4),
        ])
        XCTAssertEqual(second, 19)
        XCTAssertEqual(S.connections.map(\.created).reduce(0, +), S.size)
        XCTAssertEqual(S.pathwayRecords, [
            PathwayRecord(name: "pre", triggeredByPre: true, event: "spike", code: "v_post += w", delay: 2 * ms),
            PathwayRecord(name: "post", triggeredByPre: false, event: "spike", code: "w += 0.1", delay: nil),
        ])
    }

    func testRunsAreRecordedWithDurationsAndSeed() throws {
        seed(42)
        let G = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : 1", dt: 0.1 * ms)
        let net = try Network(G, backend: .interpreter)
        try net.run(1 * ms)
        seed(7)
        try net.run(2 * ms)
        XCTAssertEqual(net.runs.count, 2)
        XCTAssertEqual(net.runs[0].duration, 1 * ms)
        XCTAssertEqual(net.runs[0].start.value, 0)
        XCTAssertEqual(net.runs[1].start.value, 1e-3, accuracy: 1e-15)
        XCTAssertEqual(net.runs[1].end.value, 3e-3, accuracy: 1e-15)
        XCTAssertEqual(net.runs.map(\.seed), [42, 7])
    }
}
