/// Right-hand sides `f_i` written as the linear system `f = M*x + b` in variables `x`: what exact
/// integration of `dx/dt = f(x)` needs. The matrix is stored sparsely: a system of many
/// independent equations has one coefficient per row, and its cost is proportional to the number
/// of coefficients that are not zero.
public struct LinearSystem: Hashable, Sendable {
    /// The variables `x`, in order.
    public let variables: [String]
    /// `coefficients[i][j]`: the coefficient of `variables[j]` in expression `i`, for those that are
    /// not zero (see ``coefficient(_:_:)``).
    public let coefficients: [[Int: SymbolicExpression]]
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
    /// multiplied-out difference. Only the variables an expression reads are differentiated for.
    ///
    /// - Throws: ``Failure`` for the first coefficient that depends on one of the variables, or
    ///   the first variable that cannot be separated.
    public init(_ expressions: [SymbolicExpression], variables: [String]) throws {
        self.variables = variables
        let position = Dictionary(variables.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        /// The first of the variables (in their order) that `expression` reads.
        func firstVariable(of expression: SymbolicExpression) -> String? {
            expression.symbols.compactMap { position[$0] }.min().map { variables[$0] }
        }
        var coefficients: [[Int: SymbolicExpression]] = []
        var constants: [SymbolicExpression] = []
        for (row, expression) in expressions.enumerated() {
            let read = expression.symbols.compactMap { position[$0] }.sorted()
            var nonzero: [Int: SymbolicExpression] = [:]
            for column in read {
                let variable = variables[column]
                guard var coefficient = try? expression.derivative(withRespectTo: variable) else {
                    throw Failure(row: row, variable: variable, dependency: nil)
                }
                if let dependency = firstVariable(of: coefficient) {
                    coefficient = coefficient.expanded
                    if firstVariable(of: coefficient) != nil {
                        throw Failure(row: row, variable: variable, dependency: dependency)
                    }
                }
                if !coefficient.isZero { nonzero[column] = coefficient }
            }
            let linearPart = SymbolicExpression.sum(nonzero.keys.sorted().map { nonzero[$0, default: 0] * .symbol(variables[$0]) })
            let difference = (expression - linearPart).expanded
            if let leftover = firstVariable(of: difference) {
                throw Failure(row: row, variable: leftover, dependency: nil)
            }
            let atZero = expression.substituting(Dictionary(read.map { (variables[$0], 0) }, uniquingKeysWith: { first, _ in first }))
            coefficients.append(nonzero)
            constants.append(atZero.expanded == difference ? atZero : difference)
        }
        self.coefficients = coefficients
        self.constants = constants
    }

    /// The coefficient of `variables[column]` in expression `row` (zero when it does not read it).
    public func coefficient(_ row: Int, _ column: Int) -> SymbolicExpression {
        coefficients[row][column] ?? 0
    }

    /// The columns of the coefficients of expression `row` that are not zero, in order.
    public func columns(ofRow row: Int) -> [Int] {
        coefficients[row].keys.sorted()
    }
}
