import ArgumentParser
import Foundation
import SwiftBrian

/// `swiftbrian analyze`: checks a model and shows what SwiftBrian makes of it.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Check a model's equations and show its variables, integration method and update code.",
        discussion: """
            Reads equations in Brian's syntax from FILE ('-' for standard input). Without FILE it \
            analyzes the built-in CUBA model. Names the equations use but do not define come from \
            --namespace values, e.g. --namespace "taum=20 ms" --namespace "El=-65*mV".
            """
    )

    @Argument(help: "A file of equations, or '-' for standard input (default: the built-in CUBA model).")
    var file: String?

    @Option(name: .long, help: ArgumentHelp("A value the equations use, as name=value (repeatable).",
                                            valueName: "name=value"))
    var namespace: [String] = []

    @Option(name: .long, help: "A file of name = value lines (read before --namespace).")
    var namespaceFile: String?

    @Option(name: .long, help: "The threshold condition, e.g. \"v > Vt\".")
    var threshold: String?

    @Option(name: .long, help: "The reset statements, e.g. \"v = Vr\" (separate lines with ';').")
    var reset: String?

    @Option(name: .long, help: "The refractory period: a time (\"5 ms\") or a condition (\"v > -40*mV\").")
    var refractory: String?

    @Option(name: .long, help: ArgumentHelp("The integration method (default: Brian's automatic choice).",
                                            valueName: IntegrationMethod.allCases.map(\.rawValue).joined(separator: "|")))
    var method: String?

    func run() throws {
        do {
            let model = try ModelDescription.load(file: file, namespace: namespace, namespaceFile: namespaceFile,
                                                  threshold: threshold, reset: reset, refractory: refractory)
            print(try model.analysisReport(method: method))
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
