import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// `int()` of a truth value (a comparison, `and`, `or`, `not`, or a temporary only ever defined as
/// one) is the value itself in generated C, without `trunc`: the refractory blend
/// `int(not_refractory)*new + (1 - int(not_refractory))*old` of an exact or exponential Euler
/// update. The results are the same bits, 0 and 1 being their own truncations.
final class CEmitterTruthValuesTests: XCTestCase {
    private func kernel(scalar: [KernelOperation] = [], vector: [KernelOperation]) throws -> String {
        let kernel = Kernel(name: "truth_test", scalar: scalar, iteration: .range(0, 4), vector: vector,
                            random: RandomKey(stream: RandomKey.stream(named: "truth_test"),
                                              step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        let (source, _) = try CEmitter.emit(kernel, name: "truth_test")
        let start = try XCTUnwrap(source.range(of: "int truth_test("))
        return String(source[start.lowerBound...])
    }

    func testTheTruncationOfATruthValueIsLeftOut() throws {
        let x = try DoubleBuffer(name: "x", count: 4, value: 0), y = try DoubleBuffer(name: "y", count: 4, value: 0)
        let flag = KernelExpression.call(.builtin("int"), [.temporary(0)])
        let code = try kernel(vector: [
            .define(0, .binary(.greater, .load(ArrayReference(x)), .constant(0.5))),
            .store(ArrayReference(y), .binary(.add, .binary(.multiply, flag, .load(ArrayReference(x))),
                                              .binary(.multiply, .binary(.subtract, .constant(1), flag),
                                                      .load(ArrayReference(y))))),
            .store(ArrayReference(x), .call(.builtin("int"), [.unary(.not, .load(ArrayReference(y)))])),
        ])
        XCTAssertFalse(code.contains("trunc("), code)
    }

    /// A temporary defined as a truth value and again as another number keeps its truncation: a
    /// loop's first read may see the other definition of the previous element.
    func testATemporaryAlsoDefinedOtherwiseKeepsItsTruncation() throws {
        let x = try DoubleBuffer(name: "x", count: 4, value: 0), y = try DoubleBuffer(name: "y", count: 4, value: 0)
        let code = try kernel(scalar: [.define(0, .binary(.less, .constant(0.25), .constant(0.5)))], vector: [
            .store(ArrayReference(y), .call(.builtin("int"), [.temporary(0)])),
            .define(0, .binary(.multiply, .load(ArrayReference(x)), .constant(2.5))),
        ])
        XCTAssertTrue(code.contains("trunc(_t0)"), code)
    }
}
