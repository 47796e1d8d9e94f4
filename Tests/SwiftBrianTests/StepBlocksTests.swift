import SwiftBrian
import SwiftBrianNative
import XCTest

/// Networks whose every step is element-wise code on one clock run each chunk of steps block by
/// block of elements, in the kernels' optimistic form (see `StepBlocks`): the same bits as the
/// interpreter, and where a value stops being finite, the same error and state as step by step.
final class StepBlocksTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// The blocks of elements `network`'s chunks run in (run for one step on the native backend).
    private func blocks(_ network: Network) throws -> Int {
        try network.run(0.1 * ms)
        return try XCTUnwrap(network.backend as? NativeBackend).stepBlockCount
    }

    /// A noisy, time-dependent update and a `run_regularly` on the same group, which reads and
    /// writes the update's variables.
    private func blockedGroup() throws -> NeuronGroup {
        seed(5)
        let G = try NeuronGroup(5000, model: """
            dv/dt = (sin(2*pi*t*(10*Hz + i*Hz)) - v + w)/(10*ms) + 0.2*xi/sqrt(ms) : 1
            dw/dt = -w/(50*ms) : 1
            """, method: .euler, name: "blocked")
        try G.v.set("i / 5000")
        _ = try G.runRegularly("w = w + 0.001*v")
        return G
    }

    /// On one thread and on three (each running its blocks through the chunk).
    func testElementwiseStepsRunByBlocksWithTheSameBits() throws {
        var results: [[UInt64]] = []
        for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 3)] {
            let G = try blockedGroup()
            let net = try Network(G, backend: backend, threads: threads)
            try net.run(30 * ms)
            if backend == .native { XCTAssertEqual((net.backend as? NativeBackend)?.stepBlockCount, 10) }
            XCTAssertEqual(net.t.value, 0.03, accuracy: 1e-12)
            results.append(try (G.v.values.values + G.variable("w").values.values).map(\.bitPattern))
        }
        XCTAssertEqual(results[0], results[1])
        XCTAssertEqual(results[0], results[2])
    }

    /// Steps with a threshold, or over values that fit the first-level cache, run step by step;
    /// there is at least a block per thread.
    func testOtherStepsRunStepByStep() throws {
        let spiking = try NeuronGroup(5000, model: "dv/dt = -v/(10*ms) : 1", threshold: "v > 1", reset: "v = 0")
        XCTAssertEqual(try blocks(Network(spiking, threads: 1)), 0)
        let small = try NeuronGroup(1000, model: "dv/dt = -v/(10*ms) : 1")
        XCTAssertEqual(try blocks(Network(small, threads: 1)), 0)
        let large = try NeuronGroup(5000, model: "dv/dt = -v/(10*ms) : 1")
        XCTAssertEqual(try blocks(Network(large, threads: 1)), 5)
        let threaded = try NeuronGroup(2500, model: "dv/dt = -v/(10*ms) : 1")
        XCTAssertEqual(try blocks(Network(threaded, threads: 4)), 4)
    }

    /// A value that stops being finite far into a chunk, in a late block: the chunk is undone and
    /// run step by step, which stops where the interpreter stops, with its message and state.
    func testAFailureInsideABlockedChunkIsReportedAsStepByStep() throws {
        var outcomes: [(message: String, t: Double, values: [UInt64])] = []
        for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 3)] {
            let G = try NeuronGroup(6000, model: "dv/dt = rate*v/ms : 1\nrate : 1", method: .euler, name: "late")
            try G.v.set("1 + i")
            try G.variable("rate").set("0.1 + 2*(i == 5900) + 3*(i == 4100)")
            let net = try Network(G, backend: backend, threads: threads)
            var message = ""
            XCTAssertThrowsError(try net.run(1 * second)) { error in
                XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
                message = (error as? ModelError)?.message ?? "\(error)"
            }
            outcomes.append((message, net.t.value, try G.v.values.values.map(\.bitPattern)))
        }
        XCTAssertTrue(outcomes[1].message.hasPrefix("'v' of 'late' became +inf for neuron 4100 at t = "),
                      outcomes[1].message)
        XCTAssertGreaterThan(outcomes[1].t, 0.1)
        for outcome in outcomes.dropFirst() {
            XCTAssertEqual(outcomes[0].message, outcome.message)
            XCTAssertEqual(outcomes[0].t, outcome.t)
            XCTAssertEqual(outcomes[0].values, outcome.values)
        }
    }
}

