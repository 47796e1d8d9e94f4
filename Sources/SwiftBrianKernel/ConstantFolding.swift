import SwiftBrianLanguage

/// Values of the parts of an expression that are made of constants only (parameters of the
/// namespace become constants when a kernel is built), so that code can be checked for what
/// Brian refuses when it runs, such as a division by zero.
extension KernelExpression {
    /// The value of the expression if it is made of constants and built-in functions only.
    public var constantValue: Double? {
        switch self {
        case .constant(let value): return value
        case .unary(let op, let operand):
            guard let value = operand.constantValue else { return nil }
            switch op {
            case .negate: return -value
            case .plus: return value
            case .not: return value == 0 ? 1 : 0
            }
        case .binary(let op, let lhs, let rhs):
            guard let left = lhs.constantValue, let right = rhs.constantValue else { return nil }
            return Evaluator.apply(op, left, right)
        case .call(.builtin(let name), let arguments):
            guard case .pure(let body)? = Function.builtins[name]?.implementation else { return nil }
            let values = arguments.compactMap(\.constantValue)
            return values.count == arguments.count ? body(values) : nil
        default:
            return nil
        }
    }

    /// Whether some division in the expression has a denominator that is a constant zero.
    public var dividesByConstantZero: Bool {
        var found = false
        visit { expression in
            if case .binary(let op, _, let denominator) = expression, [.divide, .floorDivide, .modulo].contains(op),
               denominator.constantValue == 0 {
                found = true
            }
        }
        return found
    }
}
