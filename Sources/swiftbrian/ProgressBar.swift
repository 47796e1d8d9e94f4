import Foundation
import SwiftBrian

/// A one-line progress bar on standard error for runs that take more than about a second:
/// `[##########----------]  50%  1.2 s elapsed, 1.2 s left`.
final class ProgressBar {
    private var shown = false
    private var lastDraw = 0.0

    /// The report that draws the bar.
    var report: ProgressReport {
        .custom { [self] fraction, elapsed in draw(fraction: fraction, elapsed: elapsed) }
    }

    private func draw(fraction: Double, elapsed: Double) {
        guard elapsed >= 1 || shown else { return }
        guard fraction >= 1 || elapsed - lastDraw >= 0.1 else { return }
        lastDraw = elapsed
        shown = true
        let width = 30
        let filled = Int((fraction * Double(width)).rounded(.down))
        let left = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = String(format: "\r[%@] %3d%%  %.1f s elapsed, %.1f s left ", bar, Int(fraction * 100), elapsed, left)
        FileHandle.standardError.write(Data(line.utf8))
        if fraction >= 1 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
