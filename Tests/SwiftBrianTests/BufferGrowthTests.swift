import Foundation
import SwiftBrian
import SwiftBrianKernel
import SwiftBrianNative
import XCTest

/// A buffer that cannot grow during a run (a monitor's recordings, a spike list, a queue) stops
/// the run with an `insufficientMemory` error naming the buffer and its size, the same on every
/// backend, writing nothing out of bounds. Memory is not exhausted: the test hook
/// `BufferGrowth.growthsBeforeFailure` makes growths fail.
final class BufferGrowthTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    override func tearDown() {
        BufferGrowth.growthsBeforeFailure = nil
        BufferGrowth.failure = nil
    }

    private static let backends: [(BackendKind, Int)] = [(.interpreter, 1), (.native, 1), (.native, 4), (.cudaEmulated, 1)]

    /// For each of `backends`: builds a network with `make`, runs it for 1 ms, then for 100 ms
    /// with `growths` growths allowed; returns the errors' messages, and checks what `inspect`
    /// checks.
    private func failingRuns(growths: Int, backends: [(BackendKind, Int)] = BufferGrowthTests.backends,
                             _ make: () throws -> [NetworkObject],
                             inspect: (BackendKind, Network) throws -> Void = { _, _ in }) throws -> [String] {
        var messages: [String] = []
        for (backend, threads) in backends {
            let net = try Network(make(), backend: backend, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            try net.run(1 * ms)
            BufferGrowth.growthsBeforeFailure = growths
            XCTAssertThrowsError(try net.run(100 * ms), "\(backend) \(threads)") { error in
                XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory, "\(error)")
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            BufferGrowth.growthsBeforeFailure = nil
            try inspect(backend, net)
            // The network can run on once memory is there again.
            try net.run(1 * ms)
        }
        return messages
    }

    func testAStateMonitorThatCannotGrowStopsTheRunOnEveryBackend() throws {
        var recorded: [Int] = []
        var monitor: StateMonitor?
        let messages = try failingRuns(growths: 0) {
            let G = try NeuronGroup(30, model: "dv/dt = (2 - v)/(10*ms) : 1", method: .exact, name: "G")
            let M = try StateMonitor(G, variables: ["v"], name: "trace")
            monitor = M
            return [G, M]
        } inspect: { backend, net in
            XCTAssertEqual(net.t.value, 1.6e-3, accuracy: 1e-12, "\(backend): the run stopped at the failing step")
            recorded.append(monitor?.t.count ?? -1)
        }
        XCTAssertEqual(messages.count, 4)
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("Out of memory during the run: 'trace."), messages[0])
        XCTAssertTrue(messages[0].contains("could not grow to 32 elements ("), messages[0])
        XCTAssertTrue(messages[0].contains("Record fewer variables or neurons, record with a larger dt, or run for a "
                                           + "shorter time. The run stopped in the step at 1.6 ms"), messages[0])
        XCTAssertEqual(Set(recorded), [16], "the samples that fitted are kept")
    }

    func testASpikeMonitorAndASpikeQueueThatCannotGrowStopTheRunOnEveryBackend() throws {
        for growths in [0, 1, 3] {
            // The CUDA backend keeps its own buffers (a threshold's flags) from the first run and
            // makes a chunk's room at a time: three growths are enough for its run.
            let backends = growths == 3 ? Array(BufferGrowthTests.backends.dropLast()) : BufferGrowthTests.backends
            let messages = try failingRuns(growths: growths, backends: backends) {
                let G = try NeuronGroup(40, model: "dv/dt = (3 + i/10 - v)/(5*ms) : 1", threshold: "v > 1",
                                        reset: "v = 0", method: .exact, name: "G")
                let S = try Synapses(G, G, model: "w : 1", onPre: "v += 0.01*w", name: "S")
                try S.connect(condition: "i != j")
                try S.delay.set("(i % 3) * ms")
                let M = try SpikeMonitor(G, name: "spikes")
                return [G, S, M]
            }
            XCTAssertEqual(messages.count, backends.count)
            // The interpreter and the native backend grow the same buffers in the same order; the
            // CUDA emulation makes room for a chunk of steps at once.
            XCTAssertEqual(Set(messages.prefix(3)).count, 1, "\(messages)")
            if growths == 3 { XCTAssertTrue(messages[0].contains("'S_pre_queue.slot"), messages[0]) }
            for message in messages.prefix(3) {
                XCTAssertTrue(message.hasPrefix("Out of memory during the run: '"), message)
                XCTAssertTrue(message.contains(" elements ("), message)
                XCTAssertTrue(message.contains(" bytes). Record fewer"), message)
            }
            for message in messages.dropFirst(3) {
                XCTAssertTrue(message.hasPrefix("Out of memory"), message)
                XCTAssertTrue(message.contains(" elements ("), message)
            }
        }
    }

    /// After the error, each monitor keeps only its complete records: a StateMonitor's `t` and
    /// the rows of every variable, a SpikeMonitor's `i`, `t`, variables and counts, a rate
    /// monitor's `t` and `rate` agree, whichever growth failed, on every backend.
    func testMonitorsKeepOnlyTheirCompleteRecordsAfterTheError() throws {
        for growths in [0, 1, 2, 3, 5, 8] {
            var monitors: (StateMonitor, SpikeMonitor, PopulationRateMonitor)?
            var lengths: [[Int]] = []
            _ = try failingRuns(growths: growths) {
                let G = try NeuronGroup(40, model: """
                    dv/dt = (3 + i/10 - v)/(5*ms) : 1
                    dw/dt = -w/(10*ms) : 1
                    """, threshold: "v > 1", reset: "v = 0; w += 1", method: .exact, name: "G")
                let M = try StateMonitor(G, variables: ["v", "w"], record: [0, 3, 7, 11, 39], name: "trace")
                let S = try SpikeMonitor(G, variables: ["w"], name: "spikes")
                let R = try PopulationRateMonitor(G, name: "rate")
                monitors = (M, S, R)
                return [G, M, S, R]
            } inspect: { backend, _ in
                guard let (M, S, R) = monitors else { return XCTFail("no monitors") }
                let samples = M.t.count
                for variable in ["v", "w"] {
                    for row in try M.values(variable) { XCTAssertEqual(row.count, samples, "\(backend) \(growths) \(variable)") }
                }
                XCTAssertEqual(S.t.count, S.numEvents, "\(backend) \(growths)")
                XCTAssertEqual(try S.values("w").count, S.numEvents, "\(backend) \(growths)")
                XCTAssertEqual(S.count.reduce(0, +), S.numEvents, "\(backend) \(growths): counts of the kept events")
                XCTAssertEqual(R.t.count, R.rate.count, "\(backend) \(growths)")
                lengths.append([samples, S.numEvents, R.t.count])
            }
            XCTAssertEqual(lengths.count, 4)
            XCTAssertEqual(Set(lengths.prefix(3)).count, 1, "\(growths): \(lengths)")
        }
    }

    /// Two networks (the same model, so the same compiled library) whose monitors cannot grow
    /// run at once on two threads: each reports its own buffer, as the failure record of the
    /// library is kept per thread.
    func testNetworksFailingAtOnceOnTwoThreadsEachReportTheirOwnBuffer() throws {
        let names = ["traceA", "traceB"]
        let networks = try names.map { name -> Network in
            let G = try NeuronGroup(30, model: "dv/dt = (2 - v)/(10*ms) : 1", method: .exact, dt: 0.1 * ms,
                                    name: "G_\(name)")
            let M = try StateMonitor(G, variables: ["v"], name: name)
            let net = try Network([G, M], backend: .native, threads: 1)
            try net.run(1 * ms)
            return net
        }
        for round in 0..<10 {
            var messages = [String](repeating: "", count: networks.count)
            let lock = NSLock()
            BufferGrowth.growthsBeforeFailure = 0
            DispatchQueue.concurrentPerform(iterations: networks.count) { k in
                let message: String
                do {
                    try networks[k].run(100 * ms)
                    message = "no error"
                } catch {
                    message = (error as? ModelError)?.message ?? "\(error)"
                }
                lock.lock()
                messages[k] = message
                lock.unlock()
            }
            BufferGrowth.growthsBeforeFailure = nil
            for (k, message) in messages.enumerated() {
                XCTAssertTrue(message.hasPrefix("Out of memory during the run: '\(names[k])."),
                              "round \(round), \(names[k]): \(message)")
            }
            for net in networks { try net.run(1 * ms) }
        }
    }
}
