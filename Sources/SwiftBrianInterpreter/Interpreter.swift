import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianPortableMath

/// The reference backend: executes kernels directly, one operation at a time over all the
/// indices of the iteration (as Brian's numpy target does). It defines the semantics the native
/// backend must reproduce.
public final class Interpreter: Backend {
    /// The seed of every random draw.
    public var seed: UInt64

    /// An interpreter drawing random numbers from `seed`.
    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    public func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule {
        PreparedSchedule(kernels: schedule.kernels.map { kernel in { [unowned self] in try self.execute(kernel) } },
                         loop: nil)
    }

    /// The first value a ``KernelOperation/checkFinite(_:_:)`` found not finite in the kernel
    /// being executed: its loop index and the message.
    private var nonFinite: (position: Int, message: String)?

    public func execute(_ kernel: Kernel) throws {
        nonFinite = nil
        try executeOperations(kernel)
        try BufferGrowth.check()
        if let nonFinite { throw ModelError(.nonFiniteValue, nonFinite.message) }
    }

    private func executeOperations(_ kernel: Kernel) throws {
        var context = Context(seed: seed, stream: kernel.random.stream, step: Int(kernel.random.step[0]))
        if !kernel.scalar.isEmpty {
            context.indices = [0]
            try run(kernel.scalar, &context)
            // The scalar part's temporaries (hoisted loop invariants) hold one value for every index.
            context.temporaries = context.temporaries.mapValues { .scalar($0[0]) }
        }
        if case .pairs(let space) = kernel.iteration {
            return try runPairs(space, kernel.vector, &context)
        }
        let indices = self.indices(of: kernel.iteration)
        guard !indices.isEmpty else { return }
        if kernel.writesThroughMaps {
            // One element after the other, so that repeated targets accumulate.
            let scalarTemporaries = context.temporaries
            for index in indices {
                context.indices = [index]
                context.temporaries = scalarTemporaries
                try run(kernel.vector, &context)
            }
        } else {
            context.indices = indices
            try run(kernel.vector, &context)
        }
    }

    /// Visits the candidate pairs of `space` in chunks of rows, with `rows` and `columns` set; with
    /// a probability below 1, only the candidates the geometric skipping selects (see ``PairSpace``).
    private func runPairs(_ space: PairSpace, _ operations: [KernelOperation], _ context: inout Context) throws {
        let scalarTemporaries = context.temporaries
        var row = space.rows.lowerBound
        while row < space.rows.upperBound {
            let chunk = Array(row..<min(row + 1024, space.rows.upperBound))
            row += chunk.count
            var bounds = context
            bounds.indices = Array(chunk.indices)
            bounds.rows = chunk
            let starts = try evaluate(space.columnStart, bounds), stops = try evaluate(space.columnStop, bounds)
            let probabilities = space.visitsAll ? Lane.scalar(1) : try evaluate(space.probability, bounds)
            var rows: [Int] = [], columns: [Int] = []
            for (k, i) in chunk.enumerated() {
                let start = Int(starts[k]), step = space.columnStep
                let count = PairSpace.candidateCount(start: start, stop: Int(stops[k]), step: step)
                let p = probabilities[k]
                guard p > 0 else { continue }
                guard p < 1 else {
                    for position in 0..<count {
                        rows.append(i)
                        columns.append(start + position * step)
                    }
                    continue
                }
                let logComplement = PortableMath.log1p(-p)
                var position = 0, draw = 0
                while true {
                    let u = RandomNumbers.uniform(seed: context.seed, stream: context.stream, step: i, element: draw,
                                                  site: space.skipSite)
                    draw += 1
                    guard let gap = PairSpace.skip(uniform: u, logComplement: logComplement,
                                                   remaining: count - position) else { break }
                    position += gap
                    rows.append(i)
                    columns.append(start + position * step)
                    position += 1
                }
            }
            guard !rows.isEmpty else { continue }
            context.indices = Array(0..<rows.count)
            context.rows = rows
            context.columns = columns
            context.temporaries = scalarTemporaries
            try run(operations, &context)
        }
    }

    /// What one execution of a kernel sees: the indices visited and the temporaries.
    struct Context {
        let seed: UInt64
        let stream: UInt32
        let step: Int
        var indices: [Int] = []
        var temporaries: [Int: Lane] = [:]
        /// For a pairs iteration: the `i` and `j` of each candidate pair.
        var rows: [Int] = []
        var columns: [Int] = []

        /// The buffer element `map` selects at position `k`.
        @inline(__always)
        func element(_ map: IndexMap, _ k: Int) -> Int {
            switch map {
            case .row(let offset): return rows[indices[k]] + offset
            case .column(let offset): return columns[indices[k]] + offset
            default: return map.element(for: indices[k])
            }
        }
        var count: Int { indices.count }
    }

    private func indices(of iteration: Iteration) -> [Int] {
        switch iteration {
        case .range(let lower, let upper):
            return lower < upper ? Array(lower..<upper) : []
        case .events(let list, let lower, let upper):
            return (0..<list.count).compactMap { k in
                let index = Int(list[k])
                return index >= lower && index < upper ? index : nil
            }
        case .indices(let list):
            return (0..<list.count).map { Int(list[$0]) }
        case .synapses(let events, let lower, let upper, let offsets, let members, _):
            var synapses: [Int] = []
            for k in 0..<events.count {
                let source = Int(events[k])
                guard source >= lower, source < upper else { continue }
                let range = Int(offsets[source - lower])..<Int(offsets[source - lower + 1])
                if let members {
                    synapses += range.map { Int(members[$0]) }
                } else {
                    synapses += range
                }
            }
            return synapses
        case .queue(let queue):
            let current = queue.current
            return (0..<current.count).map { Int(current[$0]) }
        case .pairs:
            return []
        case .sortedRun(let keys, let cursor, let bound):
            let first = max(Int(cursor[0]), 0), limit = bound[0]
            var end = first
            while end < keys.count, keys[end] <= limit { end += 1 }
            cursor[0] = Double(end)
            return first < end ? Array(first..<end) : []
        }
    }

    private func run(_ operations: [KernelOperation], _ context: inout Context) throws {
        for operation in operations {
            switch operation {
            case .define(let number, let value):
                context.temporaries[number] = try evaluate(value, context)
            case .store(let reference, let value):
                let lane = try evaluate(value, context)
                let buffer = reference.buffer
                for k in 0..<context.count {
                    buffer[context.element(reference.index, k)] = lane[k]
                }
            case .emit(let list):
                for index in context.indices { list.append(Int32(index)) }
            case .append(let value, let buffer):
                let lane = try evaluate(value, context)
                for k in 0..<context.count { buffer.append(lane[k]) }
            case .appendIndex(let value, let buffer):
                let lane = try evaluate(value, context)
                for k in 0..<context.count { buffer.append(Int32(lane[k])) }
            case .when(let condition, let inner):
                let lane = try evaluate(condition, context)
                let positions = (0..<context.count).filter { lane[$0] != 0 }
                guard !positions.isEmpty else { continue }
                var subset = context
                subset.indices = positions.map { context.indices[$0] }
                subset.temporaries = context.temporaries.mapValues { $0.gathered(positions) }
                try run(inner, &subset)
            case .clear(let list):
                list.removeAll()
            case .enqueue(let queue, let steps):
                let lane = try evaluate(steps, context)
                for (k, index) in context.indices.enumerated() {
                    queue.push(Int32(index), delay: Int(lane[k]))
                }
            case .advance(let queue):
                queue.advance()
            case .solveCables(let systems):
                for system in systems { CableStep.run(system) }
            case .checkFinite(let value, let check):
                // The first in loop order, as the native loop meets it: the lowest loop index,
                // and the earlier check for the same index.
                let lane = try evaluate(value, context)
                guard let k = (0..<context.count).first(where: { !lane[$0].isFinite }),
                      context.indices[k] < nonFinite?.position ?? Int.max else { continue }
                let element = context.element(check.target.index, k)
                nonFinite = (context.indices[k], check.message(value: lane[k], index: element, time: check.time[0],
                                                               last: check.target.buffer[element]))
            case .connect(let sink, let count):
                let lane = try evaluate(count, context)
                for k in 0..<context.count {
                    let i = context.rows[context.indices[k]], j = context.columns[context.indices[k]]
                    guard j >= 0, j < sink.targetSize else {
                        if sink.skipInvalid { continue }
                        throw ModelError(.invalidArgument, "The synapse i = \(i) → j = \(j) points outside the "
                                         + "target group (j must be in 0..<\(sink.targetSize)); use "
                                         + "skipIfInvalid: true to leave such synapses out")
                    }
                    guard lane[k] >= 0, lane[k] <= Double(Int32.max) else {
                        throw ModelError(.invalidArgument, "n is \(String(format: "%g", lane[k])) for the pair i = \(i), "
                                         + "j = \(j); the number of synapses per pair must be a whole number from 0 "
                                         + "to \(Int32.max)")
                    }
                    guard Double(sink.pre.count) + lane[k] <= Double(sink.limit) else {
                        throw ModelError(.insufficientMemory, SynapseSink.limitMessage)
                    }
                    for _ in 0..<Int(lane[k]) {
                        sink.pre.append(Int32(i + sink.sourceStart))
                        sink.post.append(Int32(j + sink.targetStart))
                    }
                }
            }
        }
    }

    private func evaluate(_ expression: KernelExpression, _ context: Context) throws -> Lane {
        let count = context.count
        switch expression {
        case .constant(let value):
            return .scalar(value)
        case .load(let reference):
            let buffer = reference.buffer
            if case .shared = reference.index { return .scalar(buffer[0]) }
            return .vector((0..<count).map { buffer[context.element(reference.index, $0)] })
        case .indexValue(let buffer, let map):
            return .vector((0..<count).map { Double(buffer[context.element(map, $0)]) })
        case .row:
            return .vector(context.indices.map { Double(context.rows[$0]) })
        case .column:
            return .vector(context.indices.map { Double(context.columns[$0]) })
        case .index:
            return .vector(context.indices.map(Double.init))
        case .eventCount(let list, let lower, let upper):
            var total = 0
            for k in 0..<list.count where Int(list[k]) >= lower && Int(list[k]) < upper { total += 1 }
            return .scalar(Double(total))
        case .temporary(let number):
            return context.temporaries[number] ?? .scalar(.nan)
        case .unary(let op, let operand):
            let value = try evaluate(operand, context)
            switch op {
            case .negate: return value.map(count: count) { -$0 }
            case .plus: return value
            case .not: return value.map(count: count) { $0 == 0 ? 1 : 0 }
            }
        case .binary(let op, let lhs, let rhs):
            let left = try evaluate(lhs, context), right = try evaluate(rhs, context)
            switch op {
            case .add: return Lane.combine(left, right, count: count, +)
            case .subtract: return Lane.combine(left, right, count: count, -)
            case .multiply: return Lane.combine(left, right, count: count, *)
            case .divide: return Lane.combine(left, right, count: count, /)
            default: return Lane.combine(left, right, count: count) { Evaluator.apply(op, $0, $1) }
            }
        case .call(let function, let arguments):
            let values = try arguments.map { try evaluate($0, context) }
            return try call(function, values, count: count)
        case .random(let distribution, let site):
            // In a pairs iteration a draw is keyed by the pair: (i, j) in place of (step, element).
            let pairs = !context.columns.isEmpty
            let keys: [(step: Int, element: Int)] = context.indices.map { index in
                pairs ? (context.rows[index], context.columns[index]) : (context.step, index)
            }
            switch distribution {
            case .uniform:
                return .vector(keys.map {
                    RandomNumbers.uniform(seed: context.seed, stream: context.stream, step: $0.step, element: $0.element,
                                          site: site)
                })
            case .normal:
                return .vector(keys.map {
                    RandomNumbers.normal(seed: context.seed, stream: context.stream, step: $0.step, element: $0.element,
                                         site: site)
                })
            case .poisson(let mean):
                let means = try evaluate(mean, context)
                return .vector(keys.indices.map {
                    RandomNumbers.poisson(mean: means[$0], seed: context.seed, stream: context.stream,
                                          step: keys[$0].step, element: keys[$0].element, site: site)
                })
            }
        }
    }

    private func call(_ function: KernelFunction, _ arguments: [Lane], count: Int) throws -> Lane {
        switch function {
        case .builtin(let name):
            if let unary = BuiltinFunctions.unary[name], arguments.count == 1 {
                return arguments[0].map(count: count, unary)
            }
            if let body = BuiltinFunctions.general[name] {
                return elementwise(arguments, count: count, body)
            }
            throw ModelError(.unknownIdentifier, "The interpreter has no implementation of '\(name)'")
        case .user(let user):
            guard case .pure(let body) = user.implementation else {
                throw ModelError(.invalidCall, "'\(user.name)' cannot be called in a kernel")
            }
            return elementwise(arguments, count: count, body)
        case .timedArray(let table):
            if arguments.count > 1 {
                for k in 0..<count where !(arguments[1][k] >= 0 && arguments[1][k] < Double(table.columns)) {
                    throw ModelError(.invalidArgument, "A 2-D TimedArray with \(table.columns) values per time was "
                                     + "called with the index \(arguments[1][k])")
                }
            }
            return elementwise(arguments, count: count) { values in
                let row = table.row(at: values[0])
                let column = values.count > 1 ? Int(values[1]) : 0
                return table.values[row * table.columns + column]
            }
        }
    }

    private func elementwise(_ arguments: [Lane], count: Int, _ body: ([Double]) -> Double) -> Lane {
        if arguments.allSatisfy({ if case .scalar = $0 { return true } else { return false } }) {
            return .scalar(body(arguments.map { $0[0] }))
        }
        var values = [Double](repeating: 0, count: arguments.count)
        return .vector((0..<count).map { k in
            for a in arguments.indices { values[a] = arguments[a][k] }
            return body(values)
        })
    }
}
