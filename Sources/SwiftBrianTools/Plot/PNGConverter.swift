import Foundation
import SwiftBrianLanguage

/// Turns SVG into PNG with `rsvg-convert`, librsvg's converter (Debian/Ubuntu package
/// `librsvg2-bin`, Homebrew formula `librsvg`). SwiftBrian draws every plot as SVG itself; PNG is
/// that SVG rasterized, so it needs the converter, and only PNG does.
///
/// The converter is looked up in `$SWIFTBRIAN_RSVG_CONVERT` (a path to the program), then on
/// `$PATH`.
public enum PNGConverter {
    /// The converter's program name.
    public static let tool = "rsvg-convert"
    /// The environment variable that may name the converter's path.
    public static let environmentVariable = "SWIFTBRIAN_RSVG_CONVERT"
    /// How to install the converter.
    public static let installHint = "Install it with 'apt-get install librsvg2-bin' (Debian, Ubuntu) or "
        + "'brew install librsvg' (macOS), or set $\(environmentVariable) to its path."

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

    /// Whether PNG export works on this machine.
    public static var isAvailable: Bool { toolPath != nil }

    /// The PNG image of the SVG document `svg`, on a white background, `scale` device pixels per
    /// SVG pixel.
    ///
    /// - Throws: ``ToolsError/converterMissing(tool:hint:)`` when the converter is not
    ///   installed; ``ToolsError/conversionFailed(tool:status:output:)`` when it fails;
    ///   `ModelError` for a scale that is not positive.
    public static func png(fromSVG svg: String, scale: Double = 2) throws -> Data {
        guard scale > 0, scale.isFinite, scale <= 20 else {
            throw ModelError(.invalidArgument, "The PNG scale must be between 0 and 20, but it is \(scale)")
        }
        guard let path = toolPath else {
            throw ToolsError.converterMissing(tool: tool, hint: installHint)
        }
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
