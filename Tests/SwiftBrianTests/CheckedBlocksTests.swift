import SwiftBrianKernel
import SwiftBrianLanguage
@testable import SwiftBrianNative
import XCTest

/// Which range loops with guarded stores run in checked blocks (see `CEmitter.checkedBlocks`):
/// those whose values are cheap and whose buffers stay in the first-level cache; the results are
/// the same either way (`NonFiniteValueTests`).
final class CheckedBlocksTests: XCTestCase {
    /// The C of `x = x * factor` (or of `x = ((x * factor + 1) * factor + 1) * factor` when
    /// `expensive`, of `x = twice(x) * factor` with a user's function) over `count` elements, its
    /// store guarded by the value being finite.
    private func source(count: Int, expensive: Bool = false, userFunction: Bool = false) throws -> String {
        let x = try DoubleBuffer(name: "x", count: count, value: 1)
        let element = ArrayReference(x, .element)
        let twice = Function("twice", arguments: [.dimensionless], result: .dimensionless, implementation: { 2 * $0[0] },
                             c: CImplementation(code: "double twice(double x) { return 2 * x; }"))
        let operand = userFunction ? KernelExpression.call(.user(twice), [.load(element)]) : .load(element)
        var value = KernelExpression.binary(.multiply, operand, .constant(1.5))
        if expensive {
            value = .binary(.multiply, .binary(.add, value, .constant(1)), .constant(1.5))
            value = .binary(.multiply, .binary(.add, value, .constant(1)), .constant(1.5))
        }
        let kernel = Kernel(name: "blocks_test", iteration: .range(0, count), vector: [
            .define(0, value),
            .when(.call(.builtin(KernelFunctionNames.finite), [.temporary(0)]), [.store(element, .temporary(0))]),
        ], random: RandomKey(stream: RandomKey.stream(named: "blocks_test"),
                             step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        return try CEmitter.emit(kernel, name: "blocks_test").0
    }

    func testACheapLoopOverAFewThousandElementsRunsInBlocks() throws {
        let code = try source(count: 4000)
        XCTAssertTrue(code.contains("_nonfinite |= sb_nonfinite_bits(_t0);"), code)
        XCTAssertTrue(code.contains("for (_idx = _base; _idx < 4000; _idx++) {"), code)
    }

    /// Loops over more elements, costlier ones and ones calling a user's function (which runs once
    /// an element) do not.
    func testLargerOrCostlierLoopsDoNot() throws {
        for code in [try source(count: 40000), try source(count: 4000, expensive: true),
                     try source(count: 4000, userFunction: true)] {
            XCTAssertFalse(code.contains("_nonfinite |="), code)
            XCTAssertTrue(code.contains("_firstbad = sb_min_index("), code)
        }
    }
}
