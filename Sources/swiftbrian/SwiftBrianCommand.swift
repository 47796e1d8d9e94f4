import ArgumentParser
import SwiftBrian

/// The `swiftbrian` command-line tool.
@main
struct SwiftBrianCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftbrian",
        abstract: "A spiking neural network simulator that speaks Brian 2's model language.",
        version: swiftBrianVersion,
        subcommands: [RunCommand.self, ListCommand.self, AnalyzeCommand.self, BenchCommand.self, NewCommand.self,
                      DescribeCommand.self, ExportCommand.self],
        defaultSubcommand: RunCommand.self
    )
}
