/// How much memory a ``SpatialNeuron`` uses per compartment.
extension SpatialNeuron {
    /// Memory used per compartment, in bytes (rounded down): every buffer of the neuron (its
    /// variables, shared ones included, and its spike list) and the cable equation's coefficients,
    /// work space and geometry, divided by the number of compartments. Brian's figure for the same
    /// scope is printed by `scripts/brian2_spatial_bench.py`.
    public var bytesPerCompartment: Int {
        var seen = Set<ObjectIdentifier>()
        let doubles = stateBuffers.filter { seen.insert(ObjectIdentifier($0)).inserted }
        let bytes = doubles.map(\.allocatedBytes).reduce(0, +) + indexBuffers.map(\.allocatedBytes).reduce(0, +)
            + cable.allocatedBytes
        return bytes / size
    }
}
