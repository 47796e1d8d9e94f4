import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Records variables of a group over time (Brian's `StateMonitor`): any variable, subexpressions
/// included, for all, some or none of the elements, every step of its clock (by default the
/// group's; `dt` gives it one of its own). Samples are taken in the `start` slot unless `when`
/// says otherwise: the values at the beginning of the step.
///
///     let M = try StateMonitor(G, variables: ["v"], record: [0, 5])
///     let v = try M.v                           // [recorded element][time], as Brian's M.v
///     let v5 = try M[5].v                       // element 5 over M.t, as Brian's M[5].v
@dynamicMemberLookup
public final class StateMonitor: NetworkObject {
    /// The recorded group.
    public let source: Group
    /// The recorded variables.
    public let variables: [String]
    /// The recorded element indices (within the source).
    public let record: [Int]
    private let when: When
    private let recordList: IndexBuffer
    private let times: DoubleBuffer
    private let samples: [String: DoubleBuffer]
    private let dimensions: [String: Dimension]

    /// Records `variables` of `source` for the elements `record` (nil: all of them).
    public init(_ source: Group, variables: [String], record: [Int]? = nil, dt: Quantity? = nil,
                when: When = .start, order: Int = 0, name: String? = nil) throws {
        let name = name ?? ObjectNames.unique("statemonitor")
        var dimensions: [String: Dimension] = [:]
        for variable in variables {
            dimensions[variable] = try source.stored(variable, settable: false).dimension
        }
        let record = record ?? Array(0..<source.size)
        if let bad = record.first(where: { !(0..<source.size).contains($0) }) {
            throw ModelError(.invalidArgument, "Cannot record index \(bad) of '\(source.name)', which has "
                             + "\(source.size) elements")
        }
        self.source = source
        self.variables = variables
        self.record = record
        self.when = when
        self.dimensions = dimensions
        let stored = source.elementOrder
        recordList = try IndexBuffer(name: "\(name).record",
                                 values: record.map { k in Int32(source.start + (stored.map { Int($0[k]) } ?? k)) })
        times = try DoubleBuffer(name: "\(name).t", count: 0, value: 0)
        samples = Dictionary(uniqueKeysWithValues: try variables.map {
            ($0, try DoubleBuffer(name: "\(name).\($0)", count: 0, value: 0))
        })
        let clock = try dt.map { try Group.newClock(dt: $0, owner: name) } ?? source.clock
        super.init(name: name, clock: clock, order: order)
    }

    /// Records one variable.
    public convenience init(_ source: Group, _ variable: String, record: [Int]? = nil, dt: Quantity? = nil,
                            when: When = .start, order: Int = 0, name: String? = nil) throws {
        try self.init(source, variables: [variable], record: record, dt: dt, when: when, order: order, name: name)
    }

    /// The sample times.
    public var t: QuantityArray { QuantityArray(values: times.array, dimension: .time) }

    /// The recorded values of `variable` for the element `index` of the source, one per sample
    /// time.
    public func values(_ variable: String, index: Int) throws -> QuantityArray {
        guard let buffer = samples[variable], let dimension = dimensions[variable] else {
            throw ModelError(.unknownIdentifier, "'\(name)' does not record '\(variable)' (it records "
                             + variables.map { "'\($0)'" }.joined(separator: ", ") + ")")
        }
        guard let position = record.firstIndex(of: index) else {
            throw ModelError(.invalidArgument, "'\(name)' does not record index \(index) of '\(source.name)'")
        }
        let width = record.count
        let count = width == 0 ? 0 : buffer.count / width
        return QuantityArray(values: (0..<count).map { buffer[$0 * width + position] }, dimension: dimension)
    }

    /// The recorded values of `variable`: one array per recorded element, in `record` order.
    public func values(_ variable: String) throws -> [QuantityArray] {
        try record.map { try values(variable, index: $0) }
    }

    /// The recorded values of `variable` as a matrix (Brian's `M.v`): one row per recorded
    /// element, in `record` order, each over ``t``.
    ///
    /// - Throws: `ModelError` naming the recorded variables when this one is not recorded.
    public subscript(dynamicMember variable: String) -> [QuantityArray] {
        get throws { try values(variable) }
    }

    /// The recordings of element `index` of the source (Brian's `M[index]`): `try M[5].v`.
    public subscript(index: Int) -> RecordedElement {
        RecordedElement(monitor: self, index: index)
    }

    override var dependencies: [NetworkObject] { [source] }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var builder = source.builder()
        var operations: [KernelOperation] = []
        for variable in variables {
            let expression = try source.inlined(try Expression(parsing: variable, role: "recorded variable"))
            operations.append(.append(try builder.lower(expression), samples[variable]!))
        }
        let kernel = Kernel(name: name, scalar: [.append(.load(ArrayReference(clock.time, .shared)), times)],
                            iteration: .indices(recordList), vector: operations,
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }

    override var stateBuffers: [DoubleBuffer] { [times] + samples.values }

    override var valuesRecordedPerStep: Int? {
        // The time and each recorded variable of each recorded element.
        MemoryBudget.bytes(record.count, each: variables.count).flatMap { $0 < Int.max ? $0 + 1 : nil }
    }

    /// Keeps the samples whose time and values of every recorded element all fitted.
    override func dropIncompleteRecords() {
        let width = record.count
        let complete = samples.values.reduce(times.count) { width == 0 ? $0 : min($0, $1.count / width) }
        times.truncate(to: complete)
        for buffer in samples.values { buffer.truncate(to: complete * width) }
    }
}
