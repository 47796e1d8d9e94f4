import Foundation
import XCTest

/// `swiftbrian list` and `swiftbrian run` as a newcomer uses them.
final class RunCommandTests: XCTestCase {
    private func swiftbrian(_ arguments: [String]) throws -> SwiftBrianExecutable.Output {
        try SwiftBrianExecutable.run(arguments)
    }

    func testListShowsEveryExample() throws {
        let output = try swiftbrian(["list"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let names = output.stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        XCTAssertEqual(names.count, 26, output.stdout)
        XCTAssertTrue(names.contains("cuba"), output.stdout)
        for line in output.stdout.split(separator: "\n") { XCTAssertGreaterThan(line.count, 20, "\(line) has a description") }
    }

    func testEveryExampleRunsAndWritesItsOutputs() throws {
        let names = try swiftbrian(["list"]).stdout.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for name in names {
            let folder = root.appendingPathComponent(name)
            let output = try swiftbrian(["run", name, "--duration", "0.05", "--out", folder.path])
            XCTAssertEqual(output.status, 0, "\(name): \(output.stderr)")
            XCTAssertTrue(output.stdout.contains("Neurons"), "\(name): \(output.stdout)")
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            XCTAssertTrue(files.contains("report.html"), "\(name): \(files)")
            XCTAssertTrue(files.contains("\(name).npz"), "\(name): \(files)")
            XCTAssertTrue(files.contains { $0.hasSuffix(".svg") }, "\(name): \(files)")
            // The model description beside the report, linked from it.
            let description = (try? String(contentsOf: folder.appendingPathComponent("description.md"), encoding: .utf8)) ?? ""
            XCTAssertTrue(description.hasPrefix("# Model description: \(name)\n"), "\(name): \(description)")
            XCTAssertTrue(description.contains("\n## Simulation\n"), "\(name): \(description)")
            let report = (try? String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)) ?? ""
            XCTAssertTrue(report.contains("<a href=\"description.md\">Model description (Markdown)</a>"), name)
        }
    }

    func testParametersCanBeListedAndSet() throws {
        let listed = try swiftbrian(["run", "cuba", "--set", "N=1000", "--set", "taum=15*ms", "--parameters"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("N = 1000"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("taum = 15. ms"), listed.stdout)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-set-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try swiftbrian(["run", "cuba", "--set", "N=500", "--duration", "0.05", "--no-plot", "--out", folder.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Neurons                     500"), run.stdout)
        let wrongUnit = try swiftbrian(["run", "cuba", "--set", "taum=10*mV"])
        XCTAssertEqual(wrongUnit.status, 1)
        XCTAssertTrue(wrongUnit.stderr.contains("'taum' of 'cuba' is in second, but 10*mV is in volt"), wrongUnit.stderr)
        let unknown = try swiftbrian(["run", "cuba", "--set", "tau=1"])
        XCTAssertTrue(unknown.stderr.contains("'cuba' has no parameter 'tau' (its parameters: El, N,"), unknown.stderr)
    }

    func testMistakesAreReported() throws {
        let unknown = try swiftbrian(["run", "cubaa"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("Unknown example 'cubaa'"), unknown.stderr)
        let duration = try swiftbrian(["run", "cuba", "--duration", "-1"])
        XCTAssertNotEqual(duration.status, 0)
        XCTAssertTrue(duration.stderr.contains("--duration"), duration.stderr)
        let backend = try swiftbrian(["run", "cuba", "--backend", "gpu"])
        XCTAssertEqual(backend.status, 1)
        XCTAssertTrue(backend.stderr.contains("Unknown backend 'gpu'"), backend.stderr)
    }

    /// Without an NVIDIA driver, `--backend cuda` says so in one line and fails (skipped where
    /// the machine has a GPU).
    func testCUDAWithoutAGPUSaysSoInOneLine() throws {
        for arguments in [["run", "cuba", "--duration", "0.01", "--no-plot"], ["bench", "cuba", "--n", "100"]] {
            let result = try swiftbrian(arguments + ["--backend", "cuda"])
            if result.status == 0 { return print("Skipping: this machine runs CUDA") }
            XCTAssertEqual(result.status, 1)
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, result.stderr)
            XCTAssertTrue(result.stderr.contains("no NVIDIA GPU: "), result.stderr)
        }
    }

    func testCtrlCStopsTheRunWritesWhatWasRecordedAndExits130() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-int-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = SwiftBrianExecutable.url
        process.arguments = ["run", "cuba", "--duration", "100", "--out", folder.path]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // The progress bar shows once the run has taken a second: then it is under way.
        var errors = Data()
        while !String(decoding: errors, as: UTF8.self).contains("elapsed") {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            errors += chunk
        }
        process.interrupt()
        let printed = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        errors += stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let messages = String(decoding: errors, as: UTF8.self)
        XCTAssertEqual(process.terminationReason, .exit, messages)
        XCTAssertEqual(process.terminationStatus, 130, messages)
        XCTAssertTrue(messages.contains("Interrupted: stopping at the end of this time step"), messages)
        XCTAssertTrue(printed.contains("Status                      partial: interrupted (Ctrl-C) at"), printed)
        XCTAssertFalse(printed.contains("Simulated time              100. s"), printed)
        XCTAssertFalse(printed.contains("mean_rate"), "statistics of the whole duration are left out: \(printed)")
        XCTAssertTrue(messages.contains("the example's statistics (mean_rate, cv, synchrony) are left out"), messages)
        let report = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(report.contains("partial: interrupted (Ctrl-C)"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        XCTAssertTrue(files.contains("cuba.npz") && files.contains("raster_P.svg"), "\(files)")
    }

    func testOutOfRangeSettingsSizesAndUnwritableFoldersAreClearErrors() throws {
        for (setting, message) in [("N=-5", "'N' of 'cuba' is a count: a whole number from 0 to 2147483647, but it is -5"),
                                   ("p=2", "'p' of 'cuba' must lie in [0, 1], but it is 2"),
                                   ("taum=-5*ms", "'taum' of 'cuba' must not be negative, but it is -5*ms")] {
            let listed = try swiftbrian(["run", "cuba", "--set", setting, "--parameters"])
            XCTAssertEqual(listed.status, 1, setting)
            XCTAssertTrue(listed.stderr.contains(message), listed.stderr)
        }
        // At most 8 GB, whatever the machine has.
        setenv("SWIFTBRIAN_MEMORY", "8000000000", 1)
        let huge = try swiftbrian(["run", "cuba", "--set", "N=1000000000"])
        unsetenv("SWIFTBRIAN_MEMORY")
        XCTAssertEqual(huge.status, 1)
        XCTAssertEqual(huge.stderr, "error: 1000000000 neurons of a NeuronGroup (6 values each) need about 48 GB, but "
                       + "only 8 GB of memory is available\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-file-\(UUID().uuidString)")
        try Data().write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        for out in [file.path, file.appendingPathComponent("sub").path] {
            let run = try swiftbrian(["run", "cuba", "--out", out])
            XCTAssertEqual(run.status, 1)
            XCTAssertEqual(run.stderr, "error: Cannot write the outputs into '\(out)': '\(file.path)' is a file, not a folder\n")
            XCTAssertEqual(run.stdout, "", "nothing was simulated")
        }
    }
}
