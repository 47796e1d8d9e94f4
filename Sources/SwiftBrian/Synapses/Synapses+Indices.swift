extension Synapses {
    /// The presynaptic element of each synapse, in creation order (Brian's `S.i`), as whole numbers.
    public var i: [Int] {
        get throws { try variable("i").plainValues.map { Int($0) } }
    }

    /// The postsynaptic element of each synapse, in creation order (Brian's `S.j`), as whole numbers.
    public var j: [Int] {
        get throws { try variable("j").plainValues.map { Int($0) } }
    }
}
