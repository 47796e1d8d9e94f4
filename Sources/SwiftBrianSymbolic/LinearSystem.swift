/// Right-hand sides `f_i` written as the linear system `f = M*x + b` in variables `x`: what exact
/// integration of `dx/dt = f(x)` needs.
public struct LinearSystem: Hashable, Sendable {
    /// The variables `x`, in order.
    public let variables: [String]
    /// `matrix[i][j]`: the coefficient of `variables[j]` in expression `i`.
    public let matrix: [[SymbolicExpression]]
    /// `constants[i]`: what remains of expression `i` without its linear terms.
    public let constants: [SymbolicExpression]

    /// Why expressions are not a linear system.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// The index of the expression.
        public let row: Int
        /// The variable whose coefficient is not constant, or which cannot be separated.
        public let variable: String
        /// The variable the coefficient depends on; nil when the variable cannot be separated
        /// from the rest (it appears in a piecewise-constant or unknown function).
        public let dependency: String?

        public var description: String {
            if let dependency {
                return "the coefficient of \(variable) in expression \(row) depends on \(dependency)"
            }
            return "expression \(row) is not linear in \(variable)"
        }
    }

    /// The linear system of `expressions` in `variables`: each coefficient is a derivative, and
    /// an expression is linear when its coefficients are free of the variables and so is the
    /// expression minus its linear part, multiplied out (see
    /// ``SymbolicExpression/linearDecomposition(in:)``). A constant keeps the expression's own
    /// shape (the expression with every variable set to 0) when that agrees with the
    /// multiplied-out difference.
    ///
    /// - Throws: ``Failure`` for the first coefficient that depends on one of the variables, or
    ///   the first variable that cannot be separated.
    public init(_ expressions: [SymbolicExpression], variables: [String]) throws {
        self.variables = variables
        var matrix: [[SymbolicExpression]] = []
        var constants: [SymbolicExpression] = []
        for (row, expression) in expressions.enumerated() {
            var coefficients: [SymbolicExpression] = []
            for variable in variables {
                guard var coefficient = try? expression.derivative(withRespectTo: variable) else {
                    throw Failure(row: row, variable: variable, dependency: nil)
                }
                if let dependency = Self.firstVariable(of: coefficient, in: variables) {
                    coefficient = coefficient.expanded
                    if Self.firstVariable(of: coefficient, in: variables) != nil {
                        throw Failure(row: row, variable: variable, dependency: dependency)
                    }
                }
                coefficients.append(coefficient)
            }
            let linearPart = SymbolicExpression.sum(zip(coefficients, variables).map { $0 * .symbol($1) })
            let difference = (expression - linearPart).expanded
            if let leftover = Self.firstVariable(of: difference, in: variables) {
                throw Failure(row: row, variable: leftover, dependency: nil)
            }
            let atZero = expression.substituting(Dictionary(variables.map { ($0, 0) }, uniquingKeysWith: { first, _ in first }))
            matrix.append(coefficients)
            constants.append(atZero.expanded == difference ? atZero : difference)
        }
        self.matrix = matrix
        self.constants = constants
    }

    private static func firstVariable(of expression: SymbolicExpression, in variables: [String]) -> String? {
        let symbols = expression.symbols
        return variables.first { symbols.contains($0) }
    }
}
