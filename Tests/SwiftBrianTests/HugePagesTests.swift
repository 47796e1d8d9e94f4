@testable import SwiftBrianNative
import XCTest

/// ``HugePages`` advises the whole huge pages inside the spans a loop's buffers lie in.
final class HugePagesTests: XCTestCase {
    func testSpansMergeExtentsLessThanAHugePageApartAndKeepTheWholePagesInside() {
        let page = UInt(HugePages.size)
        // Three extents less than a page apart, in any order: one span, from within the second
        // huge page to within the fifth, of which the third and the fourth are whole.
        XCTAssertEqual(HugePages.spans([3 * page..<3 * page + 100, page + 10..<2 * page + 1,
                                        4 * page + 7..<4 * page + 9]),
                       [2 * page..<4 * page])
        // A page or more apart: separate spans, each too short to hold a whole page but the last.
        XCTAssertEqual(HugePages.spans([page + 10..<page + 20, 3 * page..<6 * page + 1]), [3 * page..<6 * page])
        // An empty buffer's extent (no memory) adds nothing.
        XCTAssertEqual(HugePages.spans([0..<0]), [])
    }
}
