import SwiftBrianKernel

/// Brian's rule for variables marked `(unless refractory)`: while a neuron is refractory, no code
/// may change them — not synaptic effects, `PoissonInput` or `runRegularly` operations — except
/// its reset and the code run on its events (and the state update, which freezes them itself).
extension Group {
    /// The buffer of each variable marked `(unless refractory)`, mapped to the `not_refractory`
    /// buffer that gates writes to it.
    var refractoryGates: [ObjectIdentifier: DoubleBuffer] {
        guard let gate = variables["not_refractory"]?.buffer else { return [:] }
        var gates: [ObjectIdentifier: DoubleBuffer] = [:]
        for equation in model.equations where equation.has(.unlessRefractory) {
            if let buffer = variables[equation.name]?.buffer { gates[ObjectIdentifier(buffer)] = gate }
        }
        return gates
    }
}

/// `operations` with each write to a gated buffer done only where its neuron is not refractory
/// (the gate is read through the same index map as the write).
func gatingRefractoryWrites(_ operations: [KernelOperation], _ gates: [ObjectIdentifier: DoubleBuffer])
    -> [KernelOperation] {
    guard !gates.isEmpty else { return operations }
    return operations.map { operation in
        switch operation {
        case .store(let reference, _):
            guard let gate = gates[ObjectIdentifier(reference.buffer)] else { return operation }
            return .when(.load(ArrayReference(gate, reference.index)), [operation])
        case .when(let condition, let inner):
            return .when(condition, gatingRefractoryWrites(inner, gates))
        default:
            return operation
        }
    }
}
