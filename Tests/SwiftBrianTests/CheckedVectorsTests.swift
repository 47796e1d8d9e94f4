import SwiftBrianKernel
import SwiftBrianLanguage
@testable import SwiftBrianNative
import XCTest

/// Which range loops with guarded stores run a vector of elements at a time first (see
/// `CEmitter.checkedVectors`): those whose iterations are independent and whose values call no
/// `PortableMath` function; the results are the same either way (`NonFiniteValueTests`).
final class CheckedVectorsTests: XCTestCase {
    /// The C of `x = x * factor` (of `x = exp(x) * factor` with `exponential`, of
    /// `x = twice(x) * factor` with a user's function) over `count` elements, its store guarded by
    /// the value being finite.
    private func source(count: Int, exponential: Bool = false, userFunction: Bool = false, noise: Bool = false,
                        optimistic: Bool = false) throws -> String {
        let x = try DoubleBuffer(name: "x", count: count, value: 1)
        let element = ArrayReference(x, .element)
        let twice = Function("twice", arguments: [.dimensionless], result: .dimensionless, implementation: { 2 * $0[0] },
                             c: CImplementation(code: "double twice(double x) { return 2 * x; }"))
        var operand = KernelExpression.load(element)
        if userFunction { operand = .call(.user(twice), [operand]) }
        if exponential { operand = .call(.builtin("exp"), [operand]) }
        if noise { operand = .binary(.add, operand, .random(.normal, site: 0)) }
        let kernel = Kernel(name: "vectors_test", iteration: .range(0, count), vector: [
            .define(0, .binary(.multiply, operand, .constant(1.5))),
            .when(.call(.builtin(KernelFunctionNames.finite), [.temporary(0)]), [.store(element, .temporary(0))]),
        ], random: RandomKey(stream: RandomKey.stream(named: "vectors_test"),
                             step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        return try CEmitter.emit(kernel, name: "vectors_test", optimistic: optimistic).0
    }

    func testAShortUpdateRunsAVectorAtATimeAtAnySize() throws {
        for count in [4000, 40000] {
            let code = try source(count: count)
            XCTAssertTrue(code.contains("_nonfinite[_lane] = sb_nonfinite_bits(_t0);"), code)
            XCTAssertTrue(code.contains("if (sb_any_word(_nonfinite)) break;"), code)
            XCTAssertTrue(code.contains("for (_idx = _base; _idx < \(count); _idx++) {"), code)
        }
    }

    /// The optimistic form (for chunks run by blocks, see `StepBlocks`) stores every value and
    /// notes its bits; the checked form comes first, unchanged.
    func testTheOptimisticFormStoresEveryValueAndNotesItsBits() throws {
        let code = try source(count: 4000, exponential: true, optimistic: true)
        let optimistic = try XCTUnwrap(code.range(of: "int vectors_test_optimistic("))
        XCTAssertTrue(code[..<optimistic.lowerBound].contains("_firstbad = sb_min_index("), code)
        let form = code[optimistic.lowerBound...]
        XCTAssertTrue(form.contains("_seen |= sb_nonfinite_bits(_t0);\n        d1[_idx] = _t0;"), code)
        XCTAssertTrue(form.contains("if (_seen) return 2;"), code)
        XCTAssertFalse(form.contains("sb_fresh_if") || form.contains("_firstbad"), code)
        XCTAssertFalse(try source(count: 4000).contains("_optimistic"))
    }

    /// With normal draws, the optimistic form reads them from the block's array of pairs, as the
    /// guarded loop does (drawn one by one, each draw computing both values of its pair, the pairs'
    /// loop did not vectorize: Brunel–Hakim ran 2.7 s instead of 0.47 s).
    func testTheOptimisticFormReadsTheBlocksDraws() throws {
        let code = try source(count: 4000, noise: true, optimistic: true)
        let optimistic = try XCTUnwrap(code.range(of: "int vectors_test_optimistic("))
        for form in [code[..<optimistic.lowerBound], code[optimistic.lowerBound...]] {
            XCTAssertTrue(form.contains("sb_normal_pair(_normal0 + 2 * (_p - _pair0)"), code)
            XCTAssertTrue(form.contains("_normal0[_idx - 2 * _pair0]"), code)
        }
        XCTAssertFalse(code[optimistic.lowerBound...].contains("sb_normal(seed"), code)
    }

    /// Loops calling `exp` (interleaved four vectors at a time instead) and ones calling a user's
    /// function (which runs once an element) keep the guarded loop alone.
    func testLoopsOfMathFunctionsOrUserFunctionsDoNot() throws {
        for code in [try source(count: 4000, exponential: true), try source(count: 4000, userFunction: true)] {
            XCTAssertFalse(code.contains("sb_any_word"), code)
            XCTAssertTrue(code.contains("_firstbad = sb_min_index("), code)
        }
    }
}
