import Foundation
import SwiftBrianLanguage

extension SymbolicExpression {
    /// The value of the expression when every name has a value in `lookup` and every function
    /// called is stateless (by default the built-ins); nil otherwise, and for draws.
    public func numericValue(_ lookup: (String) -> Double?,
                             functions: (String) -> Function? = { Function.builtins[$0] }) -> Double? {
        func value(_ expression: SymbolicExpression) -> Double? {
            switch expression.node {
            case .number(let number): return number.doubleValue
            case .symbol(let name): return lookup(name)
            case .sum(let terms):
                var total = 0.0
                for term in terms {
                    guard let item = value(term) else { return nil }
                    total += item
                }
                return total
            case .product(let factors):
                var total = 1.0
                for factor in factors {
                    guard let item = value(factor) else { return nil }
                    total *= item
                }
                return total
            case .power(let base, let exponent):
                guard let base = value(base), let exponent = value(exponent) else { return nil }
                return pow(base, exponent)
            case .call(let name, let arguments):
                guard case .pure(let body)? = functions(name)?.implementation else { return nil }
                var values: [Double] = []
                for argument in arguments {
                    guard let item = value(argument) else { return nil }
                    values.append(item)
                }
                return body(values)
            case .draw:
                return nil
            case .operation(let op, let lhs, let rhs):
                guard let left = value(lhs), let right = value(rhs) else { return nil }
                return Evaluator.apply(op, left, right)
            case .not(let operand):
                return value(operand).map { $0 == 0 ? 1 : 0 }
            }
        }
        return value(self)
    }
}
