@testable import swiftbrian
import SwiftBrian
import XCTest

/// The progress bar of `swiftbrian run`: asked for often, drawn from the first second on, its
/// line ended when a run stops early.
final class ProgressBarTests: XCTestCase {
    func testTheBarIsRedrawnAtLeastTwiceASecond() throws {
        XCTAssertLessThanOrEqual(ProgressBar.period.value, 0.5)
        var written: [String] = []
        let bar = ProgressBar { written.append($0) }
        guard case .custom(let period, let draw) = bar.report else { return XCTFail("a custom report") }
        XCTAssertEqual(period, ProgressBar.period)
        draw(0, 0)
        draw(0.1, 0.5)
        XCTAssertEqual(written, [], "nothing during the first second")
        draw(0.2, 1)
        draw(0.25, 1.25)
        XCTAssertEqual(written.count, 2, "every report draws")
        XCTAssertTrue(written[1].hasPrefix("\r[#######-----------------------]  25%  1.2 s elapsed"), written[1])
        bar.endLine()
        XCTAssertEqual(written.last, "\n", "a run stopped early ends the line")
        bar.endLine()
        XCTAssertEqual(written.count, 3, "once")
        draw(1, 2)
        XCTAssertEqual(written.last, "\n", "the end of a run ends the line")
    }
}
