import SwiftBrian

/// Makes random models for the differential suite from a seeded generator: linear or nonlinear
/// equations from a grammar of terms (variables, parameters, subexpressions, built-in functions,
/// the time), thresholds, resets, refractoriness, `run_regularly` operations, `rand()`, `randn()`
/// and `xi` noise, and recurrent synapses with delays, `on_pre`/`on_post` code and summed
/// variables. All values are dimensionless but the time constants, so every model is valid.
struct ModelGenerator {
    private var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    private mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &rng)] }
    private mutating func number(_ range: ClosedRange<Double>) -> Double {
        (Double.random(in: range, using: &rng) * 1000).rounded() / 1000
    }
    /// A number as model text (negative ones in parentheses).
    private mutating func literal(_ range: ClosedRange<Double>) -> String {
        let value = number(range)
        return value < 0 ? "(\(value))" : "\(value)"
    }

    /// A random expression of `depth` levels over `leaves` (variable names or literals).
    private mutating func expression(_ depth: Int, _ leaves: [String]) -> String {
        if depth == 0 || chance(0.25) {
            return chance(0.75) ? pick(leaves) : literal(-1...1)
        }
        let x = expression(depth - 1, leaves)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return pick(["sin(\(x))", "cos(\(x))", "tanh(\(x))", "exp(-abs(\(x)))", "abs(\(x))", "sqrt(abs(\(x)))",
                         "floor(\(x))", "ceil(\(x))", "sign(\(x))", "int(\(x))", "exprel(clip(\(x), -3, 3))",
                         "log(1 + (\(x))**2)", "arctan(\(x))", "clip(\(x), -1, 1)", "-(\(x))", "int(\(x) > 0.2)"])
        default:
            let y = expression(depth - 1, leaves)
            return pick(["(\(x) + \(y))", "(\(x) - \(y))", "(\(x)*\(y))", "\(x)/(1 + (\(y))**2)", "(\(x) % 0.7)",
                         "(\(x)//0.3)", "(\(x))**2", "(\(x))**3", "int(\(x) > \(y))", "int(\(x) <= \(y) or \(y) > 0.5)",
                         "clip(\(x), -\(y)**2 - 0.1, 1)", "2**clip(\(x), -5, 5)", "(\(x) + 1.5)**-1",
                         "(abs(\(x)) + 0.1)**1.5", "clip(\(x), -2, 2)**5", "(abs(\(y)) + 0.5)**clip(\(x), -3, 3)"])
        }
    }

    /// A random linear combination of `variables` plus a constant.
    private mutating func linear(_ variables: [String]) -> String {
        var terms = variables.filter { _ in chance(0.7) }.map { "\(literal(-1.5...1.5))*\($0)" }
        terms.append("\(number(0.2...1.5))")
        return terms.joined(separator: " + ")
    }

    /// A new random model called `name`.
    mutating func model(named name: String) -> RandomModel {
        let size = Int.random(in: 2...12, using: &rng)
        let hasW = chance(0.6), isLinear = chance(0.3), hasSynapses = chance(0.4)
        let hasNoise = !isLinear && chance(0.3)
        let hasThreshold = hasSynapses || chance(0.7)
        let refractory: String? = hasThreshold && chance(0.5)
            ? pick(["\(number(0.3...3))*ms", "(0.5 + 0.7*(i % 3))*ms", "v > theta + 0.2"]) : nil
        let summed = hasSynapses && chance(0.5)
        let method: IntegrationMethod = hasNoise ? pick([.euler, .heun, .milstein])
            : isLinear ? pick([.exact, .euler, .rk2, .rk4, .exponentialEuler]) : pick([.euler, .rk2, .rk4, .exponentialEuler])
        var namespace: [String: Quantity] = [
            "tau_v": number(3...20) * ms, "tau_w": number(5...40) * ms, "tau_s": number(2...10) * ms,
            "f": number(10...100) * Hz, "theta": Quantity(value: number(0.6...1.2)),
            "vr": Quantity(value: number(-0.3...0.3)), "sigma": Quantity(value: number(0.05...0.3)),
        ]
        for k in 0..<3 { namespace["p\(k)"] = Quantity(value: number(-1...1)) }

        // v's drive; exponential Euler needs equations linear in their own variable.
        var leaves = ["I", "p0", "p1", "p2"] + (hasW ? ["w"] : []) + (summed ? ["Isyn"] : [])
        var lines: [String] = []
        let drive: String
        if isLinear {
            drive = linear(leaves)
        } else {
            if method != .exponentialEuler {
                leaves += ["v", "sin(2*pi*f*t)", "ta(t)", "ta2(t, i)"]
                if chance(0.5) {
                    lines.append("s = \(expression(2, leaves)) : 1")
                    leaves.append("s")
                }
            }
            drive = pick(["clip(\(expression(3, leaves)), -2, 3)", "2*tanh(\(expression(3, leaves)))",
                          "I + \(expression(2, leaves))/(1 + abs(\(expression(1, leaves))))"])
        }
        let noise = hasNoise ? " + sigma*sqrt(2/tau_v)*xi" : ""
        let flag = refractory != nil && chance(0.7) ? " (unless refractory)" : ""
        lines.insert("dv/dt = (\(drive) - v)/tau_v\(noise) : 1\(flag)", at: 0)
        if hasW {
            // With 'exact', w is left uncoupled from v: a coupled pair may oscillate, which 'exact' refuses.
            let wDrive = isLinear ? linear(method == .exact ? ["I"] : ["v", "I"]) : expression(2, ["v", "I", "p0", "p1"])
            lines.append("dw/dt = (\(wDrive) - w)/tau_w : 1")
        }
        lines.append("I : 1")
        if summed { lines.append("Isyn : 1") }

        var recorded = ["v", "I"] + (hasW ? ["w"] : []) + (summed ? ["Isyn"] : [])
        if lines.contains(where: { $0.hasPrefix("s = ") }) { recorded.append("s") }
        if refractory != nil { recorded += ["lastspike", "not_refractory"] }
        var reset: String?
        if hasThreshold {
            var statements = [pick(["v = vr", "v = vr*rand()", "v = vr + 0.1*randn()", "v -= theta"])]
            if hasW, chance(0.6) { statements.append(pick(["w += 0.1", "w = 0.5*w + 0.1*rand()"])) }
            reset = statements.joined(separator: "; ")
        }
        let initial: [(String, String)] = [
            ("v", pick(["rand()", "0.1*i", "theta*i/N", "0"])),
            ("I", pick(["0.8 + 1.5*i/N", "1.5 + 0.3*randn()", "\(number(1...2.5))"])),
        ] + (hasW ? [("w", pick(["0", "0.1*randn()", "-0.05*i"]))] : [])

        var regularly: [(String, Int, When)] = []
        for _ in 0..<Int.random(in: 0...2, using: &rng) {
            let code = pick(["v = v + 0.05*(rand() - 0.5)", "I = clip(I + 0.02*sin(2*pi*f*t), 0, 3)",
                             "I = I + 0.01*randn()"] + (hasW ? ["w = w*0.9"] : []))
            regularly.append((code, Int.random(in: 1...10, using: &rng),
                              pick([.start, .beforeGroups, .afterGroups, .beforeThresholds, .afterResets, .end])))
        }
        var synapses: RandomModel.SynapseSpec?
        if hasSynapses { synapses = synapseSpec(size: size, summed: summed, hasW: hasW) }
        let dt: Quantity? = chance(0.7) ? nil : pick([0.05, 0.2, 0.25]) * ms
        let event = chance(0.25) ? (condition: "v > \(number(0.2...0.8))",
                                    code: pick(["I = I + 0.01", "v = v - 0.01*rand()"])) : nil
        let poisson = chance(0.3) ? (count: Int.random(in: 1...200, using: &rng), rate: number(5...200) * Hz,
                                     weight: pick(["0.05", "0.02*(1 + i)", "0.1*rand()"])) : nil
        return RandomModel(name: name, size: size, equations: lines.joined(separator: "\n"),
                           threshold: hasThreshold ? "v > theta" : nil, reset: reset, refractory: refractory,
                           method: method, dt: dt, event: event,
                           timedArrays: ((0..<20).map { _ in number(-1...2) },
                                         (0..<40).map { _ in (0..<size).map { _ in number(-1...2) } }),
                           poisson: poisson, namespace: namespace,
                           initial: initial, regularly: regularly, synapses: synapses, recorded: recorded)
    }

    /// Synapses within a group of `size` (between subgroups or recurrent): weights, perhaps a
    /// clock-driven trace, event-driven STDP traces, a summed variable onto `Isyn`, delays (none,
    /// one, or one per synapse), and random connection.
    private mutating func synapseSpec(size: Int, summed: Bool, hasW: Bool) -> RandomModel.SynapseSpec {
        let hasTrace = chance(0.5), hasSTDP = chance(0.3)
        let split = Int.random(in: 1..<size, using: &rng)
        let (source, target) = summed || chance(0.5) ? (0..<size, 0..<size) : pick([(0..<split, split..<size),
                                                                                   (split..<size, 0..<split)])
        var model = ["wsyn : 1"]
        if hasTrace { model.append("dx/dt = -x/tau_s : 1 (clock-driven)") }
        if hasSTDP {
            model += ["dapre/dt = -apre/tau_s : 1 (event-driven)", "dapost/dt = -apost/tau_w : 1 (event-driven)"]
        }
        if summed { model.append("Isyn_post = wsyn*\(hasTrace && chance(0.5) ? "x" : "v_pre") : 1 (summed)") }
        var onPre = [pick(["v_post += wsyn", "v_post += wsyn*rand()", "v_post -= 0.5*wsyn*v_post"])]
        if hasTrace { onPre.append("x += 1") }
        if hasW, chance(0.4) { onPre.append("w_post -= 0.1*wsyn") }
        var onPost = chance(0.3) ? ["wsyn = clip(wsyn + 0.01\(hasTrace ? "*x" : ""), 0, 1)"] : []
        if hasSTDP {
            onPre += ["apre += 0.01", "wsyn = clip(wsyn + apost, 0, 0.5)"]
            onPost += ["apost -= 0.012", "wsyn = clip(wsyn + apre, 0, 0.5)"]
        }
        let delayKind = Int.random(in: 0..<4, using: &rng)
        return RandomModel.SynapseSpec(
            source: source, target: target, model: model.joined(separator: "\n"), onPre: onPre.joined(separator: "\n"),
            onPost: onPost.isEmpty ? nil : onPost.joined(separator: "\n"),
            condition: chance(0.5) ? "i != j" : nil, p: pick([1.0, 0.5, 0.3]), n: pick([1, 1, 2]),
            delay: delayKind == 1 ? number(0.2...2) * ms : nil,
            delayExpression: delayKind == 2 ? "rand()*3*ms" : delayKind == 3 ? "(0.2 + 0.15*j)*ms" : nil,
            initial: [("wsyn", pick(["0.2*rand()", "0.1 + 0.02*i", "0.15"]))],
            recorded: ["wsyn"] + (hasTrace ? ["x"] : []) + (hasSTDP ? ["apre", "apost", "lastupdate"] : [])
                + (delayKind >= 2 ? ["delay"] : []))
    }
}
