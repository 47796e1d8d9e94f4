/// A physical quantity: a number together with its dimension, such as -65 mV.
///
/// The value is stored in SI base units, so `-65 * mV` has `value == -0.065` and
/// `dimension == .voltage`. Addition, subtraction and comparison check dimensions and throw
/// ``DimensionMismatchError`` when they differ; multiplication and division combine them.
/// Equality (`==`) compares value and dimension exactly.
public struct Quantity: Hashable, Sendable {
    /// The magnitude in SI base units.
    public var value: Double
    /// The physical dimension.
    public var dimension: Dimension

    /// A quantity of `value` SI base units of `dimension`.
    public init(value: Double, dimension: Dimension = .dimensionless) {
        self.value = value
        self.dimension = dimension
    }

    /// Whether the quantity is a pure number.
    public var isDimensionless: Bool { dimension.isDimensionless }

    /// The value expressed as a multiple of `unit`: `(20 * ms).in(second)` is 0.02.
    ///
    /// - Throws: ``DimensionMismatchError`` when `unit` has another dimension.
    public func `in`(_ unit: Quantity) throws -> Double {
        try DimensionCheck.expressible(dimension, in: unit, describing: description)
        return value / unit.value
    }
}
