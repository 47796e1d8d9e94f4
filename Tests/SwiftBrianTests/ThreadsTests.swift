import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
import SwiftBrianModels
@testable import SwiftBrianNative
import XCTest

/// Runs on several threads (issue 13): the same bits on 1, 2, 3 and 4 threads and on the
/// interpreter, for benchmark models (every reference case runs on 1–4 threads too, see
/// ``onBothBackends(_:file:line:mismatches:_:)``); network operations and store/restore keep
/// working; which kernels are split; bad thread counts are refused.
final class ThreadsTests: XCTestCase {
    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// CUBA, COBAHH (exponential Euler, synapses) and STDP (Poisson input, plasticity): spikes,
    /// the synapses' weights and every variable at the end, on every thread count and backend.
    func testBenchmarkModelsGiveTheSameBitsOnEveryThreadCount() throws {
        for (model, n) in [(BenchmarkModel.cuba, 400), (.cobahh, 300), (.stdp, 200)] {
            try onBothBackends("\(model.rawValue)") { backend in
                let instance = try model.build(n: n, backend: backend, seed: 5)
                try instance.network.run(20 * ms)
                var result = CaseResult()
                if let spikes = instance.spikes { result.spikes("spikes", spikes) }
                for group in [instance.monitored].compactMap({ $0 }) {
                    for name in ["v", "ge", "gi", "m", "n", "h"] {
                        if let values = try? group.variable(name).values { result.final("\(group.name).\(name)", values) }
                    }
                }
                for synapses in instance.synapses {
                    if let w = try? synapses.variable("w").values { result.final("\(synapses.name).w", w) }
                }
                return result
            }
        }
    }

    /// Two networks of the same model share one compiled library and so its threads: run at the
    /// same time from two threads, one of them runs its kernels on its own thread while the other
    /// holds the pool, and both give the bits of a run alone.
    func testNetworksOfOneModelRunAtTheSameTime() throws {
        seed(13)
        func make() throws -> (Network, SpikeMonitor, NeuronGroup) {
            let G = try NeuronGroup(4000, model: "dv/dt = (1.1 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1",
                                    threshold: "v > 1", reset: "v = 0", dt: 0.1 * ms, name: "G")
            let spikes = try SpikeMonitor(G)
            let net = try Network(G, spikes, threads: 2)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            return (net, spikes, G)
        }
        let alone = try make()
        try alone.0.run(30 * ms)
        let runs = [try make(), try make()]
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 2) { k in
            do { try runs[k].0.run(30 * ms) } catch { failures.append("\(error)") }
        }
        XCTAssertEqual(failures.messages, [])
        for (net, spikes, G) in runs {
            XCTAssertEqual(net.t.value, 0.03, accuracy: 1e-12)
            XCTAssertEqual(spikes.i, alone.1.i)
            XCTAssertEqual(try G.v.values.values.map(\.bitPattern), try alone.2.v.values.values.map(\.bitPattern))
        }
        XCTAssertGreaterThan(alone.1.i.count, 0)
    }

    /// Brian's HH speed test diverges in its most driven neurons (in Brian too): the run stops with
    /// the same message, naming the first neuron that failed, on every thread count and backend.
    func testANonFiniteValueIsReportedAsOnOneThread() throws {
        var messages: [String] = []
        _ = try onBothBackends("hh") { backend in
            let instance = try BenchmarkModel.hh.build(n: 100, backend: backend, seed: 5)
            XCTAssertThrowsError(try instance.network.run(20 * ms)) { messages.append("\($0)") }
            return CaseResult()
        }
        XCTAssertEqual(messages.count, 6, "the interpreter, 4 thread counts, the emulated CUDA backend")
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertTrue(messages[0].contains("for neuron"), messages[0])
    }

    /// A noisy group whose state a network operation changes every millisecond, with a monitor:
    /// the same on 3 threads as on one, and store/restore repeats the run exactly.
    func testNetworkOperationsAndStoreRestoreOnThreads() throws {
        func simulate(threads: Int) throws -> [Double] {
            seed(11)
            let G = try NeuronGroup(3000, model: "dv/dt = (1.2 - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1",
                                    threshold: "v > 1", reset: "v = 0", name: "noisy")
            let spikes = try SpikeMonitor(G)
            let trace = try StateMonitor(G, "v", record: [0, 1500, 2999])
            let kick = try NetworkOperation(dt: 1 * ms) { _ in try G.v.set("v + 0.01") }
            let net = try Network(G, spikes, trace, kick, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            try net.run(5 * ms)
            net.store()
            try net.run(10 * ms)
            let first = try G.v.values.values + spikes.t.values
            try net.restore()
            try net.run(10 * ms)
            XCTAssertEqual(try G.v.values.values + spikes.t.values, first, "store/restore on \(threads) threads")
            return first + spikes.i.map(Double.init) + (try trace.values("v").flatMap(\.values))
        }
        let one = try simulate(threads: 1)
        XCTAssertEqual(try simulate(threads: 3).map(\.bitPattern), one.map(\.bitPattern))
    }

    /// A state update is split across threads; a threshold (it appends to the spike list), a
    /// write through an index map, a read of a written variable at another element and a store
    /// before the loop are not.
    func testWhichKernelsAreSplit() throws {
        let v = DoubleBuffer(name: "v", count: 8, value: 0), w = DoubleBuffer(name: "w", count: 8, value: 0)
        let spikes = IndexBuffer(name: "spikes", count: 0, value: 0)
        let map = IndexBuffer(name: "map", count: 8, value: 0)
        func kernel(_ vector: [KernelOperation], scalar: [KernelOperation] = []) -> Kernel {
            Kernel(name: "threads_test", scalar: scalar, iteration: .range(0, 8), vector: vector,
                   random: RandomKey(stream: 1, step: DoubleBuffer(name: "step", count: 1, value: 0)))
        }
        let update = KernelOperation.store(ArrayReference(v, .element),
                                           .binary(.add, .load(ArrayReference(v, .element)), .load(ArrayReference(w, .shared))))
        XCTAssertTrue(kernel([update]).runsElementwise)
        XCTAssertTrue(kernel([.define(0, .random(.normal, site: 0)), update], scalar: [.define(1, .constant(2))]).runsElementwise)
        XCTAssertFalse(kernel([.when(.load(ArrayReference(v, .element)), [.emit(spikes)])]).runsElementwise)
        XCTAssertFalse(kernel([.store(ArrayReference(v, .mapped(map)), .constant(1))]).runsElementwise)
        XCTAssertFalse(kernel([update, .store(ArrayReference(w, .element), .load(ArrayReference(v, .offset(1))))])
            .runsElementwise)
        XCTAssertFalse(kernel([update], scalar: [.store(ArrayReference(w, .shared), .constant(1))]).runsElementwise)
        let (source, emitter) = try CEmitter.emit(kernel([update]), name: "threads_test", threads: 2)
        XCTAssertTrue(emitter.parallel)
        XCTAssertTrue(source.contains("sb_part"), source)
        let (single, one) = try CEmitter.emit(kernel([update]), name: "threads_test", threads: 1)
        XCTAssertFalse(one.parallel)
        XCTAssertFalse(single.contains("sb_part"), single)
    }

    /// 0, negative and absurd thread counts, from the argument or from `SWIFTBRIAN_THREADS`.
    func testBadThreadCountsAreRefused() throws {
        let G = try NeuronGroup(10, model: "dv/dt = -v/(10*ms) : 1", name: "G")
        for threads in [0, -3, 1_000_000] {
            XCTAssertThrowsError(try Network(G, threads: threads)) { error in
                XCTAssertTrue(error is ModelError, "\(error)")
                XCTAssertTrue("\(error)".contains("threads must be from 1 to 1024"), "\(error)")
                XCTAssertTrue("\(error)".contains("\(threads)"), "\(error)")
            }
        }
        for text in ["zero", "0", "2.5"] {
            setenv("SWIFTBRIAN_THREADS", text, 1)
            defer { unsetenv("SWIFTBRIAN_THREADS") }
            XCTAssertThrowsError(try Network(G)) { error in
                XCTAssertTrue("\(error)".contains("SWIFTBRIAN_THREADS"), "\(error)")
            }
        }
        XCTAssertThrowsError(try ThreadCount.setDefault(0)) { error in
            XCTAssertTrue("\(error)".contains("--threads must be from 1"), "\(error)")
        }
        let net = try Network(G, threads: 2)
        XCTAssertEqual((net.backend as? NativeBackend)?.threads, 2)
    }

    /// By default a network runs on every core the process may use; `SWIFTBRIAN_THREADS` and the
    /// argument override it, in that order.
    func testDefaultThreadCount() throws {
        let G = try NeuronGroup(10, model: "dv/dt = -v/(10*ms) : 1", name: "G")
        let cores = ThreadCount.cores
        XCTAssertGreaterThanOrEqual(cores, 1)
        XCTAssertLessThanOrEqual(cores, ProcessInfo.processInfo.activeProcessorCount)
        XCTAssertEqual((try Network(G).backend as? NativeBackend)?.threads, cores)
        try onThreads(3) {
            XCTAssertEqual((try Network(G).backend as? NativeBackend)?.threads, 3)
            XCTAssertEqual((try Network(G, threads: 1).backend as? NativeBackend)?.threads, 1)
        }
    }
}

/// Error messages collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func append(_ message: String) {
        lock.lock()
        collected.append(message)
        lock.unlock()
    }

    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}
