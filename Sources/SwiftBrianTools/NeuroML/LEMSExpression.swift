import SwiftBrian

/// Expressions of Brian's model language written in LEMS's expression syntax: comparisons as
/// `.gt.`, `.leq.`, boolean operators as `.and.`, `.or.`, powers as `^`, `rand()` as
/// `random(1)`. Names are renamed by the caller (units become constants, `i` becomes `index`);
/// anything LEMS has no syntax for (`randn()`, `//`, `%`, `not`, user functions) is an error
/// naming the object and the construct.
struct LEMSExpression {
    /// The object whose code is written, for error messages.
    let owner: String
    /// The LEMS name of each name of the expression, or nil when it cannot be written (then the
    /// printer throws, naming it).
    let rename: (String) -> String?

    /// Brian's functions that LEMS (jLEMS) knows under the same name; `log` is the natural
    /// logarithm in both.
    private static let functions: Set<String> = ["exp", "log", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh",
                                                 "abs", "ceil"]

    /// `expression` in LEMS syntax.
    func write(_ expression: Expression) throws -> String {
        switch expression.node {
        case .integer(let value):
            return value < 0 ? "(\(value))" : String(value)
        case .float(let value):
            return value < 0 ? "(\(value))" : "\(value)"
        case .boolean:
            throw unsupported("the boolean literal in '\(expression)'")
        case .name(let name):
            guard let renamed = rename(name) else {
                throw unsupported("the name '\(name)' (in '\(expression)')")
            }
            return renamed
        case .unary(.negate, let operand):
            return "(0 - \(try write(operand)))"
        case .unary(.plus, let operand):
            return try write(operand)
        case .unary(.not, _):
            throw unsupported("'not' (in '\(expression)')")
        case .binary(let op, let lhs, let rhs):
            return "(\(try write(lhs)) \(try symbol(op, in: expression)) \(try write(rhs)))"
        case .call("rand", let arguments) where arguments.isEmpty:
            return "random(1)"
        case .call(let name, let arguments):
            guard Self.functions.contains(name), arguments.count == 1 else {
                throw unsupported("the function '\(name)' (in '\(expression)')")
            }
            return "\(name)(\(try write(arguments[0])))"
        }
    }

    private func symbol(_ op: BinaryOperator, in expression: Expression) throws -> String {
        switch op {
        case .add, .subtract, .multiply, .divide: return op.rawValue
        case .power: return "^"
        case .less: return ".lt."
        case .lessEqual: return ".leq."
        case .greater: return ".gt."
        case .greaterEqual: return ".geq."
        case .equal: return ".eq."
        case .notEqual: return ".neq."
        case .and: return ".and."
        case .or: return ".or."
        case .floorDivide, .modulo: throw unsupported("the operator '\(op.rawValue)' (in '\(expression)')")
        }
    }

    private func unsupported(_ what: String) -> ModelError {
        NeuroMLExport.unsupported(owner, what)
    }
}
