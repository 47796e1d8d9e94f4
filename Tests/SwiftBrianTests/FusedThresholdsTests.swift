import SwiftBrian
import SwiftBrianNative
import XCTest

/// On one thread, a group's state update and its threshold run together block by block in the
/// chunks run optimistically (see `FusedThresholds`): the spikes and the state are the
/// interpreter's, bit for bit; a failure inside such a chunk is reported as the interpreter
/// reports it; and a threshold reading what a kernel between the two writes runs after it.
final class FusedThresholdsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// What a run leaves: its error (empty when none), time, state and spikes.
    private struct Outcome: Equatable {
        var message: String, t: Double, state: [UInt64], spikes: [Int], times: [UInt64]
    }

    /// Runs the objects `build` makes for `duration`; returns what the run leaves of its group
    /// (the state: `v` and `variables`), with the fused pairs of the native loop.
    private func run(_ backend: BackendKind, _ duration: Quantity, variables: [String] = [],
                     _ build: () throws -> (NeuronGroup, [NetworkObject])) throws -> (Outcome, Int) {
        seed(11)
        let (G, objects) = try build()
        let spikes = try SpikeMonitor(G)
        let net = try Network(objects + [spikes], backend: backend, threads: 1)
        var message = ""
        do {
            try net.run(duration)
        } catch {
            message = (error as? ModelError)?.message ?? "\(error)"
        }
        let state = try (["v"] + variables).flatMap { try G.variable($0).values.values.map(\.bitPattern) }
        let outcome = Outcome(message: message, t: net.t.value, state: state, spikes: spikes.i,
                              times: spikes.t.values.map(\.bitPattern))
        return (outcome, (net.backend as? NativeBackend)?.fusedThresholds ?? 0)
    }

    /// CUBA's neurons at 5,000 (three blocks, the last one short), refractory, with noise and
    /// pathways: 0.2 s.
    private func cuba() throws -> (NeuronGroup, [NetworkObject]) {
        let P = try NeuronGroup(5000, model: """
            dv/dt  = (ge+gi-(v-El))/taum + 0.5*mV*xi/sqrt(ms) : volt (unless refractory)
            dge/dt = -ge/taue : volt (unless refractory)
            dgi/dt = -gi/taui : volt (unless refractory)
            """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms, method: .euler,
            namespace: ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV, "Vr": -60 * mV,
                        "El": -49 * mV], name: "P")
        try P.v.set("Vr + rand() * (Vt - Vr)")
        let Ce = try Synapses(P, P, onPre: "ge += 1.62*mV", name: "Ce")
        let Ci = try Synapses(P, P, onPre: "gi += -9*mV", name: "Ci")
        try Ce.connect(condition: "i<4000", p: 0.016)
        try Ci.connect(condition: "i>=4000", p: 0.016)
        return (P, [P, Ce, Ci])
    }

    func testAnUpdateAndItsThresholdRunTogetherWithTheInterpretersResults() throws {
        let (expected, _) = try run(.interpreter, 0.2 * second, variables: ["ge", "gi", "lastspike"], cuba)
        let (outcome, fused) = try run(.native, 0.2 * second, variables: ["ge", "gi", "lastspike"], cuba)
        XCTAssertEqual(fused, 1)
        XCTAssertEqual(expected.message, "")
        XCTAssertGreaterThan(expected.spikes.count, 1000)
        XCTAssertTrue(outcome == expected, "state or spikes differ")
    }

    func testAFailureInAFusedChunkIsReportedAsTheInterpreterReportsIt() throws {
        func build() throws -> (NeuronGroup, [NetworkObject]) {
            let G = try blowingUpGroup(3000, failing: 2500)
            return (G, [G])
        }
        let (expected, _) = try run(.interpreter, 1 * second, variables: ["u"], build)
        let (outcome, fused) = try run(.native, 1 * second, variables: ["u"], build)
        XCTAssertEqual(fused, 1)
        XCTAssertTrue(expected.message.hasPrefix("'u' of 'G' became +inf for neuron 2500 at t = "), expected.message)
        XCTAssertGreaterThan(expected.t, 0.2)
        XCTAssertTrue(outcome == expected, "message, time, state or spikes differ")
    }

    /// G's threshold reads H's `x` (linked), which H's update, scheduled between G's update and
    /// G's threshold, writes: G's threshold must see this step's `x`, so it runs after H's update.
    func testAThresholdReadingWhatAKernelBetweenWritesIsNotFused() throws {
        func build() throws -> (NeuronGroup, [NetworkObject]) {
            let G = try NeuronGroup(3000, model: "dv/dt = (1.5 - v)/(10*ms) : 1\nvt : 1 (linked)",
                                    threshold: "v > vt", reset: "v = 0", method: .exact, name: "G")
            let H = try NeuronGroup(2000, model: "dx/dt = (0.2 + i/2000 - x)/(3*ms) : 1", method: .exact, name: "H")
            try G.variable("vt").link(to: H.variable("x"), index: (0..<3000).map { $0 % 2000 })
            try H.variable("x").set("1.5")
            return (G, [G, H])
        }
        let (expected, _) = try run(.interpreter, 0.1 * second, build)
        let (outcome, fused) = try run(.native, 0.1 * second, build)
        XCTAssertEqual(fused, 0)
        XCTAssertGreaterThan(expected.spikes.count, 1000)
        XCTAssertTrue(outcome == expected, "state or spikes differ")
    }
}
