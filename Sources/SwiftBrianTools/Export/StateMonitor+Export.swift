import SwiftBrian

/// A state monitor exports `t` (seconds), `record` (int32, the recorded elements) and, for each
/// variable, a 2-D array of records × samples (Brian's `M.v`: row `k` is element `record[k]`).
extension StateMonitor: DataExportable {
    /// `t`, `record`, then one records × samples array per variable.
    public func exportedArrays() throws -> [ExportedArray] {
        let times = t
        var arrays = [
            ExportedArray("t", times),
            ExportedArray("record", NumPyArray(record.map { Int32(truncatingIfNeeded: $0) })),
        ]
        for variable in variables {
            let traces = try values(variable)
            let matrix = try NumPyArray(.float64(traces.flatMap(\.values)), shape: [record.count, times.count])
            let dimension = try traces.first?.dimension ?? source.variable(variable).values.dimension
            arrays.append(ExportedArray(variable, matrix, dimension: dimension))
        }
        return arrays
    }

    /// One row per sample: `t [second]`, then one column per variable and recorded element,
    /// named `v[3] [volt]`.
    public func exportedTable() throws -> CSVTable {
        var columns = [CSVTable.Column("t", t)]
        for variable in variables {
            for (index, trace) in zip(record, try values(variable)) {
                columns.append(CSVTable.Column("\(variable)[\(index)]", trace))
            }
        }
        return try CSVTable(columns)
    }
}
