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

    /// Brunel–Hakim with both kinds of delays: normal draws made two at a time for blocks of
    /// elements (an odd number of neurons, so that threads' parts start at odd elements and the
    /// last block ends inside a pair) and spikes queued a range at a time (one delay) or synapse
    /// by synapse (a delay each): the same bits on every thread count and backend.
    func testNoisyNetworksWithDelaysGiveTheSameBitsOnEveryThreadCount() throws {
        for model in [BenchmarkModel.brunelHakim, .brunelHakimHetero] {
            try onBothBackends(model.rawValue) { backend in
                let instance = try model.build(n: 301, backend: backend, seed: 3)
                try instance.network.run(30 * ms)
                var result = CaseResult()
                if let spikes = instance.spikes {
                    result.spikes("spikes", spikes)
                    XCTAssertGreaterThan(spikes.i.count, 0)
                }
                if let group = instance.monitored { result.final("V", try group.variable("V").values) }
                return result
            }
        }
    }

    /// Thresholds, resets and pathways on every thread count, every kernel split however small:
    /// groups of fewer neurons than threads (empty parts), spikes only in the first neurons (one
    /// part holds them all), refractoriness and a custom event, pathways without delay, with
    /// heterogeneous delays (a queue), writing a synaptic variable, with `on_post` code and
    /// writing a presynaptic variable (these two run on one thread): the same bits as on one
    /// thread and on the interpreter.
    func testThresholdsAndPathwaysGiveTheSameBitsOnEveryThreadCount() throws {
        for size in [1, 3, 40] {
            try onBothBackends("\(size) neurons") { backend in
                seed(21)
                let G = try NeuronGroup(size, model: """
                    dv/dt = (drive - v)/(5*ms) + 0.3*xi/sqrt(ms) : 1 (unless refractory)
                    dg/dt = -g/(3*ms) : 1
                    drive : 1
                    count : 1
                    """, threshold: "v > 1", reset: "v = 0; count += 1", refractory: 1 * ms,
                    events: ["low": "v < -0.3"], name: "G")
                try G.drive.set("1.6 * (i < 2) + 0.5")
                let H = try NeuronGroup(7, model: "dg/dt = -g/(2*ms) : 1\nv : 1", threshold: "g > 2", reset: "g = 0",
                                        name: "H")
                let direct = try Synapses(G, H, model: "w : 1", onPre: "g_post += w", name: "direct")
                try direct.connect(p: 0.7)
                try direct.w.set("rand()")
                let delayed = try Synapses(G, G, model: "w : 1\nu : 1", onPre: "g_post += w; v_post += 0.01*w; u += 1",
                                           name: "delayed")
                try delayed.connect(p: 0.5)
                try delayed.w.set("rand()")
                try delayed.delay.set("2*ms*rand()")
                let plastic = try Synapses(G, H, model: "w : 1\ndapre/dt = -apre/(5*ms) : 1 (event-driven)",
                                           onPre: "g_post += w; apre += 0.1", onPost: "w += apre", name: "plastic")
                try plastic.connect(p: 0.5)
                try plastic.w.set("0.5")
                let queuedTargets = try Synapses(G, G, onPre: "v_post += 0.02", name: "queuedTargets")
                try queuedTargets.connect(p: 0.5)
                try queuedTargets.delay.set("3*ms*rand()")
                let backwards = try Synapses(G, H, onPre: "count_pre += 1; v_post += 1", name: "backwards")
                try backwards.connect(p: 0.5)
                let spikes = try SpikeMonitor(G), low = try EventMonitor(G, "low"), hSpikes = try SpikeMonitor(H)
                try Network(G, H, direct, delayed, plastic, queuedTargets, backwards, spikes, low, hSpikes,
                            backend: backend).run(30 * ms)
                var result = CaseResult()
                result.spikes("spikes", spikes)
                result.spikes("low", low)
                result.spikes("H spikes", hSpikes)
                for (name, values) in [("G.v", try G.v.values), ("G.g", try G.g.values), ("G.count", try G.count.values),
                                       ("H.g", try H.g.values), ("H.v", try H.v.values), ("delayed.u", try delayed.u.values),
                                       ("plastic.w", try plastic.w.values), ("plastic.apre", try plastic.apre.values)] {
                    result.final(name, values)
                }
                XCTAssertGreaterThan(spikes.i.count, 0)
                return result
            }
        }
    }

    /// A pathway with a delay per synapse queues the targets when its effect needs nothing else
    /// of the synapse (see `QueuedTargets.swift`), and the synapses otherwise: a synaptic
    /// variable, a random draw (keyed by the synapse), `j`; and with one delay for all.
    func testQueuesHoldTargetsOnlyWhenTheEffectNeedsNothingElse() throws {
        let G = try NeuronGroup(4, model: "v : 1", threshold: "v > 1", name: "G")
        for (code, heterogeneous, holdsTargets) in [("v_post += 0.5", true, true), ("v_post = v_post * 0.5", true, true),
                                                   ("v_post += w", true, false), ("v_post += rand()", true, false),
                                                   ("v_post += j", true, false), ("v_pre += 1", true, false),
                                                   ("v_post += 0.5", false, false)] {
            let S = try Synapses(G, G, model: "w : 1", onPre: PathwayCode(code), delay: heterogeneous ? nil : 1 * ms,
                                 name: "S")
            try S.connect()
            if heterogeneous { try S.delay.set("i*ms") }
            _ = try S.synapticOperations()
            let queue = try XCTUnwrap(S.pathways.first?.queue)
            XCTAssertEqual(queue.targets === S.post, holdsTargets, code)
            XCTAssertEqual(queue.targets == nil, !holdsTargets, code)
        }
    }

    /// A threshold scanned in blocks of 256 conditions skips the blocks with none true: spikes
    /// in some blocks only (the first block of a thread's part, one in the middle, the last,
    /// partial one), the others empty, on every thread count and backend.
    func testThresholdBlocksWithoutSpikesAreSkipped() throws {
        let result = try onBothBackends("blocks") { backend in
            let G = try NeuronGroup(1000, model: "dv/dt = rate : 1\nrate : 1/second", threshold: "v > 1", reset: "v = 0",
                                    name: "G")
            try G.rate.set("(i == 250 or i == 300 or i == 301 or i == 999) * (1 + i/1000) / ms")
            let spikes = try SpikeMonitor(G)
            try Network(G, spikes, backend: backend).run(5 * ms)
            var result = CaseResult()
            result.spikes("spikes", spikes)
            result.final("G.v", try G.v.values)
            return result
        }
        guard case .spikes(let indices, _) = result["spikes"] else { return XCTFail("no spikes recorded") }
        XCTAssertEqual(Set(indices), [250, 300, 301, 999])
    }

    /// A value that is not finite in a pathway split by targets is reported for the first
    /// synapse one thread meets (target 5, in the last part), not for the lowest part's (target 2).
    func testANonFiniteValueInAPathwayIsReportedAsOnOneThread() throws {
        var messages: [String] = []
        _ = try onBothBackends("pathway") { backend in
            let input = try SpikeGeneratorGroup(1, indices: [0], times: try QuantityArray([1 * ms]), name: "input")
            let H = try NeuronGroup(8, model: "g : 1", name: "H")
            let S = try Synapses(input, H, model: "w : 1", onPre: "g_post += 1/w", name: "S")
            try S.connect(i: [0, 0, 0], j: [5, 2, 7])
            try S.w.set(QuantityArray(values: [0, 0, 1]))
            XCTAssertThrowsError(try Network(input, H, S, backend: backend).run(2 * ms)) { messages.append("\($0)") }
            return CaseResult()
        }
        XCTAssertEqual(messages.count, 6, "the interpreter, 4 thread counts, the emulated CUDA backend")
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertTrue(messages[0].contains("for neuron 5 "), messages[0])
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

    /// The pool's workers spin a little after a kernel, then sleep until the next one is
    /// published: a network operation that pauses 3 ms at every step sends them to sleep between
    /// the steps' kernels, so that every kernel wakes them; the same bits on 1 to 4 threads and on
    /// the interpreter.
    func testWorkersAsleepBetweenKernelsAreWoken() throws {
        try onBothBackends("asleep") { backend in
            try ThreadsTests.pathwayNetwork(name: "asleep", backend: backend) {
                [try NetworkOperation(dt: 0.1 * ms) { _ in usleep(3000) }]
            }
        }
    }

    /// A worker that other work keeps off its core leaves its parts to the calling thread, which
    /// claims whatever part is not yet taken: with the run's threads (the pool started by this
    /// test's model) confined to one core, the calling thread runs most parts, in any order; the
    /// same bits on 1 to 4 threads and on the interpreter.
    func testPartsOfWorkersKeptOffTheirCoresRunOnTheCallingThread() throws {
        #if os(Linux)
        // sched_getaffinity and sched_setaffinity (glibc declares them for _GNU_SOURCE only).
        typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
        guard let get = dlsym(nil, "sched_getaffinity"), let set = dlsym(nil, "sched_setaffinity") else {
            return XCTFail("no sched_setaffinity")
        }
        let getAffinity = unsafeBitCast(get, to: Affinity.self), setAffinity = unsafeBitCast(set, to: Affinity.self)
        var allowed = [UInt8](repeating: 0, count: 128)
        XCTAssertEqual(getAffinity(0, allowed.count, &allowed), 0)
        guard let byte = allowed.firstIndex(where: { $0 != 0 }) else { return XCTFail("no core allowed") }
        var single = [UInt8](repeating: 0, count: 128)
        single[byte] = allowed[byte] & (~allowed[byte] &+ 1)
        XCTAssertEqual(setAffinity(0, single.count, &single), 0)
        defer { _ = setAffinity(0, allowed.count, &allowed) }
        try onBothBackends("one core") { backend in
            try ThreadsTests.pathwayNetwork(name: "onecore", backend: backend) { [] }
        }
        #endif
    }

    /// A noisy group of 500 neurons named `name` with a threshold, a reset and a pathway onto
    /// itself, run 5 ms with the objects `extra` makes: its spikes and final potentials.
    private static func pathwayNetwork(name: String, backend: BackendKind,
                                       extra: () throws -> [NetworkObject]) throws -> CaseResult {
        seed(17)
        let G = try NeuronGroup(500, model: "dv/dt = (1.1 - v)/(10*ms) + 0.3*xi/sqrt(ms) : 1",
                                threshold: "v > 1", reset: "v = 0", name: name)
        let S = try Synapses(G, G, model: "w : 1", onPre: "v_post += w", name: "\(name)_synapses")
        try S.connect(p: 0.1)
        try S.w.set("0.02*rand()")
        let spikes = try SpikeMonitor(G)
        try Network([G, S, spikes] + (try extra()), backend: backend).run(5 * ms)
        XCTAssertGreaterThan(spikes.i.count, 0)
        var result = CaseResult()
        result.spikes("spikes", spikes)
        result.final("\(name).v", try G.v.values)
        return result
    }

    /// A pathway onto a group whose kernels are split (at least `minimumParallelElements`
    /// neurons) runs split in every step with a synapse to run, however few; one onto a smaller
    /// group only with `minimumParallelElements` synapses or more: the same bits on 1, 2 and 3
    /// threads either way.
    func testPathwaysOntoSplitGroupsRunSplitWithFewSynapses() throws {
        func simulate(threads: Int) throws -> [UInt64] {
            seed(23)
            let G = try NeuronGroup(300, model: "dv/dt = (1.05 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1",
                                    threshold: "v > 1", reset: "v = 0", name: "fewsynapses")
            let small = try NeuronGroup(40, model: "dv/dt = -v/(10*ms) : 1", name: "fewsynapses_small")
            let onto = try Synapses(G, G, model: "w : 1", onPre: "v_post += w", name: "fewsynapses_onto")
            try onto.connect(p: 0.05)
            try onto.w.set("0.05*rand()")
            let toSmall = try Synapses(G, small, onPre: "v_post += 0.1", name: "fewsynapses_to_small")
            try toSmall.connect(p: 0.2)
            let spikes = try SpikeMonitor(G)
            let net = try Network(G, small, onto, toSmall, spikes, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 100
            try net.run(20 * ms)
            XCTAssertGreaterThan(spikes.i.count, 0)
            return (try G.v.values.values + small.v.values.values + spikes.t.values).map(\.bitPattern)
                + spikes.i.map { UInt64($0) }
        }
        let one = try simulate(threads: 1)
        XCTAssertEqual(try simulate(threads: 2), one)
        XCTAssertEqual(try simulate(threads: 3), one)
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

    /// A state update is split across threads; a write through an index map, a read of a written
    /// variable at another element and a store before the loop are not. A threshold is split
    /// with its spike list in parts, a pathway by its targets.
    func testWhichKernelsAreSplit() throws {
        let v = try DoubleBuffer(name: "v", count: 8, value: 0), w = try DoubleBuffer(name: "w", count: 8, value: 0)
        let spikes = try IndexBuffer(name: "spikes", count: 0, value: 0)
        let map = try IndexBuffer(name: "map", count: 8, value: 0)
        func kernel(_ vector: [KernelOperation], scalar: [KernelOperation] = []) -> Kernel {
            Kernel(name: "threads_test", scalar: scalar, iteration: .range(0, 8), vector: vector,
                   random: RandomKey(stream: 1, step: DoubleBuffer(name: "step", scalar: 0)))
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
        // A threshold fills its spike list in parts; not when it reads the list or appends to another.
        let threshold = kernel([.when(.load(ArrayReference(v, .element)), [.emit(spikes), .store(ArrayReference(w, .element), .constant(0))])],
                               scalar: [.clear(spikes)])
        XCTAssertTrue(threshold.parallelEvents === spikes)
        XCTAssertFalse(threshold.runsElementwise)
        let other = try IndexBuffer(name: "other", count: 0, value: 0)
        XCTAssertNil(kernel([.when(.load(ArrayReference(v, .element)), [.emit(other)])], scalar: [.clear(spikes)]).parallelEvents)
        XCTAssertNil(kernel([.when(.eventCount(spikes, 0, 8), [.emit(spikes)])], scalar: [.clear(spikes)]).parallelEvents)
        XCTAssertNil(kernel([.when(.load(ArrayReference(v, .element)), [.emit(spikes)])]).parallelEvents)
        let (thresholdSource, thresholdEmitter) = try CEmitter.emit(threshold, name: "threads_test", parts: 2)
        XCTAssertTrue(thresholdEmitter.parallel)
        XCTAssertTrue(thresholdSource.contains("int threads_test_join("), thresholdSource)
        // A pathway writing through the postsynaptic indices is split by target; one writing
        // through two maps, reading a written variable through another map, or over the synapses
        // of targets (on_post) is not.
        let post = try IndexBuffer(name: "post", count: 8, value: 0), pre = try IndexBuffer(name: "pre", count: 8, value: 0)
        let offsets = try IndexBuffer(name: "offsets", count: 9, value: 0)
        func pathway(_ vector: [KernelOperation], members: IndexBuffer? = nil) -> Kernel {
            Kernel(name: "threads_test", iteration: .synapses(events: spikes, lower: 0, upper: 8, offsets: offsets, members: members),
                   vector: vector, random: RandomKey(stream: 1, step: DoubleBuffer(name: "step", scalar: 0)))
        }
        let effect = KernelOperation.store(ArrayReference(v, .mapped(post)),
                                           .binary(.add, .load(ArrayReference(v, .mapped(post))), .load(ArrayReference(w, .element))))
        XCTAssertEqual(pathway([effect, .store(ArrayReference(w, .element), .constant(0))]).targetPartition, .mapped(post))
        XCTAssertNil(pathway([effect, .store(ArrayReference(w, .mapped(pre)), .constant(0))]).targetPartition)
        XCTAssertNil(pathway([effect, .store(ArrayReference(w, .element), .load(ArrayReference(v, .mapped(pre))))]).targetPartition)
        XCTAssertNil(pathway([effect], members: post).targetPartition)
        XCTAssertNil(pathway([effect, .emit(spikes)]).targetPartition)
        // Over a queue of targets, the loop index is the target: split by the index itself.
        let queue = try SpikeQueue(name: "queue", maximumDelay: 2)
        queue.targets = post
        let addOne = KernelOperation.store(ArrayReference(v, .element), .binary(.add, .load(ArrayReference(v, .element)), .constant(1)))
        let queued = Kernel(name: "threads_test", iteration: .queue(queue), vector: [addOne],
                            random: RandomKey(stream: 1, step: DoubleBuffer(name: "step", scalar: 0)))
        XCTAssertEqual(queued.targetPartition, .element)
        let (queuedSource, queuedEmitter) = try CEmitter.emit(queued, name: "threads_test", parts: 2)
        XCTAssertTrue(queuedEmitter.parallel)
        XCTAssertTrue(queuedSource.contains("if (_idx < _tlo || _idx >= _thi) continue;"), queuedSource)
        queue.targets = nil
        XCTAssertNil(queued.targetPartition, "synapses written at their index: not split by target")
        let (pathwaySource, pathwayEmitter) = try CEmitter.emit(pathway([effect]), name: "threads_test", parts: 2)
        XCTAssertTrue(pathwayEmitter.parallel)
        XCTAssertTrue(pathwaySource.contains("_tlo") && pathwaySource.contains("int64_t threads_test_work("), pathwaySource)
        XCTAssertEqual(pathwayEmitter.targetCount, 8)
        // The loop runs a pathway split from its own least number of synapses in a step.
        let loop = CLoopEmitter.source(kernelNames: ["a", "b", "c"], kernelClocks: [0, 0, 0],
                                       parallel: [nil, .init(work: "b_work", minimumWork: 1),
                                                  .init(work: "c_work", minimumWork: 1000)],
                                       groups: [], clockCount: 1, swiftClocks: [])
        XCTAssertTrue(loop.contains("sb_kernel_minimum_works[] = {0, 1, 1000};"), loop)
        let (source, emitter) = try CEmitter.emit(kernel([update]), name: "threads_test", parts: 2)
        XCTAssertTrue(emitter.parallel)
        XCTAssertNil(emitter.targetCount)
        XCTAssertTrue(source.contains("sb_part"), source)
        let (single, one) = try CEmitter.emit(kernel([update]), name: "threads_test", parts: 1)
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
