import Foundation
import SwiftBrian
import XCTest

/// Classic plasticity models built from synapse equations, checked against their closed forms:
/// triplet STDP (Pfister & Gerstner 2006) and Tsodyks–Markram short-term plasticity, on both
/// backends.
final class SynapseModelTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private let dt = 1e-4

    /// A generator emitting `steps[k]` (time steps) for neuron `indices[k]`.
    private func generator(_ n: Int, indices: [Int], steps: [Int], name: String) throws -> SpikeGeneratorGroup {
        try SpikeGeneratorGroup(n, indices: indices,
                                times: QuantityArray(values: steps.map { Double($0) * dt }, dimension: .time), name: name)
    }

    // MARK: Triplet STDP

    /// Pfister & Gerstner's all-to-all triplet rule, visual cortex parameters.
    private struct Triplet {
        let tauPlus = 16.8e-3, tauMinus = 33.7e-3, tauX = 101e-3, tauY = 125e-3
        let A2plus = 5e-10, A3plus = 6.2e-3, A2minus = 7e-3, A3minus = 2.3e-4

        var namespace: Namespace {
            ["tau_plus": tauPlus * second, "tau_minus": tauMinus * second, "tau_x": tauX * second,
             "tau_y": tauY * second, "A2p": Quantity(value: A2plus), "A3p": Quantity(value: A3plus),
             "A2m": Quantity(value: A2minus), "A3m": Quantity(value: A3minus)]
        }

        /// The weight change after `pairs` pre–post pairings, the post spike `delta` after the pre
        /// spike (negative: before), one pairing every `period`; |delta| < period. The traces at
        /// each spike are geometric sums over all earlier spikes (all-to-all interaction), with
        /// G(tau, n) = sum_{m=1}^{n} q^m, q = exp(-period/tau). Returns the change and the sum of
        /// the magnitudes of its terms (the scale of rounding errors).
        func weightChange(pairs: Int, delta: Double, period: Double) -> (change: Double, scale: Double) {
            func G(_ tau: Double, _ n: Int) -> Double {
                let q = exp(-period / tau)
                return q * (1 - pow(q, Double(n))) / (1 - q)
            }
            var change = 0.0, scale = 0.0
            for n in 0..<pairs {
                let o1, r1: Double
                if delta > 0 {
                    o1 = exp(delta / tauMinus) * G(tauMinus, n)           // post spikes k < n
                    r1 = exp(-delta / tauPlus) * (1 + G(tauPlus, n))      // pre spikes k <= n
                } else {
                    o1 = exp(delta / tauMinus) * (1 + G(tauMinus, n))     // post spikes k <= n
                    r1 = exp(-delta / tauPlus) * G(tauPlus, n)            // pre spikes k < n
                }
                let depression = o1 * (A2minus + A3minus * G(tauX, n))   // r2 before its own update
                let potentiation = r1 * (A2plus + A3plus * G(tauY, n))   // o2 before its own update
                change += potentiation - depression
                scale += potentiation + depression
            }
            return (change, scale)
        }
    }

    func testTripletSTDPPairingProtocolMatchesTheAnalyticWeightChange() throws {
        let rule = Triplet()
        let pairs = 60, periodSteps = 500, start = 200     // 20 Hz, first pre spike at 20 ms
        let deltas = [100, -100, 50, -50]                   // ±10 ms, ±5 ms
        var preI: [Int] = [], preSteps: [Int] = [], postI: [Int] = [], postSteps: [Int] = []
        for n in 0..<pairs {
            for (k, delta) in deltas.enumerated() {
                preI.append(k); preSteps.append(start + n * periodSteps)
                postI.append(k); postSteps.append(start + n * periodSteps + delta)
            }
        }
        for backend in [BackendKind.interpreter, .native] {
            let pre = try generator(deltas.count, indices: preI, steps: preSteps, name: "pre")
            let post = try generator(deltas.count, indices: postI, steps: postSteps, name: "post")
            let S = try Synapses(pre, post, model: """
                w : 1
                dr1/dt = -r1/tau_plus : 1 (event-driven)
                dr2/dt = -r2/tau_x : 1 (event-driven)
                do1/dt = -o1/tau_minus : 1 (event-driven)
                do2/dt = -o2/tau_y : 1 (event-driven)
                """, onPre: """
                w = w - o1*(A2m + A3m*r2)
                r1 += 1
                r2 += 1
                """, onPost: """
                w = w + r1*(A2p + A3p*o2)
                o1 += 1
                o2 += 1
                """, namespace: rule.namespace, name: "S")
            try S.connect(j: "i")
            try Network(pre, post, S, backend: backend).run(Double(start + pairs * periodSteps + 200) * dt * second)
            let w = try S.w.values.values
            for (k, delta) in deltas.enumerated() {
                let expected = rule.weightChange(pairs: pairs, delta: Double(delta) * dt, period: Double(periodSteps) * dt)
                XCTAssertEqual(w[k], expected.change, accuracy: 1e-12 * expected.scale, "\(backend), Δt = \(delta) steps")
                XCTAssertEqual(w[k] > 0, delta > 0, "pre before post potentiates, post before pre depresses")
            }
        }
    }

    // MARK: Tsodyks–Markram

    /// One synapse of the Tsodyks–Markram model: utilisation `u` (rest 0, facilitation) and
    /// available resources `x` (rest 1, depression).
    private struct ShortTermPlasticity {
        let U: Double, tauF: Double, tauD: Double

        /// The PSC amplitudes (A·u⁺·x⁻) of spikes at `times`: between spikes u decays to 0 and x
        /// recovers to 1 exponentially; at a spike u += U(1 - u), then x -= u·x.
        func amplitudes(_ times: [Double], A: Double) -> [Double] {
            var u = 0.0, x = 1.0, last: Double?
            return times.map { t in
                if let last {
                    u *= exp(-(t - last) / tauF)
                    x = 1 - (1 - x) * exp(-(t - last) / tauD)
                }
                u += U * (1 - u)
                let amplitude = A * u * x
                x -= u * x
                last = t
                return amplitude
            }
        }
    }

    func testTsodyksMarkramAmplitudesFollowTheRecursion() throws {
        let depressing = ShortTermPlasticity(U: 0.5, tauF: 50e-3, tauD: 750e-3)
        let facilitating = ShortTermPlasticity(U: 0.15, tauF: 750e-3, tauD: 50e-3)
        // 10 spikes at 25 Hz, then a recovery spike 500 ms later.
        let steps = (0..<10).map { 100 + 400 * $0 } + [100 + 400 * 9 + 5000]
        let A = 2.5
        for backend in [BackendKind.interpreter, .native] {
            let input = try generator(1, indices: Array(repeating: 0, count: steps.count), steps: steps, name: "input")
            let target = try NeuronGroup(2, model: "psc : 1", name: "target")
            let S = try Synapses(input, target, model: """
                U : 1 (constant)
                tauf : second (constant)
                taud : second (constant)
                du/dt = -u/tauf : 1 (event-driven)
                dx/dt = (1 - x)/taud : 1 (event-driven)
                """, onPre: """
                u += U*(1 - u)
                psc_post = A*u*x
                x -= u*x
                """, namespace: ["A": Quantity(value: A)], name: "S")
            try S.connect(i: [0, 0], j: [0, 1])
            try S.U.set([depressing.U, facilitating.U])
            try S.tauf.set(QuantityArray(values: [depressing.tauF, facilitating.tauF], dimension: .time))
            try S.taud.set(QuantityArray(values: [depressing.tauD, facilitating.tauD], dimension: .time))
            try S.x.set(1)
            let monitor = try StateMonitor(target, "psc")
            try Network(input, target, S, monitor, backend: backend).run(Double(steps.last! + 10) * dt * second)
            let times = steps.map { Double($0) * dt }
            for (k, model) in [depressing, facilitating].enumerated() {
                let trace = try monitor.values("psc", index: k).values
                // The sample at the start of the next step shows what the spike's step wrote.
                let simulated = steps.map { trace[$0 + 1] }
                let expected = model.amplitudes(times, A: A)
                for (a, b) in zip(simulated, expected) { XCTAssertEqual(a, b, accuracy: 1e-12 * b, "\(backend), synapse \(k)") }
                XCTAssertEqual(simulated.count, expected.count)
                XCTAssertEqual(simulated[9] < simulated[0], k == 0, "the train depresses (0) or facilitates (1)")
            }
        }
    }
}
