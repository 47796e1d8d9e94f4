import ArgumentParser
import SwiftBrianModels

/// `swiftbrian list`: the gallery, one example per line.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the example gallery (run one with `swiftbrian run NAME`)."
    )

    func run() {
        let width = Gallery.all.map { $0.name.count }.max() ?? 0
        for example in Gallery.all {
            print(example.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + example.summary)
        }
    }
}
