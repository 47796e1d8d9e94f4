/// An expression of Brian's model language (`(El - v)/taum`, `v > Vt and not_refractory`),
/// as parsed, with the span of every node in its source text.
///
/// Two expressions are equal when they have the same structure; spans are ignored.
public struct Expression: Hashable, Sendable, CustomStringConvertible {
    /// The node kinds.
    public indirect enum Node: Hashable, Sendable {
        /// An integer literal.
        case integer(Int)
        /// A floating-point literal.
        case float(Double)
        /// `True` or `False`.
        case boolean(Bool)
        /// A name: a variable, a namespace entry, a unit or a constant.
        case name(String)
        /// `-x`, `+x` or `not x`.
        case unary(UnaryOperator, Expression)
        /// `x op y`.
        case binary(BinaryOperator, Expression, Expression)
        /// `f(x, y, ...)`.
        case call(String, [Expression])
    }

    /// What the expression is.
    public var node: Node {
        didSet { depth = Expression.depth(of: node) }
    }
    /// Where it is in its source text.
    public var span: SourceSpan
    /// The number of nodes on the longest path from this node to a leaf (1 for a name or a
    /// number); see ``maximumDepth``.
    public private(set) var depth: Int

    /// The deepest expression SwiftBrian accepts. Every layer (dimension checking, symbolic
    /// rewriting, code generation) walks expressions recursively, so deeper ones are refused with
    /// an error rather than risking a stack overflow. Parentheses, function calls, unary
    /// operators and each term of a chain of binary operators count: `a + b + c` is
    /// `(a + b) + c`, two levels below its top, so a sum of more than 200 terms is too deep.
    public static let maximumDepth = 200

    /// An expression `node` at `span` (an empty span at 0 for generated expressions).
    public init(_ node: Node, span: SourceSpan = SourceSpan(0, 0)) {
        self.node = node
        self.span = span
        self.depth = Expression.depth(of: node)
    }

    private static func depth(of node: Node) -> Int {
        switch node {
        case .integer, .float, .boolean, .name: return 1
        case .unary(_, let operand): return operand.depth + 1
        case .binary(_, let lhs, let rhs): return max(lhs.depth, rhs.depth) + 1
        case .call(_, let arguments): return (arguments.map(\.depth).max() ?? 0) + 1
        }
    }

    public static func == (lhs: Expression, rhs: Expression) -> Bool { lhs.node == rhs.node }
    public func hash(into hasher: inout Hasher) { hasher.combine(node) }

    /// Every name the expression reads (variables, constants, units), without function names.
    public var identifiers: Set<String> {
        var names = Set<String>()
        visit { expression in
            if case .name(let name) = expression.node { names.insert(name) }
        }
        return names
    }

    /// The names of every function the expression calls.
    public var functionNames: Set<String> {
        var names = Set<String>()
        visit { expression in
            if case .call(let name, _) = expression.node { names.insert(name) }
        }
        return names
    }

    /// Calls `body` on this expression and every subexpression, parents first.
    public func visit(_ body: (Expression) throws -> Void) rethrows {
        try body(self)
        switch node {
        case .integer, .float, .boolean, .name: break
        case .unary(_, let operand): try operand.visit(body)
        case .binary(_, let lhs, let rhs):
            try lhs.visit(body)
            try rhs.visit(body)
        case .call(_, let arguments): try arguments.forEach { try $0.visit(body) }
        }
    }

    /// The expression with every node rewritten by `transform`, children first. `transform` returns
    /// `nil` to keep a node as it is.
    public func rewritten(_ transform: (Expression) throws -> Expression?) rethrows -> Expression {
        var copy = self
        switch node {
        case .integer, .float, .boolean, .name: break
        case .unary(let op, let operand): copy.node = .unary(op, try operand.rewritten(transform))
        case .binary(let op, let lhs, let rhs):
            copy.node = .binary(op, try lhs.rewritten(transform), try rhs.rewritten(transform))
        case .call(let name, let arguments):
            copy.node = .call(name, try arguments.map { try $0.rewritten(transform) })
        }
        return try transform(copy) ?? copy
    }

    /// The expression with each name in `replacements` replaced by its expression.
    public func substituting(_ replacements: [String: Expression]) -> Expression {
        rewritten { expression in
            if case .name(let name) = expression.node, var replacement = replacements[name] {
                replacement.span = expression.span
                return replacement
            }
            return nil
        }
    }

    /// The expression in Brian's syntax, with only the parentheses it needs.
    public var description: String { ExpressionPrinter.print(self) }
}

/// Prefix operators.
public enum UnaryOperator: String, Hashable, Sendable {
    /// `-x`
    case negate = "-"
    /// `+x`
    case plus = "+"
    /// `not x`
    case not = "not"
}

/// Infix operators, with Python's precedence.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%"
    case power = "**"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case and = "and", or = "or"

    /// Whether the operator compares its operands and gives a boolean.
    public var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
        default: return false
        }
    }

    /// Whether the operator is `and` or `or`.
    public var isLogical: Bool { self == .and || self == .or }

    /// Binding strength: larger binds tighter.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return 4
        case .add, .subtract: return 5
        case .multiply, .divide, .floorDivide, .modulo: return 6
        case .power: return 8
        }
    }
}
