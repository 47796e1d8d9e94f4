import Foundation
import SwiftBrianLanguage

/// Turns SVG into PNG with librsvg, GNOME's SVG renderer: its library, loaded at run time
/// (``LibRSVG``; Debian/Ubuntu package `librsvg2-2`, Homebrew formula `librsvg`), or else its
/// converter program `rsvg-convert` (Debian/Ubuntu package `librsvg2-bin`). SwiftBrian draws every
/// plot as SVG itself; PNG is that SVG rasterized, so it needs librsvg, and only PNG does.
///
/// The library is looked up as `$SWIFTBRIAN_LIBRSVG` when set, else under its usual names; the
/// converter as `$SWIFTBRIAN_RSVG_CONVERT` (a path to the program) when set, else on `$PATH`.
public enum PNGConverter {
    /// The converter's program name.
    public static let tool = "rsvg-convert"
    /// The environment variable that may name the converter's path.
    public static let environmentVariable = "SWIFTBRIAN_RSVG_CONVERT"
    /// The environment variable that may name librsvg's library (a path or file name).
    public static let libraryEnvironmentVariable = LibRSVG.environmentVariable
    /// How to install librsvg.
    public static let installHint = "Install it with 'apt-get install librsvg2-2' (Debian, Ubuntu; or librsvg2-bin "
        + "for rsvg-convert) or 'brew install librsvg' (macOS), or set $\(LibRSVG.environmentVariable) to the "
        + "library's path or $\(environmentVariable) to the converter's."

    /// The path of the converter, or `nil` when it is not installed.
    public static var toolPath: String? {
        let environment = ProcessInfo.processInfo.environment
        let manager = FileManager.default
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            return manager.isExecutableFile(atPath: explicit) ? explicit : nil
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return directories.map { "\($0)/\(tool)" }.first { manager.isExecutableFile(atPath: $0) }
    }

    /// Whether librsvg's library can be loaded.
    public static var libraryIsAvailable: Bool {
        if case .success = LibRSVG.load() { return true }
        return false
    }

    /// Whether PNG export works on this machine (through the library or the converter).
    public static var isAvailable: Bool { libraryIsAvailable || toolPath != nil }

    /// The PNG image of the SVG document `svg`, on a white background, `scale` device pixels per
    /// SVG pixel: drawn by librsvg's library where it loads, else by `rsvg-convert`.
    ///
    /// - Throws: ``ToolsError/converterMissing(tool:hint:)`` when neither is installed;
    ///   ``ToolsError/renderingFailed(_:)`` or ``ToolsError/conversionFailed(tool:status:output:)``
    ///   when they fail; ``ToolsError/tooLarge(_:)`` for an image of more than 100 million
    ///   pixels; `ModelError` for a scale that is not positive.
    public static func png(fromSVG svg: String, scale: Double = 2) throws -> Data {
        guard scale > 0, scale.isFinite, scale <= 20 else {
            throw ModelError(.invalidArgument, "The PNG scale must be between 0 and 20, but it is \(scale)")
        }
        let library = LibRSVG.load()
        if case .success(let renderer) = library { return try renderer.png(fromSVG: svg, scale: scale) }
        guard let path = toolPath else {
            let libraryProblem = if case .failure(let failure) = library { failure.reason } else { "" }
            throw ToolsError.converterMissing(
                tool: "librsvg", hint: "\(libraryProblem), and the converter \(tool) is neither on $PATH nor in "
                    + "$\(environmentVariable). \(installHint)")
        }
        return try convert(svg, scale: scale, with: path)
    }

    /// `svg` converted by the program at `path`.
    private static func convert(_ svg: String, scale: Double, with path: String) throws -> Data {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("swiftbrian-png-\(UUID().uuidString)")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: directory) }
        let input = directory.appendingPathComponent("plot.svg")
        let output = directory.appendingPathComponent("plot.png")
        try Data(svg.utf8).write(to: input)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--format=png", "--zoom=\(scale)", "--background-color=white",
                             "--output=\(output.path)", input.path]
        let messages = Pipe()
        process.standardError = messages
        process.standardOutput = messages
        try process.run()
        let printed = messages.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let png = try? Data(contentsOf: output) else {
            throw ToolsError.conversionFailed(tool: tool, status: process.terminationStatus,
                                              output: String(decoding: printed, as: UTF8.self))
        }
        return png
    }
}
