import Foundation

/// How a run reports its progress.
public enum ProgressReport {
    /// Brian's `report='text'`: lines on standard error with the time simulated, the percentage,
    /// the time elapsed and an estimate of the time remaining.
    case text
    /// A closure called with the fraction done (0...1) and the wall-clock seconds elapsed, at the
    /// start, every `period` of wall-clock time (when given; else the run's `reportPeriod`) and at
    /// the end. A progress bar asks for a short period: `.custom(every: 0.25 * second) { ... }`.
    case custom(every: Quantity? = nil, _ body: (_ fraction: Double, _ elapsed: Double) -> Void)
}

extension ProgressReport {
    /// The wall-clock period of the report, when it sets its own.
    var period: Quantity? {
        if case .custom(let period, _) = self { return period }
        return nil
    }

    /// One line of the text report: "0.5 s (50%) simulated in 10s, estimated 10s remaining."
    public static func textLine(simulated: Double, fraction: Double, elapsed: Double, final: Bool) -> String {
        var line = "\(String(format: "%g", simulated)) s (\(Int((fraction * 100).rounded()))%) simulated in "
            + duration(elapsed)
        if !final, fraction > 0 {
            line += ", estimated \(duration(elapsed * (1 - fraction) / fraction)) remaining."
        }
        return line
    }

    private static func duration(_ seconds: Double) -> String {
        seconds < 60 ? "\(Int(seconds.rounded()))s"
            : "\(Int(seconds / 60))m \(Int(seconds.truncatingRemainder(dividingBy: 60).rounded()))s"
    }
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
            write("Starting simulation at t=\(String(format: "%g", start)) s for a duration of "
                  + "\(String(format: "%g", duration)) s")
        case .custom(_, let body):
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
            write(ProgressReport.textLine(simulated: simulated, fraction: fraction, elapsed: elapsed, final: final))
        case .custom(_, let body):
            body(fraction, elapsed)
        }
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
