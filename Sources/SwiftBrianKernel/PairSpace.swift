import Foundation
import SwiftBrianPortableMath

/// The candidate (i, j) pairs a synapse-creation kernel visits: for each presynaptic index `i` in
/// `rows`, the postsynaptic indices `j` from `columnStart` up to (not including) `columnStop` in
/// steps of `columnStep`, where the bounds are expressions of `i` (``KernelExpression/row``).
/// All-to-all is `0..<N_post` for every row; `j = 'i + 1'` is `i+1..<i+2`; a generator
/// `range(i-2, i+3)` is `i-2..<i+3`. Indices are relative to the source and target groups.
///
/// With a `probability` below 1, each candidate of a row is visited with that probability,
/// independently, in time proportional to the number visited (Brian's `sample(..., p=)` does the
/// same): the gap to the next visited candidate is geometric, `floor(log(u)/log1p(-p))` candidates
/// skipped, with `u` the uniform draw keyed by (i, number of the draw in the row) at `skipSite`
/// (see ``skip(uniform:logComplement:remaining:)``). A probability of at least 1 visits every
/// candidate, one that is not above 0 (or NaN) none.
public struct PairSpace: Hashable, Sendable {
    /// The presynaptic indices.
    public var rows: Range<Int>
    /// The first postsynaptic index for a row.
    public var columnStart: KernelExpression
    /// One past the last postsynaptic index for a row.
    public var columnStop: KernelExpression
    /// The step between postsynaptic indices (non-zero).
    public var columnStep: Int
    /// The probability of visiting each candidate of a row: an expression of `i` only (see
    /// ``KernelExpression/isConstantOverRow``).
    public var probability: KernelExpression
    /// The draw site of the skipping draws; no other draw of the kernel may use it.
    public var skipSite: UInt32

    /// The pairs `rows` × `columnStart..<columnStop` (step `columnStep`), each visited with
    /// `probability`.
    public init(rows: Range<Int>, columnStart: KernelExpression, columnStop: KernelExpression, columnStep: Int = 1,
                probability: KernelExpression = .constant(1), skipSite: UInt32 = 0) {
        self.rows = rows
        self.columnStart = columnStart
        self.columnStop = columnStop
        self.columnStep = columnStep
        self.probability = probability
        self.skipSite = skipSite
    }

    /// Whether every candidate is visited, without draws.
    public var visitsAll: Bool { probability == .constant(1) }

    /// The number of candidates of a row from `start` to `stop` (excluded) in steps of `step`.
    public static func candidateCount(start: Int, stop: Int, step: Int) -> Int {
        step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
            : (start > stop ? (start - stop - step - 1) / -step : 0)
    }

    /// How many candidates to skip before the next visited one, given the uniform draw `u`,
    /// `logComplement = log1p(-p)` and the number of candidates left in the row; nil when the
    /// next visited candidate would lie past the row's end.
    @inline(__always)
    public static func skip(uniform u: Double, logComplement: Double, remaining: Int) -> Int? {
        let gap = (PortableMath.log(u) / logComplement).rounded(.down)
        return gap < Double(remaining) ? Int(gap) : nil
    }
}

extension KernelExpression {
    /// Whether the expression has one value for a whole row of a pairs iteration: it reads `i`,
    /// constants, shared values and presynaptic variables, but not `j`, the loop index, the
    /// postsynaptic side, temporaries or random draws.
    public var isConstantOverRow: Bool {
        var constant = true
        visit { expression in
            switch expression {
            case .column, .index, .temporary, .random, .eventCount: constant = false
            case .load(let reference):
                switch reference.index {
                case .shared, .row: break
                default: constant = false
                }
            case .indexValue(_, let map):
                if case .row = map {} else { constant = false }
            default: break
            }
        }
        return constant
    }
}

/// Where a synapse-creation kernel writes the synapses it creates, and how it treats a
/// postsynaptic index outside the target group.
public struct SynapseSink: Hashable, Sendable {
    /// The presynaptic element of each synapse (absolute: row + `sourceStart`).
    public var pre: IndexBuffer
    /// The postsynaptic element of each synapse (absolute: column + `targetStart`).
    public var post: IndexBuffer
    /// The source group's first element.
    public var sourceStart: Int
    /// The target group's first element.
    public var targetStart: Int
    /// The target group's size: columns must lie in `0..<targetSize`.
    public var targetSize: Int
    /// Whether an invalid column is skipped (Brian's `skip_if_invalid`) rather than an error.
    public var skipInvalid: Bool
    /// The most synapses the sink may hold: creating one more is an error (the memory check
    /// before the buffers grow).
    public var limit: Int
    /// What a backend reports when creating a synapse would exceed `limit` (the model object
    /// replaces it with the numbers).
    public static let limitMessage = "The synapses do not fit in the memory available"

    /// A sink writing into `pre` and `post`, holding at most `limit` synapses.
    public init(pre: IndexBuffer, post: IndexBuffer, sourceStart: Int, targetStart: Int, targetSize: Int,
                skipInvalid: Bool, limit: Int = Int(Int32.max)) {
        self.limit = limit
        self.pre = pre
        self.post = post
        self.sourceStart = sourceStart
        self.targetStart = targetStart
        self.targetSize = targetSize
        self.skipInvalid = skipInvalid
    }
}
