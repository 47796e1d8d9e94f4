/// The dimension rule shared by every addition, subtraction and comparison of quantities.
enum DimensionCheck {
    /// The common dimension of two operands that must agree, or the error for combining them.
    ///
    /// Operands must have the same dimension, except that a dimensionless operand flagged as
    /// matching any dimension takes the other's. Callers flag dimensionless zeros for sums
    /// (`v + 0`), and zeros and infinities for comparisons (`v > 0`, `v < inf`), as Brian does.
    static func common(_ first: Dimension, _ second: Dimension,
                       firstMatchesAny: Bool, secondMatchesAny: Bool,
                       operation: @autoclosure () -> String) throws -> Dimension {
        if first == second { return first }
        if first.isDimensionless && firstMatchesAny { return second }
        if second.isDimensionless && secondMatchesAny { return first }
        throw DimensionMismatchError(operation: operation(), firstDimension: first,
                                     secondDimension: second)
    }

    /// Throws unless a value of `dimension`, described as `value`, can be expressed in `unit`.
    static func expressible(_ dimension: Dimension, in unit: Quantity,
                            describing value: @autoclosure () -> String) throws {
        guard unit.dimension == dimension else {
            throw DimensionMismatchError(operation: "Cannot express \(value()) in units of \(unit)",
                                         firstDimension: dimension, secondDimension: unit.dimension)
        }
    }
}
