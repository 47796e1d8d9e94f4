/// One operation of a kernel, executed for each index of the kernel's iteration (or once, in a
/// kernel's scalar part).
public indirect enum KernelOperation: Hashable, Sendable {
    /// Defines temporary `number` (`_v = ...`).
    case define(Int, KernelExpression)
    /// Writes a buffer element.
    case store(ArrayReference, KernelExpression)
    /// Appends the loop index to an event list (a spike).
    case emit(IndexBuffer)
    /// Appends a value to a buffer (a monitor's sample).
    case append(KernelExpression, DoubleBuffer)
    /// Appends a value, converted to an integer, to an index buffer (a monitor's neuron index).
    case appendIndex(KernelExpression, IndexBuffer)
    /// Runs `operations` only where the condition is true (not 0).
    case when(KernelExpression, [KernelOperation])
    /// Empties an event list (scalar part only).
    case clear(IndexBuffer)
    /// Puts the synapse at the loop index into a queue, the given whole number of steps ahead
    /// (delays are converted to steps before a run, see ``SpikeQueue/steps(_:)``).
    case enqueue(SpikeQueue, steps: KernelExpression)
    /// Moves a queue to the next step (scalar part only).
    case advance(SpikeQueue)
    /// Creates `count` synapses from the candidate pair at the loop index (pairs iteration only).
    case connect(SynapseSink, count: KernelExpression)
    /// Advances the membrane potentials of multicompartment neurons by one implicit step of the
    /// cable equation (scalar part only; see ``CableSystem``), one neuron after the other. Each
    /// neuron's values are those it gets alone; the native backend solves neighbours that share a
    /// layout (``CableSystem/sharesLayout(with:)``) together, their recurrences interleaved.
    case solveCables([CableSystem])
    /// Checks that a value about to be stored is finite (see ``FiniteCheck``); stores nothing.
    case checkFinite(KernelExpression, FiniteCheck)
}

extension KernelOperation {
    /// The expressions the operation itself evaluates: its value, its delay, its count or its
    /// condition (not those of the operations under its condition).
    public var expressions: [KernelExpression] {
        switch self {
        case .define(_, let value), .store(_, let value), .append(let value, _), .appendIndex(let value, _),
             .checkFinite(let value, _), .enqueue(_, steps: let value), .connect(_, count: let value),
             .when(let value, _):
            return [value]
        case .emit, .clear, .advance, .solveCables:
            return []
        }
    }
}

extension Array where Element == KernelOperation {
    /// Every operation, those under a condition included, in the order the code reads them (a
    /// conditional block before the operations inside it).
    public var flattened: [KernelOperation] {
        flatMap { operation -> [KernelOperation] in
            if case .when(_, let inner) = operation { return [operation] + inner.flattened }
            return [operation]
        }
    }
}
