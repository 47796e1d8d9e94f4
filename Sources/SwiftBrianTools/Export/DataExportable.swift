import Foundation

/// Recorded data that can be written to files: as named arrays for NumPy (`.npz`) and as a
/// table (CSV). Monitors conform: ``SwiftBrian/EventMonitor`` (and so `SpikeMonitor`),
/// ``SwiftBrian/StateMonitor`` and ``SwiftBrian/PopulationRateMonitor``.
///
///     try spikeMonitor.writeNPZ(to: "out/spikes.npz")     // missing folders are created
///     try stateMonitor.writeCSV(to: URL(fileURLWithPath: "v.csv"))
public protocol DataExportable {
    /// The recorded data as named arrays in SI base units, each with its dimension.
    func exportedArrays() throws -> [ExportedArray]
    /// The recorded data as a table of equal-length columns.
    func exportedTable() throws -> CSVTable
}

extension DataExportable {
    /// Writes ``exportedArrays()`` to a NumPy `.npz` archive at `url`, each array with its unit
    /// (see ``NPZArchive``).
    public func writeNPZ(to url: URL) throws {
        try NPZArchive(exportedArrays()).write(to: url)
    }

    /// Writes ``exportedTable()`` to a CSV file at `url`.
    public func writeCSV(to url: URL) throws {
        try exportedTable().write(to: url)
    }

    /// Writes ``exportedArrays()`` to a NumPy `.npz` archive at `path` (`"out/spikes.npz"`).
    public func writeNPZ(to path: String) throws {
        try writeNPZ(to: OutputFile.url(path))
    }

    /// Writes ``exportedTable()`` to a CSV file at `path` (`"out/v.csv"`).
    public func writeCSV(to path: String) throws {
        try writeCSV(to: OutputFile.url(path))
    }
}
