import Foundation
import XCTest

/// jNeuroML, found through `SWIFTBRIAN_JNEUROML`: the path of its jar (pyNeuroML installs it as
/// `pyneuroml/lib/jNeuroML-*-jar-with-dependencies.jar`; `.ci/run` sets the variable), run with
/// `java -jar`. Tests that need it skip with a message where it is not set.
enum JNeuroML {
    /// The jar, or a skip saying how to provide it.
    static func jar() throws -> String {
        guard let path = ProcessInfo.processInfo.environment["SWIFTBRIAN_JNEUROML"], !path.isEmpty else {
            throw XCTSkip("SWIFTBRIAN_JNEUROML is not set (the path of jNeuroML's jar, from `pip install pyneuroml`), "
                          + "so the NeuroML export is not run by jNeuroML")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            XCTFail("SWIFTBRIAN_JNEUROML names '\(path)', which does not exist")
            throw XCTSkip("no jNeuroML jar at '\(path)'")
        }
        return path
    }

    /// Runs jNeuroML with `arguments` in `directory`, failing the test with its output when it
    /// fails; returns what it printed.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL, file: StaticString = #filePath,
                    line: UInt = #line) throws -> String {
        let (status, output) = try Command.run(["java", "-jar", try jar()] + arguments, in: directory)
        XCTAssertEqual(status, 0, "jNeuroML \(arguments.joined(separator: " ")) failed:\n" + output.suffix(3000),
                       file: file, line: line)
        return output
    }

    /// The rows of numbers of a file jLEMS wrote (tab-separated).
    static func table(_ url: URL) throws -> [[Double]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            line.split(whereSeparator: { $0 == "\t" || $0 == " " }).compactMap { Double($0) }
        }
    }

    /// The spike times of each neuron of `size` from a TIME_ID spike file.
    static func spikeTrains(_ url: URL, size: Int) throws -> [[Double]] {
        var trains = [[Double]](repeating: [], count: size)
        for row in try table(url) where row.count == 2 {
            let index = Int(row[1])
            if trains.indices.contains(index) { trains[index].append(row[0]) }
        }
        return trains.map { $0.sorted() }
    }
}
