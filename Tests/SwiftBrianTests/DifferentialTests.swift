import Foundation
import SwiftBrian
import XCTest

/// The differential suite's generated half: random models, built from a seeded generator, run on
/// the interpreter and on the native backend, which must give bit-identical final states and
/// spikes (and identical random streams). The models are batched into a few networks, so that
/// the native backend compiles few libraries.
final class DifferentialTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
        seed(4242)
    }

    /// 64 random models in 8 networks, each run for 30 ms in two runs; a mismatch names the model
    /// and prints its description. To search further, set `SWIFTBRIAN_DIFFERENTIAL_SEED` (another
    /// generator seed) and `SWIFTBRIAN_DIFFERENTIAL_BATCHES` (more networks of 8 models).
    func testRandomModelsAgreeBitForBit() throws {
        let environment = ProcessInfo.processInfo.environment
        var generator = ModelGenerator(seed: environment["SWIFTBRIAN_DIFFERENTIAL_SEED"].flatMap { UInt64($0) } ?? 20241124)
        let batches = environment["SWIFTBRIAN_DIFFERENTIAL_BATCHES"].flatMap { Int($0) } ?? 8
        for batch in 0..<batches {
            let models = (0..<8).map { generator.model(named: "M\(batch)_\($0)") }
            let result = try onBothBackends("batch \(batch)", mismatches: { keys in
                for model in models where keys.contains(where: { $0.hasPrefix(model.name + ".") }) {
                    print("Backends disagree on \(model.name):\n\(model)")
                }
            }) { backend in
                let built = try models.map { try $0.build() }
                let network = try Network(built.flatMap(\.objects), backend: backend)
                try network.run(12 * ms)
                try network.run(18 * ms)
                var result = CaseResult()
                for model in built { try model.record(into: &result) }
                return result
            }
            XCTAssertFalse(result.entries.isEmpty)
        }
    }

    /// Every built-in function and operator, the random draws (Poisson too) and TimedArray lookups, on 4000
    /// argument pairs: special values (±0, ±∞, NaN, extremes, subnormals, whole and half numbers)
    /// and random numbers of every magnitude.
    func testFunctionsAndOperatorsAgreeOnEveryArgument() throws {
        let special: [Double] = [0, -0.0, 1, -1, 0.5, -0.5, 2, -2, 3, 1.5, -2.5, 1e-300, -1e-300, .leastNonzeroMagnitude, 1e300,
                                 -1e300, 710, -745, 1e-8, .infinity, -.infinity, .nan, .pi, 16, 17, 0.1, 1 - 1e-16]
        var rng = SplitMix64(seed: 99)
        var x: [Double] = [], y: [Double] = []
        for a in special { for b in special { x.append(a); y.append(b) } }
        while x.count < 4000 {
            let magnitude = { (rng: inout SplitMix64) -> Double in
                Double.random(in: -1...1, using: &rng) * pow(10, Double(Int.random(in: -6...6, using: &rng)))
            }
            x.append(magnitude(&rng))
            y.append(magnitude(&rng))
        }
        let expressions = [
            "exp(x)", "log(x)", "log10(x)", "sqrt(x)", "sin(x)", "cos(x)", "tan(x)", "sinh(x)", "cosh(x)", "tanh(x)",
            "arcsin(x)", "arccos(x)", "arctan(x)", "abs(x)", "floor(x)", "ceil(x)", "sign(x)", "int(x)", "exprel(x)",
            "-x", "x + y", "x - y", "x*y", "x/y", "x//y", "x % y", "x**y", "2**x", "x**-1", "10**x", "x**0.5",
            "x**2", "x**3", "x**4", "x**5", "x**16", "x**17", "int(x < y)", "int(x <= y)", "int(x > y)",
            "int(x >= y)", "int(x == y)", "int(x != y)", "int(x > 0 and y < 0)", "int(x > 0 or y < 0)",
            "int(not (x > y))", "-0.0*abs(x)", "clip(x, y, 1)", "clip(x, -1, y)", "expm1(x)", "log1p(x)", "timestep(x*second, y*second)",
            "rand()", "randn()", "x*rand() + randn()*y", "poisson(x)", "poisson(abs(x)*y)",
            "ta(x*ms)", "ta2(x*second, i % 3)",
        ]
        let tables = Namespace(timedArrays: [try TimedArray([0.5, -1, 2, 1e-3], dt: 0.3 * ms, name: "ta"),
                                             try TimedArray([[1, 2, 3], [4, 5, 6]], dt: 7 * second, name: "ta2")])
        let result = try onBothBackends("functions") { backend in
            let model = ["x : 1", "y : 1"] + expressions.indices.map { "r\($0) : 1" }
            let G = try NeuronGroup(x.count, model: model.joined(separator: "\n"), namespace: tables, name: "functions")
            try G.x.set(x)
            try G.y.set(y)
            try G.runRegularly(expressions.enumerated().map { "r\($0.offset) = \($0.element)" }.joined(separator: "\n"),
                               name: "functions_evaluate")
            try Network(G, backend: backend, checkFinite: false).run(0.2 * ms)   // log(0) is -inf, on purpose
            var result = CaseResult()
            for (k, expression) in expressions.enumerated() { result.final(expression, try G.variable("r\(k)").values) }
            return result
        }
        XCTAssertEqual(result.entries.count, expressions.count)
    }
}

/// SplitMix64: a small seeded generator, the same sequence on every platform.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A random model: a neuron group, its initial values and `run_regularly` operations, and
/// perhaps recurrent synapses, all as text (its description is the model a failure reports).
struct RandomModel: CustomStringConvertible {
    /// Synapses from a part of the group onto a part of it (subgroups, or the whole group).
    struct SynapseSpec {
        var source: Range<Int>
        var target: Range<Int>
        var model: String
        var onPre: String
        var onPost: String?
        var condition: String?
        var p: Double
        var n: Int
        var delay: Quantity?
        var delayExpression: String?
        var initial: [(variable: String, value: String)]
        var recorded: [String]
    }

    var name: String
    var size: Int
    var equations: String
    var threshold: String?
    var reset: String?
    var refractory: String?
    var method: IntegrationMethod
    /// The group's own time step, if not the default clock's.
    var dt: Quantity?
    /// A custom event `"above"` and the code run on it.
    var event: (condition: String, code: String)?
    /// The values of the TimedArrays `ta` (one per 1 ms) and `ta2` (one row per 0.5 ms, a column
    /// per neuron), callable in the equations.
    var timedArrays: (ta: [Double], ta2: [[Double]])
    /// Poisson input onto v: the number of inputs, their rate and weight.
    var poisson: (count: Int, rate: Quantity, weight: String)?
    var namespace: [String: Quantity]
    var initial: [(variable: String, value: String)]
    var regularly: [(code: String, every: Int, when: When)]
    var synapses: SynapseSpec?
    var recorded: [String]

    var description: String {
        var lines = ["\(size) neurons, method \(method.rawValue), dt \(dt.map { "\($0)" } ?? "default"), "
                     + "namespace \(namespace.sorted { $0.key < $1.key })",
                     equations, "threshold: \(threshold ?? "-"), reset: \(reset ?? "-"), refractory: "
                        + "\(refractory ?? "-")"]
        lines += initial.map { "\($0.variable) = \($0.value)" }
        if let event { lines.append("event 'above': \(event.condition), on it: \(event.code)") }
        if let poisson { lines.append("PoissonInput onto v: N \(poisson.count), rate \(poisson.rate), weight \(poisson.weight)") }
        lines += regularly.map { "run_regularly every \($0.every) steps at \($0.when): \($0.code)" }
        if let s = synapses {
            lines += ["synapses \(s.source) -> \(s.target): \(s.model)", "  on_pre: \(s.onPre)", "  on_post: \(s.onPost ?? "-")",
                      "  connect condition \(s.condition ?? "-"), p \(s.p), n \(s.n), "
                        + "delay \(s.delay.map { "\($0)" } ?? s.delayExpression ?? "-")"]
            lines += s.initial.map { "  \($0.variable) = \($0.value)" }
        }
        return lines.joined(separator: "\n")
    }

    /// The model's objects, built for one run, and what to record after it.
    struct Built {
        let model: RandomModel
        let group: NeuronGroup
        let spikes: SpikeMonitor?
        let events: EventMonitor?
        let trace: StateMonitor
        let synapses: Synapses?
        let input: PoissonInput?
        var objects: [NetworkObject] { [group, trace] + [spikes, events, synapses, input].compactMap { $0 } }

        /// The spikes and final values of every variable, under keys starting with the model's name.
        func record(into result: inout CaseResult) throws {
            if let spikes { result.spikes("\(model.name).spikes", spikes) }
            if let events { result.spikes("\(model.name).above", events) }
            try result.samples("\(model.name).v@0", trace, "v")
            for variable in model.recorded {
                result.final("\(model.name).\(variable)", try group.variable(variable).values)
            }
            if let synapses, let spec = model.synapses {
                for variable in ["i", "j"] + spec.recorded {
                    result.final("\(model.name).S.\(variable)", try synapses.variable(variable).values)
                }
            }
        }
    }

    /// The model's objects, new for each run.
    func build() throws -> Built {
        let scope = Namespace(namespace, timedArrays: [
            try TimedArray(timedArrays.ta, dt: 1 * ms, name: "ta"), try TimedArray(timedArrays.ta2, dt: 0.5 * ms, name: "ta2"),
        ])
        let group = try NeuronGroup(size, model: equations, threshold: threshold, reset: reset,
                                    refractory: refractory, method: method,
                                    events: event.map { ["above": $0.condition] } ?? [:], namespace: scope, dt: dt,
                                    name: name)
        if let event { try group.runOnEvent("above", event.code) }
        for (variable, value) in initial { try group.variable(variable).set(value) }
        for (k, operation) in regularly.enumerated() {
            try group.runRegularly(operation.code, dt: Double(operation.every) * group.clock.dt, when: operation.when,
                                   name: "\(name)_regularly_\(k)")
        }
        let spikes = threshold == nil ? nil : try SpikeMonitor(group, name: "\(name)_spikes")
        let events = event == nil ? nil : try EventMonitor(group, "above", name: "\(name)_events")
        let trace = try StateMonitor(group, "v", record: [0], name: "\(name)_trace")
        let input = try poisson.map {
            try PoissonInput(group, "v", N: $0.count, rate: $0.rate, weight: $0.weight, name: "\(name)_input")
        }
        var synapses: Synapses?
        if let spec = self.synapses {
            func part(_ range: Range<Int>) throws -> Group { range == 0..<size ? group : try group[range] }
            let S = try Synapses(try part(spec.source), try part(spec.target), model: spec.model, onPre: PathwayCode(spec.onPre), onPost: spec.onPost.map { PathwayCode($0) },
                                            delay: spec.delay, namespace: scope, name: "\(name)_S")
            try S.connect(condition: spec.condition, p: spec.p, n: spec.n)
            if let delay = spec.delayExpression { try S.delay.set(delay) }
            for (variable, value) in spec.initial { try S.variable(variable).set(value) }
            synapses = S
        }
        return Built(model: self, group: group, spikes: spikes, events: events, trace: trace, synapses: synapses,
                     input: input)
    }
}
