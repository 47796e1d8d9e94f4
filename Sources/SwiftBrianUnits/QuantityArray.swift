/// A one-dimensional array of values sharing one dimension, like a Brian array quantity.
///
/// The values are stored in SI base units. Elements are ``Quantity`` values; element-wise
/// arithmetic follows the rules of ``Quantity`` and NumPy broadcasting (an array of length 1
/// combines with an array of any length).
public struct QuantityArray: Hashable, Sendable {
    /// The magnitudes in SI base units.
    public var values: [Double]
    /// The dimension shared by every element.
    public var dimension: Dimension

    /// An array of `values` SI base units of `dimension`.
    public init(values: [Double], dimension: Dimension = .dimensionless) {
        self.values = values
        self.dimension = dimension
    }

    /// An array holding the single element `quantity`.
    public init(_ quantity: Quantity) {
        self.init(values: [quantity.value], dimension: quantity.dimension)
    }

    /// An array of `quantities`, which must share one dimension; an empty array is dimensionless.
    ///
    /// - Throws: ``DimensionMismatchError`` when two elements have different dimensions.
    public init(_ quantities: [Quantity]) throws {
        let dimension = quantities.first?.dimension ?? .dimensionless
        if let stranger = quantities.first(where: { $0.dimension != dimension }) {
            throw DimensionMismatchError(
                operation: "Cannot make an array of \(quantities[0]) and \(stranger)",
                firstDimension: dimension, secondDimension: stranger.dimension)
        }
        self.init(values: quantities.map(\.value), dimension: dimension)
    }

    /// Whether the elements are pure numbers.
    public var isDimensionless: Bool { dimension.isDimensionless }

    /// The values expressed as multiples of `unit`.
    ///
    /// - Throws: ``DimensionMismatchError`` when `unit` has another dimension.
    public func `in`(_ unit: Quantity) throws -> [Double] {
        try DimensionCheck.expressible(dimension, in: unit, describing: description)
        return values.map { $0 / unit.value }
    }
}

extension QuantityArray: RandomAccessCollection {
    /// The position of the first element.
    public var startIndex: Int { values.startIndex }
    /// The position after the last element.
    public var endIndex: Int { values.endIndex }

    /// The element at `position`.
    public subscript(position: Int) -> Quantity {
        Quantity(value: values[position], dimension: dimension)
    }
}

extension QuantityArray: CustomStringConvertible {
    /// The array as Brian's `str()` prints it: the numbers in the unit best for all of them
    /// (or for the shown ones, when more than 1000 are summarised), laid out as NumPy prints
    /// them, then the unit: `"[1. 2. 3.] mV"`.
    public var description: String {
        DisplayUnit.best(for: ArrayFormatter.shownValues(of: values), dimension: dimension)
            .string(forArray: values, precision: ArrayFormatter.defaultPrecision)
    }

    /// The array printed in `unit`, as Brian's `in_unit`: `"[0.001 0.002] V"`.
    ///
    /// - Parameter precision: the most decimals to print; 8 when `nil`.
    /// - Throws: ``DimensionMismatchError`` when `unit` has another dimension;
    ///   ``UnitError/negativePrecision(_:)`` for a negative precision.
    public func formatted(in unit: Quantity, precision: Int? = nil) throws -> String {
        let digits = try ArrayFormatter.validatedPrecision(precision)
        return try DisplayUnit.explicit(unit, for: dimension, describing: description)
            .string(forArray: values, precision: digits)
    }
}
