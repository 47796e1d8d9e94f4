import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage

extension Synapses {
    /// Creates synapses between every pair (i, j) for which `condition` holds (all pairs without
    /// one), each with probability `p`, `n` synapses per pair — Brian's
    /// `connect(condition=, p=, n=)`. Repeated calls add synapses.
    public func connect(condition: String? = nil, p: ConnectionProbability = 1.0, n: SynapseMultiplicity = 1) throws {
        let all = PairSpace(rows: 0..<source.size, columnStart: .constant(0), columnStop: .constant(Double(target.size)))
        try connect(space: all, condition: try condition.map { try connectModel.checkCondition($0, role: "condition") },
                    p: p, n: n, skipInvalid: false)
    }

    /// Creates synapses from each `i` to the targets `j` describes: one expression of `i`
    /// (`"i + 1"`) or a generator (`"k for k in range(i-3, i+4) if k != i"`,
    /// `"k for k in sample(N_post, p=0.1)"`). A target outside the group is an error unless
    /// `skipIfInvalid`.
    public func connect(j: String, p: ConnectionProbability = 1.0, n: SynapseMultiplicity = 1,
                        skipIfInvalid: Bool = false) throws {
        let generator = try SynapseGenerator(j)
        let check: (Expression) throws -> Expression = { expression in
            let text = "\(expression)"
            return try self.connectModel.checkExpression(text, role: "j", dimension: .dimensionless)
        }
        var builder = pairBuilder()
        let space = PairSpace(rows: 0..<source.size, columnStart: try builder.lower(try check(generator.start)),
                              columnStop: try builder.lower(try check(generator.stop)), columnStep: generator.step)
        var condition = try generator.condition.map { try connectModel.checkCondition("\($0)", role: "condition of j") }
        if let probability = generator.probability {
            let draw = Expression(.binary(.less, Expression(.call("rand", [])), probability))
            condition = condition.map { Expression(.binary(.and, $0, draw)) } ?? draw
        }
        try connect(space: space, condition: condition, p: p, n: n, skipInvalid: skipIfInvalid)
    }

    /// Creates one synapse from `i[k]` to `j[k]` for each k.
    public func connect(i: [Int], j: [Int]) throws {
        guard i.count == j.count else {
            throw ModelError(.invalidArgument, "connect(i:j:) needs as many i as j, but got \(i.count) and \(j.count)")
        }
        if let (k, bad) = i.enumerated().first(where: { !(0..<source.size).contains($0.element) }) {
            throw ModelError(.invalidArgument, "i[\(k)] = \(bad) is not a neuron of '\(source.name)' (0..<\(source.size))")
        }
        if let (k, bad) = j.enumerated().first(where: { !(0..<target.size).contains($0.element) }) {
            throw ModelError(.invalidArgument, "j[\(k)] = \(bad) is not a neuron of '\(target.name)' (0..<\(target.size))")
        }
        try addSynapses(pre: i.map { Int32($0 + source.start) }, post: j.map { Int32($0 + target.start) })
    }

    /// Runs the synapse-creation kernel over `space` and stores what it creates.
    private func connect(space: PairSpace, condition: Expression?, p: ConnectionProbability, n: SynapseMultiplicity,
                         skipInvalid: Bool) throws {
        var builder = pairBuilder()
        var keep = try condition.map { try builder.lower($0) }
        switch p {
        case let probability as Double:
            guard (0...1).contains(probability) else {
                throw ModelError(.invalidArgument, "The connection probability p must lie in [0, 1], but it is "
                                 + "\(probability)")
            }
            if probability < 1 {
                let draw = KernelExpression.binary(.less, builder.draw(.uniform), .constant(probability))
                keep = keep.map { .binary(.and, $0, draw) } ?? draw
            }
        case let text as String:
            let expression = try connectModel.checkExpression(text, role: "p", dimension: .dimensionless)
            let draw = KernelExpression.binary(.less, builder.draw(.uniform), try builder.lower(expression))
            keep = keep.map { .binary(.and, $0, draw) } ?? draw
        default:
            throw ModelError(.invalidArgument, "p must be a number or a string")
        }
        let count: KernelExpression
        switch n {
        case let number as Int:
            guard number >= 0 else {
                throw ModelError(.invalidArgument, "The number of synapses per pair n must not be negative, but it is \(number)")
            }
            count = .constant(Double(number))
        case let text as String:
            count = try builder.lower(try connectModel.checkExpression(text, role: "n", dimension: .dimensionless))
        default:
            throw ModelError(.invalidArgument, "n must be a whole number or a string")
        }
        let created = (IndexBuffer(name: "\(name).new_pre", count: 0, value: 0),
                       IndexBuffer(name: "\(name).new_post", count: 0, value: 0))
        let sink = SynapseSink(pre: created.0, post: created.1, sourceStart: source.start, targetStart: target.start,
                               targetSize: target.size, skipInvalid: skipInvalid)
        let create = KernelOperation.connect(sink, count: count)
        connectCount += 1
        let kernelName = "\(name)_connect_\(connectCount)"
        let key = RandomKey(stream: RandomKey.stream(named: kernelName), step: DoubleBuffer(name: kernelName, count: 1, value: 0))
        try ImmediateExecution.execute(
            Kernel(name: kernelName, iteration: .pairs(space), vector: [keep.map { .when($0, [create]) } ?? create],
                   random: key), work: source.size * target.size)
        try addSynapses(pre: created.0.array, post: created.1.array)
    }

    /// A builder for connect code: `i` and `j` are the candidate pair's, `x_pre` and `x_post` the
    /// variables of its neurons.
    private func pairBuilder() -> KernelBuilder {
        KernelBuilder(resolveName: { [unowned self] name in
            switch name {
            case "i": return .row
            case "j": return .column
            case "N_pre": return .constant(Double(self.source.size))
            case "N_post": return .constant(Double(self.target.size))
            default: break
            }
            if name.hasSuffix("_pre"), let value = Synapses.read(String(name.dropLast(4)), of: self.source,
                                                                 through: .row(self.source.start)) {
                return value
            }
            if name.hasSuffix("_post"), let value = Synapses.read(String(name.dropLast(5)), of: self.target,
                                                                  through: .column(self.target.start)) {
                return value
            }
            if let value = Synapses.read(name, of: self.target, through: .column(self.target.start)) { return value }
            return self.namespaceValue(name)
        }, resolveFunction: KernelBuilder.functions(currentNamespace))
    }

    /// Appends synapses, keeps them sorted by presynaptic element (stably, so synapses of one
    /// neuron keep their creation order) and rebuilds the index structures.
    func addSynapses(pre newPre: [Int32], post newPost: [Int32]) throws {
        guard !newPre.isEmpty else { return }
        let oldCount = size
        let perSynapse = perSynapseBuffers
        _ = presynaptic
        pre.append(contentsOf: newPre)
        post.append(contentsOf: newPost)
        for buffer in perSynapse { buffer.resize(oldCount + newPre.count, value: 0) }
        size = oldCount + newPre.count
        // One connect call creates synapses i by i, so usually they are in order already.
        let sorted = (1..<max(size, 1)).allSatisfy { pre[$0 - 1] <= pre[$0] }
        if !sorted {
            let order = (0..<size).sorted { a, b in pre[a] != pre[b] ? pre[a] < pre[b] : a < b }
            pre.assign(order.map { pre[$0] })
            post.assign(order.map { post[$0] })
            for buffer in perSynapse { buffer.assign(order.map { buffer[$0] }) }
        }
        rebuildIndices()
        // Kept only if code reads it (see `presynaptic`).
        pre.removeAll()
        pre.shrinkToFit()
    }

    /// Offsets of each source element's synapses, the synapses sorted by target, and the counts.
    private func rebuildIndices() {
        var preCounts = [Int32](repeating: 0, count: source.size)
        var postCounts = [Int32](repeating: 0, count: target.size)
        for s in 0..<size {
            preCounts[Int(pre[s]) - source.start] += 1
            postCounts[Int(post[s]) - target.start] += 1
        }
        var offsets: [Int32] = [0]
        for count in preCounts { offsets.append(offsets.last! + count) }
        preOffsets.assign(offsets)
        offsets = [0]
        for count in postCounts { offsets.append(offsets.last! + count) }
        postOffsets.assign(offsets)
        // The synapses sorted by target are only needed for on_post code.
        guard pathways.contains(where: { !$0.triggeredByPre }) else {
            postMembers.removeAll()
            for (k, count) in preCounts.enumerated() { outgoing[source.start + k] = Double(count) }
            for (k, count) in postCounts.enumerated() { incoming[target.start + k] = Double(count) }
            return
        }
        var next = Array(offsets.dropLast())
        var members = [Int32](repeating: 0, count: size)
        for s in 0..<size {
            let k = Int(post[s]) - target.start
            members[Int(next[k])] = Int32(s)
            next[k] += 1
        }
        postMembers.assign(members)
        for (k, count) in preCounts.enumerated() { outgoing[source.start + k] = Double(count) }
        for (k, count) in postCounts.enumerated() { incoming[target.start + k] = Double(count) }
    }
}
