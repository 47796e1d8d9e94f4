import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage

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

    public func execute(_ kernel: Kernel) throws {
        var context = Context(seed: seed, stream: kernel.random.stream, step: Int(kernel.random.step[0]))
        if !kernel.scalar.isEmpty {
            context.indices = [0]
            try run(kernel.scalar, &context)
        }
        context.indices = indices(of: kernel.iteration)
        guard !context.indices.isEmpty else { return }
        try run(kernel.vector, &context)
    }

    /// What one execution of a kernel sees: the indices visited and the temporaries.
    struct Context {
        let seed: UInt64
        let stream: UInt32
        let step: Int
        var indices: [Int] = []
        var temporaries: [Int: Lane] = [:]
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
                for (k, index) in context.indices.enumerated() {
                    buffer[reference.index.element(for: index)] = lane[k]
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
            return .vector(context.indices.map { buffer[reference.index.element(for: $0)] })
        case .index:
            return .vector(context.indices.map(Double.init))
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
            let draw: (Int) -> Double
            switch distribution {
            case .uniform:
                draw = { RandomNumbers.uniform(seed: context.seed, stream: context.stream, step: context.step,
                                               element: $0, site: site) }
            case .normal:
                draw = { RandomNumbers.normal(seed: context.seed, stream: context.stream, step: context.step,
                                              element: $0, site: site) }
            }
            return .vector(context.indices.map(draw))
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
