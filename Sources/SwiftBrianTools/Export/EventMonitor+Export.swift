import SwiftBrian

/// A spike (event) monitor exports `i` (int32, the element of each event), `t` (seconds), the
/// recorded variables at each event, and — in the `.npz` only, as it has one value per
/// element — `count` (int32, the events of each element).
extension EventMonitor: DataExportable {
    /// `i`, `t`, each recorded variable, and `count`.
    public func exportedArrays() throws -> [ExportedArray] {
        var arrays = [
            ExportedArray("i", NumPyArray(i.map { Int32(truncatingIfNeeded: $0) })),
            ExportedArray("t", t),
        ]
        for variable in variables {
            arrays.append(ExportedArray(variable, try values(variable)))
        }
        arrays.append(ExportedArray("count", NumPyArray(count.map { Int32(truncatingIfNeeded: $0) })))
        return arrays
    }

    /// One row per event: `i`, `t [second]`, then each recorded variable.
    public func exportedTable() throws -> CSVTable {
        var columns = [CSVTable.Column("i", integers: i), CSVTable.Column("t", t)]
        for variable in variables {
            columns.append(CSVTable.Column(variable, try values(variable)))
        }
        return try CSVTable(columns)
    }
}
