import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// `.npz` files read back by NumPy (`numpy.load`, no pickles): every value bit for bit, every
/// unit string. Skipped where python3 with numpy is missing.
final class NPZRoundTripTests: XCTestCase {
    /// Loads `url` in NumPy and returns, per array: dtype, shape, and values (floats as their
    /// 64-bit patterns, so that the comparison is exact); also checks every CRC.
    private func load(_ url: URL) throws -> [String: [String: Any]] {
        let script = """
            import json, struct, sys, zipfile, numpy
            assert zipfile.ZipFile(sys.argv[1]).testzip() is None
            out = {}
            with numpy.load(sys.argv[1], allow_pickle=False) as d:
                for name in d.files:
                    a = d[name]
                    flat = a.reshape(-1).tolist()
                    if a.dtype.kind == 'f':
                        flat = [struct.unpack('<Q', struct.pack('<d', x))[0] for x in flat]
                    out[name] = {'dtype': a.dtype.str, 'shape': list(a.shape), 'values': flat}
            print(json.dumps(out))
            """
        let result = try Python.run(script, arguments: [url.path])
        XCTAssertEqual(result.status, 0, result.output)
        let line = result.output.split(separator: "\n").last.map(String.init) ?? ""
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [String: Any]])
    }

    private func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    private func floatBits(_ entry: [String: Any]?) -> [UInt64] {
        (entry?["values"] as? [NSNumber])?.map(\.uint64Value) ?? []
    }

    func testArraysOfEveryKindReadBackExactly() throws {
        try Python.requireNumPy()
        let reals = [1.0 / 3, -0.0, 1e-300, Double.leastNonzeroMagnitude, -1.7976931348623157e308, .infinity, 0.1]
        var archive = NPZArchive()
        try archive.add("reals", NumPyArray(reals))
        try archive.add("matrix", NumPyArray(rows: [[1, 2, 3], [4, 5, 6.5]]))
        try archive.add("big", NumPyArray([Int64.min, -1, 0, Int64.max]))
        try archive.add("small", NumPyArray([Int32.min, 0, Int32.max]))
        try archive.add("names", NumPyArray(strings: ["v", "µV", "I_syn"]))
        try archive.add("empty", NumPyArray([Double]()))
        try archive.add(ExportedArray("v", QuantityArray(values: [-0.065], dimension: .voltage)))
        let url = TestOutput.url("kinds.npz")
        try archive.write(to: url)

        let loaded = try load(url)
        XCTAssertEqual(loaded["reals"]?["dtype"] as? String, "<f8")
        XCTAssertEqual(floatBits(loaded["reals"]), bits(reals))
        XCTAssertEqual(loaded["matrix"]?["shape"] as? [Int], [2, 3])
        XCTAssertEqual(floatBits(loaded["matrix"]), bits([1, 2, 3, 4, 5, 6.5]))
        XCTAssertEqual(loaded["big"]?["dtype"] as? String, "<i8")
        XCTAssertEqual((loaded["big"]?["values"] as? [NSNumber])?.map(\.int64Value), [Int64.min, -1, 0, Int64.max])
        XCTAssertEqual(loaded["small"]?["dtype"] as? String, "<i4")
        XCTAssertEqual(loaded["small"]?["values"] as? [Int], [Int(Int32.min), 0, Int(Int32.max)])
        XCTAssertEqual(loaded["names"]?["dtype"] as? String, "<U5")
        XCTAssertEqual(loaded["names"]?["values"] as? [String], ["v", "µV", "I_syn"])
        XCTAssertEqual(loaded["empty"]?["shape"] as? [Int], [0])
        XCTAssertEqual(loaded["v_unit"]?["values"] as? [String], ["volt"])
        XCTAssertEqual(loaded["v_unit"]?["shape"] as? [Int], [])
    }

    func testMonitorsExportTheirRecordingsWithUnits() throws {
        try Python.requireNumPy()
        let example = try ExampleNetwork.shared.get()

        let spikesURL = TestOutput.url("spikes.npz")
        try example.spikes.writeNPZ(to: spikesURL)
        let spikes = try load(spikesURL)
        XCTAssertGreaterThan(example.spikes.numEvents, 100)
        XCTAssertEqual(spikes["i"]?["dtype"] as? String, "<i4")
        XCTAssertEqual(spikes["i"]?["values"] as? [Int], example.spikes.i)
        XCTAssertEqual(floatBits(spikes["t"]), bits(example.spikes.t.values))
        XCTAssertEqual(spikes["t_unit"]?["values"] as? [String], ["second"])
        XCTAssertEqual(spikes["i_unit"]?["values"] as? [String], ["1"])
        XCTAssertEqual(spikes["count"]?["values"] as? [Int], example.spikes.count)

        let stateURL = TestOutput.url("voltage.npz")
        try example.voltage.writeNPZ(to: stateURL)
        let state = try load(stateURL)
        let samples = example.voltage.t.count
        XCTAssertEqual(state["v"]?["shape"] as? [Int], [3, samples], "records × samples")
        XCTAssertEqual(floatBits(state["v"]), bits(try example.voltage.values("v").flatMap(\.values)))
        XCTAssertEqual(state["v_unit"]?["values"] as? [String], ["volt"])
        XCTAssertEqual(state["record"]?["values"] as? [Int], [0, 1, 2])
        XCTAssertEqual(floatBits(state["t"]), bits(example.voltage.t.values))

        let rateURL = TestOutput.url("rate.npz")
        let smoothing = RateSmoothing(window: .flat, width: 5 * ms)
        try example.rate.writeNPZ(to: rateURL, smoothing: smoothing)
        let rate = try load(rateURL)
        XCTAssertEqual(floatBits(rate["rate"]), bits(example.rate.rate.values))
        XCTAssertEqual(floatBits(rate["smooth_rate"]), bits(try example.rate.smoothRate(window: .flat, width: 5 * ms).values))
        XCTAssertEqual(rate["smooth_rate_unit"]?["values"] as? [String], ["hertz"])
    }
}
