import SwiftBrianKernel
import XCTest

/// A buffer's version moves with every counter it follows (``ChangeCounter``), and stays what it
/// is when it stops following one.
final class ChangeCounterTests: XCTestCase {
    func testAFollowedCounterChangesTheVersionUntilUnfollowed() throws {
        let buffer = try DoubleBuffer(name: "x", count: 2, value: 0)
        let counter = ChangeCounter()
        buffer.follow(counter)
        buffer.follow(counter)
        let start = buffer.version
        counter.increment()
        XCTAssertEqual(buffer.version, start &+ 1)
        buffer.noteChange()
        XCTAssertEqual(buffer.version, start &+ 2)
        buffer.unfollow(counter)
        XCTAssertEqual(buffer.version, start &+ 2)
        counter.increment()
        XCTAssertEqual(buffer.version, start &+ 2)
        buffer.noteChange()
        XCTAssertEqual(buffer.version, start &+ 3)
    }
}
