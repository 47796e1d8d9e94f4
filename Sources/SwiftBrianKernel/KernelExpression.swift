import SwiftBrianLanguage

/// An expression of the kernel IR: every name already resolved to a buffer, a constant, the loop
/// index or a temporary, in SI base units. Booleans are 0 and 1.
public indirect enum KernelExpression: Hashable, Sendable {
    /// A number.
    case constant(Double)
    /// An element of a buffer.
    case load(ArrayReference)
    /// The loop index (`_idx`): the neuron, synapse or list entry the iteration is at.
    case index
    /// A temporary defined earlier in the same kernel.
    case temporary(Int)
    /// `-x`, `+x`, `not x`.
    case unary(UnaryOperator, KernelExpression)
    /// `x op y`, with Python's semantics for `//` and `%`.
    case binary(BinaryOperator, KernelExpression, KernelExpression)
    /// A function call.
    case call(KernelFunction, [KernelExpression])
    /// An element of an index buffer, as a number (`i` and `j` of a synapse).
    case indexValue(IndexBuffer, IndexMap)
    /// The presynaptic index `i` of the candidate pair a synapse-creation kernel is at.
    case row
    /// The postsynaptic index `j` of the candidate pair a synapse-creation kernel is at.
    case column
    /// A random draw. `site` numbers the draws of one kernel, so that each call site has its own
    /// stream (see ``RandomNumbers``).
    case random(RandomDistribution, site: UInt32)
    /// The number of entries of an event list that lie in `lower..<upper` (the spikes of a group
    /// or subgroup in the current step).
    case eventCount(IndexBuffer, Int, Int)

    /// Calls `body` on this expression and each subexpression, parents first.
    public func visit(_ body: (KernelExpression) -> Void) {
        body(self)
        switch self {
        case .constant, .load, .index, .temporary, .indexValue, .row, .column, .eventCount: break
        case .random(let distribution, _):
            if case .poisson(let mean) = distribution { mean.visit(body) }
        case .unary(_, let operand): operand.visit(body)
        case .binary(_, let lhs, let rhs):
            lhs.visit(body)
            rhs.visit(body)
        case .call(_, let arguments): arguments.forEach { $0.visit(body) }
        }
    }
}

/// Which draw a ``KernelExpression/random(_:site:)`` makes.
public indirect enum RandomDistribution: Hashable, Sendable {
    /// Uniform in [0, 1) (`rand()`).
    case uniform
    /// Standard normal (`randn()`).
    case normal
    /// Poisson with the given mean (`poisson(l)`).
    case poisson(KernelExpression)
}

/// Where a kernel reads or writes a buffer: the buffer and how the loop index maps to its
/// element.
public struct ArrayReference: Hashable, Sendable {
    /// The buffer.
    public var buffer: DoubleBuffer
    /// The element for a loop index.
    public var index: IndexMap

    /// A reference to `buffer` through `index`.
    public init(_ buffer: DoubleBuffer, _ index: IndexMap = .element) {
        self.buffer = buffer
        self.index = index
    }
}

/// How a loop index selects a buffer element.
public enum IndexMap: Hashable, Sendable {
    /// The loop index itself.
    case element
    /// Element 0, whatever the loop index (shared variables, time).
    case shared
    /// The loop index plus a constant (a subgroup's view of its parent's arrays).
    case offset(Int)
    /// The entry of an index buffer at the loop index (`_presynaptic_idx`, ...).
    case mapped(IndexBuffer)
    /// The presynaptic element of the candidate pair (see ``PairSpace``): `i` plus an offset.
    case row(Int)
    /// The postsynaptic element of the candidate pair: `j` plus an offset.
    case column(Int)

    /// The element `self` selects for loop index `index` (for `.row` and `.column`, `index` is
    /// the pair's `i` or `j`).
    @inline(__always)
    public func element(for index: Int) -> Int {
        switch self {
        case .element: return index
        case .shared: return 0
        case .offset(let offset): return index + offset
        case .mapped(let map): return Int(map[index])
        case .row(let offset), .column(let offset): return index + offset
        }
    }
}

/// A function a kernel calls.
public enum KernelFunction: Hashable, Sendable {
    /// A built-in function by its Brian name (`exp`, `clip`, `int`, ...).
    case builtin(String)
    /// A user function, computed by its Swift implementation.
    case user(Function)
    /// A ``TimedArrayTable`` read at a time (and an index, for 2-D tables).
    case timedArray(TimedArrayTable)

    public static func == (lhs: KernelFunction, rhs: KernelFunction) -> Bool {
        switch (lhs, rhs) {
        case (.builtin(let a), .builtin(let b)): return a == b
        case (.user(let a), .user(let b)): return a.name == b.name
        case (.timedArray(let a), .timedArray(let b)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .builtin(let name): hasher.combine(0); hasher.combine(name)
        case .user(let function): hasher.combine(1); hasher.combine(function.name)
        case .timedArray(let table): hasher.combine(2); hasher.combine(table)
        }
    }
}

/// The values of a `TimedArray` as kernels read them: `rows` times × `columns` indices in a
/// buffer (row-major), one row every `dt`. A read at time `t` takes row
/// `int(round(t*K/dt)/K)` with `K = 2**ceil(log2(8*dt/clockDt))` (Brian's rule, which is robust to
/// rounding), clipped to the last row; a 2-D table also takes the column given as second argument.
public struct TimedArrayTable: Hashable, Sendable {
    /// The values, row-major.
    public var values: DoubleBuffer
    /// The number of time points.
    public var rows: Int
    /// The number of columns (1 for a 1-D table).
    public var columns: Int
    /// The time between rows, in seconds.
    public var dt: Double
    /// Brian's `K` for the clock of the reading group.
    public var subdivisions: Double

    /// A table of `values` with `rows` × `columns` entries, read by a group whose clock has time
    /// step `clockDt`.
    public init(values: DoubleBuffer, rows: Int, columns: Int, dt: Double, clockDt: Double) {
        self.values = values
        self.rows = rows
        self.columns = columns
        self.dt = dt
        subdivisions = Double.pow2(ceilLog2: 8 * dt / clockDt)
    }

    /// The row for time `t`.
    @inline(__always)
    public func row(at t: Double) -> Int {
        let k = subdivisions
        let row = ((t * k / dt).rounded(.toNearestOrEven) / k).rounded(.towardZero)
        // Clipped before the conversion, so that huge and NaN times cannot trap (NaN reads row 0).
        guard row > 0 else { return 0 }
        return row >= Double(rows - 1) ? rows - 1 : Int(row)
    }
}

extension Double {
    /// `2**ceil(log2(x))`.
    static func pow2(ceilLog2 x: Double) -> Double {
        var power = 1.0
        while power < x * (1 - 1e-12) { power *= 2 }
        return power
    }
}
