import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// The checks a run adds so that a state variable becoming NaN or infinite stops the run with an
/// error naming the variable, the element, the time and the last finite value (see
/// ``Network/init(_:backend:fastMath:precision:checkFinite:threads:)``). Every store into a floating-point
/// variable of a group's or synapses' model is preceded by a ``KernelOperation/checkFinite(_:_:)`` of
/// the value; the values stored are unchanged, so results stay bit-identical.
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
        return checked
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
