import Foundation
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

/// Python with NumPy, when this machine has it.
enum Python {
    /// Runs `script` with `python3`, returning its exit status and what it printed.
    static func run(_ script: String, arguments: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Skips the test unless `python3 -c "import numpy"` works.
    static func requireNumPy() throws {
        let result = try? run("import numpy")
        guard let result, result.status == 0 else {
            throw XCTSkip("python3 with numpy is not available, so .npz files are not read back by NumPy")
        }
    }
}
