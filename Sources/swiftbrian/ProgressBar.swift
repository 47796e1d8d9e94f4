import Foundation
import SwiftBrian

/// A one-line progress bar on standard error for runs that take more than about a second:
/// `[##########----------]  50%  1.2 s elapsed, 1.2 s left`, redrawn four times a second.
final class ProgressBar {
    /// How often the run reports to the bar (wall-clock time).
    static let period = 0.25 * second

    private let write: (String) -> Void
    private var shown = false
    private var lineOpen = false

    /// A bar drawn by `write` (by default to standard error).
    init(write: @escaping (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.write = write
    }

    /// The report that draws the bar.
    var report: ProgressReport {
        .custom(every: Self.period) { [self] fraction, elapsed in draw(fraction: fraction, elapsed: elapsed) }
    }

    /// Ends the bar's line when a run stopped before its end left it open.
    func endLine() {
        if lineOpen { write("\n") }
        lineOpen = false
    }

    private func draw(fraction: Double, elapsed: Double) {
        guard elapsed >= 1 || shown else { return }
        shown = true
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        write(String(format: "\r[%@] %3d%%  %.1f s elapsed, %.1f s left ", bar, Int(fraction * 100), elapsed, left))
        lineOpen = true
        if fraction >= 1 { endLine() }
    }
}
