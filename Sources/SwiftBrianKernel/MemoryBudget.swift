import Foundation
import SwiftBrianLanguage

/// The memory a model may use: sizes a user asks for (neurons, synapses) are checked against the
/// memory the machine has available before anything is allocated, so that a model too large for
/// the machine is an error that says how much it needs and how much there is, not a crash.
public enum MemoryBudget {
    /// The environment variable that caps the memory a model may use, in bytes.
    public static let environmentVariable = "SWIFTBRIAN_MEMORY"

    /// The memory available for new allocations, in bytes: Linux's `MemAvailable`
    /// (`/proc/meminfo`), or the physical memory where that cannot be read; at most the number
    /// of bytes in `SWIFTBRIAN_MEMORY` when it is set.
    public static var availableBytes: Int {
        let cap = ProcessInfo.processInfo.environment[environmentVariable].flatMap { Int($0) } ?? Int.max
        return min(systemAvailableBytes, cap)
    }

    private static var systemAvailableBytes: Int {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
           let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) {
            return kilobytes * 1024
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }

    /// The bytes `count` elements of `bytesEach` bytes take, or nil when the product overflows.
    public static func bytes(_ count: Int, each bytesEach: Int) -> Int? {
        let (product, overflow) = count.multipliedReportingOverflow(by: bytesEach)
        return overflow || count < 0 ? nil : product
    }

    /// Throws when `bytes` (nil: more than can be counted) exceed the memory available; `what`
    /// says what needs it ("4000000000 neurons of 'G' (5 values each)").
    public static func require(_ bytes: Int?, for what: String) throws {
        let available = availableBytes
        guard let bytes, bytes <= available else {
            let needed = bytes.map { "about \(describe($0))" } ?? "more memory than can be counted"
            throw ModelError(.insufficientMemory, "\(what) need \(needed), but only \(describe(available)) of "
                             + "memory is available")
        }
    }

    /// `bytes` in the largest unit that keeps a number of at least 1 (`7.5 GB`).
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "kB", "MB", "GB", "TB", "PB", "EB"]
        var value = Double(bytes), unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) bytes" : String(format: "%.3g %@", value, units[unit])
    }
}
