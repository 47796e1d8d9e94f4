/// A derivative that cannot be taken: the variable appears in the argument of a function whose
/// derivative is not known (a user function).
public struct DifferentiationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The function.
    public let function: String
    /// The variable.
    public let variable: String

    public var description: String {
        "Cannot differentiate '\(function)' with respect to '\(variable)': its derivative is not known"
    }
}

extension SymbolicExpression {
    /// The derivative with respect to the variable `name`, simplified.
    ///
    /// Every built-in function has its rule: `exp`, `expm1`, `log`, `log1p`, `log10`, `sqrt` (a
    /// power), `sin`, `cos`, `tan`, `sinh`, `cosh`, `tanh`, `arcsin`, `arccos`, `arctan`, `abs`
    /// (`sign`), `exprel` (`(exp(u)*(u - 1) + 1)/u**2`, whose removable singularity at 0 evaluates
    /// to NaN), powers with symbolic bases and exponents, and `clip(u, low, high)` (`u'` between
    /// the bounds, the bound's derivative outside them).
    ///
    /// Piecewise-constant functions (`int`, `floor`, `ceil`, `sign`, `timestep`), comparisons and
    /// logical operators have the derivative zero, which is true almost everywhere; draws
    /// (`rand()`, `randn()`, `poisson(l)`) do not depend on any variable. The derivative alone
    /// therefore does not prove that an expression is linear: ``LinearSystem`` also checks that
    /// nothing of the variable is left after the linear part is taken away.
    ///
    /// - Throws: ``DifferentiationError`` when `name` appears in the arguments of a function
    ///   without a known derivative.
    public func derivative(withRespectTo name: String) throws -> SymbolicExpression {
        guard contains(name) else { return 0 }
        switch node {
        case .number, .draw, .operation, .not:
            return 0
        case .symbol:
            return 1
        case .sum(let terms):
            return .sum(try terms.map { try $0.derivative(withRespectTo: name) })
        case .product(let factors):
            var terms: [SymbolicExpression] = []
            for index in factors.indices {
                let derivative = try factors[index].derivative(withRespectTo: name)
                guard !derivative.isZero else { continue }
                var product = factors
                product[index] = derivative
                terms.append(.product(product))
            }
            return .sum(terms)
        case .power(let base, let exponent):
            let baseDerivative = try base.derivative(withRespectTo: name)
            let exponentDerivative = try exponent.derivative(withRespectTo: name)
            var terms: [SymbolicExpression] = []
            if !baseDerivative.isZero {
                terms.append(.product([exponent, .power(base, exponent - 1), baseDerivative]))
            }
            if !exponentDerivative.isZero {
                terms.append(.product([self, .call("log", [base]), exponentDerivative]))
            }
            return .sum(terms)
        case .call(let function, let arguments):
            return try Self.derivative(of: function, arguments, withRespectTo: name)
        }
    }

    private static func derivative(of function: String, _ arguments: [SymbolicExpression],
                                   withRespectTo name: String) throws -> SymbolicExpression {
        let failure = DifferentiationError(function: function, variable: name)
        if function == "timestep" { return 0 }
        if function == "clip", arguments.count == 3 {
            let (value, low, high) = (arguments[0], arguments[1], arguments[2])
            let inside = SymbolicExpression.binary(.and, .binary(.greater, value, low), .binary(.less, value, high))
            let pieces: [(SymbolicExpression, SymbolicExpression)] = [
                (value, inside), (low, .binary(.lessEqual, value, low)), (high, .binary(.greaterEqual, value, high)),
            ]
            return .sum(try pieces.map { piece, condition in
                .product([try piece.derivative(withRespectTo: name), .call("int", [condition])])
            })
        }
        guard arguments.count == 1, let outer = unaryDerivatives[function] else { throw failure }
        let argument = arguments[0]
        return .product([outer(argument), try argument.derivative(withRespectTo: name)])
    }

    /// The derivative of each one-argument built-in function, as a function of its argument.
    private static let unaryDerivatives: [String: @Sendable (SymbolicExpression) -> SymbolicExpression] = [
        "exp": { .call("exp", [$0]) },
        "log": { .power($0, -1) },
        "log10": { .power($0 * .call("log", [10]), -1) },
        "sin": { .call("cos", [$0]) },
        "cos": { -.call("sin", [$0]) },
        "tan": { .power(.call("cos", [$0]), -2) },
        "sinh": { .call("cosh", [$0]) },
        "cosh": { .call("sinh", [$0]) },
        "tanh": { 1 - .power(.call("tanh", [$0]), 2) },
        "arcsin": { .power(1 - .power($0, 2), -0.5) },
        "arccos": { -.power(1 - .power($0, 2), -0.5) },
        "arctan": { .power(1 + .power($0, 2), -1) },
        "abs": { .call("sign", [$0]) },
        "exprel": { (.call("exp", [$0]) * ($0 - 1) + 1) / .power($0, 2) },
        "expm1": { .call("exp", [$0]) },
        "log1p": { .power(1 + $0, -1) },
        "int": { _ in 0 },
        "floor": { _ in 0 },
        "ceil": { _ in 0 },
        "sign": { _ in 0 },
    ]
}
