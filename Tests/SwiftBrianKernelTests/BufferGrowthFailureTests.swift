import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import XCTest

/// A `Buffer` that finds no memory to grow during a run keeps what it had, drops what did not
/// fit and records the failure for its thread, which `BufferGrowth.check()` throws once in the
/// user's terms; outside a run, a buffer that cannot be allocated or grown throws at once and is
/// unchanged. Memory is not exhausted: the test hook `BufferGrowth.growthsBeforeFailure` makes
/// growths fail, and sizes beyond the address space fail by themselves.
final class BufferGrowthFailureTests: XCTestCase {
    override func tearDown() {
        BufferGrowth.growthsBeforeFailure = nil
        BufferGrowth.failure = nil
    }

    func testAFailedGrowthDuringARunWritesNothingAndIsThrownOnce() throws {
        let buffer = try DoubleBuffer(name: "M.v", values: [1, 2, 3, 4])
        XCTAssertEqual(buffer.capacity, 4)
        BufferGrowth.growthsBeforeFailure = 1
        buffer.append(5)
        XCTAssertEqual(buffer.capacity, 8, "one growth is allowed")
        for value in 6...12 { buffer.append(Double(value)) }
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

    func testAnAllocationOutsideARunThrowsAndChangesNothing() throws {
        let buffer = try DoubleBuffer(name: "S.w", values: [1, 2, 3, 4])
        BufferGrowth.growthsBeforeFailure = 0
        for change in [{ try buffer.append(contentsOf: [5, 6]) }, { try buffer.resize(20, value: 0) },
                       { try buffer.assign(Array(repeating: 1, count: 9)) }, { try buffer.reserveCapacity(5) }] {
            XCTAssertThrowsError(try change()) { error in
                XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory)
                XCTAssertTrue((error as? ModelError)?.message.hasPrefix("Out of memory: 'S.w' needs ") ?? false, "\(error)")
            }
        }
        XCTAssertEqual(buffer.array, [1, 2, 3, 4])
        XCTAssertNil(BufferGrowth.failure, "nothing is left for a run to report")
        XCTAssertThrowsError(try IndexBuffer(name: "G.spikes", count: 0, value: 0)) { error in
            XCTAssertEqual((error as? ModelError)?.message,
                           "Out of memory: 'G.spikes' needs 4 elements (16 bytes), more than could be allocated. Make the "
                           + "model smaller (fewer neurons, synapses, recorded elements or input values) or free memory")
        }
    }

    func testSizesBeyondTheAddressSpaceFailWithoutAllocatingOrTrapping() throws {
        XCTAssertThrowsError(try DoubleBuffer(name: "G.v", count: Int.max / 2, value: 0)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory)
            XCTAssertTrue("\(error)".contains("'G.v' needs \(Int.max / 2) elements (more bytes than can be counted)"),
                          "\(error)")
        }
        XCTAssertThrowsError(try IndexBuffer(name: "G.i", count: Int.max / 8, value: 0)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory, "\(error)")
        }
        let queue = try IndexBuffer(name: "S.queue", count: 2, value: 7)
        XCTAssertFalse(queue.reserve(Int.max / 2))
        XCTAssertEqual(queue.array, [7, 7])
        XCTAssertEqual(BufferGrowth.failure?.name, "S.queue")
    }

    /// Each thread has its own record: a failure on one is thrown there, never on another.
    func testFailuresAreRecordedPerThread() throws {
        let names = (0..<8).map { "M\($0).v" }
        var thrown = [String?](repeating: nil, count: names.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: names.count) { k in
            guard let buffer = try? DoubleBuffer(name: names[k], count: 1, value: 0) else { return }
            for _ in 0..<100 { _ = buffer.reserve(Int.max / 2 + k) }
            let message: String?
            do {
                try BufferGrowth.check()
                message = nil
            } catch {
                message = (error as? ModelError)?.message
            }
            lock.lock()
            thrown[k] = message
            lock.unlock()
        }
        for (k, message) in thrown.enumerated() {
            XCTAssertTrue(message?.contains("'\(names[k])' could not grow to \(Int.max / 2 + k) elements") ?? false,
                          "\(k): \(message ?? "nothing thrown")")
        }
        XCTAssertNoThrow(try BufferGrowth.check(), "nothing was recorded on this thread")
    }
}
