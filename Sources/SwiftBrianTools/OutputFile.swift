import Foundation

/// Where the tools write files: a path as users type it (`"out/raster.png"`, `"~/runs/v.npz"`)
/// or a URL; folders missing above the file are created.
enum OutputFile {
    /// The file URL for `path`, with `~` expanded; a relative path is relative to the current folder.
    static func url(_ path: String) -> URL {
        URL(fileURLWithPath: NSString(string: path).expandingTildeInPath)
    }

    /// Writes `data` to `url` atomically, creating the folders above it that do not exist yet.
    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }
}
