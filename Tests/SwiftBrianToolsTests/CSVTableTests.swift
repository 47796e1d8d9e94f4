import Foundation
import SwiftBrian
import SwiftBrianTools
import XCTest

/// CSV export: a header with units, exact numbers, RFC 4180 quoting.
final class CSVTableTests: XCTestCase {
    func testHeaderNamesUnitsAndRowsAreExact() throws {
        let table = try CSVTable([
            CSVTable.Column("i", integers: [0, 12]),
            CSVTable.Column("t", QuantityArray(values: [0.0001, 1e-05], dimension: .time)),
            CSVTable.Column("g, total", .reals([0.1 + 0.2, .nan]), dimension: .conductance),
        ])
        XCTAssertEqual(table.csv(), """
            i,t [second],"g, total [siemens]"
            0,0.0001,0.30000000000000004
            12,1e-05,nan

            """)
    }

    func testColumnsMustHaveOneLength() {
        XCTAssertThrowsError(try CSVTable([CSVTable.Column("a", integers: [1]), CSVTable.Column("b", integers: [])])) {
            XCTAssertTrue("\($0)".contains("'b' has 0 values and 'a' has 1"), "\($0)")
        }
    }

    func testMonitorTablesReadBack() throws {
        let example = try ExampleNetwork.shared.get()
        let url = TestOutput.url("spikes.csv")
        try example.spikes.writeCSV(to: url)
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.first, "i,t [second]")
        XCTAssertEqual(lines.count - 1, example.spikes.numEvents)
        let rows = lines.dropFirst().map { $0.split(separator: ",") }
        XCTAssertEqual(rows.map { Int($0[0]) }, example.spikes.i)
        XCTAssertEqual(rows.map { Double($0[1]) }, example.spikes.t.values)

        let state = try example.voltage.exportedTable()
        XCTAssertEqual(state.header, ["t [second]", "v[0] [volt]", "v[1] [volt]", "v[2] [volt]"])
        XCTAssertEqual(state.rowCount, example.voltage.t.count)

        let rate = try example.rate.exportedTable(smoothing: RateSmoothing(width: 1 * ms))
        XCTAssertEqual(rate.header, ["t [second]", "rate [hertz]", "smooth_rate [hertz]"])
    }
}
