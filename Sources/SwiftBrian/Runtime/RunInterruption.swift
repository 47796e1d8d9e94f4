import Foundation

/// A request, from outside a run, that every run stop at the end of its current time step: what
/// Ctrl-C does in `swiftbrian run`. Any thread may make the request (a signal handler should do
/// it through a dispatch source, not directly). The run returns normally, its time set to the end
/// of the last step simulated, as after ``Network/stop()``; runs started while the request stands
/// stop before their first step, until ``reset()``.
///
///     let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
///     source.setEventHandler { RunInterruption.request() }
public enum RunInterruption {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var requested = false

    /// Asks every run to stop at the end of its current time step.
    public static func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// Whether a stop was requested (and not reset since).
    public static var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }

    /// Withdraws the request, so that later runs simulate their whole duration again.
    public static func reset() {
        lock.lock()
        requested = false
        lock.unlock()
    }
}
