/// The values of an expression over the indices a kernel is visiting: one number for all of them
/// (constants, shared variables) or one per index.
enum Lane {
    case scalar(Double)
    case vector([Double])

    /// The value at position `k`.
    @inline(__always)
    subscript(k: Int) -> Double {
        switch self {
        case .scalar(let value): return value
        case .vector(let values): return values[k]
        }
    }

    /// The values at `positions`, in order.
    func gathered(_ positions: [Int]) -> Lane {
        switch self {
        case .scalar: return self
        case .vector(let values): return .vector(positions.map { values[$0] })
        }
    }

    /// `body` applied to each value.
    @inline(__always)
    func map(count: Int, _ body: (Double) -> Double) -> Lane {
        switch self {
        case .scalar(let value): return .scalar(body(value))
        case .vector(let values): return .vector(values.map(body))
        }
    }

    /// `body` applied to the values of `lhs` and `rhs` pairwise.
    @inline(__always)
    static func combine(_ lhs: Lane, _ rhs: Lane, count: Int, _ body: (Double, Double) -> Double) -> Lane {
        switch (lhs, rhs) {
        case (.scalar(let a), .scalar(let b)): return .scalar(body(a, b))
        case (.scalar(let a), .vector(let b)): return .vector(b.map { body(a, $0) })
        case (.vector(let a), .scalar(let b)): return .vector(a.map { body($0, b) })
        case (.vector(let a), .vector(let b)):
            return .vector((0..<count).map { body(a[$0], b[$0]) })
        }
    }
}
