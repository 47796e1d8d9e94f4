import Foundation
import SwiftBrianLanguage

/// The number of threads a network runs on (see ``Network/init(_:backend:fastMath:precision:checkFinite:threads:)``).
public enum ThreadCount {
    /// The most threads a network may ask for.
    public static let limit = 1024

    /// Makes `threads` the default of the networks this process creates from now on (it sets
    /// `SWIFTBRIAN_THREADS`), as the command line's `--threads` does; an error when it is not from
    /// 1 to ``limit``.
    public static func setDefault(_ threads: Int) throws {
        setenv("SWIFTBRIAN_THREADS", "\(try checked(threads, source: "--threads"))", 1)
    }

    /// `requested`, or else `SWIFTBRIAN_THREADS`, or else every core the process may use; an error
    /// when the number is not a whole number from 1 to ``limit``.
    static func resolve(_ requested: Int?,
                        environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        if let requested { return try checked(requested, source: "threads") }
        if let text = environment["SWIFTBRIAN_THREADS"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let value = Int(text) else {
                throw ModelError(.invalidArgument, "SWIFTBRIAN_THREADS must be a whole number of threads from 1 to "
                                 + "\(limit), but it is '\(text)'")
            }
            return try checked(value, source: "SWIFTBRIAN_THREADS")
        }
        return cores
    }

    /// The cores this process may run on: those of its CPU affinity (`taskset`) where the system
    /// says (Linux's `Cpus_allowed` mask), else every active core.
    static var cores: Int {
        let active = ProcessInfo.processInfo.activeProcessorCount
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else {
            return active
        }
        let mask = line.dropFirst("Cpus_allowed:".count).filter(\.isHexDigit)
        let count = mask.reduce(0) { $0 + (Int(String($1), radix: 16) ?? 0).nonzeroBitCount }
        return count > 0 ? min(count, active) : active
    }

    private static func checked(_ value: Int, source: String) throws -> Int {
        guard value >= 1, value <= limit else {
            throw ModelError(.invalidArgument, "\(source) must be from 1 to \(limit) (1 runs on one thread), but it is "
                             + "\(value)")
        }
        return value
    }
}
