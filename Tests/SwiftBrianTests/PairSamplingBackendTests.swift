import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianNative
import XCTest

/// Synapse creation with geometric skipping (``PairSpace`` with a probability) makes the same
/// synapses on the interpreter and in generated C, whatever the shape of the rows.
final class PairSamplingBackendTests: XCTestCase {
    /// A creation kernel over `space` keeping the candidates for which `keep` holds; returns the
    /// synapses it makes on `backend`.
    private func created(_ space: PairSpace, keep: KernelExpression?, skipInvalid: Bool = false, targetSize: Int,
                         on backend: (Kernel) throws -> Void) throws -> [[Int32]] {
        let pre = try IndexBuffer(name: "pre", count: 0, value: 0), post = try IndexBuffer(name: "post", count: 0, value: 0)
        let sink = SynapseSink(pre: pre, post: post, sourceStart: 3, targetStart: 7, targetSize: targetSize,
                               skipInvalid: skipInvalid)
        let create = KernelOperation.connect(sink, count: .constant(1))
        let kernel = Kernel(name: "sampling_test", iteration: .pairs(space),
                            vector: [keep.map { .when($0, [create]) } ?? create],
                            random: RandomKey(stream: RandomKey.stream(named: "sampling_test"),
                                              step: try DoubleBuffer(name: "step", count: 1, value: 0)))
        try backend(kernel)
        return [pre.array, post.array]
    }

    private func assertSameOnBothBackends(_ space: PairSpace, keep: KernelExpression? = nil, skipInvalid: Bool = false,
                                          targetSize: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        guard NativeBackend.compilerAvailable else { throw XCTSkip("no C compiler") }
        let interpreted = try created(space, keep: keep, skipInvalid: skipInvalid, targetSize: targetSize) {
            try Interpreter(seed: 11).execute($0)
        }
        let native = NativeBackend()
        native.seed = 11
        let compiled = try created(space, keep: keep, skipInvalid: skipInvalid, targetSize: targetSize) {
            try native.run($0)
        }
        XCTAssertFalse(interpreted[0].isEmpty, "no synapses made", file: file, line: line)
        XCTAssertEqual(interpreted, compiled, file: file, line: line)
    }

    func testConstantProbability() throws {
        let space = PairSpace(rows: 0..<300, columnStart: .constant(0), columnStop: .constant(400),
                              probability: .constant(0.03), skipSite: 0)
        try assertSameOnBothBackends(space, targetSize: 400)
    }

    /// A probability of `i` (above 1 for the last rows), a negative step, a condition with a draw
    /// of its own and a per-candidate probability of `j`.
    func testProbabilityOfIWithConditionAndDraws() throws {
        let space = PairSpace(rows: 0..<200, columnStart: .binary(.add, .row, .constant(50)),
                              columnStop: .constant(-1), columnStep: -3,
                              probability: .binary(.divide, .row, .constant(150)), skipSite: 2)
        let condition = KernelExpression.binary(.less, .random(.uniform, site: 0),
                                                .binary(.divide, .column, .constant(250)))
        let even = KernelExpression.binary(.equal, .binary(.modulo, .column, .constant(2)), .constant(0))
        try assertSameOnBothBackends(space, keep: .binary(.and, condition, even), targetSize: 250)
    }

    /// Candidates outside the target group are skipped; the loop goes on after them.
    func testSkippedInvalidCandidates() throws {
        let space = PairSpace(rows: 0..<100, columnStart: .binary(.subtract, .row, .constant(20)),
                              columnStop: .binary(.add, .row, .constant(20)), probability: .constant(0.4), skipSite: 0)
        try assertSameOnBothBackends(space, skipInvalid: true, targetSize: 100)
    }
}
