import SwiftBrian
import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// The native backend runs the synapses of an event eight at a time when their effects are only
/// definitions, stores and finite checks of arithmetic, taking the eight checks together; a failed check is
/// still the first in loop order (synapse, then statement), with the same state on every backend.
final class CheckedLanesTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private let spikes = try! IndexBuffer(name: "spikes", values: [0])
    private let offsets = try! IndexBuffer(name: "offsets", values: [0, 20])
    private let targets = try! IndexBuffer(name: "post", values: Array(0..<20))
    private let v = try! DoubleBuffer(name: "v", count: 20, value: 0), u = try! DoubleBuffer(name: "u", count: 20, value: 0)
    private let w = try! DoubleBuffer(name: "w", count: 20, value: 1)

    /// A pathway's kernel over the 20 synapses of one event, and its emitter.
    private func emitted(_ vector: [KernelOperation]) throws -> (source: String, emitter: CEmitter) {
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let kernel = Kernel(name: "pre", iteration: .synapses(events: spikes, lower: 0, upper: 1, offsets: offsets, members: nil),
                            vector: vector, random: RandomKey(stream: 1, step: step))
        return try CEmitter.emit(kernel, name: "pre")
    }

    /// `target_post += w` with its finite check.
    private func addition(_ target: DoubleBuffer, _ number: Int) -> [KernelOperation] {
        let element = ArrayReference(target, .mapped(targets))
        let check = FiniteCheck(target: element, variable: "'\(target.name)'", element: "neuron", unit: "",
                                time: try! DoubleBuffer(name: "t", count: 1, value: 0))
        return [.define(number, .binary(.add, .load(element), .load(ArrayReference(w, .element)))),
                .checkFinite(.temporary(number), check), .store(element, .temporary(number))]
    }

    /// Checked additions run in lanes; the checks keep one number each (the element loop after
    /// the lanes numbers them as the lanes do). With a condition, without a check or with a
    /// function call, the synapses run one by one.
    func testCheckedAdditionsRunInLanes() throws {
        let (source, emitter) = try emitted(addition(v, 0) + addition(u, 1))
        XCTAssertTrue(source.contains("for (; _s + 8 <= _last; _s += 8) {"), source)
        XCTAssertTrue(source.contains("_ok &= isfinite(_new1[_j]) != 0;"), source)
        XCTAssertTrue(source.contains("_ok &= isfinite(_new2[_j]) != 0;"), source)
        XCTAssertTrue(source.contains("else if (!isfinite(_new2[_j]))"), source)
        XCTAssertTrue(source.contains("for (; _s < _last; _s++) {"), source)
        XCTAssertEqual(emitter.finiteChecks.count, 2)
        let conditional = try emitted([.when(.load(ArrayReference(w, .element)), addition(v, 0))]).source
        XCTAssertFalse(conditional.contains("_ok &="), conditional)
        XCTAssertFalse(try emitted([.store(ArrayReference(v, .mapped(targets)), .constant(1))]).source.contains("_ok &="),
                       "no check, nothing to take together")
        var decay = addition(v, 0)
        decay[0] = .define(0, .call(.builtin("exp"), [.load(ArrayReference(v, .mapped(targets)))]))
        XCTAssertFalse(try emitted(decay).source.contains("_ok &="), "a call: one by one")
    }

    /// One neuron spiking onto 20 (two lanes of eight and four more): synapse 9 (the second lane
    /// of the second eight) fails its second statement, synapse 10 its first, 18 (after the lanes)
    /// both. Every backend names synapse 9's target and `u`, and the interpreter and the native
    /// backend (one thread, three) keep the same state (every synapse stored its values: the
    /// pathway runs to its end).
    func testTheFirstFailureInLoopOrderIsReported() throws {
        var messages: [String] = [], states: [[UInt64]] = []
        for (backend, threads) in [(BackendKind.interpreter, 1), (.native, 1), (.native, 3), (.cudaEmulated, 1)] {
            let G = try NeuronGroup(1, model: "x : 1", threshold: "t < 0.05*ms", name: "G")
            let H = try NeuronGroup(20, model: "v : 1\nu : 1", name: "H")
            let S = try Synapses(G, H, model: "a : 1\nb : 1", onPre: "v_post += a\nu_post += b", name: "S")
            try S.connect()
            try S.variable("a").set("1 + 1e308 * (j == 10 or j == 18)")
            try S.variable("b").set("2 + 1e308 * (j == 9 or j == 18)")
            try H.v.set("1e308 * (i == 10 or i == 18)")
            try H.variable("u").set("1e308 * (i == 9 or i == 18)")
            let net = try Network(G, H, S, backend: backend, threads: threads)
            (net.backend as? NativeBackend)?.minimumParallelElements = 1
            XCTAssertThrowsError(try net.run(1 * ms), "\(backend)") { error in
                XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            // The CUDA emulation stops at the first failing thread: only its message is compared.
            guard backend != .cudaEmulated else { continue }
            let vs = try H.v.values.values, us = try H.variable("u").values.values
            XCTAssertEqual(vs[3], 1, "\(backend): the others were updated")
            XCTAssertEqual(us[19], 2, "\(backend)")
            XCTAssertEqual(vs[10], .infinity, "\(backend): every synapse stored its value")
            states.append((vs + us).map(\.bitPattern))
        }
        XCTAssertTrue(messages[0].hasPrefix("'u' of 'H' became +inf for neuron 9 at t = 0 s (last finite value: 1e+308)"),
                      messages[0])
        XCTAssertEqual(Set(messages).count, 1, "\(messages)")
        XCTAssertEqual(states.count, 3)
        XCTAssertEqual(Set(states).count, 1)
    }
}
