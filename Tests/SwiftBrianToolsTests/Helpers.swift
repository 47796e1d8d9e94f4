import Foundation
import SwiftBrian
import SwiftBrianTools
import XCTest

/// Files the tests write, kept after the run in one folder so that a person can look at them.
enum TestOutput {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-tools-tests")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    static func url(_ name: String) -> URL {
        directory.appendingPathComponent(name)
    }
}

/// A program run through `/usr/bin/env`.
enum Command {
    /// Runs `arguments` (the program first) in `directory` (default: the current one), returning
    /// its exit status and what it printed on standard output and error.
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Python with NumPy, when this machine has it.
enum Python {
    /// Runs `script` with `python3`, returning its exit status and what it printed.
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        try Command.run(["python3", "-c", script] + arguments)
    }

    /// Skips the test unless `python3 -c "import numpy"` works.
    static func requireNumPy() throws {
        let result = try? run("import numpy")
        guard let result, result.status == 0 else {
            throw XCTSkip("python3 with numpy is not available, so .npz files are not read back by NumPy")
        }
    }
}

/// Random spikes, as many as a long run records, for plots of crowded rasters.
enum RandomSpikes {
    /// The raster of CUBA run for 60 s: 1.3 million spikes of 4000 neurons (made once).
    static let longRun = Result { try raster(count: 1_300_000, neurons: 4000, seconds: 60) }

    /// A raster of `count` spikes of `neurons` neurons at random times within `seconds`.
    static func raster(count: Int, neurons: Int, seconds: Double) throws -> Plot {
        var generator = SystemRandomNumberGenerator()
        let times = (0..<count).map { _ in Double.random(in: 0..<seconds, using: &generator) }.sorted()
        let indices = (0..<count).map { _ in Int.random(in: 0..<neurons, using: &generator) }
        return try Plot.raster(indices: indices, times: QuantityArray(values: times, dimension: .time),
                               neurons: neurons, duration: Quantity(value: seconds, dimension: .time))
    }
}
