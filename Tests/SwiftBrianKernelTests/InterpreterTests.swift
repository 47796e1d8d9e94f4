import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import XCTest

/// Kernels executed by the interpreter on small buffers, checked against values worked out by hand.
final class InterpreterTests: XCTestCase {
    private let step = try! DoubleBuffer(name: "step", count: 1, value: 0)

    private func kernel(_ iteration: Iteration, scalar: [KernelOperation] = [], _ vector: [KernelOperation]) -> Kernel {
        Kernel(name: "k", scalar: scalar, iteration: iteration, vector: vector, random: RandomKey(stream: 1, step: step))
    }

    func testTemporariesStoresAndSharedValues() throws {
        let v = try DoubleBuffer(name: "v", values: [1, 2, 3, 4])
        let scale = try DoubleBuffer(name: "scale", values: [10])
        // _x = v*scale; v = _x + i
        try Interpreter().execute(kernel(.range(0, 4), [
            .define(0, .binary(.multiply, .load(ArrayReference(v)), .load(ArrayReference(scale, .shared)))),
            .store(ArrayReference(v), .binary(.add, .temporary(0), .index)),
        ]))
        XCTAssertEqual(v.array, [10, 21, 32, 43])
    }

    func testConditionalEmitAndEventIteration() throws {
        let v = try DoubleBuffer(name: "v", values: [0.5, 1.5, 0.2, 2.5])
        let spikes = try IndexBuffer(name: "spikes", values: [7])
        try Interpreter().execute(kernel(.range(0, 4), scalar: [.clear(spikes)], [
            .when(.binary(.greater, .load(ArrayReference(v)), .constant(1)), [.emit(spikes)]),
        ]))
        XCTAssertEqual(spikes.array, [1, 3])
        // Reset only the neurons that spiked, within 2..<4.
        try Interpreter().execute(kernel(.events(spikes, 2, 4), [.store(ArrayReference(v), .constant(0))]))
        XCTAssertEqual(v.array, [0.5, 1.5, 0.2, 0])
    }

    func testPythonDivisionAndModulo() throws {
        let out = try DoubleBuffer(name: "out", count: 0, value: 0)
        let x = try DoubleBuffer(name: "x", values: [-7, 7])
        try Interpreter().execute(kernel(.range(0, 2), [
            .append(.binary(.floorDivide, .load(ArrayReference(x)), .constant(2)), out),
            .append(.binary(.modulo, .load(ArrayReference(x)), .constant(3)), out),
            .append(.call(.builtin("int"), [.binary(.divide, .load(ArrayReference(x)), .constant(2))]), out),
        ]))
        // Columns are appended operation by operation: floor division, modulo, int().
        XCTAssertEqual(out.array, [-4, 3, 2, 1, -3, 3])
    }

    func testRandomDrawsDoNotDependOnIterationOrder() throws {
        let forward = try DoubleBuffer(name: "a", count: 3, value: 0)
        let subset = try DoubleBuffer(name: "b", count: 3, value: 0)
        let order = try IndexBuffer(name: "order", values: [2, 0])
        try Interpreter(seed: 5).execute(kernel(.range(0, 3), [.store(ArrayReference(forward), .random(.uniform, site: 0))]))
        try Interpreter(seed: 5).execute(kernel(.indices(order), [.store(ArrayReference(subset), .random(.uniform, site: 0))]))
        XCTAssertEqual(subset[2], forward[2])
        XCTAssertEqual(subset[0], forward[0])
        XCTAssertEqual(subset[1], 0)
    }
}
