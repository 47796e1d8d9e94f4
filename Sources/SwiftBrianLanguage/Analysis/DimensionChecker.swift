import Foundation
import struct SwiftBrianUnits.Dimension
import SwiftBrianUnits

/// Infers and checks the dimensions of expressions with Brian's rules: `+ - %` and comparisons
/// need equal units, `* /` combine them, `**` needs a dimensionless exponent (a constant number
/// when the base has a unit), `//` needs dimensionless operands, functions follow their unit rules.
public struct DimensionChecker: Sendable {
    /// Resolves names.
    public let scope: Scope
    /// The text the expressions come from, for error messages.
    public let source: SourceText

    /// A checker resolving names in `scope`, reporting errors in `source`.
    public init(scope: Scope, source: SourceText) {
        self.scope = scope
        self.source = source
    }

    private func fail(_ kind: ModelError.Kind, _ message: String, _ span: SourceSpan) -> ModelError {
        ModelError(kind, message, source: source, span: span)
    }

    private func quoted(_ expression: Expression) -> String { "'\(source.excerpt(expression.span))'" }

    /// The dimension of `expression`, or an error at the first place its units do not fit.
    public func dimension(of expression: Expression) throws -> Dimension {
        switch expression.node {
        case .integer, .float, .boolean:
            return .dimensionless
        case .name(let name):
            switch try scope.resolve(name, source: source, span: expression.span) {
            case .variable(let variable): return variable.dimension
            case .value(let value): return value.dimension
            }
        case .unary(.not, let operand):
            _ = try dimension(of: operand)
            return .dimensionless
        case .unary(_, let operand):
            return try dimension(of: operand)
        case .binary(let op, let lhs, let rhs):
            return try binaryDimension(op, lhs, rhs, expression)
        case .call(let name, let arguments):
            return try callDimension(name, arguments, expression)
        }
    }

    private func binaryDimension(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression,
                                 _ expression: Expression) throws -> Dimension {
        if op.isLogical {
            _ = try dimension(of: lhs)
            _ = try dimension(of: rhs)
            return .dimensionless
        }
        let left = try dimension(of: lhs)
        let right = try dimension(of: rhs)
        switch op {
        case .add, .subtract, .modulo:
            try requireSame(left, right, lhs, rhs, verb: op == .modulo ? "take the remainder of" : (op == .add ? "add" : "subtract"))
            return left
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual:
            try requireSame(left, right, lhs, rhs, verb: "compare")
            return .dimensionless
        case .multiply: return left * right
        case .divide: return left / right
        case .floorDivide:
            guard left.isDimensionless, right.isDimensionless else {
                throw fail(.dimensionMismatch, "Floor division '//' needs dimensionless operands; "
                           + "\(quoted(lhs)) is in \(left.unitSpecification) and \(quoted(rhs)) in \(right.unitSpecification)",
                           expression.span)
            }
            return .dimensionless
        case .power:
            guard right.isDimensionless else {
                throw fail(.dimensionMismatch, "The exponent \(quoted(rhs)) must be dimensionless, "
                           + "but it is in \(right.unitSpecification)", rhs.span)
            }
            if left.isDimensionless { return .dimensionless }
            guard let exponent = constantValue(of: rhs), let rational = Rational(approximating: exponent) else {
                throw fail(.dimensionMismatch, "\(quoted(lhs)) has the unit \(left.unitSpecification), so its "
                           + "exponent \(quoted(rhs)) must be a constant number", rhs.span)
            }
            return left.raised(to: rational)
        case .and, .or:
            return .dimensionless
        }
    }

    private func requireSame(_ left: Dimension, _ right: Dimension, _ lhs: Expression, _ rhs: Expression,
                             verb: String) throws {
        guard left != right else { return }
        throw fail(.dimensionMismatch, "Cannot \(verb) \(quoted(lhs)) (\(left.unitSpecification)) and "
                   + "\(quoted(rhs)) (\(right.unitSpecification)): the units do not match", rhs.span)
    }

    private func callDimension(_ name: String, _ arguments: [Expression], _ expression: Expression) throws -> Dimension {
        guard let function = scope.function(named: name) else {
            if scope.variables[name] != nil || scope.namespace.values[name] != nil || UnitRegistry.named(name) != nil {
                throw fail(.invalidCall, "'\(name)' is not a function and cannot be called", expression.span)
            }
            let known = Array(Function.builtins.keys) + Array(scope.namespace.functions.keys)
            let hint = Suggestions.closest(to: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw fail(.unknownIdentifier, "Unknown function '\(name)'\(hint)", expression.span)
        }
        guard arguments.count == function.arguments.count else {
            let expected = function.arguments.count
            throw fail(.invalidCall, "'\(name)' takes \(expected) argument\(expected == 1 ? "" : "s"), "
                       + "but \(arguments.count) \(arguments.count == 1 ? "was" : "were") given", expression.span)
        }
        let dimensions = try arguments.map { try dimension(of: $0) }
        for (index, rule) in function.arguments.enumerated() {
            let argument = arguments[index]
            let actual = dimensions[index]
            let ordinal = "argument \(index + 1) of '\(name)'"
            switch rule {
            case .any:
                break
            case .dimensionless:
                guard actual.isDimensionless else {
                    throw fail(.dimensionMismatch, "The \(ordinal) must be dimensionless, but \(quoted(argument)) "
                               + "is in \(actual.unitSpecification)", argument.span)
                }
            case .boolean:
                guard try isBoolean(argument) else {
                    throw fail(.dimensionMismatch, "The \(ordinal) must be a boolean expression", argument.span)
                }
            case .dimension(let required):
                guard actual == required else {
                    throw fail(.dimensionMismatch, "The \(ordinal) must be in \(required.unitSpecification), but "
                               + "\(quoted(argument)) is in \(actual.unitSpecification)", argument.span)
                }
            case .sameAs(let other):
                guard actual == dimensions[other] else {
                    throw fail(.dimensionMismatch, "The \(ordinal) must have the unit of argument \(other + 1) "
                               + "(\(dimensions[other].unitSpecification)), but \(quoted(argument)) is in "
                               + "\(actual.unitSpecification)", argument.span)
                }
            }
        }
        switch function.result {
        case .dimensionless, .boolean: return .dimensionless
        case .dimension(let dimension): return dimension
        case .sameAs(let index): return dimensions[index]
        case .power(let index, let exponent): return dimensions[index].raised(to: exponent)
        }
    }

    /// Whether `expression` is boolean: a comparison, `and`/`or`/`not`, `True`/`False`, a boolean
    /// variable or a function returning a boolean.
    public func isBoolean(_ expression: Expression) throws -> Bool {
        switch expression.node {
        case .boolean: return true
        case .unary(.not, _): return true
        case .binary(let op, _, _): return op.isComparison || op.isLogical
        case .name(let name):
            if case .variable(let variable) = try scope.resolve(name, source: source, span: expression.span) {
                return variable.type == .boolean
            }
            return false
        case .call(let name, _):
            if case .boolean = scope.function(named: name)?.result { return true }
            return false
        default: return false
        }
    }

    /// Checks that `expression` has dimension `expected`. A sum whose terms disagree is checked
    /// term by term, so the caret lands under the term whose unit is wrong; `what` names what the
    /// value is for.
    public func check(_ expression: Expression, has expected: Dimension, what: String) throws {
        if (try? dimension(of: expression)) == nil {
            if case .binary(let op, let lhs, let rhs) = expression.node, op == .add || op == .subtract {
                try check(lhs, has: expected, what: what)
                try check(rhs, has: expected, what: what)
                return
            }
            if case .unary(let op, let operand) = expression.node, op != .not {
                try check(operand, has: expected, what: what)
                return
            }
        }
        let actual = try dimension(of: expression)
        guard actual == expected else {
            throw fail(.dimensionMismatch, "The unit of \(quoted(expression)) is \(actual.unitSpecification), "
                       + "but \(what) must be in \(expected.unitSpecification)", expression.span)
        }
    }

    /// The value of `expression` if it is built from numbers, namespace values, units and
    /// constants only (no variables, no functions).
    public func constantValue(of expression: Expression) -> Double? {
        switch expression.node {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        case .boolean(let value): return value ? 1 : 0
        case .name(let name):
            guard case .value(let quantity)? = try? scope.resolve(name, source: nil, span: nil) else { return nil }
            return quantity.value
        case .unary(.negate, let operand): return constantValue(of: operand).map { -$0 }
        case .unary(.plus, let operand): return constantValue(of: operand)
        case .binary(let op, let lhs, let rhs):
            guard let left = constantValue(of: lhs), let right = constantValue(of: rhs) else { return nil }
            switch op {
            case .add: return left + right
            case .subtract: return left - right
            case .multiply: return left * right
            case .divide: return left / right
            case .power: return pow(left, right)
            default: return nil
            }
        default: return nil
        }
    }
}
