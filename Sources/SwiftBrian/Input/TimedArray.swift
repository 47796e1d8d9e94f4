import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Values given at regular times, usable as a function of time in model code (Brian's
/// `TimedArray`): `ta(t)` for a 1-D array, `ta(t, i)` for a 2-D array of shape (times, indices).
/// Each value holds from its time until the next one (value `k` covers `k*dt ..< (k + 1)*dt`);
/// past the end the last value holds.
///
///     let ta1 = try TimedArray([0, 1, 2, 0.5, 3], dt: 5 * ms, name: "ta1")
///     let G = try NeuronGroup(2, model: "dv/dt = (ta1(t) - v)/tau : 1",
///                             namespace: ["tau": 5 * ms, "ta1": ta1])
///
/// The argument `t` must be a time (and `i` dimensionless); the result has the values' unit. A
/// group reads the array with Brian's rounding rule for its own clock: the value at time `t` is
/// number `int(round(t*K/dt)/K)` with `K = 2**ceil(log2(8*dt/dt_group))`, which is `floor(t/dt)`
/// made robust to rounding. Brian's `exact` method accepts a call `ta(t)` when the array's `dt`
/// is a whole multiple of the group's, since the value is then constant over each step.
public final class TimedArray: FunctionTable {
    /// The name model code calls it by.
    public let name: String
    /// The time between two values.
    public let dt: Quantity
    /// The unit of the values.
    public let dimension: Dimension
    /// The number of times.
    public let times: Int
    /// The number of indices per time (nil for a 1-D array).
    public let indices: Int?
    /// The values row by row (time-major), in SI base units.
    private let storage: DoubleBuffer

    /// A 1-D array: `values[k]` holds from `k*dt` on.
    ///
    /// - Throws: `ModelError` when `values` is empty, `dt` is not a positive time, or `name` is not
    ///   a usable function name.
    public init(_ values: QuantityArray, dt: Quantity, name: String) throws {
        try TimedArray.check(dt: dt, name: name)
        guard !values.isEmpty else {
            throw ModelError(.invalidArgument, "The TimedArray '\(name)' needs at least one value")
        }
        self.name = name
        self.dt = dt
        dimension = values.dimension
        times = values.count
        indices = nil
        try MemoryBudget.require(MemoryBudget.bytes(times, each: 8), for: "The \(times) values of the TimedArray '\(name)'")
        storage = try DoubleBuffer(name: "\(name).values", values: values.values)
    }

    /// A 2-D array of shape (times, indices): `values[k][i]` is the value for index `i` from
    /// `k*dt` on. Every row must have the same number of values, in the same unit.
    ///
    /// - Throws: `ModelError` when there are no rows, a row is empty, rows have different
    ///   lengths (a ragged array) or units, `dt` is not a positive time, or `name` is not a usable
    ///   function name.
    public init(_ values: [QuantityArray], dt: Quantity, name: String) throws {
        try TimedArray.check(dt: dt, name: name)
        guard let first = values.first else {
            throw ModelError(.invalidArgument, "The TimedArray '\(name)' needs at least one row of values")
        }
        guard !first.isEmpty else {
            throw ModelError(.invalidArgument, "The rows of the TimedArray '\(name)' are empty: each row needs one "
                             + "value per index")
        }
        if let (k, row) = values.enumerated().first(where: { $0.element.count != first.count }) {
            throw ModelError(.invalidArgument, "The rows of the TimedArray '\(name)' must all have the same length, "
                             + "but row 0 has \(first.count) values and row \(k) has \(row.count)")
        }
        if let (k, row) = values.enumerated().first(where: { $0.element.dimension != first.dimension }) {
            throw ModelError(.dimensionMismatch, "The values of the TimedArray '\(name)' must share one unit, but "
                             + "row 0 is in \(first.dimension.unitSpecification) and row \(k) in "
                             + row.dimension.unitSpecification)
        }
        self.name = name
        self.dt = dt
        dimension = first.dimension
        times = values.count
        indices = first.count
        try MemoryBudget.require(MemoryBudget.bytes(times, each: first.count).flatMap { MemoryBudget.bytes($0, each: 8) },
                                 for: "The \(times) × \(first.count) values of the TimedArray '\(name)'")
        storage = try DoubleBuffer(name: "\(name).values", values: values.flatMap(\.values))
    }

    /// A 1-D array of plain numbers.
    public convenience init(_ values: [Double], dt: Quantity, name: String) throws {
        try self.init(QuantityArray(values: values), dt: dt, name: name)
    }

    /// A 2-D array of plain numbers, of shape (times, indices).
    public convenience init(_ values: [[Double]], dt: Quantity, name: String) throws {
        try self.init(values.map { QuantityArray(values: $0) }, dt: dt, name: name)
    }

    private static func check(dt: Quantity, name: String) throws {
        guard dt.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The dt of the TimedArray '\(name)' must be a time, but it is \(dt)")
        }
        guard dt.value > 0, dt.value.isFinite else {
            throw ModelError(.invalidArgument, "The dt of the TimedArray '\(name)' must be positive, but it is \(dt)")
        }
        try Identifiers.checkVariableName(name, source: nil, span: nil)
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
              name.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            throw ModelError(.invalidIdentifier, "'\(name)' is not a valid name for a TimedArray: use letters, digits "
                             + "and underscores, starting with a letter")
        }
    }

    /// The time between two values, in seconds.
    public var dtInSeconds: Double { dt.value }

    /// Whether the array has one column per index (`ta(t, i)`).
    public var isTwoDimensional: Bool { indices != nil }

    /// The function model code calls, for a ``Namespace`` (``Namespace/add(_:)`` adds it too).
    /// Called outside a run (in a namespace value, for example), it rounds times with the default
    /// clock's `dt`, as Brian does.
    public var function: Function {
        let table = self.table(clockDt: defaultClock.dt.value)
        let columns = table.columns
        let arguments: [Function.ArgumentUnit] = isTwoDimensional ? [.dimension(.time), .dimensionless]
            : [.dimension(.time)]
        var function = Function(name, arguments: arguments, result: .dimension(dimension)) { values in
            let column = values.count > 1 ? Int(exactly: values[1].rounded(.towardZero)) ?? -1 : 0
            guard (0..<columns).contains(column) else { return .nan }
            return table.values[table.row(at: values[0]) * columns + column]
        }
        function.table = self
        return function
    }

    /// The table a group with time step `clockDt` (seconds) reads.
    func table(clockDt: Double) -> TimedArrayTable {
        TimedArrayTable(values: storage, rows: times, columns: indices ?? 1, dt: dt.value, clockDt: clockDt)
    }

    /// The value at time `t` of a 1-D array, rounded with the default clock's `dt`.
    public func callAsFunction(_ t: Quantity) throws -> Quantity {
        guard !isTwoDimensional else {
            throw ModelError(.invalidCall, "The TimedArray '\(name)' is 2-D: call it with a time and an index")
        }
        return try value(at: t, column: 0)
    }

    /// The value at time `t` for index `i` of a 2-D array, rounded with the default clock's `dt`.
    public func callAsFunction(_ t: Quantity, _ i: Int) throws -> Quantity {
        guard let indices else {
            throw ModelError(.invalidCall, "The TimedArray '\(name)' is 1-D: call it with a time only")
        }
        guard (0..<indices).contains(i) else {
            throw ModelError(.invalidArgument, "Index \(i) is out of range for the TimedArray '\(name)', which has "
                             + "\(indices) values per time")
        }
        return try value(at: t, column: i)
    }

    private func value(at t: Quantity, column: Int) throws -> Quantity {
        guard t.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The TimedArray '\(name)' must be called with a time, but got \(t)")
        }
        let table = self.table(clockDt: defaultClock.dt.value)
        return Quantity(value: storage[table.row(at: t.value) * table.columns + column], dimension: dimension)
    }
}

extension TimedArray: NamespaceValue {
    /// The array as a function of time, callable by the name it is given in a namespace literal.
    public var namespaceEntry: NamespaceEntry { .function(function) }
}

extension Namespace {
    /// A namespace with `values`, `functions` and the TimedArrays `timedArrays`, each callable by
    /// its name.
    public init(_ values: [String: Quantity] = [:], functions: [Function] = [], timedArrays: [TimedArray]) {
        self.init(values, functions: functions + timedArrays.map(\.function))
    }

    /// Makes `timedArray` callable by its name.
    public mutating func add(_ timedArray: TimedArray) {
        functions[timedArray.name] = timedArray.function
    }
}
