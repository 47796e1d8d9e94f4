import SwiftBrian
import SwiftBrianModels
import XCTest

extension XCTestCase {
    /// Runs `example` for `duration` with `seed` on the native backend, then on the interpreter
    /// and the emulated CUDA backend, and asserts that every spike monitor and every statistic
    /// agree (statistics compared as text, so that NaN equals NaN). Returns the native result.
    @discardableResult
    func assertBackendsAgree<Example: GalleryExample>(_ example: Example, seed: UInt64, duration: Quantity,
                                                      file: StaticString = #filePath, line: UInt = #line) throws -> GalleryResult {
        let native = try example.run(seed: seed, duration: duration)
        for backend in [BackendKind.interpreter, .cudaEmulated] {
            let other = try example.run(seed: seed, backend: backend, duration: duration)
            for (mine, theirs) in zip(other.spikes, native.spikes) {
                XCTAssertEqual(mine.value.t.values, theirs.value.t.values, "\(backend): \(mine.name)", file: file, line: line)
                XCTAssertEqual(mine.value.i, theirs.value.i, "\(backend): \(mine.name)", file: file, line: line)
            }
            XCTAssertEqual("\(other.statistics)", "\(native.statistics)", "\(backend)", file: file, line: line)
        }
        return native
    }
}
