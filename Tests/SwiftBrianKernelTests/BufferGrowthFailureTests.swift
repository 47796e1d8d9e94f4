import SwiftBrianKernel
import SwiftBrianLanguage
import XCTest

/// A `Buffer` that finds no memory to grow keeps what it had, drops what did not fit and records
/// the failure, which `BufferGrowth.check()` throws once in the user's terms.
final class BufferGrowthFailureTests: XCTestCase {
    override func tearDown() {
        BufferGrowth.growthsBeforeFailure = nil
        BufferGrowth.failure = nil
    }

    func testAFailedGrowthWritesNothingAndIsThrownOnce() throws {
        let buffer = DoubleBuffer(name: "M.v", values: [1, 2, 3, 4])
        XCTAssertEqual(buffer.capacity, 4)
        BufferGrowth.growthsBeforeFailure = 1
        buffer.append(5)
        XCTAssertEqual(buffer.capacity, 8, "one growth is allowed")
        buffer.append(contentsOf: [6, 7, 8])
        buffer.append(9)
        buffer.append(contentsOf: [10, 11])
        buffer.resize(20, value: 0)
        XCTAssertFalse(buffer.reserve(100))
        XCTAssertEqual(buffer.array, [1, 2, 3, 4, 5, 6, 7, 8])
        XCTAssertEqual(buffer.capacity, 8)
        XCTAssertThrowsError(try BufferGrowth.check()) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory)
            XCTAssertEqual((error as? ModelError)?.message,
                           "Out of memory during the run: 'M.v' could not grow to 16 elements (128 bytes). Record "
                           + "fewer variables or neurons, record with a larger dt, or run for a shorter time")
        }
        XCTAssertNoThrow(try BufferGrowth.check(), "a failure is thrown once")
        BufferGrowth.growthsBeforeFailure = nil
        buffer.append(9)
        XCTAssertEqual(buffer.count, 9)
    }

    func testASizeBeyondTheAddressSpaceFailsCleanly() {
        let buffer = IndexBuffer(name: "S.queue", count: 2, value: 7)
        XCTAssertFalse(buffer.reserve(Int.max / 2))
        XCTAssertEqual(buffer.array, [7, 7])
        XCTAssertEqual(BufferGrowth.failure?.name, "S.queue")
    }
}
