import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// Independent Poisson input added to a variable of every neuron of a group (Brian's
/// `PoissonInput`): `N` inputs at `rate` each, so in each time step every target neuron receives
/// `weight*Binomial(N, rate*dt)`. Cheaper than a PoissonGroup and synapses, and nothing is stored.
///
///     let input = try PoissonInput(G, "v", N: 100, rate: 10 * Hz, weight: 0.1 * mV)
///     try Network(G, input).run(1 * second)
///
/// It runs in the `synapses` slot with order 0 by default. As in Brian, the binomial draw is
/// replaced by its normal approximation when `N*p > 5` and `N*(1 - p) > 5` (p = rate*dt).
public final class PoissonInput: NetworkObject {
    /// The group receiving the input.
    public let target: Group
    /// The variable the input is added to.
    public let variable: String
    /// The number of inputs per target neuron.
    public let N: Int
    /// The rate of each input.
    public let rate: Quantity
    private let weight: Weight
    private let when: When
    private let createdDt: Double

    private enum Weight {
        case value(Quantity)
        case expression(Expression)
    }

    /// The weight added per input spike when it is a quantity (for descriptions of the model).
    public var weightValue: Quantity? {
        if case .value(let quantity) = weight { return quantity }
        return nil
    }

    /// The weight added per input spike when it is an expression, as checked (for descriptions).
    public var weightExpression: String? {
        if case .expression(let expression) = weight { return "\(expression)" }
        return nil
    }

    /// Adds `weight` (in the unit of `variable`) for each input spike.
    ///
    /// - Throws: `ModelError` when `variable` is not a writable variable of `target`, `weight` has
    ///   another unit, `rate` is not a non-negative frequency, `N` is negative or `rate*dt > 1`.
    public convenience init(_ target: Group, _ variable: String, N: Int, rate: Quantity, weight: Quantity,
                            when: When = .synapses, order: Int = 0, name: String? = nil) throws {
        let description = try PoissonInput.check(target, variable: variable, N: N, rate: rate)
        guard weight.dimension == description.dimension else {
            throw ModelError(.dimensionMismatch, "The weight of the PoissonInput (\(weight)) does not have the unit of "
                             + "the target variable '\(variable)' (\(description.dimension.unitSpecification))")
        }
        try self.init(target, variable, N: N, rate: rate, weight: .value(weight), when: when,
                      order: order, name: name)
    }

    /// Adds the plain number `weight` (the variable must be dimensionless) for each input spike.
    public convenience init(_ target: Group, _ variable: String, N: Int, rate: Quantity, weight: Double,
                            when: When = .synapses, order: Int = 0, name: String? = nil) throws {
        try self.init(target, variable, N: N, rate: rate, weight: Quantity(value: weight), when: when,
                      order: order, name: name)
    }

    /// Adds `weight`, an expression evaluated for each target neuron in the target's context
    /// (`"w_in*(1 + 0.1*randn())"`), for each input spike.
    ///
    /// - Throws: `ModelError` as the other initializer, and when `weight` does not parse, uses
    ///   unknown names or does not have the unit of `variable`.
    public convenience init(_ target: Group, _ variable: String, N: Int, rate: Quantity, weight: String,
                            when: When = .synapses, order: Int = 0, name: String? = nil) throws {
        let description = try PoissonInput.check(target, variable: variable, N: N, rate: rate)
        let checked = try target.model.checkExpression(weight, role: "weight of the PoissonInput",
                                                       dimension: description.dimension)
        try self.init(target, variable, N: N, rate: rate, weight: .expression(checked), when: when,
                      order: order, name: name)
    }

    private init(_ target: Group, _ variable: String, N: Int, rate: Quantity, weight: Weight, when: When, order: Int,
                 name: String?) throws {
        self.target = target
        self.variable = variable
        self.N = N
        self.rate = rate
        self.weight = weight
        self.when = when
        createdDt = target.clock.dt.value
        super.init(name: name ?? ObjectNames.unique("poissoninput"), clock: target.clock, order: order)
    }

    /// The variable's description, after checking the arguments every initializer shares.
    private static func check(_ target: Group, variable: String, N: Int, rate: Quantity) throws -> VariableDescription {
        let stored = try target.stored(variable, settable: false)
        guard stored.isSettable, stored.description.isWritable, target.target(variable) != nil else {
            let kind = stored.link != nil ? "a linked variable"
                : stored.description.kind == .parameter ? "a constant parameter" : "a \(stored.description.kind.rawValue)"
            throw ModelError(.invalidAssignment, "A PoissonInput cannot add to '\(variable)' of '\(target.name)': "
                             + "it is \(kind)")
        }
        guard stored.description.type == .float else {
            throw ModelError(.invalidArgument, "A PoissonInput cannot add to the \(stored.description.type.rawValue) "
                             + "variable '\(variable)' of '\(target.name)'")
        }
        guard N >= 0 else {
            throw ModelError(.invalidArgument, "The number of inputs of a PoissonInput cannot be negative, but N = \(N)")
        }
        guard rate.dimension == .frequency else {
            throw ModelError(.dimensionMismatch, "The rate of a PoissonInput must be a frequency (Hz), but it is \(rate)")
        }
        guard rate.value >= 0, rate.value.isFinite else {
            throw ModelError(.invalidArgument, "The rate of a PoissonInput must be positive or zero, but it is \(rate)")
        }
        let probability = rate.value * target.clock.dt.value
        guard probability <= 1 else {
            throw ModelError(.invalidArgument, "The rate of the PoissonInput (\(rate)) times the time step of "
                             + "'\(target.name)' (\(target.clock.dt)) is \(probability), more than one spike per "
                             + "input and step")
        }
        return stored.description
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        guard clock.dt.value == createdDt else {
            throw ModelError(.invalidArgument, "The time step of '\(target.name)' changed after the PoissonInput "
                             + "'\(name)' was created; create it again")
        }
        guard let reference = target.target(variable) else { return [] }
        var builder = target.builder()
        let n = Double(N), p = rate.value * clock.dt.value
        let count: KernelExpression
        if n * p > 5, n * (1 - p) > 5 {
            // Brian's normal approximation of the binomial.
            count = .binary(.add, .binary(.multiply, builder.draw(.normal), .constant((n * p * (1 - p)).squareRoot())),
                            .constant(n * p))
        } else {
            count = .call(.builtin(KernelFunctionNames.binomial), [.constant(n), .constant(p), builder.draw(.uniform)])
        }
        let weightValue: KernelExpression
        switch weight {
        case .value(let quantity): weightValue = .constant(quantity.value)
        case .expression(let expression): weightValue = try builder.lower(try target.inlined(expression))
        }
        let update = KernelOperation.store(reference, .binary(.add, .load(reference),
                                                              .binary(.multiply, count, weightValue)))
        let kernel = Kernel(name: name, iteration: target.allElements,
                            vector: gatingRefractoryWrites([update], target.refractoryGates),
                            random: RandomKey(stream: RandomKey.stream(named: name), step: clock.timestep))
        return [ScheduledOperation(name: name, when: when, order: order, clock: clock, action: .kernel(kernel))]
    }
}
