import SwiftBrianIntegration
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// A group of neurons that share a model (Brian's `NeuronGroup`): differential equations,
/// parameters and subexpressions with units, a threshold condition that emits spikes, reset
/// statements, a refractory period, and custom events.
///
///     let G = try NeuronGroup(4000, model: eqs, threshold: "v > Vt", reset: "v = Vr",
///                             refractory: 5 * ms, method: .exact, namespace: namespace)
///
/// Everything is checked here: unknown names, units, a threshold that is not a condition, a reset
/// that assigns to a subexpression or constant, a refractory period that is not a time.
public class NeuronGroup: Group {
    /// The integration method in use (chosen as Brian does when none was given).
    public let method: IntegrationMethod
    /// The threshold, reset, refractoriness and events as given, for descriptions of the model.
    public let definition: NeuronDefinition
    private var stateUpdate: StateUpdate
    private let threshold: Expression?
    private let reset: CodeBlock
    private let refractoryCondition: Expression?
    private let customEvents: [(name: String, condition: Expression)]
    private var eventCode: [(event: String, code: CodeBlock, when: When, order: Int)] = []
    /// Whether code runs on events of the group (``runOnEvent(_:_:when:order:)``), which
    /// exporters that cannot express it must refuse.
    public var hasEventCode: Bool { !eventCode.isEmpty }

    /// Creates `N` neurons with the equations `model`.
    ///
    /// - Parameters:
    ///   - model: the equations, in Brian's syntax.
    ///   - threshold: the condition for a spike (`"v > Vt"`).
    ///   - reset: statements run for each neuron that spiked (`"v = Vr; w += b"`).
    ///   - refractory: a time, a per-neuron expression of time, or a condition (see
    ///     ``RefractoryPeriod``); variables flagged `(unless refractory)` are frozen meanwhile
    ///     and the threshold is blocked.
    ///   - method: the integration method; by default Brian's choice (exact, else euler, else heun).
    ///   - events: custom events by name, each with its condition (checked after the thresholds).
    ///   - namespace: values and functions the model uses but does not define.
    ///   - dt: a time step of its own (a new clock); `clock` shares one; default ``defaultClock``.
    ///   - order: the position within each slot of the schedule.
    ///   - name: a unique name (default `neurongroup`, `neurongroup_1`, ...).
    public convenience init(_ N: Int, model: String, threshold: String? = nil, reset: String? = nil,
                refractory: RefractoryPeriod? = nil, method: IntegrationMethod? = nil,
                events: [String: String] = [:], namespace: Namespace = Namespace(), dt: Quantity? = nil,
                clock: Clock? = nil, order: Int = 0, name: String? = nil) throws {
        try self.init(N, model: Equations(model), threshold: threshold, reset: reset, refractory: refractory,
                      method: method, events: events, namespace: namespace, dt: dt, clock: clock, order: order,
                      name: name)
    }

    /// Creates `N` neurons with the parsed equations `model`.
    public convenience init(_ N: Int, model: Equations, threshold: String? = nil, reset: String? = nil,
                            refractory: RefractoryPeriod? = nil, method: IntegrationMethod? = nil,
                            events: [String: String] = [:], namespace: Namespace = Namespace(), dt: Quantity? = nil,
                            clock: Clock? = nil, order: Int = 0, name: String? = nil) throws {
        try self.init(N, model: model, threshold: threshold, reset: reset, refractory: refractory, method: method,
                      methodChoices: IntegrationMethod.automaticChoices, events: events, namespace: namespace, dt: dt,
                      clock: clock, order: order, name: name, kind: "NeuronGroup", noun: "neuron",
                      defaultName: "neurongroup")
    }

    /// The methods tried, in order, when none was given.
    private let methodChoices: [IntegrationMethod]

    /// Creates `N` elements (`noun`s of a `kind`, for messages) with the parsed equations `model`,
    /// choosing the first of `methodChoices` that integrates them when `method` is nil.
    init(_ N: Int, model: Equations, threshold: String?, reset: String?, refractory: RefractoryPeriod?,
         method: IntegrationMethod?, methodChoices: [IntegrationMethod], events: [String: String],
         namespace: Namespace, dt: Quantity?, clock: Clock?, order: Int, name: String?, kind: String, noun: String,
         defaultName: String) throws {
        // Each variable, the refractory state, and the spike list.
        try Group.checkSize(N, of: kind, noun: noun, valuesPerElement: model.count + (refractory == nil ? 0 : 2) + 1)
        if reset != nil, threshold == nil {
            throw ModelError(.invalidArgument, "A reset runs after a spike, so it needs a threshold")
        }
        let name = name ?? ObjectNames.unique(defaultName)
        let groupClock = try clock ?? dt.map { try Group.newClock(dt: $0, owner: name) } ?? defaultClock
        let namespace = namespace.adapted(toTimeStep: groupClock.dt.value)
        let refractoryVariables = refractory == nil ? [] : NeuronGroup.refractoryVariables
        let analyzed = try AnalyzedEquations(model, namespace: namespace, context: .neuronGroup,
                                             extraVariables: refractoryVariables)
        self.methodChoices = methodChoices
        self.definition = NeuronDefinition(threshold: threshold, reset: reset, refractoryPeriod: refractory as? Quantity,
                                           refractoryCondition: refractory as? String, events: events)
        self.stateUpdate = try StateUpdate.make(for: analyzed, method: method, choices: methodChoices)
        self.method = stateUpdate.method
        self.threshold = try threshold.map { try analyzed.checkCondition($0, role: "threshold") }
        self.reset = try reset.map { try analyzed.checkCode($0, role: "reset", allowsSharedWrites: false) } ?? CodeBlock()
        self.refractoryCondition = try refractory.map {
            try NeuronGroup.notRefractoryCondition($0, analyzed: analyzed, namespace: namespace)
        }
        self.customEvents = try events.sorted { $0.key < $1.key }.map { event, condition in
            guard event != "spike" else {
                throw ModelError(.invalidArgument, "The event name 'spike' is taken by the threshold")
            }
            return (event, try analyzed.checkCondition(condition, role: "condition of the event '\(event)'"))
        }
        var variables = Group.builtinVariables(analyzed)
        for equation in model {
            let description = analyzed.variable(equation.name)!
            let stored = equation.kind != .subexpression || equation.has(.constantOverDt)
            variables[equation.name] = GroupVariable(
                description: description,
                buffer: stored ? try DoubleBuffer(name: "\(name).\(equation.name)", count: equation.has(.shared) ? 1 : N,
                                              value: 0) : nil,
                link: nil, isSettable: equation.kind != .subexpression && !equation.has(.linked))
        }
        for description in refractoryVariables {
            variables[description.name] = GroupVariable(
                description: description,
                buffer: try DoubleBuffer(name: "\(name).\(description.name)", count: N,
                                     value: description.name == "lastspike" ? -1e4 : 1),
                link: nil, isSettable: true)
        }
        super.init(name: name, size: N, start: 0, clock: groupClock, order: order, variables: variables,
                   model: analyzed, namespace: namespace)
        if threshold != nil {
            eventLists["spike"] = (try IndexBuffer(name: "\(name).spikes", count: 0, value: 0), .thresholds, order)
        }
        for event in customEvents {
            eventLists[event.name] = (try IndexBuffer(name: "\(name).\(event.name)", count: 0, value: 0),
                                      .afterThresholds, order)
        }
    }

    override func namespaceDidChange() throws {
        stateUpdate = try StateUpdate.make(for: model, method: method, choices: methodChoices)
    }

    /// `lastspike` and `not_refractory`, which a group with a refractory period has.
    static let refractoryVariables = [
        VariableDescription(name: "lastspike", dimension: .time, kind: .builtin, isWritable: true, isConstant: false),
        VariableDescription(name: "not_refractory", dimension: .dimensionless, type: .boolean, kind: .builtin,
                            isWritable: true, isConstant: false),
    ]

    /// Brian's rule: with a time (or an expression of time) `ref`, a neuron is not refractory when
    /// `timestep(t - lastspike) >= timestep(ref)`, with `timestep(x) = int((x + 1e-3*dt)/dt)`; with
    /// a condition `cond`, `not_refractory or not cond`: a neuron that spiked stays refractory
    /// until the condition is false (Brian 2.9's rule).
    private static func notRefractoryCondition(_ refractory: RefractoryPeriod, analyzed: AnalyzedEquations,
                                               namespace: Namespace) throws -> Expression {
        let period: Expression
        switch refractory {
        case let quantity as Quantity:
            guard quantity.dimension == .time else {
                throw ModelError(.dimensionMismatch, "The refractory period must be a time, but it is \(quantity)")
            }
            guard quantity.value >= 0, quantity.value.isFinite else {
                throw ModelError(.invalidArgument, "The refractory period must be a finite time that is not negative, "
                                 + "but it is \(quantity)")
            }
            period = Expression(.float(quantity.value))
        case let text as String:
            let source = SourceText(text, role: "refractory")
            let expression = try Expression(parsing: text, role: "refractory")
            let checker = DimensionChecker(scope: analyzed.scope, source: source)
            if try checker.isBoolean(expression) {
                // The condition only ends refractoriness (which the threshold starts).
                let condition = try analyzed.checkCondition(text, role: "refractory")
                return Expression(.binary(.or, Expression(.name("not_refractory")), Expression(.unary(.not, condition))))
            }
            period = try analyzed.checkExpression(text, role: "refractory period", dimension: .time)
        default:
            throw ModelError(.invalidArgument, "The refractory period must be a time or a string")
        }
        let template = try Expression(parsing: "int((t - lastspike + 1e-3*dt)/dt) >= int((_ref + 1e-3*dt)/dt)",
                                      role: "refractory")
        return template.substituting(["_ref": period])
    }

    /// Runs `code` for each neuron in which `event` occurred (Brian's `run_on_event`), in slot
    /// `when` (default `after_resets`, so it sees the reset's values).
    public func runOnEvent(_ event: String, _ code: String, when: When = .afterResets, order: Int? = nil) throws {
        guard eventLists[event] != nil else {
            let known = eventLists.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            throw ModelError(.invalidArgument, "'\(name)' has no event '\(event)' (its events: \(known))")
        }
        let block = try model.checkCode(code, role: "code run on the event '\(event)'", allowsSharedWrites: false)
        eventCode.append((event, block, when, order ?? self.order))
    }

    /// The elements whose threshold is tested: all of them, unless a subclass restricts spikes to
    /// some (a SpatialNeuron's `thresholdLocation`).
    var thresholdElements: Iteration { allElements }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var operations: [ScheduledOperation] = []
        let everyNeuron = allElements
        func add(_ suffix: String, _ when: When, order: Int? = nil, scalar: [KernelOperation] = [],
                 _ iteration: Iteration, _ vector: [KernelOperation]) {
            let kernelName = "\(name)_\(suffix)"
            operations.append(ScheduledOperation(
                name: kernelName, when: when, order: order ?? self.order, clock: clock,
                action: .kernel(Kernel(name: kernelName, scalar: scalar, iteration: iteration, vector: vector,
                                       random: randomKey(kernelName)))))
        }
        try requireLinked()

        // State update: refractoriness first, then the integration method's statements.
        var builder = self.builder()
        var update: [KernelOperation] = []
        if let constantOverDt = try constantOverDtUpdate() { operations.append(constantOverDt) }
        if let refractoryCondition {
            let condition = try builder.lower(try inlined(refractoryCondition))
            update.append(.store(target("not_refractory")!, QuotientThreshold.withoutDivision(condition, divisor: clock.dtBuffer)))
        }
        update += try builder.lower(try inlined(stateUpdate.statements), target: target)
        try requireNoDivisionByZero(update)
        if !update.isEmpty { add("stateupdater", .groups, everyNeuron, update) }

        if let threshold, let spikes = eventLists["spike"]?.list {
            var builder = self.builder()
            var condition = try builder.lower(try inlined(threshold))
            var onSpike: [KernelOperation] = [.emit(spikes)]
            if refractoryCondition != nil {
                condition = .binary(.and, condition, .load(target("not_refractory")!))
                onSpike += [.store(target("lastspike")!, .load(ArrayReference(clock.time, .shared))),
                            .store(target("not_refractory")!, .constant(0))]
            }
            add("spike_thresholder", .thresholds, scalar: [.clear(spikes)], thresholdElements,
                [.when(condition, onSpike)])
            if !reset.lines.isEmpty {
                let code = try builder.lower(try inlined(reset), owner: "\(name)_spike_resetter", target: target)
                add("spike_resetter", .resets, scalar: code.scalar, .events(spikes, start, stop), code.vector)
            }
        }
        for event in customEvents {
            guard let list = eventLists[event.name]?.list else { continue }
            var builder = self.builder()
            add("\(event.name)_thresholder", .afterThresholds, scalar: [.clear(list)], everyNeuron,
                [.when(try builder.lower(try inlined(event.condition)), [.emit(list)])])
        }
        for (number, code) in eventCode.enumerated() {
            guard let list = eventLists[code.event]?.list else { continue }
            var builder = self.builder()
            let kernelName = "\(code.event)_code_\(number)"
            let lowered = try builder.lower(try inlined(code.code), owner: "\(name)_\(kernelName)", target: target)
            add(kernelName, code.when, order: code.order, scalar: lowered.scalar, .events(list, start, stop),
                lowered.vector)
        }
        return operations
    }

    /// Brian stops with ZeroDivisionError when the state update divides by a parameter
    /// combination that is zero (an exact solution with two equal time constants); so does this.
    private func requireNoDivisionByZero(_ operations: [KernelOperation]) throws {
        for operation in operations {
            guard case .define(_, let value) = operation, value.dividesByConstantZero else { continue }
            throw ModelError(.integration, "The '\(method.rawValue)' update of '\(name)' divides by zero for these "
                             + "parameter values (for example two equal time constants in an exact solution); "
                             + "choose other values or another method, such as method: .euler")
        }
    }
}

extension Group {
    /// `t`, `dt`, `t_in_timesteps`, `i` and `N`: read-only, computed from the clock and the loop.
    static func builtinVariables(_ analyzed: AnalyzedEquations) -> [String: GroupVariable] {
        var variables: [String: GroupVariable] = [:]
        for description in VariableDescription.builtins {
            variables[description.name] = GroupVariable(description: description, buffer: nil, link: nil,
                                                        isSettable: false)
        }
        return variables
    }

    /// A clock of its own for an object given `dt`.
    static func newClock(dt: Quantity, owner: String) throws -> Clock {
        let clock = Clock(dt: dt, name: "\(owner)_clock")
        try clock.validate()
        return clock
    }
}
