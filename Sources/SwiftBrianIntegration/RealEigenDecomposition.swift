import Foundation

/// The eigen-decomposition `M = V*diag(values)*V⁻¹` of a small real matrix whose eigenvalues are
/// real and distinct, computed numerically: the roots of the characteristic polynomial
/// (Faddeev–LeVerrier, then Aberth–Ehrlich iteration, then Newton polishing), an eigenvector
/// for each from the null space of `M - λI`, and the inverse by Gauss–Jordan elimination. The
/// decomposition is checked against the matrix before it is returned.
struct RealEigenDecomposition {
    /// Why a matrix has no such decomposition.
    enum Failure: Error {
        /// Some eigenvalues are complex: the solution oscillates.
        case complex
        /// An eigenvalue is repeated.
        case repeated
        /// The decomposition does not reproduce the matrix closely enough.
        case inaccurate
    }

    /// The eigenvalues; one that is zero to rounding is exactly zero.
    let values: [Double]
    /// `vectors[i][k]`: component `i` of the eigenvector of `values[k]` (the matrix V).
    let vectors: [[Double]]
    /// The inverse of V.
    let inverse: [[Double]]

    init(_ matrix: [[Double]]) throws {
        let n = matrix.count
        let scale = matrix.flatMap { $0 }.map(abs).max() ?? 0
        guard scale > 0 else {
            values = Array(repeating: 0, count: n)
            vectors = Self.identity(n)
            inverse = Self.identity(n)
            return
        }
        let polynomial = Self.characteristicPolynomial(matrix)
        var roots: [Double] = []
        for root in Self.roots(ofMonic: polynomial) {
            guard abs(root.imaginary) <= 1e-7 * max(abs(root.real), scale) else { throw Failure.complex }
            roots.append(Self.polished(root.real, polynomial))
        }
        roots.sort()
        for (lower, upper) in zip(roots, roots.dropFirst()) where upper - lower <= 1e-7 * scale {
            throw Failure.repeated
        }
        values = roots.map { abs($0) <= 1e-13 * scale ? 0 : $0 }
        let columns = values.map { Self.nullVector(of: matrix, shiftedBy: $0) }
        vectors = (0..<n).map { i in columns.map { $0[i] } }
        guard let inverse = Self.inverted(vectors) else { throw Failure.inaccurate }
        self.inverse = inverse
        for i in 0..<n {
            for j in 0..<n {
                let reconstructed = (0..<n).reduce(0.0) { $0 + vectors[i][$1] * values[$1] * inverse[$1][j] }
                guard abs(reconstructed - matrix[i][j]) <= 1e-10 * scale else { throw Failure.inaccurate }
            }
        }
    }

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    /// The coefficients `c[0...n]` (`c[n] = 1`) of `det(λI - M) = Σ c[k]*λ**k`.
    private static func characteristicPolynomial(_ matrix: [[Double]]) -> [Double] {
        let n = matrix.count
        var coefficients = Array(repeating: 0.0, count: n + 1)
        coefficients[n] = 1
        var m = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for k in 1...n {
            // m ← M*m + c[n-k+1]*I, then c[n-k] = -trace(M*m)/k.
            var next = multiply(matrix, m)
            for i in 0..<n { next[i][i] += coefficients[n - k + 1] }
            m = next
            let product = multiply(matrix, m)
            coefficients[n - k] = -(0..<n).reduce(0.0) { $0 + product[$1][$1] } / Double(k)
        }
        return coefficients
    }

    private static func multiply(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        let n = a.count
        return (0..<n).map { i in (0..<n).map { j in (0..<n).reduce(0.0) { $0 + a[i][$1] * b[$1][j] } } }
    }

    private struct Complex {
        var real: Double
        var imaginary: Double
        static func + (a: Complex, b: Complex) -> Complex { Complex(real: a.real + b.real, imaginary: a.imaginary + b.imaginary) }
        static func - (a: Complex, b: Complex) -> Complex { Complex(real: a.real - b.real, imaginary: a.imaginary - b.imaginary) }
        static func * (a: Complex, b: Complex) -> Complex {
            Complex(real: a.real * b.real - a.imaginary * b.imaginary, imaginary: a.real * b.imaginary + a.imaginary * b.real)
        }
        static func / (a: Complex, b: Complex) -> Complex {
            let norm = b.real * b.real + b.imaginary * b.imaginary
            return Complex(real: (a.real * b.real + a.imaginary * b.imaginary) / norm,
                           imaginary: (a.imaginary * b.real - a.real * b.imaginary) / norm)
        }
        var magnitude: Double { hypot(real, imaginary) }
    }

    /// All roots of the monic polynomial `Σ c[k]*z**k`, by Aberth–Ehrlich iteration.
    private static func roots(ofMonic c: [Double]) -> [Complex] {
        let n = c.count - 1
        let radius = 1 + (c.dropLast().map(abs).max() ?? 0)
        var z = (0..<n).map { k -> Complex in
            let angle = 2 * Double.pi * Double(k) / Double(n) + 0.4
            return Complex(real: radius * cos(angle), imaginary: radius * sin(angle))
        }
        for _ in 0..<500 {
            var largestStep = 0.0
            for i in 0..<n {
                var value = Complex(real: 0, imaginary: 0)
                var slope = Complex(real: 0, imaginary: 0)
                for coefficient in c.reversed() {
                    slope = slope * z[i] + value
                    value = value * z[i] + Complex(real: coefficient, imaginary: 0)
                }
                guard value.magnitude > 0 else { continue }
                let newton = value / slope
                var repulsion = Complex(real: 0, imaginary: 0)
                for j in 0..<n where j != i { repulsion = repulsion + Complex(real: 1, imaginary: 0) / (z[i] - z[j]) }
                let step = newton / (Complex(real: 1, imaginary: 0) - newton * repulsion)
                if step.real.isFinite, step.imaginary.isFinite {
                    z[i] = z[i] - step
                    largestStep = max(largestStep, step.magnitude / max(z[i].magnitude, 1e-300))
                }
            }
            if largestStep < 1e-15 { break }
        }
        return z
    }

    /// `root` improved by Newton steps on the real polynomial.
    private static func polished(_ root: Double, _ c: [Double]) -> Double {
        var x = root
        for _ in 0..<5 {
            var value = 0.0, slope = 0.0
            for coefficient in c.reversed() {
                slope = slope * x + value
                value = value * x + coefficient
            }
            guard slope != 0 else { break }
            let next = x - value / slope
            guard next.isFinite else { break }
            x = next
        }
        return x
    }

    /// A vector spanning the null space of `M - λI` (rank n - 1), scaled to largest component 1:
    /// Gaussian elimination with complete pivoting, the last unknown set to 1.
    private static func nullVector(of matrix: [[Double]], shiftedBy lambda: Double) -> [Double] {
        let n = matrix.count
        var a = matrix
        for i in 0..<n { a[i][i] -= lambda }
        var columns = Array(0..<n)
        for step in 0..<(n - 1) {
            var (pivotRow, pivotColumn, largest) = (step, step, -1.0)
            for row in step..<n {
                for column in step..<n where abs(a[row][column]) > largest {
                    (pivotRow, pivotColumn, largest) = (row, column, abs(a[row][column]))
                }
            }
            a.swapAt(step, pivotRow)
            for row in 0..<n { a[row].swapAt(step, pivotColumn) }
            columns.swapAt(step, pivotColumn)
            guard a[step][step] != 0 else { continue }
            for row in (step + 1)..<n {
                let factor = a[row][step] / a[step][step]
                for column in step..<n { a[row][column] -= factor * a[step][column] }
            }
        }
        var solution = Array(repeating: 0.0, count: n)
        solution[n - 1] = 1
        for step in stride(from: n - 2, through: 0, by: -1) where a[step][step] != 0 {
            let sum = ((step + 1)..<n).reduce(0.0) { $0 + a[step][$1] * solution[$1] }
            solution[step] = -sum / a[step][step]
        }
        var vector = Array(repeating: 0.0, count: n)
        for (position, column) in columns.enumerated() { vector[column] = solution[position] }
        let largest = vector.map(abs).max() ?? 1
        return vector.map { $0 / largest }
    }

    /// The inverse by Gauss–Jordan elimination with partial pivoting, or nil when singular.
    private static func inverted(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var a = matrix
        var inverse = identity(n)
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  a[pivot][column] != 0 else { return nil }
            a.swapAt(column, pivot)
            inverse.swapAt(column, pivot)
            let divisor = a[column][column]
            for j in 0..<n {
                a[column][j] /= divisor
                inverse[column][j] /= divisor
            }
            for row in 0..<n where row != column {
                let factor = a[row][column]
                for j in 0..<n {
                    a[row][j] -= factor * a[column][j]
                    inverse[row][j] -= factor * inverse[column][j]
                }
            }
        }
        return inverse
    }
}
