import Foundation
import SwiftBrianLanguage
import SwiftBrianUnits

/// A table of equal-length columns written as CSV (RFC 4180): a header naming each column with
/// its SI unit in brackets (`t [second]`, `v[3] [volt]`; no unit for pure numbers), then one
/// line per row. Numbers are written exactly, as the shortest decimal that reads back as the
/// same double (`0.0123`, `1e-05`, `nan`), and integers without a decimal point.
public struct CSVTable: Equatable, Sendable {
    /// One column: a name, a dimension and the values (in SI base units of the dimension).
    public struct Column: Equatable, Sendable {
        /// The values of a column.
        public enum Values: Equatable, Sendable {
            /// Integers, such as indices.
            case integers([Int])
            /// Real numbers.
            case reals([Double])

            /// The number of values.
            public var count: Int {
                switch self {
                case .integers(let values): return values.count
                case .reals(let values): return values.count
                }
            }
        }

        /// The name of the column.
        public var name: String
        /// The dimension of the values.
        public var dimension: SwiftBrianUnits.Dimension
        /// The values.
        public var values: Values

        /// A column `name` of `values` in the SI unit of `dimension`.
        public init(_ name: String, _ values: Values, dimension: SwiftBrianUnits.Dimension = .dimensionless) {
            self.name = name
            self.values = values
            self.dimension = dimension
        }

        /// A column `name` of `quantities` (their values in SI base units).
        public init(_ name: String, _ quantities: QuantityArray) {
            self.init(name, .reals(quantities.values), dimension: quantities.dimension)
        }

        /// A column `name` of integers.
        public init(_ name: String, integers: [Int]) {
            self.init(name, .integers(integers))
        }

        /// The header of the column: the name, then the SI unit in brackets unless the values
        /// are pure numbers.
        public var header: String {
            dimension.isDimensionless ? name : "\(name) [\(dimension.description)]"
        }
    }

    /// The columns, in order.
    public let columns: [Column]
    /// The number of rows (the length of each column).
    public let rowCount: Int

    /// A table of `columns`.
    ///
    /// - Throws: `ModelError` when the columns differ in length.
    public init(_ columns: [Column]) throws {
        let rowCount = columns.first?.values.count ?? 0
        if let bad = columns.first(where: { $0.values.count != rowCount }) {
            throw ModelError(.invalidArgument, "The columns of a table must have the same length, but '\(bad.name)' "
                             + "has \(bad.values.count) values and '\(columns[0].name)' has \(rowCount)")
        }
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The header line's fields.
    public var header: [String] { columns.map(\.header) }

    /// The table as CSV text, lines ended by `\n`.
    public func csv() -> String {
        var text = header.map(Self.quoted).joined(separator: ",") + "\n"
        text.reserveCapacity(text.utf8.count + rowCount * columns.count * 12)
        for row in 0..<rowCount {
            for (index, column) in columns.enumerated() {
                if index > 0 { text += "," }
                switch column.values {
                case .integers(let values): text += String(values[row])
                case .reals(let values): text += values[row].description
                }
            }
            text += "\n"
        }
        return text
    }

    /// Writes the table to `url` as UTF-8 CSV, creating missing folders.
    public func write(to url: URL) throws {
        try OutputFile.write(Data(csv().utf8), to: url)
    }

    /// A field in double quotes (inner quotes doubled) when it holds a comma, quote or line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
