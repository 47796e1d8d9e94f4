@testable import SwiftBrian
import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// A pathway split among threads by target whose rows are in order of target runs, in each row,
/// only the synapses of its thread's part (see `CEmitter.partOfRows`): every target still
/// receives its additions in the plain loop's order, so the state is bit for bit the
/// interpreter's, and a failed finite check is the one the plain loop meets first.
final class SortedRowPartsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// 12 sources spiking every step onto 10,000 targets, weights of many digits (so that the
    /// order of the additions shows in the bits) that the effect also changes: with rows in order
    /// of target (one connect call) and not (two, the second's synapses after the first's in each
    /// row), the state after 2 ms is the interpreter's on one, two and three threads.
    func testPartsOfSortedRowsAreBitIdenticalToTheInterpreter() throws {
        for sorted in [true, false] {
            var states: [[UInt64]] = []
            for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 2), (.native, 3)] {
                let G = try NeuronGroup(12, model: "x : 1", threshold: "True", name: "G")
                let H = try NeuronGroup(10_000, model: "v : 1", name: "H")
                let S = try Synapses(G, H, model: "w : 1", onPre: "v_post += w\nw = w * 0.999 + 0.0001 * v_post",
                                     name: "S")
                let some = "(i * 7 + j * 13) % 5 < 2"
                if sorted {
                    try S.connect(condition: some)
                } else {
                    try S.connect(condition: "\(some) and j % 3 != 0")
                    try S.connect(condition: "\(some) and j % 3 == 0")
                }
                XCTAssertEqual(S.rowsSorted[0], sorted ? 1 : 0)
                try S.variable("w").set("0.5 + sin(100 * i + 0.37 * j)")
                let net = try Network(G, H, S, backend: backend, threads: threads)
                (net.backend as? NativeBackend)?.minimumParallelElements = 1
                try net.run(2 * ms)
                states.append((try H.v.values.values + S.variable("w").values.values).map(\.bitPattern))
            }
            XCTAssertEqual(states[1], states[0], "sorted \(sorted): one thread")
            XCTAssertEqual(states[2], states[0], "sorted \(sorted): two threads")
            XCTAssertEqual(states[3], states[0], "sorted \(sorted): three threads")
        }
    }

    /// Three sources spike once onto 10,000 targets; source 0's synapse to target 9,000 (the third
    /// thread's part, among its synapses taken eight at a time) and source 1's to target 5 (the
    /// first's) give infinity. The plain loop meets source 0's first: every backend names
    /// target 9,000.
    func testPartsOfSortedRowsReportThePlainLoopsFirstFailure() throws {
        var messages: [String] = []
        for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 3)] {
            let G = try NeuronGroup(3, model: "x : 1", threshold: "t < 0.05*ms", name: "G")
            let H = try NeuronGroup(10_000, model: "v : 1", name: "H")
            let S = try Synapses(G, H, model: "w : 1", onPre: "v_post += w", name: "S")
            try S.connect()
            try S.variable("w").set("1 + 1e308 * ((i == 0 and j == 9000) or (i == 1 and j == 5))")
            try H.v.set("1e308 * (i == 5 or i == 9000)")
            let net = try Network(G, H, S, backend: backend, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            XCTAssertThrowsError(try net.run(1 * ms), "\(backend)") { error in
                XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            XCTAssertEqual(try H.v.values.values[3], 3, "\(backend): every synapse ran")
        }
        XCTAssertTrue(messages.first?.contains("neuron 9000") ?? false, "\(messages)")
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
    }

    /// A parallel pathway has the loop over its part of sorted rows, chosen at run time, next to
    /// the plain one; on one thread, an on_post pathway and a pathway writing presynaptic
    /// variables do not.
    func testOnlyParallelPathwaysSplitByTargetSearchTheirPart() throws {
        let G = try NeuronGroup(2, model: "x : 1", threshold: "True", name: "G")
        let H = try NeuronGroup(8, model: "v : 1", threshold: "True", name: "H")
        let S = try Synapses(G, H, model: "w : 1", onPre: "v_post += w", onPost: "w += 1", name: "S")
        try S.connect()
        let kernels = try S.synapticOperations().flatMap { operation -> [Kernel] in
            if case .kernels(let kernels) = operation.action { return kernels }
            return []
        }
        let pre = try XCTUnwrap(kernels.first { $0.name == "S_pre" })
        let post = try XCTUnwrap(kernels.first { $0.name == "S_post" })
        XCTAssertTrue(try CEmitter.emit(pre, name: "pre", parts: 2).source.contains("sb_first_at_least(i"))
        XCTAssertFalse(try CEmitter.emit(pre, name: "pre").source.contains("sb_first_at_least(i"))
        XCTAssertFalse(try CEmitter.emit(post, name: "post", parts: 2).source.contains("sb_first_at_least(i"))
        let toSource = try Synapses(G, H, onPre: "x_pre += 1", name: "T")
        try toSource.connect()
        let other = try XCTUnwrap(try toSource.synapticOperations().flatMap { operation -> [Kernel] in
            if case .kernels(let kernels) = operation.action { return kernels }
            return []
        }.first { $0.name == "T_pre" })
        XCTAssertFalse(try CEmitter.emit(other, name: "pre", parts: 2).source.contains("sb_first_at_least(i"))
    }
}
