import Foundation
import SwiftBrian
import XCTest

/// A Brian 2.9 reference case from Tests/Fixtures/reference (or another folder of Tests/Fixtures
/// with that schema, such as compartments), with the comparisons its tolerance section defines.
struct ReferenceCase {
    let name: String
    let json: [String: Any]

    init(_ name: String, folder: String = "reference") throws {
        self.name = name
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(folder)/\(name).json")
        json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    var dt: Double { json["dt"] as? Double ?? 1e-4 }
    var duration: Quantity { (json["duration"] as? Double ?? 0) * second }
    private var tolerance: [String: Any] { json["tolerance"] as? [String: Any] ?? [:] }

    /// rtol and atol for `key` (per_key overrides).
    func tolerance(for key: String) -> (rtol: Double, atol: Double) {
        if let perKey = (tolerance["per_key"] as? [String: Any])?[key] as? [String: Double] {
            return (perKey["rtol"] ?? 0, perKey["atol"] ?? 0)
        }
        return (tolerance["rtol"] as? Double ?? 0, tolerance["atol"] as? Double ?? 0)
    }

    /// Events of `key` (`"G"`, `"G.custom"`): the same count per index, each within
    /// `spike_time_steps` of the reference step, matched in order.
    func compareSpikes(_ key: String, i: [Int], t: QuantityArray, file: StaticString = #filePath, line: UInt = #line) throws {
        let spikes = try XCTUnwrap((json["spikes"] as? [String: Any])?[key] as? [String: Any], "no spikes \(key)")
        let referenceI = try XCTUnwrap(spikes["i"] as? [Int])
        let referenceT = try XCTUnwrap(spikes["t"] as? [Double])
        let slack = tolerance["spike_time_steps"] as? Int ?? 0
        func trains(_ i: [Int], _ t: [Double]) -> [Int: [Int]] {
            var trains: [Int: [Int]] = [:]
            for (index, time) in zip(i, t) { trains[index, default: []].append(Int((time / dt).rounded())) }
            return trains
        }
        let expected = trains(referenceI, referenceT), actual = trains(i, t.values)
        XCTAssertEqual(i.count, referenceI.count, "\(name) \(key): number of events", file: file, line: line)
        for index in Set(expected.keys).union(actual.keys).sorted() {
            let e = expected[index] ?? [], a = actual[index] ?? []
            XCTAssertEqual(a.count, e.count, "\(name) \(key)[\(index)]: events \(a) vs Brian's \(e)", file: file, line: line)
            for (x, y) in zip(a, e) where abs(x - y) > slack {
                XCTFail("\(name) \(key)[\(index)]: event at step \(x), Brian's at \(y)", file: file, line: line)
                break
            }
        }
    }

    /// A StateMonitor's trace against `traces[key]`: the same sample steps, values within tolerance.
    func compareTrace(_ key: String, monitor: StateMonitor, variable: String, file: StaticString = #filePath,
                      line: UInt = #line) throws {
        let values = try monitor.record.map { try monitor.values(variable, index: $0).values }
        try compareTrace(key, t: monitor.t.values, record: monitor.record, values: values, file: file, line: line)
    }

    /// Samples at times `t` of the indices `record` (one row of `values` per index) against
    /// `traces[key]`: the same sample steps, values within tolerance.
    func compareTrace(_ key: String, t: [Double], record: [Int], values: [[Double]], file: StaticString = #filePath,
                      line: UInt = #line) throws {
        let trace = try XCTUnwrap((json["traces"] as? [String: Any])?[key] as? [String: Any], "no trace \(key)")
        let times = try XCTUnwrap(trace["t"] as? [Double])
        let expectedRecord = try XCTUnwrap(trace["record"] as? [Int])
        let expected = try XCTUnwrap(trace["values"] as? [[Double]])
        // Sample times within 1e-3 steps (a monitor's own dt may put samples on half steps,
        // where rounding to whole steps would depend on the last bit of the JSON's number).
        XCTAssertTrue(t.count == times.count && zip(t, times).allSatisfy { abs($0 - $1) <= 1e-3 * dt },
                      "\(name) \(key): sample times", file: file, line: line)
        XCTAssertEqual(record, expectedRecord, "\(name) \(key): recorded indices", file: file, line: line)
        let (rtol, atol) = tolerance(for: key.components(separatedBy: "@")[0])
        for (k, index) in record.enumerated() where k < values.count && k < expected.count {
            assertClose(values[k], expected[k], rtol: rtol, atol: atol, "\(name) \(key)[\(index)]", file: file, line: line)
        }
    }

    /// Values against `final_state[key]`.
    func compareFinal(_ key: String, _ actual: QuantityArray, file: StaticString = #filePath, line: UInt = #line) throws {
        let expected = try XCTUnwrap((json["final_state"] as? [String: Any])?[key] as? [Double], "no final state \(key)")
        let (rtol, atol) = tolerance(for: key)
        assertClose(actual.values, expected, rtol: rtol, atol: atol, "\(name) final \(key)", file: file, line: line)
    }

    /// The statistic `key`: its expected value and tolerance.
    func statistic(_ key: String) throws -> (expected: Double, tolerance: Double) {
        let entry = try XCTUnwrap((json["statistics"] as? [String: Any])?[key] as? [String: Any], "no statistic \(key)")
        return (try XCTUnwrap(entry["expected"] as? Double), try XCTUnwrap(entry["tolerance"] as? Double))
    }
}

/// `numpy.isclose` element-wise, with the first few failures reported.
func assertClose(_ actual: [Double], _ expected: [Double], rtol: Double = 1e-12, atol: Double = 1e-15, _ what: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(what): number of values", file: file, line: line)
    var failures = 0
    for (n, (a, e)) in zip(actual, expected).enumerated() where !(abs(a - e) <= atol + rtol * abs(e)) {
        failures += 1
        if failures <= 3 { XCTFail("\(what)[\(n)]: \(a) vs Brian's \(e)", file: file, line: line) }
    }
    if failures > 3 { XCTFail("\(what): \(failures) values differ in all", file: file, line: line) }
}

/// NumPy's `linspace(start, stop, count)`, value for value: `k*step + start`, the last one `stop`.
func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
    let step = (stop - start) / Double(count - 1)
    return (0..<count).map { $0 == count - 1 ? stop : Double($0) * step + start }
}

extension ReferenceCase {
    /// The (i, j) pairs of `connectivity[key]`, sorted (a multiset: duplicates stay).
    func connectivity(_ key: String) throws -> [[Int]] {
        let entry = try XCTUnwrap((json["connectivity"] as? [String: Any])?[key] as? [String: Any], "no connectivity \(key)")
        let i = try XCTUnwrap(entry["i"] as? [Int]), j = try XCTUnwrap(entry["j"] as? [Int])
        return zip(i, j).map { [$0, $1] }.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
