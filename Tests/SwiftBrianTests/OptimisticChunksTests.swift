import SwiftBrian
import SwiftBrianNative
import XCTest

/// The whole-run loop runs each chunk of steps with the kernels' optimistic forms and keeps a copy
/// of what the chunk may change (see `OptimisticChunks`): where a value stops being finite, the
/// copy goes back and the chunk runs again guarded, which stops where the interpreter stops, with
/// its message and state: the variables, the spike queue of a delayed pathway and the monitor.
final class OptimisticChunksTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// What a run of the spiking network leaves: its error, time, variables and spikes.
    private struct Outcome: Equatable {
        var message: String, t: Double, values: [UInt64], spikes: [Int], times: [UInt64], counts: [Int]
    }

    /// Spiking neurons, a pathway with a delay of 2 ms (its queue holds spikes across chunks) and
    /// a monitor; `u` of neuron 700 is +inf near t = 0.236 s (see `blowingUpGroup`).
    private func run(_ backend: BackendKind, threads: Int) throws -> (Outcome, Bool) {
        seed(3)
        let G = try blowingUpGroup(1000, failing: 700)
        let S = try Synapses(G, G, onPre: "v += 0.05", delay: 2 * ms, name: "S")
        try S.connect(p: 0.02)
        let spikes = try SpikeMonitor(G)
        let net = try Network(G, S, spikes, backend: backend, threads: threads)
        var message = ""
        XCTAssertThrowsError(try net.run(1 * second)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
            message = (error as? ModelError)?.message ?? "\(error)"
        }
        let values = try (G.v.values.values + G.variable("u").values.values).map(\.bitPattern)
        let outcome = Outcome(message: message, t: net.t.value, values: values, spikes: spikes.i,
                              times: spikes.t.values.map(\.bitPattern), counts: spikes.count)
        return (outcome, (net.backend as? NativeBackend)?.optimisticChunks ?? false)
    }

    func testAFailureInsideAnOptimisticChunkIsReportedAsGuarded() throws {
        let (expected, _) = try run(.interpreter, threads: 1)
        XCTAssertTrue(expected.message.hasPrefix("'u' of 'G' became +inf for neuron 700 at t = "), expected.message)
        XCTAssertGreaterThan(expected.t, 0.2)
        XCTAssertGreaterThan(expected.spikes.count, 1000)
        for threads in [1, 3] {
            let (outcome, optimistic) = try run(.native, threads: threads)
            XCTAssertTrue(optimistic, "\(threads) threads")
            XCTAssertEqual(outcome.message, expected.message, "\(threads) threads")
            XCTAssertEqual(outcome.t, expected.t, "\(threads) threads")
            XCTAssertTrue(outcome == expected, "\(threads) threads: state or spikes differ")
        }
    }

    /// A network whose copy would cost more than its guards (a large synaptic variable written
    /// by a pathway, a small group) or that returns to Swift at every step runs guarded.
    func testChunksRunOptimisticallyOnlyWhereTheCopyIsCheap() throws {
        func optimistic(_ objects: [NetworkObject]) throws -> Bool {
            let net = try Network(objects, threads: 1)
            try net.run(0.1 * ms)
            return try XCTUnwrap(net.backend as? NativeBackend).optimisticChunks
        }
        let G = try NeuronGroup(100, model: "dv/dt = -v/(10*ms) : 1", threshold: "v > 1", reset: "v = 0")
        XCTAssertTrue(try optimistic([G]))
        let H = try NeuronGroup(100, model: "dv/dt = -v/(10*ms) : 1", threshold: "v > 1", reset: "v = 0")
        let S = try Synapses(H, H, model: "w : 1", onPre: "w += 1", name: "S")
        try S.connect()
        XCTAssertFalse(try optimistic([H, S]))
        let K = try NeuronGroup(100, model: "dv/dt = -v/(10*ms) : 1", threshold: "v > 1", reset: "v = 0")
        let operation = try NetworkOperation { _ in }
        XCTAssertFalse(try optimistic([K, operation]))
    }
}
