import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// librsvg, GNOME's SVG renderer, with cairo, the graphics library it draws with: loaded at run
/// time rather than linked (DESIGN.md: optional native libraries are loaded, not linked), so
/// that SwiftBrian builds and runs where they are missing and makes PNG images where they are
/// present (Debian and Ubuntu package `librsvg2-2`, which brings `libcairo2`; Homebrew formula
/// `librsvg`).
///
/// librsvg is looked up as `$SWIFTBRIAN_LIBRSVG` (a path or file name) when set, else under its
/// usual names; the cairo and GLib functions are found through it, as it links them.
struct LibRSVG {
    /// The environment variable that may name the library.
    static let environmentVariable = "SWIFTBRIAN_LIBRSVG"
    /// The names the library is looked up under, where the environment names none.
    #if os(macOS)
    static let libraryNames = ["librsvg-2.2.dylib", "/opt/homebrew/lib/librsvg-2.2.dylib",
                               "/usr/local/lib/librsvg-2.2.dylib"]
    #else
    static let libraryNames = ["librsvg-2.so.2"]
    #endif
    /// The largest image made, in pixels (a 10,000 × 10,000 image takes 400 MB while drawn).
    static let maximumPixels = 100_000_000

    // The C functions used, by their C signatures (pointers to librsvg, cairo and GLib objects
    // are opaque).
    private typealias NewFromData = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<OpaquePointer?>?)
        -> OpaquePointer?
    /// `rsvg_handle_get_dimensions` fills an `RsvgDimensionData`: width and height (`int`), em and
    /// ex (`double`), 24 bytes.
    private typealias GetDimensions = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?) -> Void
    /// `rsvg_handle_render_document` takes an `RsvgRectangle`: x, y, width, height (`double`).
    private typealias RenderDocument = @convention(c) (OpaquePointer?, OpaquePointer?, UnsafePointer<Double>?,
                                                       UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    private typealias ImageSurfaceCreate = @convention(c) (Int32, Int32, Int32) -> OpaquePointer?
    private typealias Create = @convention(c) (OpaquePointer?) -> OpaquePointer?
    private typealias SetSourceRGB = @convention(c) (OpaquePointer?, Double, Double, Double) -> Void
    private typealias Scale = @convention(c) (OpaquePointer?, Double, Double) -> Void
    private typealias Apply = @convention(c) (OpaquePointer?) -> Void
    private typealias Status = @convention(c) (OpaquePointer?) -> Int32
    private typealias StatusToString = @convention(c) (Int32) -> UnsafePointer<CChar>?
    private typealias WriteFunction = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> Int32
    private typealias WriteToPNGStream = @convention(c) (OpaquePointer?, WriteFunction, UnsafeMutableRawPointer?)
        -> Int32

    /// cairo's `CAIRO_FORMAT_ARGB32` and `CAIRO_STATUS_SUCCESS`.
    private static let argb32: Int32 = 0, success: Int32 = 0

    private let newFromData: NewFromData
    private let getDimensions: GetDimensions
    private let renderDocument: RenderDocument
    private let objectUnref: Apply
    private let errorFree: Apply
    private let imageSurfaceCreate: ImageSurfaceCreate
    private let surfaceStatus: Status
    private let surfaceDestroy: Apply
    private let create: Create
    private let status: Status
    private let destroy: Apply
    private let setSourceRGB: SetSourceRGB
    private let paint: Apply
    private let scale: Scale
    private let statusToString: StatusToString
    private let writeToPNGStream: WriteToPNGStream

    /// The library, or why it cannot be used: not found, or without a function PNG export needs.
    static func load() -> Result<LibRSVG, LoadFailure> {
        let explicit = ProcessInfo.processInfo.environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        let names = explicit.map { [$0] } ?? libraryNames
        guard let handle = names.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(LoadFailure(reason: "its library (\(names.joined(separator: ", "))) was not found"))
        }
        do {
            return .success(try LibRSVG(handle))
        } catch {
            return .failure(error)
        }
    }

    /// Why librsvg could not be used, in words.
    struct LoadFailure: Error {
        var reason: String
    }

    private init(_ handle: UnsafeMutableRawPointer) throws(LoadFailure) {
        func function<F>(_ name: String, as _: F.Type) throws(LoadFailure) -> F {
            guard let symbol = dlsym(handle, name) else {
                throw LoadFailure(reason: "librsvg (or the cairo and GLib it links) has no function \(name)")
            }
            return unsafeBitCast(symbol, to: F.self)
        }
        newFromData = try function("rsvg_handle_new_from_data", as: NewFromData.self)
        getDimensions = try function("rsvg_handle_get_dimensions", as: GetDimensions.self)
        renderDocument = try function("rsvg_handle_render_document", as: RenderDocument.self)
        objectUnref = try function("g_object_unref", as: Apply.self)
        errorFree = try function("g_error_free", as: Apply.self)
        imageSurfaceCreate = try function("cairo_image_surface_create", as: ImageSurfaceCreate.self)
        surfaceStatus = try function("cairo_surface_status", as: Status.self)
        surfaceDestroy = try function("cairo_surface_destroy", as: Apply.self)
        create = try function("cairo_create", as: Create.self)
        status = try function("cairo_status", as: Status.self)
        destroy = try function("cairo_destroy", as: Apply.self)
        setSourceRGB = try function("cairo_set_source_rgb", as: SetSourceRGB.self)
        paint = try function("cairo_paint", as: Apply.self)
        scale = try function("cairo_scale", as: Scale.self)
        statusToString = try function("cairo_status_to_string", as: StatusToString.self)
        writeToPNGStream = try function("cairo_surface_write_to_png_stream", as: WriteToPNGStream.self)
    }

    /// The PNG image of the SVG document `svg`, on a white background, `factor` device pixels per
    /// SVG pixel.
    ///
    /// - Throws: ``ToolsError/renderingFailed(_:)`` when librsvg cannot read the document or
    ///   cairo cannot draw it; ``ToolsError/tooLarge(_:)`` for an image of more
    ///   than ``maximumPixels``.
    func png(fromSVG svg: String, scale factor: Double) throws -> Data {
        let bytes = Array(svg.utf8)
        var error: OpaquePointer?
        guard let handle = bytes.withUnsafeBufferPointer({ newFromData($0.baseAddress, $0.count, &error) }) else {
            throw failure("librsvg could not read the SVG: \(takeMessage(error))")
        }
        defer { objectUnref(handle) }
        var dimensions = [Int32](repeating: 0, count: 6)
        getDimensions(handle, &dimensions)
        let size = (width: Double(dimensions[0]), height: Double(dimensions[1]))
        let width = (size.width * factor).rounded(.up), height = (size.height * factor).rounded(.up)
        guard width >= 1, height >= 1 else { throw failure("the SVG has no size (\(size.width) × \(size.height))") }
        guard width * height <= Double(Self.maximumPixels) else {
            throw ToolsError.tooLarge("A PNG image of \(Int(width)) × \(Int(height)) pixels is larger than the "
                                      + "\(Self.maximumPixels / 1_000_000) million pixels SwiftBrian draws; "
                                      + "make the plot or the scale smaller")
        }
        guard let surface = imageSurfaceCreate(Self.argb32, Int32(width), Int32(height)) else {
            throw failure("cairo could not make an image")
        }
        defer { surfaceDestroy(surface) }
        try check(surfaceStatus(surface), "making a \(Int(width)) × \(Int(height)) image")
        guard let context = create(surface) else { throw failure("cairo could not draw on the image") }
        defer { destroy(context) }
        setSourceRGB(context, 1, 1, 1)
        paint(context)
        scale(context, factor, factor)
        let viewport = [0, 0, size.width, size.height]
        guard renderDocument(handle, context, viewport, &error) != 0 else {
            throw failure("librsvg could not draw the SVG: \(takeMessage(error))")
        }
        try check(status(context), "drawing the SVG")
        let sink = PNGSink()
        let written = writeToPNGStream(surface, { closure, data, length in
            guard let closure, let data else { return 11 }  // CAIRO_STATUS_WRITE_ERROR
            Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue().data.append(data, count: Int(length))
            return 0
        }, Unmanaged.passUnretained(sink).toOpaque())
        try withExtendedLifetime(sink) { try check(written, "writing the PNG") }
        return sink.data
    }

    /// Where cairo writes the PNG.
    private final class PNGSink {
        var data = Data()
    }

    private func check(_ status: Int32, _ what: String) throws {
        guard status != Self.success else { return }
        let message = statusToString(status).map { String(cString: $0) } ?? "status \(status)"
        throw failure("cairo failed \(what): \(message)")
    }

    /// The message of a GLib error, which it frees.
    private func takeMessage(_ error: OpaquePointer?) -> String {
        guard let error else { return "no reason given" }
        defer { errorFree(error) }
        // GError: a 32-bit domain, a 32-bit code, then the message.
        let message = UnsafeRawPointer(error).load(fromByteOffset: 8, as: UnsafePointer<CChar>?.self)
        return message.map { String(cString: $0) } ?? "no reason given"
    }

    private func failure(_ message: String) -> ToolsError {
        .renderingFailed(message)
    }
}
