import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative
import SwiftBrianUnits

/// The checks a run adds so that a state variable becoming NaN or infinite stops the run with an
/// error naming the variable, the element, the time and the last finite value (see
/// ``Network/init(_:backend:fastMath:precision:checkFinite:threads:)``). Every store into a floating-point
/// variable of a group's or synapses' model is preceded by a ``KernelOperation/checkFinite(_:_:)`` of
/// the value; the values stored are unchanged, so results stay bit-identical.
///
/// In a kernel whose elements are independent and which only computes and stores values (a state
/// update, a reset, `run_regularly` code: ``Kernel/independentIterations(_:)``, with no
/// condition), an element's stores are moved after its checks and done only when all its checked
/// values are finite (`_finite(...)`, see ``KernelFunctionNames/finite``; later reads of a stored
/// variable read the value stored): an element with a value that is not finite keeps all its
/// values, so the error's last finite value is the one the element still holds, and the native
/// loop needs no copy of the previous values to name it (it only notes the first such element,
/// then computes that element again to find the check). Other kernels (synaptic pathways) store
/// what they compute; there the last finite value is the element's value before the store.
struct FiniteChecks {
    /// The variables checked, by buffer: `'v' of 'G'`, the element noun and the dimension (its
    /// unit is named only for the variables a kernel stores into: naming is costly).
    private var variables: [ObjectIdentifier: (variable: String, element: String, dimension: Dimension)] = [:]

    /// The checks for the floating-point variables of the groups among `objects`.
    init(_ objects: [NetworkObject]) {
        for case let group as Group in objects where !(group is Subgroup) {
            let element = group is Synapses ? "synapse" : group is SpatialNeuron ? "compartment" : "neuron"
            // The model's own variables (built-ins such as lastspike only ever receive times).
            for (name, variable) in group.variables
            where variable.description.type == .float && variable.description.kind != .builtin {
                guard let buffer = variable.buffer else { continue }
                variables[ObjectIdentifier(buffer)] = ("'\(name)' of '\(group.name)'", element, variable.dimension)
            }
        }
    }

    /// `kernel` with a check before each store into a checked variable; `time` is its clock's.
    func adding(to kernel: Kernel, time: DoubleBuffer) -> Kernel {
        var checked = kernel
        var next = (Self.temporaries(in: kernel.vector).max() ?? -1) + 1
        checked.vector = adding(to: kernel.vector, time: time, next: &next)
        // Over a queue of targets a target comes once per synapse reaching it: its iterations
        // are not independent, whatever their operations (a pathway, which stores what it computes).
        if !kernel.queuesTargets, let guarded = Self.guardingStores(checked.vector, next: &next) { checked.vector = guarded }
        return checked
    }

    /// `operations` (checked as ``adding(to:time:)`` does) with every store moved to the end,
    /// under the condition that all checked values are finite, when the elements are independent
    /// and the operations only define, check and store values; nil otherwise or when nothing is
    /// checked. A store's value goes to a temporary first, which later reads of the variable read.
    private static func guardingStores(_ operations: [KernelOperation], next: inout Int) -> [KernelOperation]? {
        guard Kernel.independentIterations(operations) else { return nil }
        var computed: [KernelOperation] = [], checked: [KernelExpression] = []
        var latest: [ArrayReference: Int] = [:], order: [ArrayReference] = []
        for operation in operations {
            switch operation {
            case .define(let number, let value):
                computed.append(.define(number, reading(value, latest)))
            case .checkFinite(let value, let check):
                checked.append(reading(value, latest))
                computed.append(.checkFinite(reading(value, latest), check))
            case .store(let reference, let value):
                if case .temporary(let number) = value {
                    latest[reference] = number
                } else {
                    computed.append(.define(next, reading(value, latest)))
                    latest[reference] = next
                    next += 1
                }
                if !order.contains(reference) { order.append(reference) }
            default:
                return nil
            }
        }
        guard !checked.isEmpty else { return nil }
        let stores = order.map { KernelOperation.store($0, .temporary(latest[$0]!)) }
        return computed + [.when(.call(.builtin(KernelFunctionNames.finite), checked), stores)]
    }

    /// `expression` with each read of a variable already stored replaced by the temporary holding
    /// the value stored.
    private static func reading(_ expression: KernelExpression, _ latest: [ArrayReference: Int]) -> KernelExpression {
        guard !latest.isEmpty else { return expression }
        switch expression {
        case .load(let reference):
            return latest[reference].map { .temporary($0) } ?? expression
        case .unary(let op, let operand):
            return .unary(op, reading(operand, latest))
        case .binary(let op, let lhs, let rhs):
            return .binary(op, reading(lhs, latest), reading(rhs, latest))
        case .call(let function, let arguments):
            return .call(function, arguments.map { reading($0, latest) })
        case .random(.poisson(let mean), let site):
            return .random(.poisson(reading(mean, latest)), site: site)
        case .constant, .index, .temporary, .indexValue, .row, .column, .random, .eventCount:
            return expression
        }
    }

    private func adding(to operations: [KernelOperation], time: DoubleBuffer, next: inout Int) -> [KernelOperation] {
        operations.flatMap { operation -> [KernelOperation] in
            switch operation {
            case .store(let reference, let value):
                guard let variable = variables[ObjectIdentifier(reference.buffer)] else { return [operation] }
                let number = next
                next += 1
                let unit = variable.dimension.isDimensionless ? "" : "\(variable.dimension)"
                let check = FiniteCheck(target: reference, variable: variable.variable, element: variable.element,
                                        unit: unit, time: time)
                return [.define(number, value), .checkFinite(.temporary(number), check),
                        .store(reference, .temporary(number))]
            case .when(let condition, let inner):
                return [.when(condition, adding(to: inner, time: time, next: &next))]
            default:
                return [operation]
            }
        }
    }

    /// The numbers of the temporaries `operations` define.
    private static func temporaries(in operations: [KernelOperation]) -> [Int] {
        operations.flatMap { operation -> [Int] in
            switch operation {
            case .define(let number, _): return [number]
            case .when(_, let inner): return temporaries(in: inner)
            default: return []
            }
        }
    }
}
