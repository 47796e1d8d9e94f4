import SwiftBrianLanguage

/// An array as NumPy stores it in a `.npy` file: typed elements and a shape, in C order (the
/// last index varies fastest).
///
///     let a = NumPyArray([1.5, 2, 3])                        // float64, shape (3,)
///     let m = try NumPyArray(rows: [[1, 2, 3], [4, 5, 6]])   // float64, shape (2, 3)
///     let s = NumPyArray(string: "volt")                      // '<U4', shape ()
public struct NumPyArray: Equatable, Sendable {
    /// The elements, by type.
    public enum Elements: Equatable, Sendable {
        /// 64-bit floats (`'<f8'`).
        case float64([Double])
        /// 64-bit signed integers (`'<i8'`).
        case int64([Int64])
        /// 32-bit signed integers (`'<i4'`).
        case int32([Int32])
        /// Unicode strings (`'<U'` with the length of the longest, in Unicode scalars).
        case unicode([String])

        /// The number of elements.
        public var count: Int {
            switch self {
            case .float64(let values): return values.count
            case .int64(let values): return values.count
            case .int32(let values): return values.count
            case .unicode(let values): return values.count
            }
        }
    }

    /// The elements in C order.
    public let elements: Elements
    /// The length along each axis; empty for a single value (a 0-d array).
    public let shape: [Int]

    /// An array of `elements` with `shape`.
    ///
    /// - Throws: `ModelError` when a length is negative or the shape does not hold exactly
    ///   the elements.
    public init(_ elements: Elements, shape: [Int]) throws {
        if let negative = shape.first(where: { $0 < 0 }) {
            throw ModelError(.invalidArgument, "An array shape cannot have a negative length (\(negative))")
        }
        let size = shape.reduce(1, *)
        guard size == elements.count else {
            throw ModelError(.invalidArgument, "An array of shape \(NumPyArray.pythonTuple(shape)) holds \(size) "
                             + "elements, but \(elements.count) were given")
        }
        self.elements = elements
        self.shape = shape
    }

    /// A one-dimensional float64 array.
    public init(_ values: [Double]) {
        elements = .float64(values)
        shape = [values.count]
    }

    /// A one-dimensional int64 array.
    public init(_ values: [Int64]) {
        elements = .int64(values)
        shape = [values.count]
    }

    /// A one-dimensional int32 array.
    public init(_ values: [Int32]) {
        elements = .int32(values)
        shape = [values.count]
    }

    /// A one-dimensional array of strings.
    public init(strings: [String]) {
        elements = .unicode(strings)
        shape = [strings.count]
    }

    /// A single string (a 0-d array: `str(a)` in Python gives the string back).
    public init(string: String) {
        elements = .unicode([string])
        shape = []
    }

    /// A two-dimensional float64 array of `rows`, all of the same length.
    ///
    /// - Throws: `ModelError` when the rows differ in length.
    public init(rows: [[Double]]) throws {
        let columns = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != columns }) {
            throw ModelError(.invalidArgument, "The rows of a 2-D array must have the same length, but row \(bad) has "
                             + "\(rows[bad].count) values and row 0 has \(columns)")
        }
        try self.init(.float64(rows.flatMap { $0 }), shape: [rows.count, columns])
    }

    /// NumPy's name of the element type, as in the `.npy` header: `'<f8'`, `'<i8'`, `'<i4'`,
    /// `'<U5'`.
    public var descriptor: String {
        switch elements {
        case .float64: return "<f8"
        case .int64: return "<i8"
        case .int32: return "<i4"
        case .unicode: return "<U\(unicodeWidth)"
        }
    }

    /// The number of Unicode scalars each string element takes (NumPy's `itemsize / 4`): the
    /// longest string's, at least 1.
    var unicodeWidth: Int {
        guard case .unicode(let strings) = elements else { return 0 }
        return max(1, strings.map(\.unicodeScalars.count).max() ?? 1)
    }

    /// A shape as Python writes a tuple: `()`, `(3,)`, `(2, 3)`.
    static func pythonTuple(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
