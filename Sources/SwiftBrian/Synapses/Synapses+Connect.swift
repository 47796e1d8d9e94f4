import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage

extension Synapses {
    /// Creates synapses between every pair (i, j) for which `condition` holds (all pairs without
    /// one), each with probability `p`, `n` synapses per pair — Brian's
    /// `connect(condition=, p=, n=)`. Repeated calls add synapses.
    public func connect(condition: String? = nil, p: ConnectionProbability = 1.0, n: SynapseMultiplicity = 1) throws {
        if condition == nil, let probability = p as? Double, let copies = n as? Int {
            // The expected number is known: refuse before drawing when it cannot fit.
            let limit = synapseLimit()
            if probability * Double(source.size) * Double(target.size) * Double(copies) > Double(limit.count) {
                throw limit.error
            }
        }
        let before = size
        let all = PairSpace(rows: 0..<source.size, columnStart: .constant(0), columnStop: .constant(Double(target.size)))
        try connect(space: all, condition: try condition.map { try connectModel.checkCondition($0, role: "condition") },
                    p: p, n: n, skipInvalid: false)
        connections.append(ConnectionRecord(rule: .condition(condition, p: "\(p)", n: "\(n)"), created: size - before))
    }

    /// Creates synapses from each `i` to the targets `j` describes: one expression of `i`
    /// (`"i + 1"`) or a generator (`"k for k in range(i-3, i+4) if k != i"`,
    /// `"k for k in sample(N_post, p=0.1)"`). A target outside the group is an error unless
    /// `skipIfInvalid`.
    public func connect(j: String, p: ConnectionProbability = 1.0, n: SynapseMultiplicity = 1,
                        skipIfInvalid: Bool = false) throws {
        let before = size
        try connectGenerated(j: j, p: p, n: n, skipIfInvalid: skipIfInvalid)
        connections.append(ConnectionRecord(rule: .generator(j: j, p: "\(p)", n: "\(n)"), created: size - before))
    }

    /// The synapses of `connect(j:p:n:skipIfInvalid:)`.
    private func connectGenerated(j: String, p: ConnectionProbability, n: SynapseMultiplicity,
                                  skipIfInvalid: Bool) throws {
        let generator = try SynapseGenerator(j)
        let check: (Expression) throws -> Expression = { expression in
            let text = "\(expression)"
            return try self.connectModel.checkExpression(text, role: "j", dimension: .dimensionless)
        }
        var builder = pairBuilder()
        let space = PairSpace(rows: 0..<source.size, columnStart: try builder.lower(try check(generator.start)),
                              columnStop: try builder.lower(try check(generator.stop)), columnStep: generator.step)
        let condition = try generator.condition.map { try connectModel.checkCondition("\($0)", role: "condition of j") }
        guard let size = generator.sampleSize else {
            return try connect(space: space, condition: condition, sampled: generator.probability, p: p, n: n,
                               skipInvalid: skipIfInvalid)
        }
        guard condition == nil, generator.probability == nil, (p as? Double) == 1, n is Int else {
            throw ModelError(.invalidArgument, "sample(..., size=...) in j cannot be combined with a condition, p or "
                             + "an n given as a string", source: SourceText(j, role: "j"), span: SourceSpan(0, j.utf8.count))
        }
        let checker = DimensionChecker(scope: connectModel.scope, source: SourceText("\(size)", role: "size"))
        guard let count = checker.constantValue(of: size), count >= 0, count == count.rounded(), count < 1e9 else {
            throw ModelError(.invalidArgument, "The size of sample(...) in j must be a whole number that does not "
                             + "depend on i, but it is '\(size)'")
        }
        let candidates = try create(space: space, condition: nil, p: 1.0, n: 1, skipInvalid: skipIfInvalid)
        let chosen = try sample(Int(count), of: candidates)
        let multiplied = (0..<chosen.pre.count).flatMap { repeatElement($0, count: n as? Int ?? 1) }
        try addSynapses(pre: multiplied.map { chosen.pre[$0] }, post: multiplied.map { chosen.post[$0] })
    }

    /// `count` distinct candidates for each presynaptic element (Brian's `sample(..., size=)`),
    /// by selection sampling: candidate `t` of the `m` left is taken with probability
    /// needed/`m`, each draw keyed by (i, j) as every other draw of synapse creation.
    private func sample(_ count: Int, of candidates: (pre: [Int32], post: [Int32])) throws
        -> (pre: [Int32], post: [Int32]) {
        let stream = RandomKey.stream(named: "\(name)_connect_\(connectCount)_sample")
        var chosen: (pre: [Int32], post: [Int32]) = ([], [])
        var start = 0
        while start < candidates.pre.count {
            var end = start
            while end < candidates.pre.count, candidates.pre[end] == candidates.pre[start] { end += 1 }
            guard count <= end - start else {
                throw ModelError(.invalidArgument, "sample(..., size=\(count)) in j needs \(count) candidates, but "
                                 + "i = \(Int(candidates.pre[start]) - source.start) has only \(end - start)")
            }
            var needed = count
            for t in start..<end where needed > 0 {
                let u = RandomNumbers.uniform(seed: RandomSeed.current, stream: stream,
                                              step: Int(candidates.pre[t]), element: Int(candidates.post[t]), site: 0)
                if u * Double(end - t) < Double(needed) {
                    chosen.pre.append(candidates.pre[t])
                    chosen.post.append(candidates.post[t])
                    needed -= 1
                }
            }
            start = end
        }
        return chosen
    }

    /// Creates `n` synapses (default one) from `i[k]` to `j[k]` for each k (Brian's `connect(i=, j=, n=)`).
    public func connect(i: [Int], j: [Int], n: Int = 1) throws {
        guard n >= 0 else {
            throw ModelError(.invalidArgument, "n must not be negative, but it is \(n)")
        }
        let (count, overflow) = n.multipliedReportingOverflow(by: i.count)
        guard !overflow, count < Int(Int32.max) - size else {
            throw ModelError(.invalidArgument, "connect(i:j:n:) would create \(i.count) × \(n) synapses; a Synapses "
                             + "holds at most \(Int32.max)")
        }
        guard i.count == j.count else {
            throw ModelError(.invalidArgument, "connect(i:j:) needs as many i as j, but got \(i.count) and \(j.count)")
        }
        if let (k, bad) = i.enumerated().first(where: { !(0..<source.size).contains($0.element) }) {
            throw ModelError(.invalidArgument, "i[\(k)] = \(bad) is not a neuron of '\(source.name)' (0..<\(source.size))")
        }
        if let (k, bad) = j.enumerated().first(where: { !(0..<target.size).contains($0.element) }) {
            throw ModelError(.invalidArgument, "j[\(k)] = \(bad) is not a neuron of '\(target.name)' (0..<\(target.size))")
        }
        let pairs = zip(i, j).flatMap { pair in repeatElement(pair, count: n) }
        try addSynapses(pre: pairs.map { Int32($0.0 + source.start) }, post: pairs.map { Int32($0.1 + target.start) })
        connections.append(ConnectionRecord(rule: .pairs(count: i.count, n: n), created: pairs.count))
    }

    /// Runs the synapse-creation kernel over `space` and stores what it creates.
    private func connect(space: PairSpace, condition: Expression?, sampled: Expression? = nil, p: ConnectionProbability,
                         n: SynapseMultiplicity, skipInvalid: Bool) throws {
        let created = try create(space: space, condition: condition, sampled: sampled, p: p, n: n, skipInvalid: skipInvalid)
        try addSynapses(pre: created.pre, post: created.post)
    }

    /// The synapses the creation kernel over `space` makes (absolute indices), in row order: the
    /// candidates for which `condition` holds, each kept with the probability `sampled` (from a
    /// generator's `sample(..., p=)`) and `p`. A probability that does not depend on `j` selects
    /// candidates by geometric skipping (see ``PairSpace``), in time proportional to the number of
    /// synapses made; the condition is then tested on the selected candidates only. One that
    /// depends on `j` is a draw per candidate.
    private func create(space: PairSpace, condition: Expression?, sampled: Expression? = nil, p: ConnectionProbability,
                        n: SynapseMultiplicity, skipInvalid: Bool) throws -> (pre: [Int32], post: [Int32]) {
        var builder = pairBuilder()
        var space = space
        var keep = try condition.map { try builder.lower($0) }
        var rowProbability: KernelExpression?
        func restrict(to probability: KernelExpression) {
            if probability.isConstantOverRow {
                rowProbability = rowProbability.map { .binary(.multiply, $0, probability) } ?? probability
            } else {
                let draw = KernelExpression.binary(.less, builder.draw(.uniform), probability)
                keep = keep.map { .binary(.and, $0, draw) } ?? draw
            }
        }
        if let sampled { restrict(to: try builder.lower(sampled)) }
        switch p {
        case let probability as Double:
            guard (0...1).contains(probability) else {
                throw ModelError(.invalidArgument, "The connection probability p must lie in [0, 1], but it is "
                                 + "\(probability)")
            }
            if probability < 1 { restrict(to: .constant(probability)) }
        case let text as String:
            let expression = try connectModel.checkExpression(text, role: "p", dimension: .dimensionless)
            restrict(to: try builder.lower(expression))
        default:
            throw ModelError(.invalidArgument, "p must be a number or a string")
        }
        if let rowProbability {
            space.probability = rowProbability
            space.skipSite = builder.newSite()
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
        let created = (try IndexBuffer(name: "\(name).new_pre", count: 0, value: 0),
                       try IndexBuffer(name: "\(name).new_post", count: 0, value: 0))
        let limit = synapseLimit()
        let sink = SynapseSink(pre: created.0, post: created.1, sourceStart: source.start, targetStart: target.start,
                               targetSize: target.size, skipInvalid: skipInvalid, limit: limit.count)
        let create = KernelOperation.connect(sink, count: count)
        connectCount += 1
        let kernelName = "\(name)_connect_\(connectCount)"
        let key = RandomKey(stream: RandomKey.stream(named: kernelName), step: try DoubleBuffer(name: kernelName, count: 1, value: 0))
        // Work: the candidates visited, as far as known before the kernel runs.
        var fraction = 1.0
        if case .constant(let probability) = space.probability { fraction = min(max(probability, 0), 1) }
        do {
            try ImmediateExecution.execute(
                Kernel(name: kernelName, iteration: .pairs(space), vector: [keep.map { .when($0, [create]) } ?? create],
                       random: key), work: Int(Double(source.size) * Double(target.size) * fraction))
        } catch let error as ModelError where error.message == SynapseSink.limitMessage {
            throw limit.error
        }
        return (created.0.array, created.1.array)
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
            if name.hasSuffix("_pre"), let value = self.source.read(String(name.dropLast(4)),
                                                                 through: .row(self.source.start)) {
                return value
            }
            if name.hasSuffix("_post"), let value = self.target.read(String(name.dropLast(5)),
                                                                  through: .column(self.target.start)) {
                return value
            }
            if let value = self.target.read(name, through: .column(self.target.start)) { return value }
            return self.namespaceValue(name)
        }, resolveFunction: KernelBuilder.functions(currentNamespace))
    }

    /// Appends synapses, keeps them sorted by presynaptic element (stably, so synapses of one
    /// neuron keep their creation order) and rebuilds the index structures.
    func addSynapses(pre newPre: [Int32], post newPost: [Int32]) throws {
        try checkSynapticNeighbours()
        guard !newPre.isEmpty else { return }
        let oldCount = size
        let perSynapse = perSynapseBuffers
        _ = presynaptic
        try pre.append(contentsOf: newPre)
        try post.append(contentsOf: newPost)
        for buffer in perSynapse { try buffer.resize(oldCount + newPre.count, value: 0) }
        size = oldCount + newPre.count
        // One connect call creates synapses i by i, so usually they are in order already.
        let sorted = (1..<max(size, 1)).allSatisfy { pre[$0 - 1] <= pre[$0] }
        if !sorted {
            let order = (0..<size).sorted { a, b in pre[a] != pre[b] ? pre[a] < pre[b] : a < b }
            try pre.assign(order.map { pre[$0] })
            try post.assign(order.map { post[$0] })
            for buffer in perSynapse { try buffer.assign(order.map { buffer[$0] }) }
            // Users number synapses in creation order, as Brian does.
            var userOf = (0..<oldCount).map(Int32.init)   // a stored synapse's number, before sorting
            for (user, stored) in (creationOrder ?? []).enumerated() { userOf[Int(stored)] = Int32(user) }
            var next = [Int32](repeating: 0, count: size)
            for (position, old) in order.enumerated() {
                next[old < oldCount ? Int(userOf[old]) : old] = Int32(position)
            }
            creationOrder = next
        } else if let previous = creationOrder {
            creationOrder = previous + (oldCount..<size).map(Int32.init)
        }
        try rebuildIndices()
        numberMultisynapses()
        // Kept only if code reads it (see `presynaptic`).
        pre.removeAll()
        pre.shrinkToFit()
    }

    /// Numbers the synapses of each (i, j) pair 0, 1, ... in creation order (synapses of one
    /// presynaptic element are stored in creation order).
    private func numberMultisynapses() {
        guard let name = multisynapticIndex, let numbers = variables[name]?.buffer else { return }
        for k in 0..<source.size {
            var seen: [Int32: Double] = [:]
            for s in Int(preOffsets[k])..<Int(preOffsets[k + 1]) {
                numbers[s] = seen[post[s], default: 0]
                seen[post[s], default: 0] += 1
            }
        }
    }

    /// Offsets of each source element's synapses, the synapses sorted by target, and the counts.
    private func rebuildIndices() throws {
        var preCounts = [Int32](repeating: 0, count: source.size)
        var postCounts = [Int32](repeating: 0, count: target.size)
        for s in 0..<size {
            preCounts[Int(pre[s]) - source.start] += 1
            postCounts[Int(post[s]) - target.start] += 1
        }
        var offsets: [Int32] = [0]
        for count in preCounts { offsets.append(offsets.last! + count) }
        try preOffsets.assign(offsets)
        offsets = [0]
        for count in postCounts { offsets.append(offsets.last! + count) }
        try postOffsets.assign(offsets)
        // The synapses are in order of source (see connect): a row is a run of equal `pre`.
        rowsSorted[0] = size < 2 || (1..<size).allSatisfy { pre[$0 - 1] != pre[$0] || post[$0 - 1] <= post[$0] } ? 1 : 0
        // The synapses sorted by target are only needed for on_post code.
        guard pathways.contains(where: { !$0.triggeredByPre }) else {
            postMembers.removeAll()
            for (k, count) in preCounts.enumerated() { outgoing[source.start + k] = Double(count) }
            for (k, count) in postCounts.enumerated() { incoming[target.start + k] = Double(count) }
            return
        }
        var next = Array(offsets.dropLast())
        var members = [Int32](repeating: 0, count: size)
        var inOrder = true
        for s in 0..<size {
            let k = Int(post[s]) - target.start
            members[Int(next[k])] = Int32(s)
            inOrder = inOrder && Int(next[k]) == s
            next[k] += 1
        }
        // Synapses already in target order need no list: the synapses of a target are a range.
        if inOrder { postMembers.removeAll() } else { try postMembers.assign(members) }
        for (k, count) in preCounts.enumerated() { outgoing[source.start + k] = Double(count) }
        for (k, count) in postCounts.enumerated() { incoming[target.start + k] = Double(count) }
    }
}
