import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// What neuron groups, subgroups and input groups share: elements with variables that code
/// strings can read and write, and a view of each variable (`G.v`) for reading and setting it.
///
///     try G.v.set("El + rand()*5*mV")
///     try G.v.set(-70 * mV, where: "i < 10")
///     let v = try G.v.values
@dynamicMemberLookup
public class Group: NetworkObject {
    /// The number of elements (for synapses, it grows with each `connect`).
    public internal(set) var size: Int
    /// The first element in the buffers (non-zero for a subgroup).
    let start: Int
    /// The variables by name, including `i`, `N`, `t`, `dt`.
    var variables: [String: GroupVariable]
    /// The checked model: the scope code strings are checked in (checked again when namespace
    /// values change).
    var model: AnalyzedEquations {
        didSet { inlinedSubexpressions = nil }
    }
    /// The model's subexpressions, each with those it uses inlined, computed once per
    /// model: each run builds the group's kernels again.
    private var inlinedSubexpressions: [String: Expression]?
    /// Where names the model does not define are looked up: values and functions. As a Brian
    /// script reassigns a Python variable between runs, values may change between runs
    /// (`G.namespace["eta"] = 0.01`); each run reads them afresh, without recompiling. A value
    /// must keep its unit.
    public var namespace: Namespace
    /// Values given to the current run (``Network/run(_:namespace:report:reportPeriod:)``); they
    /// take precedence over ``namespace`` until the run ends.
    var runValues: [String: Quantity] = [:]
    /// The values given to variables by `set`, in order (a subgroup's are kept by its parent); the
    /// first ``maximumRecordedInitializations``, so that code setting values at every step of a
    /// long run does not fill the memory.
    public private(set) var initializations: [InitializationRecord] = []
    /// The number of `set` calls after the first ``maximumRecordedInitializations``, not recorded.
    public private(set) var unrecordedInitializations = 0
    /// How many `set` calls a group records.
    public static let maximumRecordedInitializations = 1000
    /// The event lists by event name (`"spike"`, custom events), shared with subgroups; the slot
    /// and order each is filled in.
    var eventLists: [String: (list: IndexBuffer, when: When, order: Int)] = [:]

    init(name: String, size: Int, start: Int, clock: Clock, order: Int, variables: [String: GroupVariable],
         model: AnalyzedEquations, namespace: Namespace) {
        self.size = size
        self.start = start
        self.variables = variables
        self.model = model
        self.namespace = namespace
        super.init(name: name, clock: clock, order: order)
    }

    /// The end of this group's elements in the buffers.
    var stop: Int { start + size }

    /// The loop over this group's elements.
    var allElements: Iteration { .range(start, stop) }

    // MARK: Variables

    /// The variable `name`, to read or set (`try G.v`).
    ///
    /// - Throws: `ModelError` naming the closest and all known variables when the group has no
    ///   variable `name` (`G.vv`), at this first use.
    public subscript(dynamicMember name: String) -> VariableView {
        get throws { try variable(name) }
    }

    /// The variable `name`, checked.
    public func variable(_ name: String) throws -> VariableView {
        _ = try stored(name, settable: false)
        return VariableView(group: self, name: name)
    }

    /// The stored variable `name`, or an error naming the group, the closest name and the known
    /// variables.
    func stored(_ name: String, settable: Bool) throws -> GroupVariable {
        guard let variable = variables[name] else {
            let hint = Suggestions.hint(for: name, among: variables.keys)
            let known = variables.keys.filter { !$0.hasPrefix("_") }.sorted().joined(separator: ", ")
            throw ModelError(.unknownIdentifier, "'\(name)' is not a variable of "
                             + "\(name == self.name ? "the group" : "'\(self.name)'")\(hint); its variables are \(known)")
        }
        if settable, !variable.isSettable {
            throw ModelError(.invalidAssignment, "'\(name)' of '\(self.name)' cannot be set: it is a "
                             + "\(variable.description.kind.rawValue)")
        }
        return variable
    }

    /// Where each element, as users number them, is stored (relative to ``start``); nil when
    /// that is the element's own number. Synapses number synapses in creation order, as Brian
    /// does, but store them sorted by presynaptic element.
    var elementOrder: [Int32]? { nil }

    /// Called before `name` is set: `perElement` when the values may differ between elements
    /// (arrays, expressions, conditions). A group may change how it stores the variable here.
    func prepareToSet(_ name: String, perElement: Bool) throws {}

    /// Keeps `record` of a value set (a subgroup hands it to its parent, with its elements).
    /// The runs of networks holding the group so far (values set later were set between runs).
    var completedRuns = 0

    func record(_ record: InitializationRecord) {
        if initializations.count < Group.maximumRecordedInitializations {
            var stamped = record
            stamped.runsBefore = completedRuns
            initializations.append(stamped)
        } else {
            unrecordedInitializations += 1
        }
    }

    /// The equations of the model, as given.
    public var equations: Equations { model.equations }

    /// The equations a description of the model shows: all of them, except those a spatial
    /// neuron adds itself (its geometry, `Cm`, `Ri`, the linearised current).
    public var describedEquations: [Equation] { Array(equations) }

    // MARK: Lowering code

    /// What a name means in this group's kernels.
    func resolve(_ name: String) -> KernelExpression? {
        switch name {
        case "t": return .load(ArrayReference(clock.time, .shared))
        case "dt": return .load(ArrayReference(clock.dtBuffer, .shared))
        case "t_in_timesteps": return .load(ArrayReference(clock.timestep, .shared))
        case "i": return start == 0 ? .index : .binary(.subtract, .index, .constant(Double(start)))
        case "N": return .constant(Double(size))
        default: break
        }
        if let variable = variables[name] {
            if let link = variable.link { return link.group.read(link.name, through: link.map()) }
            if let buffer = variable.buffer {
                return .load(ArrayReference(buffer, variable.isShared ? .shared : .element))
            }
            return nil
        }
        return namespaceValue(name)
    }

    /// The namespace the current run reads: the group's, with the run's values over it, its
    /// TimedArrays adapted to the group's time step.
    var currentNamespace: Namespace {
        var current = namespace
        current.values.merge(runValues) { _, run in run }
        return current.adapted(toTimeStep: clock.dt.value)
    }

    /// Called before each run with the run's namespace values: the model is checked again with
    /// the values now in force when they changed (a value must keep its unit), and
    /// ``namespaceDidChange()`` lets the group derive again what depends on values.
    override func prepareNamespace(_ values: [String: Quantity]) throws {
        runValues = values
        let current = currentNamespace
        guard current.values != model.scope.namespace.values else { return }
        for (name, value) in current.values {
            guard let old = model.scope.namespace.values[name], old.dimension != value.dimension else { continue }
            throw ModelError(.dimensionMismatch, "The namespace value '\(name)' of '\(self.name)' was in "
                             + "\(old.dimension.unitSpecification) when the model was checked, but it is now "
                             + "\(value) (a value may change between runs, its unit may not)")
        }
        let checked = model
        model = try model.replacingNamespace(current)
        do {
            try namespaceDidChange()
        } catch {
            model = checked   // so that the next run derives again
            throw error
        }
    }

    /// Derives again what was computed from namespace values (state updaters); ``model`` has
    /// the new values.
    func namespaceDidChange() throws {}

    /// Between runs, code (`G.v.set("eta*i")`) reads the group's own namespace again.
    override func runDidEnd() {
        runValues = [:]
    }

    /// A value from the namespace, a unit or a constant, in that order.
    func namespaceValue(_ name: String) -> KernelExpression? {
        if let value = currentNamespace.values[name] { return .constant(value.value) }
        if let unit = UnitRegistry.named(name) { return .constant(unit.value) }
        if let constant = Identifiers.constants[name] { return .constant(constant) }
        return nil
    }

    /// Where a statement assigning `name` writes.
    func target(_ name: String) -> ArrayReference? {
        guard let variable = variables[name], variable.description.kind != .subexpression else { return nil }
        if let link = variable.link {
            guard let linked = link.group.variables[link.name], linked.link == nil,
                  linked.description.kind != .subexpression, let buffer = linked.buffer else { return nil }
            return ArrayReference(buffer, linked.isShared ? .shared : link.map())
        }
        return variable.buffer.map { ArrayReference($0, variable.isShared ? .shared : .element) }
    }

    /// Every `(linked)` variable must be linked before a run.
    func requireLinked() throws {
        for equation in model.equations where equation.has(.linked) && variables[equation.name]?.link == nil {
            throw ModelError(.invalidArgument, "The linked variable '\(equation.name)' of '\(name)' has not been "
                             + "linked: use \(name).\(equation.name).link(to: otherGroup.variable)",
                             source: equation.source, span: equation.nameSpan)
        }
    }

    /// The variable `name` of this group as a kernel reads it for an element of another group,
    /// `map` giving this group's element (subexpressions are computed here, from this group's
    /// variables); nil for a name it does not have.
    func read(_ name: String, through map: IndexMap) -> KernelExpression? {
        guard let variable = variables[name] else { return nil }
        if let link = variable.link {
            switch (map, link.map()) {
            case (_, .shared): return link.group.read(link.name, through: .shared)
            case (.element, let linkMap): return link.group.read(link.name, through: linkMap)
            case (.offset(let a), .offset(let b)): return link.group.read(link.name, through: .offset(a + b))
            default: return nil   // a map of a map: not expressible in a kernel
            }
        }
        if let buffer = variable.buffer { return .load(ArrayReference(buffer, variable.isShared ? .shared : map)) }
        guard variable.description.kind == .subexpression,
              let expression = try? inlined(Expression(.name(name))) else { return nil }
        var builder = KernelBuilder(resolveName: { [unowned self] in read($0, through: map) ?? resolve($0) },
                                    resolveFunction: KernelBuilder.functions(currentNamespace))
        return try? builder.lower(expression)
    }

    /// A builder that lowers this group's code.
    func builder() -> KernelBuilder {
        let functions = KernelBuilder.functions(currentNamespace)
        return KernelBuilder(resolveName: { [unowned self] in self.resolve($0) },
                             resolveFunction: { [unowned self] in self.timedArrayTable($0) ?? functions($0) })
    }

    /// A call of the TimedArray `name` as this group's kernels read it (with this group's clock).
    func timedArrayTable(_ name: String) -> KernelFunction? {
        guard let timedArray = currentNamespace.functions[name]?.table as? TimedArray else { return nil }
        return .timedArray(timedArray.table(clockDt: clock.dt.value))
    }

    /// The model's subexpressions, each with the subexpressions it uses inlined.
    private func subexpressions() throws -> [String: Expression] {
        if let inlinedSubexpressions { return inlinedSubexpressions }
        let computed = try model.inlinedSubexpressions()
        inlinedSubexpressions = computed
        return computed
    }

    /// `expression` with the group's subexpressions inlined.
    func inlined(_ expression: Expression) throws -> Expression {
        expression.substituting(try subexpressions())
    }

    /// `code` with the group's subexpressions inlined in its values.
    func inlined(_ code: CodeBlock) throws -> CodeBlock {
        let subexpressions = try subexpressions()
        return code.mappingValues { $0.substituting(subexpressions) }
    }

    /// `statements` with the group's subexpressions inlined in their values.
    func inlined(_ statements: [Statement]) throws -> [Statement] {
        let subexpressions = try subexpressions()
        return statements.map { statement in
            var copy = statement
            copy.value = statement.value.substituting(subexpressions)
            return copy
        }
    }

    /// The kernel that computes the subexpressions marked `(constant over dt)` once per step, in
    /// the `before_start` slot (as Brian's subexpression updater), so that the whole step — and
    /// monitors at its start — see one value. Nil when the model has none.
    func constantOverDtUpdate() throws -> ScheduledOperation? {
        var pending = model.equations.equations(ofKind: .subexpression).filter { $0.has(.constantOverDt) }
        guard !pending.isEmpty else { return nil }
        var builder = self.builder()
        var scalar: [KernelOperation] = [], vector: [KernelOperation] = []
        // Each after the ones it reads.
        while let next = pending.firstIndex(where: { equation in
            !pending.contains { $0.name != equation.name && equation.expression?.identifiers.contains($0.name) == true }
        }) {
            let equation = pending.remove(at: next)
            guard let buffer = variables[equation.name]?.buffer, let expression = equation.expression else { continue }
            let value = try builder.lower(try inlined(expression))
            if equation.has(.shared) {
                scalar.append(.store(ArrayReference(buffer, .shared), value))
            } else {
                vector.append(.store(ArrayReference(buffer, .element), value))
            }
        }
        if let cyclic = pending.first {
            throw ModelError(.invalidEquations, "The subexpressions marked (constant over dt) in '\(name)' depend on "
                             + "each other in a cycle (\(pending.map(\.name).joined(separator: ", ")))",
                             source: cyclic.source, span: cyclic.nameSpan)
        }
        let kernelName = "\(name)_subexpression_update"
        return ScheduledOperation(name: kernelName, when: .beforeStart, order: order, clock: clock,
                                  action: .kernel(Kernel(name: kernelName, scalar: scalar, iteration: allElements,
                                                         vector: vector, random: randomKey(kernelName))))
    }

    /// The random key of a kernel named `name` on this group's clock.
    func randomKey(_ name: String) -> RandomKey {
        RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep)
    }

    private var oneOffCount = 0

    /// Runs code now, outside a run (setting variables, reading subexpressions).
    func executeNow(_ scalar: [KernelOperation] = [], iteration: Iteration? = nil, _ operations: [KernelOperation],
                    purpose: String) throws {
        oneOffCount += 1
        let name = "\(self.name)_\(purpose)_\(oneOffCount)"
        // Keyed by the group's name and a count of such executions, not by the clock, so that a
        // model built again with the same seed gets the same values.
        let key = RandomKey(stream: RandomKey.stream(named: name), step: try DoubleBuffer(name: name, count: 1, value: 0))
        try ImmediateExecution.execute(
            Kernel(name: name, scalar: scalar, iteration: iteration ?? allElements, vector: operations, random: key),
            work: size)
    }

    // MARK: Subgroups and operations

    /// The subgroup of elements `range` (Brian's `G[10:20]`), usable wherever a group is.
    public subscript(range: Range<Int>) -> Subgroup {
        get throws { try Subgroup(self, range) }
    }

    /// Runs `code` (statements on this group's variables) every `dt` (default: the group's clock)
    /// in slot `when`; it first runs at the start of a run. Returns the operation, which runs
    /// whenever the group is in a network.
    @discardableResult
    public func runRegularly(_ code: String, dt: Quantity? = nil, when: When = .start, order: Int = 0,
                             name: String? = nil) throws -> NetworkObject {
        let operation = try RegularOperation(group: self, code: code, dt: dt, when: when, order: order,
                                             name: name ?? ObjectNames.unique("\(self.name)_run_regularly"))
        dependents.append(operation)
        return operation
    }

    /// As in Brian, the group's own operations (`runRegularly`) follow it.
    override public var active: Bool {
        didSet { for operation in dependents where operation is RegularOperation { operation.active = active } }
    }

    /// An inactive group has no events: its monitors and synapses see none.
    override func willSkipRun() {
        for entry in eventLists.values { entry.list.removeAll() }
    }

    override var stateBuffers: [DoubleBuffer] {
        variables.values.compactMap(\.buffer)
    }

    override var indexBuffers: [IndexBuffer] { eventLists.values.map(\.list) }
}
