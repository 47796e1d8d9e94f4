import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import XCTest

/// ``Kernel/hoistingLoopInvariants()``: what moves out of the loop, what stays, and that the
/// results do not change.
final class LoopInvariantHoistingTests: XCTestCase {
    private let step = try! DoubleBuffer(name: "step", count: 1, value: 0)
    private let dt = try! DoubleBuffer(name: "dt", values: [1e-4])
    private let tau = try! DoubleBuffer(name: "tau", values: [0.02])

    private func kernel(scalar: [KernelOperation] = [], _ vector: [KernelOperation]) -> Kernel {
        Kernel(name: "k", scalar: scalar, iteration: .range(0, 4), vector: vector, random: RandomKey(stream: 3, step: step))
    }

    private func shared(_ buffer: DoubleBuffer) -> KernelExpression { .load(ArrayReference(buffer, .shared)) }

    private var root: KernelExpression { .binary(.power, shared(dt), .constant(0.5)) }
    private var scale: KernelExpression { .binary(.divide, .call(.builtin("sqrt"), [shared(tau)]), shared(tau)) }

    /// `v = v + dt**0.5 * randn() * sqrt(tau)/tau + (dt**0.5 + i)`.
    private func noisyUpdate(_ v: DoubleBuffer, root: KernelExpression, scale: KernelExpression) -> Kernel {
        kernel([.store(ArrayReference(v), .binary(
            .add, .binary(.add, .load(ArrayReference(v)), .binary(.multiply, .binary(.multiply, root, .random(.normal, site: 0)), scale)),
            .binary(.add, root, .index)))])
    }

    /// `dt**0.5` (twice, computed once) and `sqrt(tau)/tau` move to the scalar part; the draw, `v`
    /// and `i` stay; the results are the same bits.
    func testInvariantArithmeticMovesOutOfTheLoop() throws {
        let v = try DoubleBuffer(name: "v", values: [1, 2, 3, 4]), w = try DoubleBuffer(name: "w", values: [1, 2, 3, 4])
        let hoisted = noisyUpdate(w, root: root, scale: scale).hoistingLoopInvariants()
        XCTAssertEqual(hoisted.scalar, [.define(0, root), .define(1, scale)])
        XCTAssertEqual(hoisted.vector, noisyUpdate(w, root: .temporary(0), scale: .temporary(1)).vector)

        try Interpreter(seed: 9).execute(noisyUpdate(v, root: root, scale: scale))
        try Interpreter(seed: 9).execute(hoisted)
        XCTAssertEqual(w.array.map(\.bitPattern), v.array.map(\.bitPattern), "the same bits")
    }

    /// A refractory period's threshold (`_quotient_threshold(dt, steps)`, a kernel function of
    /// its own) is computed once, with its arguments.
    func testTheRefractoryThresholdMovesOutOfTheLoop() throws {
        let lastspike = try DoubleBuffer(name: "lastspike", values: [0, 0, 0, 0]), flag = try DoubleBuffer(name: "flag", values: [0, 0, 0, 0])
        let steps = KernelExpression.call(.builtin("int"), [.binary(.divide, .constant(5e-3), shared(dt))])
        let threshold = KernelExpression.call(.builtin(KernelFunctionNames.quotientThreshold), [shared(dt), steps])
        func gate(_ threshold: KernelExpression) -> Kernel {
            kernel([.store(ArrayReference(flag), .binary(.greaterEqual, .load(ArrayReference(lastspike)), threshold))])
        }
        let hoisted = gate(threshold).hoistingLoopInvariants()
        XCTAssertEqual(hoisted.scalar, [.define(0, threshold)])
        XCTAssertEqual(hoisted.vector, gate(.temporary(0)).vector)
    }

    /// A shared value the loop writes, a loop-dependent value, a single load and a kernel
    /// without invariant arithmetic are left as they are; the hoisted values follow the scalar
    /// part's own operations, which may change what they read.
    func testWhatStaysInTheLoop() throws {
        let total = try DoubleBuffer(name: "total", values: [0])
        let v = try DoubleBuffer(name: "v", values: [1, 2, 3, 4])
        let written = kernel([.store(ArrayReference(total, .shared),
                                     .binary(.add, .binary(.multiply, shared(total), .constant(2)), .load(ArrayReference(v))))])
        XCTAssertEqual(written.hoistingLoopInvariants(), written)
        let plain = kernel([.store(ArrayReference(v), .binary(.multiply, .load(ArrayReference(v)), shared(dt)))])
        XCTAssertEqual(plain.hoistingLoopInvariants(), plain)

        let updated = kernel(scalar: [.store(ArrayReference(tau, .shared), .constant(3))],
                             [.store(ArrayReference(v), .binary(.multiply, shared(tau), .constant(2)))]).hoistingLoopInvariants()
        XCTAssertEqual(updated.scalar.count, 2)
        try Interpreter().execute(updated)
        XCTAssertEqual(v.array, [6, 6, 6, 6])
    }

    /// In a synapses iteration (a loop over the synapses of each event) a shared value read on
    /// its own (`lastupdate = t`) moves out too, so that the inner loop can vectorize; the results
    /// are the same.
    func testASharedValueMovesOutOfTheLoopsOfASynapsesIteration() throws {
        let t = try DoubleBuffer(name: "t", values: [0.25])
        let lastupdate = try DoubleBuffer(name: "lastupdate", values: [0, 0, 0])
        let spikes = try IndexBuffer(name: "spikes", values: [0])
        let offsets = try IndexBuffer(name: "offsets", values: [0, 3])
        func update(_ now: KernelExpression) -> Kernel {
            Kernel(name: "k", iteration: .synapses(events: spikes, lower: 0, upper: 1, offsets: offsets, members: nil),
                   vector: [.store(ArrayReference(lastupdate), now)], random: RandomKey(stream: 3, step: step))
        }
        let hoisted = update(shared(t)).hoistingLoopInvariants()
        XCTAssertEqual(hoisted.scalar, [.define(0, shared(t))])
        XCTAssertEqual(hoisted.vector, update(.temporary(0)).vector)
        try Interpreter().execute(hoisted)
        XCTAssertEqual(lastupdate.array, [0.25, 0.25, 0.25])
    }

    /// Hoisted values are temporaries numbered after the kernel's own, and the interpreter keeps
    /// them for a kernel it runs one element at a time (one writing through a map that repeats).
    func testHoistedValuesReachEveryElement() throws {
        let v = try DoubleBuffer(name: "v", values: [0, 0])
        let target = ArrayReference(v, .mapped(try IndexBuffer(name: "map", values: [1, 1, 0])))
        let hoisted = Kernel(name: "k", iteration: .range(0, 3), vector: [
            .define(0, .index),
            .store(target, .binary(.add, .load(target), .binary(.add, .temporary(0), root))),
        ], random: RandomKey(stream: 3, step: step)).hoistingLoopInvariants()
        XCTAssertEqual(hoisted.scalar, [.define(1, root)])
        try Interpreter().execute(hoisted)
        let r = 0.01   // dt**0.5
        XCTAssertEqual(v[0], 2 + r, accuracy: 1e-15)
        XCTAssertEqual(v[1], (0 + r) + (1 + r), accuracy: 1e-15)
    }

    /// A division by a value the same for every element (`v / tau`) is a multiplication by its
    /// reciprocal, computed once: no division in the loop, and within 1 ulp of the quotient.
    func testDivisionByAnInvariantIsAMultiplicationByItsReciprocal() throws {
        let v = try DoubleBuffer(name: "v", values: [1, 2, 3, 0.1])
        let quotient = KernelExpression.binary(.divide, .load(ArrayReference(v)), shared(tau))
        let hoisted = kernel([.store(ArrayReference(v), quotient)]).hoistingLoopInvariants()
        XCTAssertEqual(hoisted.scalar, [.define(0, .binary(.divide, .constant(1), shared(tau)))])
        XCTAssertEqual(hoisted.vector, [.store(ArrayReference(v), .binary(.multiply, .load(ArrayReference(v)), .temporary(0)))])
        let expected = v.array.map { $0 / 0.02 }
        try Interpreter().execute(hoisted)
        for (value, exact) in zip(v.array, expected) {
            XCTAssertLessThanOrEqual(abs(value - exact), exact.ulp)
        }
    }

    /// A quotient rounded to a whole number keeps its division: `int(i/49)` is 1 at i = 49, and
    /// `i * (1/49)` is just below 1.
    func testRoundedQuotientsKeepTheirDivision() throws {
        let n = try DoubleBuffer(name: "n", values: [49])
        let v = try DoubleBuffer(name: "v", values: [0, 0, 0, 0])
        let quotient = KernelExpression.binary(.divide, .binary(.add, .index, .constant(46)), shared(n))
        let rounded = kernel([.store(ArrayReference(v), .call(.builtin("int"), [quotient]))])
        let hoisted = rounded.hoistingLoopInvariants()
        XCTAssertEqual(hoisted, rounded)
        try Interpreter().execute(hoisted)
        XCTAssertEqual(v.array, [0, 0, 0, 1])
        XCTAssertLessThan(49 * (1 / 49.0), 1, "why")
    }
}
