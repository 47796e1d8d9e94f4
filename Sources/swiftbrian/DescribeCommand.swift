import ArgumentParser
import Foundation
import SwiftBrian
import SwiftBrianTools

/// `swiftbrian describe`: runs a gallery example and prints (or writes) the description of the
/// simulation as run, in Markdown, HTML or LaTeX.
///
/// Like brian2tools' Markdown exporter, the description is of what the script did, including its
/// runs; unlike it, the example really runs (as `swiftbrian run` does, without writing plots or
/// data), so the numbers of synapses each `connect` made are those of the simulation.
struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Run an example of the gallery and describe the simulation (Markdown, HTML or LaTeX).",
        discussion: """
            Runs EXAMPLE (see `swiftbrian list`) with its parameters changed by --set and prints a \
            description of the simulation as run: each population (size, equations with units, \
            threshold, reset, refractoriness, integration method, initial values), the inputs, the \
            synapses (connection rules, the synapses each made, pathway code, delays, plasticity), the \
            monitors, the constants, the runs with their durations, and the seed. `swiftbrian run` \
            writes the same Markdown as description.md beside its report.
            """
    )

    @Argument(help: "The example to describe (see `swiftbrian list`).")
    var example: String = "cuba"

    @Option(name: .long, help: "markdown, html or latex.")
    var format: String = "markdown"

    @Option(name: .long, help: "Write the description to this file instead of printing it.")
    var output: String?

    @OptionGroup var options: ExampleOptions

    func run() throws {
        do {
            guard let format = DescriptionFormat(rawValue: format) else {
                throw ModelError(.invalidArgument, "Unknown format '\(self.format)'; choose one of "
                                 + DescriptionFormat.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let (type, backend) = try options.resolve(example: example)
            let result = try type.simulate(settings: options.settings, seed: options.seed, backend: backend,
                                           duration: options.duration.map { $0 * second }, report: nil)
            let text = result.network.describe(format: format, title: "Model description: \(type.name)")
            guard let output else {
                print(text, terminator: "")
                return
            }
            do {
                try Data(text.utf8).write(to: URL(fileURLWithPath: output))
            } catch {
                throw ModelError(.invalidArgument, "Cannot write the description to '\(output)': "
                                 + error.localizedDescription)
            }
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
