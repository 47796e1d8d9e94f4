import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Independent Poisson spike trains (Brian's `PoissonGroup`): in each time step, neuron `i` spikes
/// with probability `rates[i]*dt`. The rates are a variable of the group (`P.rates`), given as one
/// rate, one rate per neuron, or an expression evaluated every step (of `i`, `N`, `t`,
/// TimedArray calls and namespace values).
///
///     let P = try PoissonGroup(1000, rates: 20 * Hz)
///     let Q = try PoissonGroup(100, rates: "5*Hz + 45*Hz*i/(N-1)")
///
/// Spikes are emitted in the `thresholds` slot, as a neuron group's are.
public final class PoissonGroup: Group {
    private let when: When

    /// `N` neurons firing at `rates` each (a frequency); `namespace` holds the names that code run
    /// on the group (``Group/runRegularly(_:dt:when:order:name:)``) reads.
    ///
    /// - Throws: `ModelError` when `N < 1` or `rates` is not a frequency.
    public convenience init(_ N: Int, rates: Quantity, namespace: Namespace = Namespace(), dt: Quantity? = nil,
                            clock: Clock? = nil, when: When = .thresholds, order: Int = 0, name: String? = nil) throws {
        try self.init(N, rates: QuantityArray(rates), namespace: namespace, dt: dt, clock: clock, when: when,
                      order: order, name: name)
    }

    /// `N` neurons, neuron `i` firing at `rates[i]` (one rate for all when `rates` has one value);
    /// `namespace` holds the names that code run on the group reads (a `run_regularly` that
    /// changes the rates).
    ///
    /// - Throws: `ModelError` when `N < 1`, `rates` is not a frequency, or its length is neither
    ///   1 nor `N`.
    public init(_ N: Int, rates: QuantityArray, namespace: Namespace = Namespace(), dt: Quantity? = nil,
                clock: Clock? = nil, when: When = .thresholds, order: Int = 0, name: String? = nil) throws {
        try Group.checkSize(N, of: "PoissonGroup", noun: "neuron", valuesPerElement: 2)
        guard rates.dimension == .frequency else {
            throw ModelError(.dimensionMismatch, "The rates of a PoissonGroup must be frequencies (Hz), but they are "
                             + "in \(rates.dimension.unitSpecification)")
        }
        try PoissonGroup.checkRates(rates.values)
        guard rates.count == 1 || rates.count == N else {
            throw ModelError(.invalidArgument, "A PoissonGroup of \(N) neurons needs one rate or \(N) rates, but "
                             + "\(rates.count) were given")
        }
        let parts = try PoissonGroup.parts(N, model: "rates : Hz", namespace: namespace, dt: dt, clock: clock,
                                           name: name)
        self.when = when
        super.init(name: parts.name, size: N, start: 0, clock: parts.clock, order: order,
                   variables: parts.variables, model: parts.model, namespace: parts.namespace)
        try VariableView(group: self, name: "rates").set(rates.count == 1 ? rates[0] : nil, or: rates)
        try addSpikeList(when: when)
    }

    /// `N` neurons firing at the rate given by `rates`, an expression in Hz evaluated for each
    /// neuron at every step (`"5*Hz + 45*Hz*i/(N-1)"`, `"ta(t)"`), with names from `namespace`.
    ///
    /// - Throws: `ModelError` when `N < 1`, or `rates` does not parse, uses unknown names or is
    ///   not a frequency.
    public init(_ N: Int, rates: String, namespace: Namespace = Namespace(), dt: Quantity? = nil,
                clock: Clock? = nil, when: When = .thresholds, order: Int = 0, name: String? = nil) throws {
        try Group.checkSize(N, of: "PoissonGroup", noun: "neuron", valuesPerElement: 2)
        // Check the expression on its own first, so that errors point into the user's text.
        let builtins = try AnalyzedEquations(Equations(""), namespace: namespace)
        let checked = try builtins.checkExpression(rates, role: "rates of the PoissonGroup", dimension: .frequency)
        let text = checked.description
        let parts = try PoissonGroup.parts(N, model: "rates = \(text) : Hz", namespace: namespace, dt: dt,
                                           clock: clock, name: name)
        self.when = when
        super.init(name: parts.name, size: N, start: 0, clock: parts.clock, order: order,
                   variables: parts.variables, model: parts.model, namespace: parts.namespace)
        try addSpikeList(when: when)
    }

    /// Throws unless every rate (in Hz) is finite and not negative.
    private static func checkRates(_ values: [Double]) throws {
        guard let bad = values.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) else { return }
        throw ModelError(.invalidArgument, "The rates of a PoissonGroup must be finite and not negative, but "
                         + (values.count == 1 ? "it is " : "rates[\(bad)] is ")
                         + "\(Quantity(value: values[bad], dimension: .frequency))")
    }

    /// Rates set after the group was made (`P.rates.set(...)`), and rates given by an expression
    /// (evaluated once, at the group's clock time), are checked when a run starts.
    override func beforeRun(_ network: Network) throws {
        try PoissonGroup.checkRates(try VariableView(group: self, name: "rates").plainValues)
    }

    /// The name, clock, checked model and variables of a group of `N` neurons with `model`.
    private static func parts(_ N: Int, model text: String, namespace: Namespace, dt: Quantity?, clock: Clock?,
                              name: String?) throws
        -> (name: String, clock: Clock, model: AnalyzedEquations, variables: [String: GroupVariable],
            namespace: Namespace) {
        let name = name ?? ObjectNames.unique("poissongroup")
        let groupClock = try clock ?? dt.map { try Group.newClock(dt: $0, owner: name) } ?? defaultClock
        let namespace = namespace.adapted(toTimeStep: groupClock.dt.value)
        let model = try AnalyzedEquations(Equations(text), namespace: namespace)
        var variables = Group.builtinVariables(model)
        for equation in model.equations {
            guard let description = model.variable(equation.name) else { continue }
            let stored = equation.kind != .subexpression
            variables[equation.name] = GroupVariable(
                description: description,
                buffer: stored ? try DoubleBuffer(name: "\(name).\(equation.name)", count: N, value: 0) : nil,
                link: nil, isSettable: stored)
        }
        return (name, groupClock, model, variables, namespace)
    }

    private func addSpikeList(when: When) throws {
        eventLists["spike"] = (try IndexBuffer(name: "\(name).spikes", count: 0, value: 0), when, order)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        guard let spikes = eventLists["spike"]?.list else { return [] }
        var builder = self.builder()
        let condition = try builder.lower(try inlined(try Expression(parsing: "rand() < rates*dt", role: "threshold")))
        let kernelName = "\(name)_spike_thresholder"
        let kernel = Kernel(name: kernelName, scalar: [.clear(spikes)], iteration: allElements,
                            vector: [.when(condition, [.emit(spikes)])], random: randomKey(kernelName))
        return [ScheduledOperation(name: kernelName, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }
}

private extension VariableView {
    /// Sets the variable to `single` when given, else to `values`.
    func set(_ single: Quantity?, or values: QuantityArray) throws {
        if let single { try set(single) } else { try set(values) }
    }
}
