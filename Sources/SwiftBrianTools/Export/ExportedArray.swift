import SwiftBrianUnits

/// A named array of recorded data with its physical dimension; the numbers are in SI base units
/// of that dimension (times in seconds, potentials in volts, rates in hertz).
public struct ExportedArray: Equatable, Sendable {
    /// The name the array has in an archive (`"t"`, `"v"`).
    public var name: String
    /// The numbers.
    public var array: NumPyArray
    /// The dimension of the numbers; ``NumPyArray`` holds their values in its SI unit.
    public var dimension: Dimension

    /// The array `name`, of values in the SI unit of `dimension`.
    public init(_ name: String, _ array: NumPyArray, dimension: Dimension = .dimensionless) {
        self.name = name
        self.array = array
        self.dimension = dimension
    }

    /// The array `name` of `quantities`' values in SI base units, with their dimension.
    public init(_ name: String, _ quantities: QuantityArray) {
        self.init(name, NumPyArray(quantities.values), dimension: quantities.dimension)
    }

    /// The SI unit the numbers are in, as Brian names it: `"second"`, `"volt"`, `"hertz"`,
    /// `"siemens/metre**2"`, or `"1"` for pure numbers.
    public var unit: String { dimension.description }
}
