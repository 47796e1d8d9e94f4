import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// The constants of generated C: a value used twice is one constant, so the compiler sees a
/// repeated subexpression (exponential Euler's inlined rates) as the same and computes it once.
final class CEmitterConstantsTests: XCTestCase {
    /// Equal constants (bit for bit) take one slot of the constants array; -0.0 is not 0.0, and
    /// small whole numbers are literals.
    func testEqualConstantsShareASlot() throws {
        let x = try DoubleBuffer(name: "x", count: 4, value: 0), y = try DoubleBuffer(name: "y", count: 4, value: 0)
        let value = KernelExpression.binary(.multiply, .constant(0.375), .constant(-0.0))
        let kernel = Kernel(name: "constants_test", iteration: .range(0, 4), vector: [
            .store(ArrayReference(x, .element), .binary(.add, value, .constant(0.375))),
            .store(ArrayReference(y, .element), .binary(.add, .constant(0.0), .constant(2.5))),
        ], random: RandomKey(stream: RandomKey.stream(named: "constants_test"),
                             step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        let (_, emitter) = try CEmitter.emit(kernel, name: "constants_test")
        XCTAssertEqual(emitter.constants.map(\.bitPattern), [0.375, -0.0, 2.5].map(\.bitPattern))
    }
}
