import Foundation

/// A picture drawn as SVG: a single ``Plot`` or a ``Figure`` of several panels. It writes itself
/// as an SVG file natively and as a PNG file through ``PNGConverter``.
public protocol Picture: Sendable {
    /// The picture as an `<svg>` element, with element ids starting with `id` (unique ids let
    /// several pictures share one HTML page).
    func svg(id: String) -> String
}

extension Picture {
    /// The picture as a standalone SVG document (an `<svg>` element, which may also be placed
    /// inline in HTML).
    public func svg() -> String {
        svg(id: "plot")
    }

    /// Writes the picture as an SVG file to `url`, creating missing folders.
    public func writeSVG(to url: URL) throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg()
        try OutputFile.write(Data(document.utf8), to: url)
    }

    /// Writes the picture as an SVG file at `path` (`"out/raster.svg"`), creating missing folders.
    public func writeSVG(to path: String) throws {
        try writeSVG(to: OutputFile.url(path))
    }

    /// The picture as PNG, `scale` device pixels per SVG pixel.
    ///
    /// - Throws: ``ToolsError/converterMissing(tool:hint:)`` when librsvg is not installed, and the
    ///   other errors of ``PNGConverter/png(fromSVG:scale:)``; never crashes.
    public func pngData(scale: Double = 2) throws -> Data {
        try PNGConverter.png(fromSVG: svg(), scale: scale)
    }

    /// Writes the picture as a PNG file to `url`, `scale` device pixels per SVG pixel, creating
    /// missing folders.
    ///
    /// - Throws: ``ToolsError/converterMissing(tool:hint:)`` when librsvg is not installed, and the
    ///   other errors of ``PNGConverter/png(fromSVG:scale:)``; never crashes.
    public func writePNG(to url: URL, scale: Double = 2) throws {
        try OutputFile.write(pngData(scale: scale), to: url)
    }

    /// Writes the picture as a PNG file at `path` (`"out/raster.png"`), creating missing folders.
    public func writePNG(to path: String, scale: Double = 2) throws {
        try writePNG(to: OutputFile.url(path), scale: scale)
    }
}
