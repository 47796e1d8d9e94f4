import SwiftBrian
import SwiftBrianCUDA
import SwiftBrianModels
import XCTest

extension XCTestCase {
    /// Runs `example` with `seed` for `duration` on the native backend, then on the interpreter
    /// and the emulated CUDA backend, and asserts that every backend gives the same statistics
    /// (NaN alike), spikes and recorded states, bit for bit; the emulated CUDA backend also checks
    /// at the end of every chunk of steps that its copies of the state agree with the host's
    /// (``CUDABackend/checksCopies``). Returns the native run.
    @discardableResult
    func assertIdenticalOnEveryBackend<Example: GalleryExample>(_ example: Example, seed: UInt64, duration: Quantity,
                                                                file: StaticString = #filePath,
                                                                line: UInt = #line) throws -> GalleryResult {
        let native = try example.run(seed: seed, duration: duration)
        CUDABackend.checksCopies = true
        for backend in [BackendKind.interpreter, .cudaEmulated] {
            let other = try example.run(seed: seed, backend: backend, duration: duration)
            XCTAssertEqual(other.statistics.map { "\($0)" }, native.statistics.map { "\($0)" }, "\(backend)",
                           file: file, line: line)
            for (mine, theirs) in zip(native.spikes, other.spikes) {
                XCTAssertEqual(theirs.value.t.values, mine.value.t.values, "\(backend): \(mine.name)", file: file, line: line)
                XCTAssertEqual(theirs.value.i, mine.value.i, "\(backend): \(mine.name)", file: file, line: line)
            }
            for (mine, theirs) in zip(native.states, other.states) {
                for variable in mine.value.variables {
                    XCTAssertEqual(try theirs.value.values(variable).map(\.values),
                                   try mine.value.values(variable).map(\.values),
                                   "\(backend): \(mine.name).\(variable)", file: file, line: line)
                }
            }
        }
        return native
    }
}
