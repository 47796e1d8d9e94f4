// The order of terms in sums and factors in products, which makes canonical forms unique: a total
// order on expressions, by kind and then by content.
extension SymbolicExpression {
    /// Whether the sum term `lhs` comes before `rhs`: by their monomials, then by coefficient.
    static func termPrecedes(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> Bool {
        let (left, right) = (lhs.coefficientAndMonomial, rhs.coefficientAndMonomial)
        let order = compare(left.monomial, right.monomial)
        return order != 0 ? order < 0 : left.coefficient < right.coefficient
    }

    /// Whether the product factor `lhs` comes before `rhs`: by their bases, then by exponent, so
    /// `x*y**2*z` keeps the alphabetical order of its bases.
    static func factorPrecedes(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> Bool {
        let (left, right) = (lhs.baseAndExponent, rhs.baseAndExponent)
        let order = compare(left.base, right.base)
        return order != 0 ? order < 0 : compare(left.exponent, right.exponent) < 0
    }

    private var kindRank: Int {
        switch node {
        case .number: return 0
        case .symbol: return 1
        case .power: return 2
        case .product: return 3
        case .sum: return 4
        case .call: return 5
        case .draw: return 6
        case .operation: return 7
        case .not: return 8
        }
    }

    /// A three-way comparison: negative when `lhs` comes first, zero when equal.
    static func compare(_ lhs: SymbolicExpression, _ rhs: SymbolicExpression) -> Int {
        if lhs.kindRank != rhs.kindRank { return lhs.kindRank - rhs.kindRank }
        switch (lhs.node, rhs.node) {
        case (.number(let a), .number(let b)):
            if a == b { return 0 }
            if a.doubleValue != b.doubleValue, !a.doubleValue.isNaN, !b.doubleValue.isNaN { return a < b ? -1 : 1 }
            return a.description < b.description ? -1 : 1
        case (.symbol(let a), .symbol(let b)):
            return a == b ? 0 : (a < b ? -1 : 1)
        case (.call(let a, _), .call(let b, _)) where a != b:
            return a < b ? -1 : 1
        case (.draw(let a, _, let first), .draw(let b, _, let second)):
            if a != b { return a < b ? -1 : 1 }
            return first - second
        case (.operation(let a, _, _), .operation(let b, _, _)) where a != b:
            return a.rawValue < b.rawValue ? -1 : 1
        default:
            return compare(lhs.children, rhs.children)
        }
    }

    private static func compare(_ lhs: [SymbolicExpression], _ rhs: [SymbolicExpression]) -> Int {
        for (left, right) in zip(lhs, rhs) {
            let order = compare(left, right)
            if order != 0 { return order }
        }
        return lhs.count - rhs.count
    }
}
