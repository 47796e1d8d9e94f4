import ArgumentParser
import Foundation
import SwiftBrian
import SwiftBrianTools

/// `swiftbrian export EXAMPLE --neuroml DIR`: runs a gallery example and writes the simulation as
/// NeuroML 2 and LEMS, to be run by jNeuroML (`pynml LEMS_NAME.xml -nogui`) or converted by it
/// for other simulators.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Run an example of the gallery and export the simulation to NeuroML 2 / LEMS.",
        discussion: """
            Runs EXAMPLE (see `swiftbrian list`) with its parameters changed by --set, then writes into \
            the folder given to --neuroml the neuron models as ComponentTypes of a NeuroML 2 document \
            (NAME.nml) and a LEMS file (LEMS_NAME.xml) with the populations and their initial values, \
            one event connection per synapse with its delay, and a simulation of all runs whose output \
            files match the monitors. What LEMS cannot express (network operations, user functions, \
            noise, plasticity, different weights per synapse) is an error naming the object.
            """
    )

    @Argument(help: "The example to export (see `swiftbrian list`).")
    var example: String = "cuba"

    @Option(name: .long, help: "The folder to write the NeuroML and LEMS files into (created if needed).")
    var neuroml: String

    @Option(name: .long, help: "The name of the files and of the network (NAME.nml, LEMS_NAME.xml); default: the example's.")
    var name: String?

    @OptionGroup var options: ExampleOptions

    func run() throws {
        do {
            let (type, backend) = try options.resolve(example: example)
            let result = try type.simulate(settings: options.settings, seed: options.seed, backend: backend,
                                           duration: options.duration.map { $0 * second }, report: nil)
            let export = try result.network.exportNeuroML(to: URL(fileURLWithPath: neuroml),
                                                          name: name ?? type.name.replacingOccurrences(of: "-", with: "_"))
            print("Wrote \(export.neuroMLFile.path) and \(export.lemsFile.path)")
            print("Run it with: pynml \(export.lemsFile.lastPathComponent) -nogui (in \(neuroml))")
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
