import SwiftBrianSymbolic

/// The closed-form solution over one step of a linear system `dx/dt = M*x + b` whose
/// coefficients are constant over the step.
///
/// The variables are grouped into blocks that depend on each other (strongly connected
/// components of "the equation of x reads y"), solved in dependency order:
///
/// - a single variable is solved symbolically, so its coefficients may be per-neuron parameters;
///   its forcing (the constant and the variables solved before) is a sum of exponential modes,
///   and a mode with the variable's own rate gives the `t*exp(-t/tau)` terms of an alpha synapse.
///   A triangular system, such as CUBA's, consists of single variables only.
/// - a coupled block needs numeric coefficients (numbers and namespace values): it is
///   diagonalised numerically (real, distinct eigenvalues) and each eigen-component is solved as a
///   single variable.
enum LinearSolution {
    /// The value of each variable after one step `dt`, in terms of the values at the start.
    /// `numeric` gives a coefficient's value when it is a fixed number. Unless `allowSingular`,
    /// a singular matrix is refused, as Brian refuses it (no unique fixed point).
    static func values(of system: LinearSystem, numeric: (SymbolicExpression) -> Double?,
                       allowSingular: Bool) throws -> [SymbolicExpression] {
        let variables = system.variables
        let reads = variables.indices.map { i in
            system.columns(ofRow: i).filter { j in j != i && !system.coefficient(i, j).isEquivalent(to: 0) }
        }
        var solved: [Int: Trajectory] = [:]
        for block in stronglyConnectedComponents(reads) {
            var forcing = block.map { Trajectory.constant(system.constants[$0]) }
            let members = Set(block)
            for (position, i) in block.enumerated() {
                for j in reads[i] where !members.contains(j) {
                    if let trajectory = solved[j] { forcing[position].add(trajectory, times: system.coefficient(i, j)) }
                }
            }
            if block.count == 1 {
                let i = block[0]
                let rate = system.coefficient(i, i)
                if !allowSingular, rate.isEquivalent(to: 0) {
                    throw Unsupported("its linear system is singular: d\(variables[i])/dt does not depend on "
                                      + "\(variables[i]), so it has no unique fixed point", in: variables[i])
                }
                solved[i] = Trajectory.solving(rate: rate, forcing: forcing[0], initial: .symbol(variables[i]))
            } else {
                let solutions = try coupled(block, system, forcing: forcing, numeric: numeric, allowSingular: allowSingular)
                for (i, solution) in zip(block, solutions) { solved[i] = solution }
            }
        }
        return variables.indices.map { solved[$0]?.value(at: .symbol("dt")) ?? .symbol(variables[$0]) }
    }

    /// The trajectories of a coupled block with numeric coefficients, through its eigenvectors.
    private static func coupled(_ block: [Int], _ system: LinearSystem, forcing: [Trajectory],
                                numeric: (SymbolicExpression) -> Double?, allowSingular: Bool) throws -> [Trajectory] {
        let names = block.map { system.variables[$0] }
        let listed = names.joined(separator: ", ")
        var matrix: [[Double]] = []
        for i in block {
            var row: [Double] = []
            for j in block {
                guard let value = numeric(system.coefficient(i, j)) else {
                    throw Unsupported("the coupled equations of \(listed) have the coefficient "
                                      + "\(system.coefficient(i, j)) (of \(system.variables[j]) in d\(system.variables[i])/dt), "
                                      + "which is not a numeric constant; 'exact' solves coupled, non-triangular "
                                      + "systems only when every coefficient is a number or a namespace value",
                                      in: system.variables[i])
                }
                row.append(value)
            }
            matrix.append(row)
        }
        let eigen: RealEigenDecomposition
        do {
            eigen = try RealEigenDecomposition(matrix)
        } catch RealEigenDecomposition.Failure.complex {
            throw Unsupported("the solution for \(listed) oscillates (its matrix has complex eigenvalues), "
                              + "which 'exact' does not support", in: names.first)
        } catch RealEigenDecomposition.Failure.repeated {
            throw Unsupported("the coupled equations of \(listed) have a repeated eigenvalue, "
                              + "which 'exact' supports only in triangular systems", in: names.first)
        } catch {
            throw Unsupported("the coupled equations of \(listed) cannot be diagonalised accurately", in: names.first)
        }
        if !allowSingular, eigen.values.contains(0) {
            throw Unsupported("its linear system is singular: the coupled equations of \(listed) have no unique "
                              + "fixed point", in: names.first)
        }
        let components = eigen.values.indices.map { k -> Trajectory in
            var transformed = Trajectory()
            var initial: SymbolicExpression = 0
            for (position, name) in names.enumerated() {
                let weight = SymbolicExpression.number(SymbolicNumber(eigen.inverse[k][position]))
                transformed.add(forcing[position], times: weight)
                initial = initial + weight * .symbol(name)
            }
            return Trajectory.solving(rate: .number(SymbolicNumber(eigen.values[k])), forcing: transformed,
                                      initial: initial)
        }
        return names.indices.map { position in
            var trajectory = Trajectory()
            for (k, component) in components.enumerated() {
                trajectory.add(component, times: .number(SymbolicNumber(eigen.vectors[position][k])))
            }
            return trajectory
        }
    }

    /// Tarjan's strongly connected components of the graph `reads` (i reads j), each component
    /// after every component it reads.
    static func stronglyConnectedComponents(_ reads: [[Int]]) -> [[Int]] {
        var index: [Int: Int] = [:]
        var lowLink: [Int: Int] = [:]
        var stack: [Int] = []
        var onStack: Set<Int> = []
        var components: [[Int]] = []
        func visit(_ node: Int) {
            index[node] = index.count
            lowLink[node] = index[node]
            stack.append(node)
            onStack.insert(node)
            for next in reads[node] {
                if index[next] == nil {
                    visit(next)
                    lowLink[node] = min(lowLink[node] ?? 0, lowLink[next] ?? 0)
                } else if onStack.contains(next) {
                    lowLink[node] = min(lowLink[node] ?? 0, index[next] ?? 0)
                }
            }
            guard lowLink[node] == index[node] else { return }
            var component: [Int] = []
            while let top = stack.popLast() {
                onStack.remove(top)
                component.append(top)
                if top == node { break }
            }
            components.append(component.sorted())
        }
        for node in reads.indices where index[node] == nil { visit(node) }
        return components
    }
}
