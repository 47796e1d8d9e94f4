import Foundation
import SwiftBrianPortableMath

/// Evaluates expressions and statements on plain numbers (SI base units): the scalar semantics
/// every backend must reproduce. Booleans are 0 and 1; `int()` truncates; `/` is true division,
/// `//` floors and `%` takes the sign of the divisor, as in Python.
public struct Evaluator {
    /// The value of a name (variables, namespace values, units, constants), or nil if unknown.
    public var lookup: (String) -> Double?
    /// The function called by a name.
    public var function: (String) -> Function?
    /// Draws for `rand()`: uniform in [0, 1).
    public var uniform: () -> Double
    /// Draws for `randn()`: standard normal.
    public var normal: () -> Double

    /// An evaluator reading names through `lookup` and functions through `function`.
    public init(lookup: @escaping (String) -> Double?,
                function: @escaping (String) -> Function? = { Function.builtins[$0] },
                uniform: @escaping () -> Double = { Double.random(in: 0..<1) },
                normal: @escaping () -> Double = { Evaluator.standardNormal() }) {
        self.lookup = lookup
        self.function = function
        self.uniform = uniform
        self.normal = normal
    }

    /// The value of `expression`.
    public func evaluate(_ expression: Expression) throws -> Double {
        switch expression.node {
        case .integer(let value): return Double(value)
        case .float(let value): return value
        case .boolean(let value): return value ? 1 : 0
        case .name(let name):
            guard let value = lookup(name) else {
                throw ModelError(.unknownIdentifier, "No value for '\(name)'")
            }
            return value
        case .unary(let op, let operand):
            let value = try evaluate(operand)
            switch op {
            case .negate: return -value
            case .plus: return value
            case .not: return value == 0 ? 1 : 0
            }
        case .binary(.and, let lhs, let rhs):
            return try evaluate(lhs) != 0 && evaluate(rhs) != 0 ? 1 : 0
        case .binary(.or, let lhs, let rhs):
            return try evaluate(lhs) != 0 || evaluate(rhs) != 0 ? 1 : 0
        case .binary(let op, let lhs, let rhs):
            return Self.apply(op, try evaluate(lhs), try evaluate(rhs))
        case .call(let name, let arguments):
            guard let function = function(name) else {
                throw ModelError(.unknownIdentifier, "Unknown function '\(name)'")
            }
            switch function.implementation {
            case .pure(let body): return body(try arguments.map(evaluate))
            case .uniformRandom: return uniform()
            case .normalRandom: return normal()
            case .poissonRandom:
                guard arguments.count == 1 else {
                    throw ModelError(.invalidCall, "'\(name)' takes one argument (the mean), not \(arguments.count)")
                }
                return PoissonSampling.draw(mean: try evaluate(arguments[0]), uniform: uniform)
            }
        }
    }

    /// The arithmetic and comparison operators on numbers.
    public static func apply(_ op: BinaryOperator, _ left: Double, _ right: Double) -> Double {
        switch op {
        case .add: return left + right
        case .subtract: return left - right
        case .multiply: return left * right
        case .divide: return left / right
        case .floorDivide: return (left / right).rounded(.down)
        case .modulo:
            let remainder = fmod(left, right)
            return remainder != 0 && (remainder < 0) != (right < 0) ? remainder + right : remainder
        case .power: return PortableMath.pow(left, right)
        case .less: return left < right ? 1 : 0
        case .lessEqual: return left <= right ? 1 : 0
        case .greater: return left > right ? 1 : 0
        case .greaterEqual: return left >= right ? 1 : 0
        case .equal: return left == right ? 1 : 0
        case .notEqual: return left != right ? 1 : 0
        case .and: return left != 0 && right != 0 ? 1 : 0
        case .or: return left != 0 || right != 0 ? 1 : 0
        }
    }

    /// A standard normal draw (Box–Muller) from the system generator.
    public static func standardNormal() -> Double {
        let u1 = Double.random(in: Double.leastNormalMagnitude..<1)
        let u2 = Double.random(in: 0..<1)
        return sqrt(-2 * log(u1)) * cos(2 * Double.pi * u2)
    }
}
