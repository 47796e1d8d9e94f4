import SwiftBrian
import XCTest

/// Runs, repeated runs, seeds, store/restore, network operations and progress reports.
final class NetworkTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// A noisy LIF population with random initial values: spikes depend on every draw.
    private func noisyNetwork() throws -> (Network, NeuronGroup, SpikeMonitor, StateMonitor) {
        let G = try NeuronGroup(50, model: """
            dv/dt = (mu - v)/tau + sigma*sqrt(2/tau)*xi : 1 (unless refractory)
            mu : 1 (constant)
            """, threshold: "v > 1", reset: "v = rand()*0.2", refractory: 2 * ms,
            namespace: ["tau": 10 * ms, "sigma": Quantity(value: 0.3)], name: "noisy")
        try G.v.set("rand()")
        try G.mu.set("0.8 + 0.4*i/N")
        let spikes = try SpikeMonitor(G)
        let trace = try StateMonitor(G, "v", record: [0, 49])
        return (try Network(G, spikes, trace), G, spikes, trace)
    }

    func testTheSameSeedGivesBitIdenticalResults() throws {
        func simulate(_ value: UInt64) throws -> ([Double], [Int], [Double]) {
            seed(value)
            let (net, G, spikes, trace) = try noisyNetwork()
            try net.run(50 * ms)
            return (try G.v.values.values, spikes.i, try trace.values("v", index: 49).values)
        }
        let first = try simulate(42), second = try simulate(42), other = try simulate(43)
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
        XCTAssertEqual(first.2, second.2)
        XCTAssertFalse(first.1.isEmpty, "the model should spike")
        XCTAssertNotEqual(first.0, other.0)
    }

    func testStoreRunRestoreRunRepeatsExactly() throws {
        seed(7)
        let (net, G, spikes, trace) = try noisyNetwork()
        try net.run(10 * ms)
        net.store("before")
        try net.run(30 * ms)
        let v = try G.v.values.values, i = spikes.i, t = spikes.t.values, samples = trace.t.values.count
        try net.restore("before")
        XCTAssertEqual(net.t.value, 0.01, accuracy: 1e-15)
        XCTAssertEqual(trace.t.values.count, 100)
        try net.run(30 * ms)
        XCTAssertEqual(try G.v.values.values, v)
        XCTAssertEqual(spikes.i, i)
        XCTAssertEqual(spikes.t.values, t)
        XCTAssertEqual(trace.t.values.count, samples)
        XCTAssertThrowsError(try net.restore("never")) { error in
            XCTAssertTrue("\(error)".contains("No state was stored under the name 'never'"), "\(error)")
        }
    }

    func testRepeatedRunsContinueTime() throws {
        seed(3)
        let (once, G1, spikes1, _) = try noisyNetwork()
        try once.run(20 * ms)
        seed(3)
        let (twice, G2, spikes2, _) = try noisyNetwork()
        try twice.run(5 * ms)
        try twice.run(15 * ms)
        XCTAssertEqual(twice.t.value, 0.02, accuracy: 1e-15)
        XCTAssertEqual(try G2.v.values.values, try G1.v.values.values)
        XCTAssertEqual(spikes2.t.values, spikes1.t.values)
    }

    func testNetworkOperationsAndStop() throws {
        let G = try NeuronGroup(1, model: "dv/dt = 1/(10*ms) : 1", name: "ramp")
        var seen: [Double] = []
        let watch = try NetworkOperation(dt: 1 * ms) { net in
            seen.append(net.t.value)
            if try G.v[0].value >= 0.3 { net.stop() }
        }
        _ = watch
        let net = try Network(G, watch)
        try net.run(100 * ms)
        // The operation runs at 0, 1, 2, 3 ms; at 3 ms v = 0.3 and the run stops after that step,
        // whose update adds 0.01.
        XCTAssertEqual(seen.count, 4)
        // Each saw the time of its step.
        for (k, time) in seen.enumerated() { XCTAssertEqual(time, 0.001 * Double(k), accuracy: 1e-12) }
        XCTAssertEqual(try G.v[0].value, 0.31, accuracy: 1e-12)
        XCTAssertEqual(net.t.value, 0.0031, accuracy: 1e-12)
    }

    func testProgressReportIsCalledUntilTheEnd() throws {
        let G = try NeuronGroup(10, model: "dv/dt = -v/(10*ms) : 1", name: "decay")
        var fractions: [Double] = []
        try Network(G).run(20 * ms, report: .custom { fraction, _ in fractions.append(fraction) },
                           reportPeriod: 0 * second)
        XCTAssertEqual(fractions.first, 0)
        XCTAssertEqual(fractions.last, 1)
        XCTAssertEqual(fractions, fractions.sorted())
        XCTAssertGreaterThanOrEqual(fractions.count, 3, "start, at least one update, end")
    }

    func testTextReportLines() {
        XCTAssertEqual(ProgressReport.textLine(simulated: 0.5, fraction: 0.5, elapsed: 10, final: false),
                       "0.5 s (50%) simulated in 10s, estimated 10s remaining.")
        XCTAssertEqual(ProgressReport.textLine(simulated: 1, fraction: 1, elapsed: 75, final: true),
                       "1 s (100%) simulated in 1m 15s")
    }

    func testSubgroupsShareTheirParentsVariables() throws {
        let G = try NeuronGroup(20, model: "v : 1\nx : 1 (shared)", name: "parent")
        let part = try G[10..<15]
        try part.v.set("i")
        XCTAssertEqual(try G.v.values.values, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0, 0])
        try G.v.set(-1, where: "i >= 18")
        XCTAssertEqual(Array(try G.v.values.values.suffix(3)), [0, -1, -1])
        try G.x.set(2.5)
        XCTAssertEqual(try part.x.values.values, [2.5])
        XCTAssertThrowsError(try G[15..<25])
    }
}
