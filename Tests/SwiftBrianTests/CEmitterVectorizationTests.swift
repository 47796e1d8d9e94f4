import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// Range loops whose iterations touch different memory are marked for clang to vectorize without
/// proving it (it cannot past a few buffers); loops where an iteration may reach another's
/// memory are not.
final class CEmitterVectorizationTests: XCTestCase {
    private let x = DoubleBuffer(name: "x", count: 4, value: 0), y = DoubleBuffer(name: "y", count: 4, value: 0)
    private let tau = DoubleBuffer(name: "tau", count: 1, value: 1)

    private func source(_ vector: [KernelOperation]) throws -> String {
        let kernel = Kernel(name: "loop_test", iteration: .range(0, 4), vector: vector,
                            random: RandomKey(stream: RandomKey.stream(named: "loop_test"),
                                              step: DoubleBuffer(name: "step", count: 1, value: 0)))
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

    /// A loop that calls `exp` (PortableMath's polynomial) also asks for two interleaved vectors of
    /// iterations; one without such calls leaves the interleaving to clang.
    func testLoopsWithPortableMathAreInterleaved() throws {
        let interleaved = "\(pragma) interleave_count(2)"
        let load = KernelExpression.load(ArrayReference(x, .element))
        XCTAssertTrue(try source([.store(ArrayReference(y, .element), .call(.builtin("exp"), [load]))])
            .contains(interleaved))
        let plain = try source([.store(ArrayReference(y, .element), .binary(.multiply, load, load))])
        XCTAssertTrue(plain.contains(pragma))
        XCTAssertFalse(plain.contains("interleave_count"))
    }

    /// A store through an index map (a synaptic effect on its target), an element read at another
    /// position than it is written, a shared element the loop writes, and an append are not.
    func testLoopsThatMayReachOtherIterationsAreNot() throws {
        let targets = IndexBuffer(name: "post", values: [0, 0, 1, 1])
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
