import Foundation
import SwiftBrian

/// A population rate monitor exports `t` (seconds) and `rate` (hertz), and `smooth_rate`
/// (hertz) when asked for a smoothing.
extension PopulationRateMonitor: DataExportable {
    /// `t` and `rate`.
    public func exportedArrays() throws -> [ExportedArray] {
        try exportedArrays(smoothing: nil)
    }

    /// `t`, `rate`, and `smooth_rate` smoothed as `smoothing` says.
    ///
    /// - Throws: `ModelError` when the smoothing width is not a positive time.
    public func exportedArrays(smoothing: RateSmoothing?) throws -> [ExportedArray] {
        var arrays = [ExportedArray("t", t), ExportedArray("rate", rate)]
        if let smoothing {
            arrays.append(ExportedArray("smooth_rate", try smoothing.smoothedRate(of: self)))
        }
        return arrays
    }

    /// One row per step: `t [second]`, `rate [hertz]`.
    public func exportedTable() throws -> CSVTable {
        try exportedTable(smoothing: nil)
    }

    /// One row per step: `t [second]`, `rate [hertz]`, and `smooth_rate [hertz]` smoothed as
    /// `smoothing` says.
    public func exportedTable(smoothing: RateSmoothing?) throws -> CSVTable {
        var columns = [CSVTable.Column("t", t), CSVTable.Column("rate", rate)]
        if let smoothing {
            columns.append(CSVTable.Column("smooth_rate", try smoothing.smoothedRate(of: self)))
        }
        return try CSVTable(columns)
    }

    /// Writes `t`, `rate` and `smooth_rate` (smoothed as `smoothing` says) to an `.npz` archive.
    public func writeNPZ(to url: URL, smoothing: RateSmoothing?) throws {
        try NPZArchive(exportedArrays(smoothing: smoothing)).write(to: url)
    }

    /// Writes `t`, `rate` and `smooth_rate` (smoothed as `smoothing` says) to a CSV file.
    public func writeCSV(to url: URL, smoothing: RateSmoothing?) throws {
        try exportedTable(smoothing: smoothing).write(to: url)
    }
}
