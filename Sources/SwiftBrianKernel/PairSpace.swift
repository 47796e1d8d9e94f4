/// The candidate (i, j) pairs a synapse-creation kernel visits: for each presynaptic index `i` in
/// `rows`, the postsynaptic indices `j` from `columnStart` up to (not including) `columnStop` in
/// steps of `columnStep`, where the bounds are expressions of `i` (``KernelExpression/row``).
/// All-to-all is `0..<N_post` for every row; `j = 'i + 1'` is `i+1..<i+2`; a generator
/// `range(i-2, i+3)` is `i-2..<i+3`. Indices are relative to the source and target groups.
public struct PairSpace: Hashable, Sendable {
    /// The presynaptic indices.
    public var rows: Range<Int>
    /// The first postsynaptic index for a row.
    public var columnStart: KernelExpression
    /// One past the last postsynaptic index for a row.
    public var columnStop: KernelExpression
    /// The step between postsynaptic indices (non-zero).
    public var columnStep: Int

    /// The pairs `rows` × `columnStart..<columnStop` (step `columnStep`).
    public init(rows: Range<Int>, columnStart: KernelExpression, columnStop: KernelExpression, columnStep: Int = 1) {
        self.rows = rows
        self.columnStart = columnStart
        self.columnStop = columnStop
        self.columnStep = columnStep
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
