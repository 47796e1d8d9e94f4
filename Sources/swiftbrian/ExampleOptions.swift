import ArgumentParser
import SwiftBrian
import SwiftBrianModels

/// The options of the commands that simulate a gallery example (`run`, `describe`): its duration,
/// seed, backend and parameter changes.
struct ExampleOptions: ParsableArguments {
    // Unconditional parsing: `--duration -1` is a value (and refused as such), not a missing one.
    @Option(name: .long, parsing: .unconditional, help: "The simulated time in seconds (default: the example's own).")
    var duration: Double?

    @Option(name: .long, parsing: .unconditional, help: "The random seed.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "native (default), interpreter, cuda (an NVIDIA GPU) or cudaEmulated (the GPU's kernels on the CPU, for testing).")
    var backend: String = "native"

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Change a parameter of the example, e.g. --set N=1000 --set taum=10*ms (repeatable; `swiftbrian run EXAMPLE --parameters` lists them).",
        valueName: "name=value"))
    var settings: [String] = []

    /// The example called `name` and the backend asked for, after checking the duration.
    func resolve(example name: String) throws -> (type: any GalleryExample.Type, backend: BackendKind) {
        guard let type = Gallery.example(named: name) else {
            let names = Gallery.all.map { $0.name }
            let hint = Suggestions.hint(for: name, among: names)
            throw ModelError(.invalidArgument, "Unknown example '\(name)'\(hint); `swiftbrian list` shows the "
                             + "examples (" + names.joined(separator: ", ") + ")")
        }
        guard let kind = BackendKind(rawValue: backend) else {
            throw ModelError(.invalidArgument, "Unknown backend '\(backend)'; choose native, interpreter, cuda or cudaEmulated")
        }
        if let duration, !(duration > 0) {
            throw ModelError(.invalidArgument, "--duration must be a positive number of seconds")
        }
        return (type, kind)
    }
}
