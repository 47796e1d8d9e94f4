import ArgumentParser
import Foundation
import SwiftBrian
import SwiftBrianModels
import SwiftBrianTools

/// `swiftbrian run`: simulates a gallery example, prints a summary and writes plots, data and a
/// report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an example of the gallery (default: cuba) and write its plots, data and report.",
        discussion: """
            Simulates EXAMPLE (see `swiftbrian list`) with its parameters changed by --set (see \
            --parameters), prints a summary (neurons, synapses, spikes, mean \
            rate, CV, wall time) and writes into --out: a raster plot (SVG and PNG), the recorded data as \
            NumPy .npz (load with numpy.load) and CSV, and an HTML report.
            """
    )

    @Argument(help: "The example to run (see `swiftbrian list`).")
    var example: String = "cuba"

    // Unconditional parsing: `--duration -1` is a value (and refused as such), not a missing one.
    @Option(name: .long, parsing: .unconditional, help: "The simulated time in seconds (default: the example's own).")
    var duration: Double?

    @Option(name: .long, parsing: .unconditional, help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "native (default), interpreter, cuda (an NVIDIA GPU) or cudaEmulated (the GPU's kernels on the CPU, for testing).")
    var backend: String = "native"

    @Option(name: .long, help: "The folder for the outputs (default: out/EXAMPLE).")
    var out: String?

    @Flag(name: .long, help: "Write no plots (data and report only).")
    var noPlot = false

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change a parameter of the example, e.g. --set N=1000 --set taum=10*ms (repeatable; --parameters lists them).",
        valueName: "name=value"))
    var settings: [String] = []

    @Option(name: .long, parsing: .unconditional, help: "The number of threads of the native backend (default: every core, or SWIFTBRIAN_THREADS; 1: one thread).")
    var threads: Int?

    @Flag(name: .long, help: "List the example's parameters and their values (after --set), and run nothing.")
    var parameters = false

    func run() throws {
        do {
            guard let type = Gallery.example(named: example) else {
                let names = Gallery.all.map { $0.name }
                let hint = Suggestions.hint(for: example, among: names)
                throw ModelError(.invalidArgument, "Unknown example '\(example)'\(hint); `swiftbrian list` shows the "
                                 + "examples (" + names.joined(separator: ", ") + ")")
            }
            guard let backend = BackendKind(rawValue: backend) else {
                throw ModelError(.invalidArgument, "Unknown backend '\(self.backend)'; choose native, interpreter, cuda or cudaEmulated")
            }
            if let threads { try ThreadCount.setDefault(threads) }
            if let duration, !(duration > 0) {
                throw ModelError(.invalidArgument, "--duration must be a positive number of seconds")
            }
            if parameters {
                for (name, value) in try type.configured(settings).parameters() { print("\(name) = \(value)") }
                return
            }
            let folder = URL(fileURLWithPath: out ?? "out/\(type.name)")
            try OutputFolder.prepare(folder)
            let started = Date()
            let bar = ProgressBar()
            InterruptHandler.install()
            let result = try type.simulate(settings: settings, seed: seed, backend: backend,
                                           duration: duration.map { $0 * second }, report: bar.report)
            bar.endLine()
            let wall = Date().timeIntervalSince(started)
            let interrupted = RunInterruption.isRequested
            var summary = RunSummary(result.network, wallTime: wall * second)
            var notes: [String] = []
            if interrupted {
                // The example's own statistics assume its whole duration.
                summary.rows.insert(RunSummary.Row("Status", "partial: interrupted (Ctrl-C) at \(result.network.t)"),
                                    at: 0)
                if !result.statistics.isEmpty {
                    notes.append("the run was interrupted, so the example's statistics ("
                                 + result.statistics.map(\.name).joined(separator: ", ") + ") are left out")
                }
            } else {
                summary.rows += result.statistics.map { statistic in
                    RunSummary.Row(statistic.name, String(format: "%.4g", statistic.value)
                                   + (statistic.unit.isEmpty ? "" : " \(statistic.unit)"))
                }
            }
            let (files, warnings): ([String], [String])
            do {
                (files, warnings) = try RunOutputs.write(result, summary: summary, to: folder, plots: !noPlot)
            } catch let error as CocoaError {
                throw OutputFolder.writeError(error, folder: folder)
            }
            let width = summary.rows.map(\.name.count).max() ?? 0
            print("\(type.name): \(type.summary)")
            for row in summary.rows { print("  " + row.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + row.value) }
            print("Outputs in \(folder.path)/:")
            for file in files { print("  " + URL(fileURLWithPath: file).lastPathComponent) }
            for warning in notes + warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
            if interrupted { throw ExitCode(InterruptHandler.exitStatus) }
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
