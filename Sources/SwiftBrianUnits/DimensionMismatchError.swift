import Foundation

/// Thrown when an operation combines quantities whose dimensions must agree but do not, such
/// as `1 * volt + 1 * second` or expressing a voltage in seconds.
public struct DimensionMismatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was attempted, in the user's terms, such as `"Cannot calculate 1. V + 1. s"`.
    public let operation: String
    /// The dimension of the first operand.
    public let firstDimension: Dimension
    /// The dimension of the second operand.
    public let secondDimension: Dimension

    /// An error for `operation`, which involved operands of the two given dimensions.
    public init(operation: String, firstDimension: Dimension, secondDimension: Dimension) {
        self.operation = operation
        self.firstDimension = firstDimension
        self.secondDimension = secondDimension
    }

    /// The operation followed by both units, for example
    /// `"Cannot calculate 1. V + 1. s, units do not match (units are volt and second)."`.
    public var description: String {
        "\(operation), units do not match (units are \(firstDimension) and \(secondDimension))."
    }
}

extension DimensionMismatchError: LocalizedError {
    /// The same text as ``description``.
    public var errorDescription: String? { description }
}
