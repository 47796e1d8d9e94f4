import Foundation
import SwiftBrianLanguage

/// A NumPy `.npz` archive, as `numpy.savez` writes it: a ZIP file of uncompressed `.npy` files,
/// one per named array, which `numpy.load` reads without `allow_pickle`.
///
/// An ``ExportedArray`` named `NAME` is stored as `NAME` with its unit beside it as `NAME_unit`,
/// a string (a 0-d `'<U'` array) naming the SI unit its numbers are in:
///
///     var archive = NPZArchive()
///     try archive.add(ExportedArray("t", spikes.t))
///     try archive.write(to: URL(fileURLWithPath: "spikes.npz"))
///
///     # Python
///     d = numpy.load("spikes.npz"); d["t"], str(d["t_unit"])    # array([...]), 'second'
public struct NPZArchive {
    /// The suffix of the entry that holds an array's unit.
    public static let unitSuffix = "_unit"

    /// The names of the arrays, in the order they were added.
    public private(set) var names: [String] = []
    private var zip = ZipWriter()

    /// An empty archive.
    public init() {}

    /// An archive of `arrays`, each with its unit.
    ///
    /// - Throws: as ``add(_:)``.
    public init(_ arrays: [ExportedArray]) throws {
        for array in arrays { try add(array) }
    }

    /// Adds `array` and its unit (as `NAME_unit`).
    ///
    /// - Throws: `ModelError` for an empty or repeated name; ``ToolsError/tooLarge(_:)`` when
    ///   the archive outgrows the ZIP format.
    public mutating func add(_ array: ExportedArray) throws {
        try add(array.name, array.array)
        try add(array.name + Self.unitSuffix, NumPyArray(string: array.unit))
    }

    /// Adds `array` as `name` (the file `name.npy` in the archive), without a unit.
    ///
    /// - Throws: `ModelError` for an empty or repeated name; ``ToolsError/tooLarge(_:)`` when
    ///   the archive outgrows the ZIP format.
    public mutating func add(_ name: String, _ array: NumPyArray) throws {
        guard !name.isEmpty else {
            throw ModelError(.invalidArgument, "An array in an .npz archive needs a name")
        }
        guard !names.contains(name) else {
            throw ModelError(.invalidArgument, "The .npz archive already has an array named '\(name)'")
        }
        try zip.add(name + ".npy", NPYEncoder.encode(array))
        names.append(name)
    }

    /// The bytes of the `.npz` file.
    public func data() throws -> Data {
        try zip.finished()
    }

    /// Writes the archive to `url` (conventionally ending in `.npz`), creating missing folders.
    public func write(to url: URL) throws {
        try OutputFile.write(data(), to: url)
    }
}
