import Foundation
import SwiftBrian
import SwiftBrianCUDA
import SwiftBrianNative
import XCTest

/// What one run of a model produced, by key: spike lists, monitor traces, final states and any
/// other values a test looks at, in the order they were recorded. Two results are compared bit
/// for bit (``assertIdentical(_:_:)``); a reference case compares one against Brian's values
/// (``ReferenceCase/compare(_:file:line:)``).
struct CaseResult {
    /// One recorded result.
    enum Entry {
        /// Events: the index and time of each, in the monitor's order.
        case spikes(i: [Int], t: [Double])
        /// A StateMonitor's samples: the times, the recorded indices and one row per index.
        case trace(t: [Double], record: [Int], values: [[Double]])
        /// A variable's values at the end of the run.
        case final([Double])
        /// Values compared between backends only (a test checks them itself).
        case values([Double])
        /// A StateMonitor's samples (one row per recorded index), compared between backends only.
        case samples(t: [Double], values: [[Double]])

        /// Every number of the entry, for the bitwise comparison.
        var numbers: [Double] {
            switch self {
            case .spikes(let i, let t): return i.map(Double.init) + t
            case .trace(let t, let record, let values): return t + record.map(Double.init) + values.flatMap { $0 }
            case .final(let values), .values(let values): return values
            case .samples(let t, let values): return t + values.flatMap { $0 }
            }
        }
    }

    private(set) var entries: [(key: String, entry: Entry)] = []

    /// Records the events of `monitor` under `key` (`"G"`, `"G.custom"`).
    mutating func spikes(_ key: String, _ monitor: EventMonitor) {
        entries.append((key, .spikes(i: monitor.i, t: monitor.t.values)))
    }

    /// Records the samples of `variable` in `monitor` under `key` (`"G.v"`, `"fast.v@end"`).
    mutating func trace(_ key: String, _ monitor: StateMonitor, _ variable: String) throws {
        let rows = try monitor.record.map { try monitor.values(variable, index: $0).values }
        entries.append((key, .trace(t: monitor.t.values, record: monitor.record, values: rows)))
    }

    /// Records the values of a variable at the end of the run under `key` (`"G.v"`).
    mutating func final(_ key: String, _ values: QuantityArray) {
        entries.append((key, .final(values.values)))
    }

    /// Records the samples of `variable` in `monitor` under `key`, to be compared between backends
    /// only.
    mutating func samples(_ key: String, _ monitor: StateMonitor, _ variable: String) throws {
        entries.append((key, .samples(t: monitor.t.values, values: try monitor.values(variable).map(\.values))))
    }

    /// Records `values` under `key`, to be compared between backends only.
    mutating func values(_ key: String, _ values: [Double]) {
        entries.append((key, .values(values)))
    }

    /// The entry recorded under `key`.
    subscript(key: String) -> Entry? {
        entries.first { $0.key == key }?.entry
    }

    /// The numbers recorded under `key` with ``values(_:_:)`` or ``final(_:_:)`` (empty if none).
    func numbers(_ key: String) -> [Double] {
        self[key]?.numbers ?? []
    }
}

/// The same bits, or both NaN (a NaN's payload depends on operand order, which neither backend
/// promises).
func identical(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

/// Fails unless `native` and `interpreted` hold the same keys, in the same order, with identical
/// numbers; reports the first difference of each key and returns the keys that differ.
@discardableResult
func assertIdentical(_ native: CaseResult, _ interpreted: CaseResult, _ what: String = "",
                     file: StaticString = #filePath, line: UInt = #line) -> [String] {
    XCTAssertEqual(native.entries.map(\.key), interpreted.entries.map(\.key), "\(what): recorded keys",
                   file: file, line: line)
    var differing: [String] = []
    for (a, b) in zip(native.entries, interpreted.entries) where a.key == b.key {
        let x = a.entry.numbers, y = b.entry.numbers
        guard x.count == y.count else {
            XCTFail("\(what) \(a.key): \(x.count) numbers natively, \(y.count) interpreted", file: file, line: line)
            differing.append(a.key)
            continue
        }
        if let n = x.indices.first(where: { !identical(x[$0], y[$0]) }) {
            let count = x.indices.filter { !identical(x[$0], y[$0]) }.count
            XCTFail("\(what) \(a.key)[\(n)]: \(x[n]) natively, \(y[n]) interpreted (\(count) of \(x.count) differ)",
                    file: file, line: line)
            differing.append(a.key)
        }
    }
    return differing
}

/// Runs `model` on the interpreter, on the native backend on 1, 2, 3 and 4 threads (in that
/// order, each building its model afresh; every element-wise kernel split across the threads,
/// however small) and on the emulated CUDA backend (its program also compiled to PTX where NVRTC
/// is found; its copies of the state checked against the host's at every chunk end), requires bit-identical results, and returns the native one on one thread;
/// `mismatches` is given the keys that differ, if any.
@discardableResult
func onBothBackends(_ what: String = "", file: StaticString = #filePath, line: UInt = #line,
                    mismatches: ([String]) -> Void = { _ in },
                    _ model: (BackendKind) throws -> CaseResult) throws -> CaseResult {
    let interpreted = try model(.interpreter)
    var results: [CaseResult] = []
    var differing: [String] = []
    for threads in 1...4 {
        let native = try onThreads(threads) { try model(.native) }
        differing += assertIdentical(native, interpreted, "\(what) (\(threads) threads)", file: file, line: line)
        results.append(native)
    }
    CUDABackend.emulationChecksPTX = true
    CUDABackend.checksCopies = true
    differing += assertIdentical(try model(.cudaEmulated), interpreted, "\(what) (emulated CUDA)", file: file, line: line)
    if !differing.isEmpty { mismatches(Array(Set(differing)).sorted()) }
    return results[0]
}

/// The result of `body` with networks running on `threads` threads by default
/// (`SWIFTBRIAN_THREADS`), every element-wise kernel split across them however small its group.
func onThreads<Result>(_ threads: Int, _ body: () throws -> Result) throws -> Result {
    let saved = getenv("SWIFTBRIAN_THREADS").map { String(cString: $0) }
    let minimum = NativeBackend.defaultMinimumParallelElements
    setenv("SWIFTBRIAN_THREADS", "\(threads)", 1)
    NativeBackend.defaultMinimumParallelElements = 1
    defer {
        if let saved { setenv("SWIFTBRIAN_THREADS", saved, 1) } else { unsetenv("SWIFTBRIAN_THREADS") }
        NativeBackend.defaultMinimumParallelElements = minimum
    }
    return try body()
}

extension ReferenceCase {
    /// Runs `model` on both backends (see ``onBothBackends(_:file:line:_:)``) and compares the
    /// result against Brian's; returns it for the checks a test does itself.
    @discardableResult
    func check(file: StaticString = #filePath, line: UInt = #line,
               _ model: (BackendKind) throws -> CaseResult) throws -> CaseResult {
        let result = try onBothBackends(name, file: file, line: line, model)
        try compare(result, file: file, line: line)
        return result
    }

    /// Compares every spike list, trace and final state of `result` against Brian's.
    func compare(_ result: CaseResult, file: StaticString = #filePath, line: UInt = #line) throws {
        for (key, entry) in result.entries {
            switch entry {
            case .spikes(let i, let t):
                try compareSpikes(key, i: i, t: QuantityArray(values: t, dimension: .time), file: file, line: line)
            case .trace(let t, let record, let values):
                try compareTrace(key, t: t, record: record, values: values, file: file, line: line)
            case .final(let values):
                try compareFinal(key, QuantityArray(values: values), file: file, line: line)
            case .values, .samples:
                break
            }
        }
    }
}
