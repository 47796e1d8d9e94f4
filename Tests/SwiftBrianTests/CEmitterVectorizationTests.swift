import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// Range loops whose iterations touch different memory are marked for clang to vectorize without
/// proving it (it cannot past a few buffers); loops where an iteration may reach another's
/// memory are not.
final class CEmitterVectorizationTests: XCTestCase {
    private let x = try! DoubleBuffer(name: "x", count: 4, value: 0), y = try! DoubleBuffer(name: "y", count: 4, value: 0)
    private let tau = try! DoubleBuffer(name: "tau", count: 1, value: 1)

    private func source(_ vector: [KernelOperation]) throws -> String {
        let kernel = Kernel(name: "loop_test", iteration: .range(0, 4), vector: vector,
                            random: RandomKey(stream: RandomKey.stream(named: "loop_test"),
                                              step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        return try CEmitter.emit(kernel, name: "loop_test").0
    }

    private let pragma = "#pragma clang loop vectorize(assume_safety)"

    /// Element-wise state updates reading shared parameters: independent.
    func testElementwiseUpdatesAreMarked() throws {
        let decay = KernelExpression.binary(.divide, .load(ArrayReference(x, .element)), .load(ArrayReference(tau, .shared)))
        XCTAssertTrue(try source([.store(ArrayReference(x, .element), decay),
                                  .store(ArrayReference(y, .element), .load(ArrayReference(x, .element)))])
            .contains(pragma))
    }

    /// The synapses of an event stored as a range (on_post onto one target) with element-wise
    /// updates: a marked range loop; through a member list, or with a write to the target
    /// (`v_post += w`), the synapses are visited one by one.
    func testTheSynapsesOfAnEventAreARangeLoopWhenIndependent() throws {
        let spikes = try IndexBuffer(name: "spikes", values: [0]), offsets = try IndexBuffer(name: "offsets", values: [0, 4])
        let members = try IndexBuffer(name: "members", values: [3, 2, 1, 0]), targets = try IndexBuffer(name: "post", values: [0, 0, 0, 0])
        func source(members: IndexBuffer?, _ vector: [KernelOperation]) throws -> String {
            let kernel = Kernel(name: "post_test", iteration: .synapses(events: spikes, lower: 0, upper: 1, offsets: offsets,
                                                                        members: members),
                                vector: vector, random: RandomKey(stream: 1, step: try DoubleBuffer(name: "step", count: 1, value: 0)))
            return try CEmitter.emit(kernel, name: "post_test").0
        }
        let decay = KernelOperation.store(ArrayReference(x, .element),
                                          .binary(.multiply, .load(ArrayReference(x, .element)), .constant(0.5)))
        let range = try source(members: nil, [decay])
        XCTAssertTrue(range.contains(pragma), range)
        XCTAssertTrue(range.contains("for (_idx = _first; _idx < _last; _idx++)"), range)
        XCTAssertFalse(try source(members: members, [decay]).contains(pragma))
        XCTAssertFalse(try source(members: nil, [decay, .store(ArrayReference(y, .mapped(targets)), .constant(1))])
            .contains(pragma))
    }

    /// A loop that calls `exp` (PortableMath's polynomial) also asks for four interleaved vectors of
    /// iterations; one without such calls leaves the interleaving to clang.
    func testLoopsWithPortableMathAreInterleaved() throws {
        let interleaved = "\(pragma) interleave_count(4)"
        let load = KernelExpression.load(ArrayReference(x, .element))
        XCTAssertTrue(try source([.store(ArrayReference(y, .element), .call(.builtin("exp"), [load]))])
            .contains(interleaved))
        let plain = try source([.store(ArrayReference(y, .element), .binary(.multiply, load, load))])
        XCTAssertTrue(plain.contains(pragma))
        XCTAssertFalse(plain.contains("interleave_count"))
    }

    /// A loop whose stores wait for its checked values to be finite (see `FiniteChecks`) is
    /// marked, stores under that condition, notes the first failing element and checks only that
    /// one again after the loop: no copy of previous values.
    func testGuardedStoresKeepTheLoopVectorized() throws {
        let check = FiniteCheck(target: ArrayReference(x, .element), variable: "'x' of 'G'", element: "neuron", unit: "",
                                time: try DoubleBuffer(name: "t", count: 1, value: 0))
        let guarded = try source([
            .define(0, .binary(.multiply, .load(ArrayReference(x, .element)), .constant(0.5))),
            .checkFinite(.temporary(0), check),
            .when(.call(.builtin(KernelFunctionNames.finite), [.temporary(0)]), [.store(ArrayReference(x, .element), .temporary(0))]),
        ])
        XCTAssertTrue(guarded.contains(pragma), guarded)
        XCTAssertTrue(guarded.contains("_firstbad = sb_min_index(_firstbad, _finite ? "), guarded)
        XCTAssertTrue(guarded.contains("_idx = _firstbad;"), guarded)
        XCTAssertEqual(guarded.components(separatedBy: "!isfinite(").count, 2, "one check, after the loop")
        XCTAssertFalse(guarded.contains("_prev"), guarded)
    }

    /// A threshold's conditions are computed a block at a time in a loop of their own (which
    /// vectorizes and notes whether any is true: a block with none is not read back), then read
    /// back; not when the condition reads what another element's operations write.
    func testThresholdsAreScannedInBlocks() throws {
        let spikes = try IndexBuffer(name: "spikes", count: 0, value: 0)
        let above = KernelExpression.binary(.greater, .load(ArrayReference(x, .element)), .load(ArrayReference(tau, .shared)))
        let threshold = try source([.when(above, [.emit(spikes), .store(ArrayReference(y, .element), .constant(0))])])
        XCTAssertTrue(threshold.contains("unsigned char _mask[256] = {0}, _any = 0;"), threshold)
        XCTAssertTrue(threshold.contains("_any |= _mask[_idx - _base];"), threshold)
        let skip = try XCTUnwrap(threshold.range(of: "if (!_any) continue;"), threshold)
        let scan = try XCTUnwrap(threshold.range(of: "memcpy(&_eight"), threshold)
        XCTAssertLessThan(skip.lowerBound, scan.lowerBound, "a block with no true condition is not read back")
        let reading = KernelExpression.binary(.greater, .load(ArrayReference(y, .offset(1))), .constant(0))
        XCTAssertFalse(try source([.when(reading, [.emit(spikes), .store(ArrayReference(y, .element), .constant(0))])])
            .contains("_mask"))
    }

    /// A store through an index map (a synaptic effect on its target), an element read at another
    /// position than it is written, a shared element the loop writes, and an append are not.
    func testLoopsThatMayReachOtherIterationsAreNot() throws {
        let targets = try IndexBuffer(name: "post", values: [0, 0, 1, 1])
        let cases: [[KernelOperation]] = [
            [.store(ArrayReference(x, .mapped(targets)), .constant(1))],
            [.store(ArrayReference(x, .element), .load(ArrayReference(x, .offset(1))))],
            [.store(ArrayReference(tau, .shared), .load(ArrayReference(x, .element)))],
            [.append(.load(ArrayReference(x, .element)), y)],
        ]
        for vector in cases {
            XCTAssertFalse(try source(vector).contains(pragma), "\(vector)")
        }
    }
}
