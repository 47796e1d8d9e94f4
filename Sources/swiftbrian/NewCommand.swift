import ArgumentParser
import Foundation
import SwiftBrian

/// `swiftbrian new NAME`: creates a Swift package for a model of one's own, depending on this
/// SwiftBrian checkout, with a small model that builds and runs with `swift run`.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a Swift package NAME with a small model of your own (then: cd NAME && swift run).",
        discussion: """
            Writes NAME/Package.swift, depending on SwiftBrian by path (the checkout this swiftbrian \
            was built from, or --swiftbrian-path), and NAME/Sources/NAME/main.swift: 100 LIF neurons \
            with Poisson input, simulated, plotted (SVG, PNG) and exported (NumPy .npz) into out/.
            """
    )

    @Argument(help: "The package and executable name (letters, digits, '_' and '-', starting with a letter).")
    var name: String

    @Option(name: .long, help: "The folder to create (default: ./NAME).")
    var out: String?

    @Option(name: .customLong("swiftbrian-path"),
            help: "The SwiftBrian checkout to depend on (default: the one this swiftbrian was built from).")
    var swiftBrianPath: String?

    /// The checkout this executable was built from: three folders above this source file.
    static let builtFrom = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    func run() throws {
        do {
            let folder = try create()
            print("Created \(folder.path). Run it with:\n  cd \(folder.path) && swift run")
        } catch let error as ModelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// Writes the package and returns its folder.
    func create() throws -> URL {
        guard let first = name.first, first.isASCII, first.isLetter,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            throw ModelError(.invalidArgument, "'\(name)' cannot name a package: use letters, digits, '_' and '-', "
                             + "starting with a letter")
        }
        let manager = FileManager.default
        let dependency = swiftBrianPath.map { URL(fileURLWithPath: NSString(string: $0).expandingTildeInPath) }
            ?? Self.builtFrom
        let manifest = dependency.standardizedFileURL.appendingPathComponent("Package.swift")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains("name: \"SwiftBrian\"") else {
            throw ModelError(.invalidArgument, "\(dependency.standardizedFileURL.path) is not a SwiftBrian checkout (no "
                             + "Package.swift of SwiftBrian there); give one with --swiftbrian-path")
        }
        let folder = URL(fileURLWithPath: out ?? name).standardizedFileURL
        if let existing = try? manager.contentsOfDirectory(atPath: folder.path), !existing.isEmpty {
            throw ModelError(.invalidArgument, "\(folder.path) already exists and is not empty; choose another NAME "
                             + "or --out")
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw ModelError(.invalidArgument, "\(folder.path) is a file; choose another NAME or --out")
        }
        let template = NewPackageTemplate(name: name, swiftBrianPath: dependency.standardizedFileURL.path)
        for file in template.files {
            let url = folder.appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            } catch {
                throw ModelError(.invalidArgument, "Could not write \(url.path): \(error.localizedDescription)")
            }
        }
        return folder
    }
}
