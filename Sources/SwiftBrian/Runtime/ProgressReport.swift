import Foundation

/// How a run reports its progress.
public enum ProgressReport {
    /// Brian's `report='text'`: lines on standard error with the time simulated, the percentage,
    /// the time elapsed and an estimate of the time remaining.
    case text
    /// A closure called with the fraction done (0...1) and the wall-clock seconds elapsed.
    case custom((_ fraction: Double, _ elapsed: Double) -> Void)
}

/// Keeps the time and calls the report at the start, every period and at the end.
struct ProgressTracker {
    let report: ProgressReport
    let start: Double
    let duration: Double
    let period: Double
    private let began = Date()
    private var lastReport = Date()

    init(_ report: ProgressReport, start: Double, duration: Double, period: Double) {
        self.report = report
        self.start = start
        self.duration = duration
        self.period = period
    }

    func begin() {
        switch report {
        case .text:
            write("Starting simulation at t=\(format(start)) s for a duration of \(format(duration)) s")
        case .custom(let body):
            body(0, 0)
        }
    }

    mutating func update(simulated: Double) {
        let now = Date()
        guard now.timeIntervalSince(lastReport) >= period else { return }
        lastReport = now
        say(simulated: simulated, final: false)
    }

    func finish(simulated: Double) {
        say(simulated: simulated, final: true)
    }

    private func say(simulated: Double, final: Bool) {
        let elapsed = Date().timeIntervalSince(began)
        let fraction = duration > 0 ? min(simulated / duration, 1) : 1
        switch report {
        case .text:
            var line = "\(format(simulated)) s (\(Int((fraction * 100).rounded()))%) simulated in \(seconds(elapsed))"
            if !final, fraction > 0 {
                line += ", estimated \(seconds(elapsed * (1 - fraction) / fraction)) remaining."
            }
            write(line)
        case .custom(let body):
            body(fraction, elapsed)
        }
    }

    private func format(_ value: Double) -> String {
        String(format: "%g", value)
    }

    private func seconds(_ value: Double) -> String {
        value < 60 ? "\(Int(value.rounded()))s" : "\(Int(value / 60))m \(Int(value.truncatingRemainder(dividingBy: 60)))s"
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
