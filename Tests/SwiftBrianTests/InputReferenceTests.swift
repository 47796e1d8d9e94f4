import SwiftBrian
import XCTest

/// Brian 2.9's reference cases for inputs (TimedArray, PoissonGroup, PoissonInput) and the
/// PopulationRateMonitor, built through the public API; SpikeGeneratorGroup and smoothed rates
/// against values from Brian 2.9; and the error each input gives for bad arguments. Every
/// simulation runs on both backends, which must agree bit for bit.
final class InputReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    // MARK: TimedArray

    private func timedArrays() throws -> (TimedArray, TimedArray) {
        let ta1 = try TimedArray([0, 1, 2, 0.5, 3], dt: 5 * ms, name: "ta1")
        let ta2 = try TimedArray([
            [0.0, 0.1, 0.2], [0.3, 0.2, 0.1], [0.5, -0.2, 0.0], [0.1, 0.4, 0.3], [-0.3, 0.0, 0.6],
            [0.2, 0.2, 0.2], [0.0, 0.5, -0.1], [0.4, 0.1, 0.0], [0.1, -0.1, 0.3], [0.25, 0.35, 0.45],
        ].map { $0 * nA }, dt: 2 * ms, name: "ta2")
        return (ta1, ta2)
    }

    func testTimedArrayInput() throws {
        let reference = try ReferenceCase("timedarray_input")
        let (ta1, ta2) = try timedArrays()
        let namespace = Namespace(["tau": 5 * ms, "El": -70 * mV, "R": 50 * Mohm], timedArrays: [ta1, ta2])
        try reference.check { backend in
            let A = try NeuronGroup(2, model: "dv/dt = (ta1(t) - v)/tau : 1", method: .exact, namespace: namespace,
                                    name: "A")
            try A.v.set([0, 1])
            let B = try NeuronGroup(3, model: "dv/dt = (El - v + R*ta2(t, i))/tau : volt", method: .exact,
                                    namespace: namespace, name: "B")
            try B.v.set("El")
            let C = try NeuronGroup(1, model: "dv/dt = (ta1(t) - v)/tau : 1", method: .rk4, namespace: namespace,
                                    name: "C")
            try C.v.set(0)
            let MA = try StateMonitor(A, "v"), MB = try StateMonitor(B, "v"), MC = try StateMonitor(C, "v")
            try Network(A, B, C, MA, MB, MC, backend: backend).run(reference.duration)
            var result = CaseResult()
            for (group, monitor) in [(A, MA), (B, MB), (C, MC)] {
                try result.trace("\(group.name).v", monitor, "v")
                result.final("\(group.name).v", try group.v.values)
            }
            return result
        }
    }

    func testTimedArrayCalledDirectly() throws {
        let (ta1, ta2) = try timedArrays()
        XCTAssertEqual(try ta1(7 * ms), Quantity(value: 1))
        XCTAssertEqual(try ta1(5 * ms), Quantity(value: 1))          // a multiple of dt starts the next value
        XCTAssertEqual(try ta1(100 * ms), Quantity(value: 3))        // past the end: the last value
        XCTAssertEqual(try ta2(3 * ms, 1).value, 0.2e-9, accuracy: 1e-24)
        XCTAssertEqual(try ta2(3 * ms, 1).dimension, Dimension.current)
        // Usable in code evaluated outside a run, with the group's t.
        var namespace = Namespace()
        namespace.add(ta1)
        let G = try NeuronGroup(2, model: "x : 1", namespace: namespace, dt: 0.1 * ms, name: "ta_direct")
        try G.x.set("ta1(t + i*6*ms)")
        XCTAssertEqual(try G.x.values.values, [0, 1])
    }

    func testTimedArrayBadInput() throws {
        assertModelError(try TimedArray([Double](), dt: 1 * ms, name: "empty"), "needs at least one value")
        assertModelError(try TimedArray([[Double]](), dt: 1 * ms, name: "empty2"), "needs at least one row")
        assertModelError(try TimedArray([[Double]()], dt: 1 * ms, name: "emptyrows"), "rows of the TimedArray 'emptyrows' are empty")
        assertModelError(try TimedArray([[1, 2], [3]], dt: 1 * ms, name: "ragged"),
                         "must all have the same length, but row 0 has 2 values and row 1 has 1")
        assertModelError(try TimedArray([[1, 2] * mV, [3, 4] * nA], dt: 1 * ms, name: "mixed"), "must share one unit")
        assertModelError(try TimedArray([1, 2], dt: 1 * mV, name: "ta"), "must be a time")
        assertModelError(try TimedArray([1, 2], dt: 0 * ms, name: "ta"), "must be positive")
        assertModelError(try TimedArray([1, 2], dt: 1 * ms, name: "exp"), "'exp' is the name of a function")
        assertModelError(try TimedArray([1, 2], dt: 1 * ms, name: "2x"), "not a valid name")

        let (ta1, ta2) = try timedArrays()
        XCTAssertThrowsError(try ta1(3 * mV))
        XCTAssertThrowsError(try ta2(3 * ms))
        XCTAssertThrowsError(try ta2(3 * ms, 3))
        let namespace = Namespace(["tau": 5 * ms], timedArrays: [ta1, ta2])
        // Units of the arguments and of the result.
        XCTAssertThrowsError(try NeuronGroup(1, model: "dv/dt = (ta1(5) - v)/tau : 1", namespace: namespace))
        XCTAssertThrowsError(try NeuronGroup(1, model: "dv/dt = (ta2(t, i) - v)/tau : 1", namespace: namespace))
        XCTAssertThrowsError(try NeuronGroup(1, model: "dv/dt = (ta2(t) - v)/tau : 1", namespace: namespace))
        // 'exact' needs the value to be constant over a step: the TimedArray's dt a multiple of the group's.
        let odd = try TimedArray([0, 1, 2], dt: 0.25 * ms, name: "odd")
        assertModelError(try NeuronGroup(1, model: "dv/dt = (odd(t) - v)/tau : 1", method: .exact,
                                         namespace: Namespace(["tau": 5 * ms], timedArrays: [odd])),
                         "not guaranteed to be constant over a time step")
        assertModelError(try NeuronGroup(1, model: "dv/dt = (ta1(t + dt) - v)/tau : 1", method: .exact,
                                         namespace: namespace), "depends on the time t")
        XCTAssertNoThrow(try NeuronGroup(1, model: "dv/dt = (odd(t) - v)/tau : 1", method: .exact,
                                         namespace: Namespace(["tau": 5 * ms], timedArrays: [odd]), dt: 0.05 * ms))
        // Without a method, Brian's choice falls back to euler.
        XCTAssertEqual(try NeuronGroup(1, model: "dv/dt = (odd(t) - v)/tau : 1",
                                       namespace: Namespace(["tau": 5 * ms], timedArrays: [odd])).method, .euler)
    }

    func testTimedArrayIndexOutOfRangeIsAnError() throws {
        let (_, ta2) = try timedArrays()
        let G = try NeuronGroup(4, model: "x = ta2(t, i)/nA : 1", namespace: Namespace(timedArrays: [ta2]),
                                dt: 0.1 * ms, name: "ta_range")
        XCTAssertEqual(try G[0..<3].x.values.values, [0, 0.1, 0.2].map { $0 * 1e-9 / nA.value })
        assertModelError(try G.x.values, "called with the index 3")
    }

    func testTimedArrayDrivesPoissonRates() throws {
        let ta = try TimedArray([0, 10, 0] * kHz, dt: 1 * ms, name: "rate_ta")
        let result = try onBothBackends { backend in
            let P = try PoissonGroup(2, rates: "rate_ta(t)*i", namespace: Namespace(timedArrays: [ta]), dt: 0.1 * ms,
                                     name: "P_ta")
            let S = try SpikeMonitor(P[1..<2])
            try Network(P, S, backend: backend).run(3 * ms)
            var result = CaseResult()
            result.spikes("P_ta[1]", S)
            return result
        }
        // rate*dt = 1 for neuron 1 during the second millisecond only.
        guard case .spikes(let i, let t)? = result["P_ta[1]"] else { return XCTFail("no spikes") }
        XCTAssertEqual(i, Array(repeating: 0, count: 10))
        XCTAssertEqual(t.map { Int(($0 / 1e-4).rounded()) }, Array(10..<20))
    }

    // MARK: PoissonGroup, PoissonInput, PopulationRateMonitor

    func testPopulationRateAndPoisson() throws {
        let reference = try ReferenceCase("population_rate_and_poisson")
        seed(20240611)
        let n = 1000
        let result = try reference.check { backend in
            let P1 = try PoissonGroup(n, rates: 20 * Hz, name: "P1")
            let P2 = try PoissonGroup(n, rates: "5*Hz + 45*Hz*i/(N-1)", name: "P2")
            let T = try NeuronGroup(n, model: "dv/dt = -v/tau : 1", method: .exact, namespace: ["tau": 10 * ms],
                                    name: "T")
            try T.v.set(0)
            let PI = try PoissonInput(T, "v", N: 100, rate: 10 * Hz, weight: 0.1, name: "PI")
            let S1 = try SpikeMonitor(P1), S2 = try SpikeMonitor(P2)
            let R1 = try PopulationRateMonitor(P1)
            let MT = try StateMonitor(T, "v", dt: 100 * ms)
            try Network(P1, P2, T, PI, S1, S2, R1, MT, backend: backend).run(reference.duration)
            var result = CaseResult()
            result.values("P1.count", S1.count.map(Double.init))
            result.values("P2.count", S2.count.map(Double.init))
            result.values("P1.rate", R1.rate.values)
            result.values("P1.rate.t", R1.t.values)
            try result.samples("T.v", MT, "v")
            result.values("T.v.final", try T.v.values.values)
            return result
        }

        let duration = reference.duration.value
        func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }
        func variance(_ x: [Double]) -> Double {
            let m = mean(x)
            return x.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(x.count - 1)
        }
        let counts1 = result.numbers("P1.count"), counts2 = result.numbers("P2.count")
        let rate = result.numbers("P1.rate")
        guard case .samples(let t, let traces)? = result["T.v"] else { return XCTFail("no samples of T.v") }
        let snapshots = t.enumerated().filter { $0.element >= 0.2 - 1e-9 }.map(\.offset)
        var samples = traces.flatMap { trace in snapshots.map { trace[$0] } }
        samples += result.numbers("T.v.final")
        XCTAssertEqual(samples.count, 9000)
        let observed: [String: Double] = [
            "P1.mean_rate_Hz": counts1.reduce(0, +) / (Double(n) * duration),
            "P1.count_variance": variance(counts1),
            "P1.fano_factor": variance(counts1) / mean(counts1),
            "P1.poprate_mean_Hz": mean(rate),
            "P1.poprate_variance_Hz2": variance(rate),
            "P1.poprate_samples": Double(rate.count),
            "P2.mean_rate_low_half_Hz": counts2[0..<n / 2].reduce(0, +) / (Double(n / 2) * duration),
            "P2.mean_rate_high_half_Hz": counts2[n / 2..<n].reduce(0, +) / (Double(n / 2) * duration),
            "T.v_mean": mean(samples),
            "T.v_variance": variance(samples),
        ]
        let keys = try XCTUnwrap(reference.json["statistics"] as? [String: Any]).keys
        XCTAssertEqual(Set(keys), Set(observed.keys), "every statistic of the case is computed")
        for (key, value) in observed.sorted(by: { $0.key < $1.key }) {
            let (expected, tolerance) = try reference.statistic(key)
            XCTAssertLessThanOrEqual(abs(value - expected), tolerance,
                                     "\(key): \(value), expected \(expected) ± \(tolerance)")
        }
        XCTAssertEqual(result.numbers("P1.rate.t").count, 10_000)
        XCTAssertEqual(result.numbers("P1.rate.t")[1], 1e-4)
    }

    func testPoissonGroupRatesVariable() throws {
        let result = try onBothBackends { backend in
            let P = try PoissonGroup(4, rates: [0, 0, 10, 10] * kHz, name: "P_rates")
            var result = CaseResult()
            result.values("rates", try P.rates.values.values)
            let S = try SpikeMonitor(P)
            try Network(P, S, backend: backend).run(1 * ms)
            result.values("count", S.count.map(Double.init))
            try P.rates.set(0 * Hz)
            try Network(P, S, backend: backend).run(1 * ms)
            result.values("count after rates 0", S.count.map(Double.init))
            return result
        }
        XCTAssertEqual(result.numbers("rates"), [0, 0, 10_000, 10_000])
        // rate*dt = 1 for neurons 2 and 3: a spike every step; none for 0 and 1.
        XCTAssertEqual(result.numbers("count"), [0, 0, 10, 10])
        XCTAssertEqual(result.numbers("count after rates 0"), [0, 0, 10, 10])
        // A string rate is a subexpression: readable, not settable.
        let Q = try PoissonGroup(3, rates: "i*10*Hz", name: "P_string")
        XCTAssertEqual(try Q.rates.values.values, [0, 10, 20])
        XCTAssertThrowsError(try Q.rates.set(1 * Hz))
    }

    /// Wang 2002's stimulus: a `run_regularly` on a PoissonGroup's rates reads names from the
    /// group's namespace (without it they are unknown).
    func testPoissonGroupRunRegularlyReadsItsNamespace() throws {
        let result = try onBothBackends { backend in
            let P = try PoissonGroup(2, rates: 0 * Hz, namespace: ["stim_on": 1 * ms, "mu0": 10 * kHz], name: "P_ns")
            try P.runRegularly("rates = int(t > stim_on) * mu0", dt: 0.5 * ms)
            let S = try SpikeMonitor(P)
            try Network(P, S, backend: backend).run(2 * ms)
            var result = CaseResult()
            result.values("count", S.count.map(Double.init))
            return result
        }
        // The rates become 10 kHz (a spike every step) at 1.5 ms: steps 15 to 19.
        XCTAssertEqual(result.numbers("count"), [5, 5])
        let P = try PoissonGroup(2, rates: 0 * Hz, name: "P_no_ns")
        assertModelError(try P.runRegularly("rates = int(t > stim_on) * 10*Hz"), "Unknown identifier 'stim_on'")
    }

    func testPoissonGroupBadInput() {
        assertModelError(try PoissonGroup(0, rates: 10 * Hz), "at least one neuron")
        assertModelError(try PoissonGroup(10, rates: 10 * mV), "must be frequencies (Hz)")
        assertModelError(try PoissonGroup(10, rates: [1, 2, 3] * Hz), "needs one rate or 10 rates, but 3 were given")
        assertModelError(try PoissonGroup(10, rates: "10*mV"), "rates of the PoissonGroup")
        assertModelError(try PoissonGroup(10, rates: "rate0*2"), "Unknown identifier 'rate0'")
        assertModelError(try PoissonGroup(10, rates: "10*Hz +"), "Expected an expression")
    }

    func testPoissonInputBadInput() throws {
        let T = try NeuronGroup(3, model: """
            dv/dt = -v/tau : volt
            c : volt (constant)
            I = v/ohm : amp
            """, namespace: ["tau": 10 * ms], name: "PI_target")
        try T.v.set(-1 * mV)
        assertModelError(try PoissonInput(T, "v", N: 10, rate: 10 * Hz, weight: 0.1),
                         "The weight of the PoissonInput (0.1) does not have the unit of the target variable 'v' (volt)")
        assertModelError(try PoissonInput(T, "v", N: 10, rate: 10 * Hz, weight: "0.1*amp"),
                         "weight of the PoissonInput")
        assertModelError(try PoissonInput(T, "w", N: 10, rate: 10 * Hz, weight: 1 * mV),
                         "'w' is not a variable of 'PI_target'")
        assertModelError(try PoissonInput(T, "c", N: 10, rate: 10 * Hz, weight: 1 * mV),
                         "cannot add to 'c' of 'PI_target': it is a constant parameter")
        assertModelError(try PoissonInput(T, "I", N: 10, rate: 10 * Hz, weight: 1 * amp),
                         "cannot add to 'I' of 'PI_target': it is a subexpression")
        assertModelError(try PoissonInput(T, "v", N: 10, rate: 10 * ms, weight: 1 * mV),
                         "must be a frequency (Hz)")
        assertModelError(try PoissonInput(T, "v", N: -1, rate: 10 * Hz, weight: 1 * mV),
                         "cannot be negative")
        assertModelError(try PoissonInput(T, "v", N: 10, rate: 20 * kHz, weight: 1 * mV),
                         "more than one spike per input and step")
        // A change of the target's dt after creation is refused when the run starts; nothing runs.
        let clock = Clock(dt: 0.1 * ms, name: "PI_clock")
        let U = try NeuronGroup(2, model: "dv/dt = -v/tau : 1", namespace: ["tau": 10 * ms], clock: clock,
                                name: "PI_target2")
        let input = try PoissonInput(U, "v", N: 10, rate: 100 * Hz, weight: 1)
        clock.dt = 0.2 * ms
        let net = try Network(U, input)
        assertModelError(try net.run(1 * ms), "changed after the PoissonInput")
        XCTAssertEqual(try U.v.values.values, [0, 0])
        XCTAssertEqual(net.t.value, 0)
        XCTAssertEqual(try T.v.values.values, [-1e-3, -1e-3, -1e-3])
    }

    func testPoissonInputWithNormalApproximationAndExpressionWeight() throws {
        // N*p = 1000*0.1 = 100 > 5: the normal approximation; mean and variance per step.
        seed(7)
        let x = try onBothBackends { backend in
            let G = try NeuronGroup(2000, model: "x : 1\nw : 1 (constant)", name: "PI_normal")
            try G.w.set("1 + i % 2")
            let input = try PoissonInput(G, "x", N: 1000, rate: 1 * kHz, weight: "w", name: "PI_normal_input")
            try Network(G, input, backend: backend).run(0.1 * ms)
            var result = CaseResult()
            result.final("x", try G.x.values)
            return result
        }.numbers("x")
        let odd = stride(from: 1, to: 2000, by: 2).map { x[$0] / 2 }, even = stride(from: 0, to: 2000, by: 2).map { x[$0] }
        for values in [odd, even] {
            let mean = values.reduce(0, +) / 1000
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 999
            XCTAssertEqual(mean, 100, accuracy: 5 * (90.0 / 1000).squareRoot())
            XCTAssertEqual(variance, 90, accuracy: 5 * 90 * (2.0 / 999).squareRoot())
        }
        XCTAssertTrue(x.contains { $0 != $0.rounded() }, "normal approximation: not whole numbers")
    }

    // MARK: SpikeGeneratorGroup

    func testSpikeGeneratorGroupWithPeriodAndRate() throws {
        // Values from Brian 2.9 (numpy target) for the same model.
        let result = try onBothBackends { backend in
            let G = try SpikeGeneratorGroup(3, indices: [1, 0, 2, 0], times: [1.23, 0.5, 0.5, 1.0] * ms,
                                            period: 2 * ms, name: "SGG_period")
            XCTAssertEqual(G.indices, [0, 2, 0, 1])
            let S = try SpikeMonitor(G)
            let R = try PopulationRateMonitor(G)
            let net = try Network(G, S, R, backend: backend)
            try net.run(7 * ms)
            var result = CaseResult()
            result.spikes("SGG_period", S)
            result.values("rate", R.rate.values)
            result.values("flat", try R.smoothRate(window: .flat, width: 0.3 * ms).values)
            result.values("gaussian", try R.smoothRate(window: .gaussian, width: 0.2 * ms).values)
            // New spikes all before the current time are skipped, as in Brian.
            try G.setSpikes(indices: [0, 1], times: [0.1, 0.3] * ms)
            try net.run(2 * ms)
            result.values("events after 9 ms", [Double(S.i.count)])
            return result
        }
        guard case .spikes(let i, let t)? = result["SGG_period"] else { return XCTFail("no spikes") }
        XCTAssertEqual(i, [0, 2, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2])
        XCTAssertEqual(t.map { Int(($0 / 1e-4).rounded()) }, [5, 5, 10, 12, 25, 25, 30, 32, 45, 45, 50, 52, 65, 65])
        let rate = result.numbers("rate")
        XCTAssertEqual(rate.count, 70)
        let nonzero = rate.enumerated().filter { $0.element != 0 }
        XCTAssertEqual(nonzero.map(\.offset), [5, 10, 12, 25, 30, 32, 45, 50, 52, 65])
        for (step, value) in nonzero {
            XCTAssertEqual(value, [5, 25, 45, 65].contains(step) ? 6666.666666666667 : 3333.3333333333335)
        }
        // Smoothed rates, against Brian's smooth_rate.
        let flat = result.numbers("flat")
        assertClose(Array(flat[0..<16]), [0, 0, 0, 0, 2222.222222222222, 2222.222222222222, 2222.222222222222, 0, 0,
                                          1111.111111111111, 1111.111111111111, 2222.222222222222, 1111.111111111111,
                                          1111.111111111111, 0, 0], rtol: 1e-13, atol: 1e-9, "flat")
        let gaussian = result.numbers("gaussian")
        assertClose(Array(gaussian[0..<16]), [
            0.0, 184.20367092599224, 441.88163524240815, 825.5435787051689, 1201.158819409206, 1361.0912581011173,
            1293.2606548722022, 1046.484396326373, 946.7552600579888, 1005.7238982517993, 1093.3174184031432,
            1201.158819409206, 1093.3174184031432, 821.5202273258071, 504.87362481558057, 220.94081762120408,
        ], rtol: 1e-12, atol: 1e-9, "gaussian")
        XCTAssertEqual(gaussian.count, 70)
        XCTAssertEqual(result.numbers("events after 9 ms"), [14])
    }

    func testSpikeGeneratorGroupSkipsPastSpikesAndFloorsTimes() throws {
        let result = try onBothBackends { backend in
            let G = try SpikeGeneratorGroup(2, indices: [0], times: [5] * ms, name: "SGG_past")
            let S = try SpikeMonitor(G)
            let net = try Network(G, S, backend: backend)
            try net.run(2 * ms)
            try G.setSpikes(indices: [0, 1, 1, 0], times: [1, 2.5, 3, 4.29999] * ms)
            try net.run(3 * ms)
            let H = try SpikeGeneratorGroup(1, indices: [0, 0], times: [0.3, 12.37] * ms, name: "SGG_floor")
            let SH = try SpikeMonitor(H)
            try Network(H, SH, backend: backend).run(13 * ms)
            var result = CaseResult()
            result.spikes("SGG_past", S)
            result.spikes("SGG_floor", SH)
            return result
        }
        let steps = { (key: String) -> [Int] in
            guard case .spikes(_, let t)? = result[key] else { return [] }
            return t.map { Int(($0 / 1e-4).rounded()) }
        }
        guard case .spikes(let i, _)? = result["SGG_past"] else { return XCTFail("no spikes") }
        XCTAssertEqual(i, [1, 1, 0])
        XCTAssertEqual(steps("SGG_past"), [25, 30, 43])
        // Brian's rule: 12.37 ms is step 123; 0.3 ms (0.30000000000000004/1e-4 rounding) is step 3.
        XCTAssertEqual(steps("SGG_floor"), [3, 123])
    }

    func testSpikeGeneratorGroupBadInput() throws {
        assertModelError(try SpikeGeneratorGroup(0, indices: [], times: QuantityArray(values: [], dimension: .time)),
                         "at least one neuron")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0, 3], times: [1, 2] * ms),
                         "The index of spike 1 of")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0, -1], times: [1, 2] * ms), "indices must lie in 0..<3")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0, 1], times: [1, -2] * ms),
                         "Spike times cannot be negative")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0, 1], times: [1] * ms), "must have the same length")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0], times: [1] * mV), "must be times")
        assertModelError(try SpikeGeneratorGroup(3, indices: [1, 1], times: [1, 1.05] * ms, name: "SGG_bad"),
                         "neuron 1 of 'SGG_bad' spikes more than once in the time step")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0, 1], times: [1, 5] * ms, period: 5 * ms),
                         "must be longer than its last spike time")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0], times: [0] * ms, period: 0.05 * ms),
                         "is shorter than its dt")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0], times: [0] * ms, period: 0.25 * ms),
                         "is not a whole multiple of its dt")
        assertModelError(try SpikeGeneratorGroup(3, indices: [0], times: [0] * ms, period: -1 * ms),
                         "cannot be negative")

        // A failed setSpikes keeps the spikes the group had.
        let G = try SpikeGeneratorGroup(3, indices: [2, 0], times: [2, 1] * ms, name: "SGG_keep")
        assertModelError(try G.setSpikes(indices: [0, 0], times: [3, 3.01] * ms), "spikes more than once")
        assertModelError(try G.setSpikes(indices: [5], times: [3] * ms), "indices must lie in 0..<3")
        XCTAssertEqual(G.indices, [0, 2])
        XCTAssertEqual(G.times.values, [1e-3, 2e-3])
        // A dt change that puts two spikes of a neuron into one step is refused when the run starts.
        let clock = Clock(dt: 0.1 * ms, name: "SGG_clock")
        let H = try SpikeGeneratorGroup(1, indices: [0, 0], times: [1, 1.1] * ms, clock: clock, name: "SGG_dt")
        let S = try SpikeMonitor(H)
        clock.dt = 0.5 * ms
        assertModelError(try Network(H, S).run(2 * ms), "spikes more than once in the time step")
        XCTAssertEqual(S.i, [])
    }
}
