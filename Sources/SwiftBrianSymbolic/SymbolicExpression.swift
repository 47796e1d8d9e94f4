import SwiftBrianLanguage
import Synchronization

/// An expression of the model language in a canonical form that a small computer-algebra layer
/// can work on: sums of terms with numeric coefficients, products of powers, function calls.
///
/// Expressions are always canonical, because the only ways to build them are the constructors
/// below (``sum(_:)``, ``product(_:)``, ``power(_:_:)``, the arithmetic operators, and the
/// conversion from an ``Expression``), and each of them simplifies as it builds:
///
/// - numbers are folded (`2*3 → 6`, `x + 0 → x`, `x*1 → x`, `x**1 → x`, `x*0 → 0`);
/// - nested sums and products are flattened;
/// - like terms are collected (`2*x + x → 3*x`) and so are powers of one base
///   (`x*x**2/x → x**2`, which assumes the base is not zero, as computer algebra does);
/// - a number times a sum is distributed (`2*(x + y) → 2*x + 2*y`);
/// - terms and factors are sorted, so equal expressions have equal forms in most cases.
///
/// Products of sums are not multiplied out; ``expanded`` does that. `sqrt(x)` is the power
/// `x**(1/2)` and `a/b` is `a*b**-1`; converting back to an ``Expression`` writes them as
/// `sqrt(x)` and `a/b` again.
///
/// Calls of functions that are not stateless (`rand()`, `randn()`, `poisson(l)`) are *draws*: every
/// occurrence is a different value, so `rand() - rand()` does not cancel.
public struct SymbolicExpression: Hashable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral {
    /// What an expression is. The cases are for reading; build expressions with the constructors.
    public indirect enum Node: Hashable, Sendable {
        /// A number.
        case number(SymbolicNumber)
        /// A name: a variable, a parameter, a constant, a unit.
        case symbol(String)
        /// A sum of at least two terms, none of them a sum, at most one of them a number (first).
        case sum([SymbolicExpression])
        /// A product of at least two factors, none of them a product, at most one a number (first).
        case product([SymbolicExpression])
        /// `base ** exponent`, where the exponent is neither 0 nor 1.
        case power(SymbolicExpression, SymbolicExpression)
        /// A call of a stateless function such as `exp(x)`.
        case call(String, [SymbolicExpression])
        /// A call of a function that is not stateless (`rand()`): `occurrence` tells one call from
        /// another.
        case draw(String, [SymbolicExpression], occurrence: Int)
        /// A comparison, `and`, `or`, `//` or `%`: piecewise constant, never simplified except
        /// when both operands are numbers.
        case operation(BinaryOperator, SymbolicExpression, SymbolicExpression)
        /// `not x`.
        case not(SymbolicExpression)
    }

    /// What the expression is.
    public let node: Node

    init(_ node: Node) { self.node = node }

    public init(integerLiteral value: Int) { node = .number(SymbolicNumber(value)) }
    public init(floatLiteral value: Double) { node = .number(SymbolicNumber(value)) }

    /// The number `value`.
    public static func number(_ value: SymbolicNumber) -> SymbolicExpression { SymbolicExpression(.number(value)) }

    /// The name `name`.
    public static func symbol(_ name: String) -> SymbolicExpression { SymbolicExpression(.symbol(name)) }

    /// The value when the expression is a number.
    public var numberValue: SymbolicNumber? {
        if case .number(let value) = node { return value }
        return nil
    }

    /// Whether the expression is the number zero. Use ``isEquivalent(to:)`` to find zeros that
    /// only show after multiplying out, such as `x*(y + 1) - x*y - x`.
    public var isZero: Bool { numberValue?.isZero ?? false }

    /// Whether the expression is the number one.
    public var isOne: Bool { numberValue?.isOne ?? false }

    /// Whether `self - other` multiplies out to zero.
    public func isEquivalent(to other: SymbolicExpression) -> Bool { (self - other).expanded.isZero }

    /// The direct subexpressions.
    public var children: [SymbolicExpression] {
        switch node {
        case .number, .symbol: return []
        case .sum(let items), .product(let items), .call(_, let items), .draw(_, let items, _): return items
        case .power(let base, let exponent): return [base, exponent]
        case .operation(_, let lhs, let rhs): return [lhs, rhs]
        case .not(let operand): return [operand]
        }
    }

    /// Every name the expression reads.
    public var symbols: Set<String> {
        if case .symbol(let name) = node { return [name] }
        return children.reduce(into: []) { $0.formUnion($1.symbols) }
    }

    /// Whether the expression reads `name`.
    public func contains(_ name: String) -> Bool {
        if case .symbol(let own) = node { return own == name }
        return children.contains { $0.contains(name) }
    }

    /// The names of the functions drawn from (`rand`, `randn`) anywhere in the expression.
    public var drawnFunctions: Set<String> {
        var names: Set<String> = children.reduce(into: []) { $0.formUnion($1.drawnFunctions) }
        if case .draw(let name, _, _) = node { names.insert(name) }
        return names
    }

    /// The expression in Brian's syntax.
    public var description: String { expression.description }

    private static let occurrences = Atomic<Int>(0)

    /// A new occurrence number for a draw.
    static func nextOccurrence() -> Int {
        occurrences.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
