import SwiftBrianIntegration
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Connections between two groups (Brian's `Synapses`): per-synapse parameters and equations,
/// code run when presynaptic (`onPre`) or postsynaptic (`onPost`) spikes arrive after a delay,
/// event-driven variables updated only at those events, and `(summed)` variables written into the
/// pre- or postsynaptic group every step.
///
///     let S = try Synapses(P, Q, model: "w : volt", onPre: "v_post += w", delay: 2 * ms)
///     try S.connect(p: 0.02)
///     try S.w.set("rand()*wmax")
///
/// Code refers to the source's variables with `_pre` (`v_pre`), the target's with `_post` or
/// without a suffix, and to `i` (presynaptic index), `j` (postsynaptic index), `N_incoming`,
/// `N_outgoing`, `N_pre`, `N_post`. Synapses are kept sorted by presynaptic neuron, so the
/// synapses of a spike lie together in memory.
public final class Synapses: Group {
    /// The presynaptic group.
    public let source: Group
    /// The postsynaptic group.
    public let target: Group
    /// The presynaptic element of each synapse (absolute index in the source's buffers) while
    /// synapses are created; afterwards only if code reads it (see ``presynaptic``).
    let pre: IndexBuffer
    /// The postsynaptic element of each synapse (absolute index in the target's buffers).
    let post: IndexBuffer
    /// Where the synapses of source element `start + k` begin: `preOffsets[k]`.
    let preOffsets: IndexBuffer
    /// One element: 1 while the synapses of every source element are in non-decreasing order of
    /// `post`, 0 otherwise (see ``TargetOrder``).
    let rowsSorted: IndexBuffer
    /// The synapses sorted by postsynaptic element, and where each element's begin. `postMembers`
    /// is empty when no pathway is triggered by the target, and when the synapses are stored in
    /// that order already (one target, `j = i`): then element `k`'s synapses are
    /// `postOffsets[k]..<postOffsets[k + 1]` themselves (see ``postSorted``).
    let postOffsets: IndexBuffer
    let postMembers: IndexBuffer
    /// The number of synapses of each target element (absolute index) and of each source element.
    let incoming: DoubleBuffer
    let outgoing: DoubleBuffer
    var pathways: [SynapticPathway]
    var clockDriven: StateUpdate?
    var eventDriven: StateUpdate?
    let summedVariables: [SummedVariable]
    /// The checked scope of `connect` conditions (i, j, `_pre` and `_post` variables).
    let connectModel: AnalyzedEquations
    /// The number of `connect` calls so far (each has its own random stream).
    var connectCount = 0
    /// The delay variables given at creation (then the same for every synapse).
    let fixedDelays: Set<String>
    /// The name of the variable numbering the synapses of each (i, j) pair, if any.
    let multisynapticIndex: String?
    /// Where each synapse, numbered in creation order as Brian numbers them, is stored (storage is
    /// sorted by presynaptic element); nil while the two orders agree.
    var creationOrder: [Int32]?
    /// The pathways as given (code, event, delay), for descriptions of the model.
    public let pathwayRecords: [PathwayRecord]
    /// The `connect` calls so far and the synapses each made.
    public internal(set) var connections: [ConnectionRecord] = []

    /// Creates synapses from `source` to `target` (default: `source`, recurrent), with no synapse
    /// yet: call `connect`.
    ///
    /// - Parameters:
    ///   - model: per-synapse equations (parameters, clock- or event-driven ODEs, summed variables).
    ///   - onPre: statements run for each synapse of a presynaptic spike, after its delay; or
    ///     several pathways by name (`["up": "...", "down": "..."]`), each with its own delay.
    ///   - onPost: statements run for each synapse of a postsynaptic spike (or named pathways).
    ///   - delay: a delay for every synapse of the `pre` pathway; without it, `delay` is a
    ///     per-synapse variable (0 until set). Synapse code reads `delay` but cannot write it
    ///     (Brian lets it): the spike queue is sized for the delays when a run starts. A run
    ///     refuses negative delays and delays of more than `SpikeQueue.maximumDelaySteps` steps.
    ///   - delays: delays of other pathways by name, the same for every synapse (Brian's
    ///     `delay={'up': 1*ms}`); set them per synapse with `S.pathway("down").delay.set(...)`.
    ///   - onEvent: the event of the source (or target) that triggers a pathway, by pathway name,
    ///     when it is not `spike` (Brian's `on_event={'pre': 'my_event'}`).
    ///   - multisynapticIndex: the name of a per-synapse integer variable numbering the synapses
    ///     of each (i, j) pair in the order they were created, 0, 1, ... (Brian's
    ///     `multisynaptic_index`).
    ///   - method: the integration method of clock-driven equations.
    public init(_ source: Group, _ target: Group? = nil, model: String = "", onPre: PathwayCode? = nil,
                onPost: PathwayCode? = nil, delay: Quantity? = nil, delays: [String: Quantity] = [:],
                onEvent: [String: String] = [:], multisynapticIndex: String? = nil, method: IntegrationMethod? = nil,
                namespace: Namespace = Namespace(), dt: Quantity? = nil, clock: Clock? = nil, order: Int = 0,
                name: String? = nil) throws {
        let target = target ?? source
        let name = name ?? ObjectNames.unique("synapses")
        var givenDelays = delays
        if let delay { givenDelays["pre"] = delay }
        for (pathway, delay) in givenDelays.sorted(by: { $0.key < $1.key }) {
            let what = pathway == "pre" ? "The delay of '\(name)'" : "The delay of the pathway '\(pathway)' of '\(name)'"
            guard delay.dimension == .time else {
                throw ModelError(.dimensionMismatch, "\(what) must be a time, but it is \(delay)")
            }
            guard delay.value.isFinite else {
                throw ModelError(.invalidArgument, "\(what) must be finite, but it is \(delay.value) s")
            }
            guard delay.value >= 0 else {
                throw ModelError(.invalidArgument, "\(what) must not be negative, but it is \(delay)")
            }
        }
        let equations = try Equations(model)
        let hasEventDriven = equations.contains { $0.has(.eventDriven) }
        let j = VariableDescription(name: "j", dimension: .dimensionless, type: .integer, kind: .builtin,
                                    isWritable: false, isConstant: true)
        // One delay for all synapses until one per synapse is set (see `prepareToSet`). Synapse
        // code reads it but cannot write it: the spike queue is sized for the delays when a run
        // starts, so only `delay.set` (outside a run) changes it.
        var own = [VariableDescription(name: "delay", dimension: .time, kind: .builtin, isWritable: false,
                                       isConstant: true, isShared: true)]
        if hasEventDriven {
            own.append(VariableDescription(name: "lastupdate", dimension: .time, kind: .builtin, isWritable: false,
                                           isConstant: false))
        }
        if let multisynapticIndex {
            try Identifiers.checkVariableName(multisynapticIndex, source: nil, span: nil)
            guard !equations.names.contains(multisynapticIndex) else {
                throw ModelError(.invalidArgument, "The multisynaptic index '\(multisynapticIndex)' of '\(name)' is "
                                 + "also defined by the model")
            }
            own.append(VariableDescription(name: multisynapticIndex, dimension: .dimensionless, type: .integer,
                                           kind: .builtin, isWritable: false, isConstant: true))
        }
        self.multisynapticIndex = multisynapticIndex
        let linked = Synapses.linkedVariables(source: source, target: target, own: Set(equations.names))
        let analyzed = try AnalyzedEquations(equations, namespace: namespace, context: .synapses,
                                             extraVariables: [j] + own + linked + Synapses.counts)
        connectModel = try AnalyzedEquations(try Equations(""), namespace: namespace, context: .synapses,
                                             extraVariables: [j] + linked + Synapses.counts)
        try Synapses.checkEventDrivenDependencies(analyzed)
        let hasClockDriven = equations.contains { $0.kind == .differential && !$0.has(.eventDriven) }
        clockDriven = hasClockDriven ? try StateUpdate.make(for: analyzed, method: method) : nil
        eventDriven = try StateUpdate.eventDriven(for: analyzed)
        summedVariables = try equations.filter { $0.has(.summed) }.map {
            try SummedVariable($0, source: source, target: target, synapses: name)
        }
        var pathways: [SynapticPathway] = []
        for (code, triggeredByPre) in [(onPre, true), (onPost, false)] {
            for (given, text) in code?.pathways ?? [] {
                let pathway = given ?? (triggeredByPre ? "pre" : "post")
                let argument = triggeredByPre ? "on_pre" : "on_post"
                let role = given == nil ? "\(argument) code" : "\(argument) code of the pathway '\(pathway)'"
                guard let first = pathway.first, first.isLetter || first == "_",
                      pathway.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }),
                      !pathways.contains(where: { $0.name == pathway }) else {
                    throw ModelError(.invalidArgument, "'\(name)' cannot have a pathway named '\(pathway)': pathway "
                                     + "names must be distinct identifiers")
                }
                let event = onEvent[pathway] ?? "spike"
                let group = triggeredByPre ? source : target
                guard group.eventLists[event] != nil else {
                    throw ModelError(.invalidArgument, event == "spike"
                        ? "'\(name)' has \(argument) code, but '\(group.name)' has no threshold, so it never spikes"
                        : "The pathway '\(pathway)' of '\(name)' is triggered by the event '\(event)', which "
                          + "'\(group.name)' does not have")
                }
                pathways.append(try SynapticPathway(name: pathway, triggeredByPre: triggeredByPre, event: event,
                                                code: try analyzed.checkCode(text, role: role, allowsSharedWrites: false),
                                                owner: name))
            }
        }
        if let missing = Set(delays.keys).union(onEvent.keys).subtracting(pathways.map(\.name)).sorted().first {
            throw ModelError(.invalidArgument, "'\(name)' has no pathway named '\(missing)' (its pathways: "
                             + "\(pathways.map { "'\($0.name)'" }.joined(separator: ", ")))")
        }
        self.pathways = pathways
        pathwayRecords = zip(pathways, (onPre?.pathways ?? []) + (onPost?.pathways ?? [])).map { pathway, given in
            PathwayRecord(name: pathway.name, triggeredByPre: pathway.triggeredByPre, event: pathway.event,
                          code: given.code, delay: givenDelays[pathway.name])
        }
        fixedDelays = Set(givenDelays.keys.map(SynapticPathway.delayVariable(of:)))
        self.source = source
        self.target = target
        pre = try IndexBuffer(name: "\(name).pre", count: 0, value: 0)
        post = try IndexBuffer(name: "\(name).post", count: 0, value: 0)
        preOffsets = try IndexBuffer(name: "\(name).pre_offsets", count: source.size + 1, value: 0)
        rowsSorted = try IndexBuffer(name: "\(name).rows_sorted", count: 1, value: 1)
        postOffsets = try IndexBuffer(name: "\(name).post_offsets", count: target.size + 1, value: 0)
        postMembers = try IndexBuffer(name: "\(name).post_members", count: 0, value: 0)
        incoming = try DoubleBuffer(name: "\(name).N_incoming", count: target.stop, value: 0)
        outgoing = try DoubleBuffer(name: "\(name).N_outgoing", count: source.stop, value: 0)

        var variables = Group.builtinVariables(analyzed)
        for description in own {
            let perSynapse = !description.isShared
            variables[description.name] = GroupVariable(
                description: description,
                buffer: try DoubleBuffer(name: "\(name).\(description.name)", count: perSynapse ? 0 : 1,
                                     value: description.name == "delay" ? (delay?.value ?? 0) : 0),
                link: nil, isSettable: description.name == "delay")
        }
        // The other pathways' delays, by a name code cannot use (`up.delay`).
        for pathway in pathways where pathway.delayVariable != "delay" {
            var description = own[0]
            description.name = pathway.delayVariable
            variables[description.name] = GroupVariable(
                description: description,
                buffer: try DoubleBuffer(name: "\(name).\(description.name)", count: 1,
                                     value: givenDelays[pathway.name]?.value ?? 0),
                link: nil, isSettable: true)
        }
        variables["j"] = GroupVariable(description: j, buffer: nil, link: nil, isSettable: false)
        for description in Synapses.counts {
            variables[description.name] = GroupVariable(description: description, buffer: nil, link: nil,
                                                        isSettable: false)
        }
        for equation in equations where !equation.has(.summed) {
            let stored = equation.kind != .subexpression || equation.has(.constantOverDt)
            variables[equation.name] = GroupVariable(
                description: analyzed.variable(equation.name)!,
                buffer: stored ? try DoubleBuffer(name: "\(name).\(equation.name)", count: equation.has(.shared) ? 1 : 0,
                                              value: 0) : nil,
                link: nil, isSettable: equation.kind != .subexpression && !equation.has(.linked))
        }
        // Brian's default is the default clock, whatever the source's (pathways run on the clock
        // of the group whose events trigger them, see `synapticOperations`).
        let groupClock = try clock ?? dt.map { try Group.newClock(dt: $0, owner: name) } ?? defaultClock
        super.init(name: name, size: 0, start: 0, clock: groupClock, order: order, variables: variables,
                   model: analyzed, namespace: namespace)
        dependents = []
    }

    /// `N_incoming`, `N_outgoing`, `N_pre`, `N_post`.
    private static let counts = ["N_incoming", "N_outgoing", "N_pre", "N_post"].map {
        VariableDescription(name: $0, dimension: .dimensionless, type: .integer, kind: .builtin, isWritable: false,
                            isConstant: true, isShared: $0 == "N_pre" || $0 == "N_post")
    }

    /// The source's variables as `x_pre`, the target's as `x_post` and, where the synapse model
    /// does not use the name, as `x`.
    private static func linkedVariables(source: Group, target: Group, own: Set<String>) -> [VariableDescription] {
        let skipped: Set<String> = ["t", "dt", "t_in_timesteps", "N", "i"]
        var result: [VariableDescription] = []
        for (group, suffix) in [(source, "_pre"), (target, "_post")] {
            for variable in group.variables.values where !skipped.contains(variable.name) {
                var description = variable.description
                description.name += suffix
                description.isShared = variable.isShared
                result.append(description)
            }
        }
        for variable in target.variables.values where !skipped.contains(variable.name) && !own.contains(variable.name)
            && !synapticNames.contains(variable.name) {
            result.append(variable.description)
        }
        return result
    }

    /// Names that always mean the synapses' own variable, never the target's, even where the
    /// synapses lack it (a target that is itself `Synapses` has a `lastupdate` of its own).
    private static let synapticNames: Set<String> = ["j", "delay", "lastupdate"]

    // MARK: Names in synapse code

    override var dependencies: [NetworkObject] { [source, target] }

    override var elementOrder: [Int32]? { creationOrder }

    /// Pre- and postsynaptic variables (`v_pre`, `v_post`) can be read and recorded through the
    /// synapses, one value per synapse, as in Brian; they are set in their own group.
    override func stored(_ name: String, settable: Bool) throws -> GroupVariable {
        guard variables[name] == nil, let description = model.variable(name), let (group, variable, _) = neighbour(name)
        else { return try super.stored(name, settable: settable) }
        if settable {
            throw ModelError(.invalidAssignment, "'\(name)' of '\(self.name)' is '\(variable)' of '\(group.name)': set "
                             + "it there")
        }
        return GroupVariable(description: description, buffer: nil, link: nil, isSettable: false)
    }

    override func resolve(_ name: String) -> KernelExpression? {
        switch name {
        case "i": return offset(.indexValue(presynaptic, .element), -source.start)
        case "j": return offset(.indexValue(post, .element), -target.start)
        case "N_pre": return .constant(Double(source.size))
        case "N_post": return .constant(Double(target.size))
        case "N_incoming": return .load(ArrayReference(incoming, .mapped(post)))
        case "N_outgoing": return .load(ArrayReference(outgoing, .mapped(presynaptic)))
        default: break
        }
        if variables[name] != nil { return super.resolve(name) }
        if let (group, variable, map) = neighbour(name) { return group.read(variable, through: map) }
        return super.resolve(name)
    }

    override func target(_ name: String) -> ArrayReference? {
        if variables[name] != nil { return super.target(name) }
        guard let (group, variable, map) = neighbour(name), let stored = group.variables[variable],
              stored.link == nil, let buffer = stored.buffer else { return nil }
        return ArrayReference(buffer, stored.isShared ? .shared : map)
    }

    /// The pre- or postsynaptic variable `name` stands for, and the map from a synapse to its
    /// element.
    private func neighbour(_ name: String) -> (Group, String, IndexMap)? {
        if name.hasSuffix("_pre"), source.variables[String(name.dropLast(4))] != nil {
            return (source, String(name.dropLast(4)), .mapped(presynaptic))
        }
        if name.hasSuffix("_post"), target.variables[String(name.dropLast(5))] != nil {
            return (target, String(name.dropLast(5)), .mapped(post))
        }
        if target.variables[name] != nil, !Synapses.synapticNames.contains(name) { return (target, name, .mapped(post)) }
        return nil
    }

    private func offset(_ value: KernelExpression, _ amount: Int) -> KernelExpression {
        amount == 0 ? value : .binary(.add, value, .constant(Double(amount)))
    }

    // MARK: Storage

    /// The presynaptic element of each synapse, rebuilt from the offsets the first time code needs
    /// it: a model whose code never reads `i` or a `_pre` variable keeps no copy (4 bytes per
    /// synapse saved).
    var presynaptic: IndexBuffer {
        if pre.count != size {
            pre.removeAll()
            pre.reserve(size)
            // The offsets' own length: a source that is Synapses may have grown since (see
            // `checkSynapticNeighbours`).
            for k in 0..<(preOffsets.count - 1) {
                for _ in Int(preOffsets[k])..<Int(preOffsets[k + 1]) { pre.append(Int32(source.start + k)) }
            }
        }
        return pre
    }

    /// Throws unless every `Synapses` this one connects (as source or target) still has the
    /// synapses it had when this one was created, stored in creation order: indices into them are
    /// fixed then (Brian's `N_pre`/`N_post` too), and a synapse's number must be where it is stored.
    func checkSynapticNeighbours() throws {
        for (neighbour, offsets, role) in [(source, preOffsets, "source"), (target, postOffsets, "target")] {
            guard let synapses = neighbour as? Synapses else { continue }
            guard offsets.count == synapses.size + 1 else {
                let count = offsets.count - 1
                throw ModelError(.invalidArgument, "'\(name)' was created when its \(role) '\(synapses.name)' had "
                                 + "\(count) synapse\(count == 1 ? "" : "s"), but it now has \(synapses.size): connect "
                                 + "'\(synapses.name)' before creating Synapses from or onto it, and add no synapses to "
                                 + "it afterwards")
            }
            guard synapses.creationOrder == nil else {
                throw ModelError(.invalidArgument, "The synapses of '\(synapses.name)', the \(role) of '\(name)', were "
                                 + "not created in the order of their presynaptic indices; Synapses from or onto other "
                                 + "Synapses need them created in that order (connect them i by i)")
            }
        }
    }

    /// The synapse stored at `k` in the user's terms: its number (creation order), `i` and `j`:
    /// `4 (i = 3, j = 7)`.
    func describeSynapse(_ k: Int) -> String {
        let number = creationOrder?.firstIndex(of: Int32(k)) ?? k
        var low = 0, high = preOffsets.count - 1   // the last source element whose synapses start at or before k
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(preOffsets[middle]) <= k { low = middle } else { high = middle - 1 }
        }
        return "\(number) (i = \(low), j = \(Int(post[k]) - target.start))"
    }

    /// The buffers that hold one value per synapse.
    var perSynapseBuffers: [DoubleBuffer] {
        variables.values.filter { !$0.isShared }.compactMap(\.buffer)
    }

    /// Memory used per synapse, in bytes: the postsynaptic index, the presynaptic index (only
    /// if code reads it), the index of the synapses sorted by target (only with on_post code), the
    /// creation order (only when synapses were not created in presynaptic order), every
    /// per-synapse variable and, for each per-synapse delay, the delay in time steps (filled when a
    /// run starts). Offsets and counts per neuron are not per synapse and are left out.
    public var bytesPerSynapse: Int {
        let delaySteps = pathways.filter { variables[$0.delayVariable].map { !$0.isShared } ?? false }.count
        let indices = ((pre.count == size ? 1 : 0) + 1 + (postMembers.count == size ? 1 : 0)
                       + (creationOrder == nil ? 0 : 1) + delaySteps) * MemoryLayout<Int32>.size
        return indices + perSynapseBuffers.count * MemoryLayout<Double>.size
    }

    override func namespaceDidChange() throws {
        if let clockDriven { self.clockDriven = try StateUpdate.make(for: model, method: clockDriven.method) }
        eventDriven = try StateUpdate.eventDriven(for: model)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        try requireLinked()
        try checkSynapticNeighbours()
        return try (constantOverDtUpdate().map { [$0] } ?? []) + synapticOperations()
    }

    /// Setting a delay per synapse gives every synapse a delay of its own (memory is used for it
    /// only then); a delay given at creation stays the same for all.
    override func prepareToSet(_ name: String, perElement: Bool) throws {
        guard pathways.contains(where: { $0.delayVariable == name }) || name == "delay", perElement,
              let delay = variables[name], delay.isShared, let shared = delay.buffer else { return }
        if fixedDelays.contains(name) {
            throw ModelError(.invalidArgument, "The delay of '\(self.name)'\(name == "delay" ? "" : " (\(name))") was "
                             + "given when it was created, so it is the same for every synapse; create it without "
                             + "it to set one per synapse")
        }
        var perSynapse = delay
        perSynapse.description.isShared = false
        perSynapse.buffer = try DoubleBuffer(name: shared.name, count: size, value: shared[0])
        variables[name] = perSynapse
    }

    override func beforeRun(_ network: Network) throws { try prepareRun(network) }

    override var stateBuffers: [DoubleBuffer] { super.stateBuffers + [incoming, outgoing] }
    override var indexBuffers: [IndexBuffer] { [pre, post, preOffsets, postOffsets, postMembers, rowsSorted] }
    override var spikeQueues: [SpikeQueue] { pathways.map(\.queue) }
}
