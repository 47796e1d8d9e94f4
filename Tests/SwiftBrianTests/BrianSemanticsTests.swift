import SwiftBrian
import XCTest

/// Brian 2.9's semantics on models beyond the reference cases (issue 9, items 1–10): each test
/// runs the model of a Brian script in Tests/Fixtures/brian on both backends (bit-identical) and
/// compares with Brian's numbers.
final class BrianSemanticsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func steps(_ monitor: EventMonitor) -> [Double] {
        monitor.t.values.map { ($0 / 1e-4).rounded() }
    }

    // MARK: 1. Boolean refractoriness

    /// A condition only ends refractoriness: `dv/dt = 1/ms`, threshold `v > 2`, refractory
    /// `v > 1` spikes at step 19 (and again at 39 with a reset to 0); a bursting model whose
    /// refractoriness ends when a slow variable decays.
    func testBooleanRefractoriness() throws {
        let brian = try BrianFixture("boolean_refractory")
        for (key, reset) in [("a", nil), ("c", "v = 0")] as [(String, String?)] {
            let result = try onBothBackends("boolean refractory \(key)") { backend in
                let G = try NeuronGroup(1, model: "dv/dt = 1/ms : 1", threshold: "v > 2", reset: reset,
                                        refractory: "v > 1", method: .euler, name: "G")
                let spikes = try SpikeMonitor(G)
                try Network(G, spikes, backend: backend).run(5 * ms)
                var result = CaseResult()
                result.values("steps", steps(spikes))
                result.final("v", try G.v.values)
                return result
            }
            XCTAssertEqual(result.numbers("steps"), try brian.numbers("\(key)_spike_steps"))
            assertClose(result.numbers("v"), [try brian.number("\(key)_v_final")], "\(key) v")
        }
        for (key, model, reset) in [
            ("b1", "dx/dt = (1.5 - x)/(2*ms) : 1 (unless refractory)\ndy/dt = -y/ms : 1", "x = 0; y += 1"),
            ("b2", "dx/dt = (1.5 - x)/(2*ms) : 1\ndy/dt = -y/ms : 1", "x = 0; y += 1"),
            ("b3", "dx/dt = (1.5 - x)/(2*ms) : 1\ndy/dt = -y/ms : 1", "y = 1"),
        ] {
            let result = try onBothBackends("bursting \(key)") { backend in
                let G = try NeuronGroup(1, model: model, threshold: "x > 1", reset: reset, refractory: "y > 0.5",
                                        method: .euler, name: "G")
                let spikes = try SpikeMonitor(G)
                try Network(G, spikes, backend: backend).run(20 * ms)
                var result = CaseResult()
                result.values("steps", steps(spikes))
                result.final("x", try G.x.values)
                result.final("y", try G.y.values)
                return result
            }
            XCTAssertEqual(result.numbers("steps"), try brian.numbers("\(key)_spike_steps_first50"), key)
            assertClose(result.numbers("x") + result.numbers("y"),
                        [try brian.number("\(key)_x_final"), try brian.number("\(key)_y_final")], rtol: 1e-10, key)
        }
    }

    // MARK: 2. Delay rounding

    /// A delay becomes `(int)(delay/dt + 0.5)` steps, as Brian's compiled spike queue rounds it:
    /// 2.25 ms at 0.1 ms arrives in step 23, 0.15 ms (1.4999999999999998 steps) in step 1.
    func testDelaysRoundHalfAStepUp() throws {
        let brian = try BrianFixture("delay_rounding")
        let delays = [0.05, 0.15, 0.25, 0.35, 0.45, 0.55, 2.25, 2.35]
        let result = try onBothBackends("delay rounding") { backend in
            let input = try SpikeGeneratorGroup(1, indices: [0], times: try QuantityArray([0 * ms]), name: "input")
            let target = try NeuronGroup(delays.count + 1, model: "v : 1", name: "target")
            let S = try Synapses(input, target, onPre: "v_post += 1", name: "S")
            try S.connect(i: Array(repeating: 0, count: delays.count), j: Array(0..<delays.count))
            try S.delay.set(try QuantityArray(delays.map { $0 * ms }))
            let homogeneous = try Synapses(input, target, onPre: "v_post += 1", delay: 2.25 * ms, name: "H")
            try homogeneous.connect(i: [0], j: [delays.count])
            let monitor = try StateMonitor(target, "v", record: Array(0...delays.count), when: .end)
            try Network(input, target, S, homogeneous, monitor, backend: backend).run(3 * ms)
            var result = CaseResult()
            try result.samples("v", monitor, "v")
            return result
        }
        guard case .samples(_, let values)? = result["v"] else { return XCTFail("no samples") }
        for (k, delay) in delays.enumerated() {
            let key = "step_" + String(format: "%g", delay).replacingOccurrences(of: ".", with: "p") + "ms_numpy"
            XCTAssertEqual(values[k].firstIndex(of: 1).map(Double.init), try brian.number(key), key)
        }
        XCTAssertEqual(values[delays.count].firstIndex(of: 1).map(Double.init),
                       try brian.number("step_homogeneous_2p25ms_numpy"))
    }

    // MARK: 3. Shared variables

    /// Code that only touches shared values runs once per step, not once per neuron.
    func testSharedVariableCode() throws {
        let brian = try BrianFixture("shared_variables")
        for steps in [1, 5] {
            let result = try onBothBackends("shared gain") { backend in
                let G = try NeuronGroup(10, model: "gain : 1 (shared)", name: "G")
                try G.gain.set(1)
                try G.runRegularly("gain = gain*0.9 + 0.2")
                try Network(G, backend: backend).run(Double(steps) * 0.1 * ms)
                var result = CaseResult()
                result.final("gain", try G.gain.values)
                return result
            }
            assertClose(result.numbers("gain"), [try brian.number("a_gain_after_\(steps)_steps")], "gain")
        }
        let result = try onBothBackends("shared counters") { backend in
            let G = try NeuronGroup(3, model: "v : 1\ns : 1 (shared)", name: "G")
            try G.v.set("i")
            try G.runRegularly("s += 1", name: "op1")
            try G.runRegularly("v += s", name: "op2")
            let P = try SpikeGeneratorGroup(2, indices: [0, 1, 0], times: try QuantityArray([0 * ms, 0 * ms, 0.5 * ms]),
                                            name: "P")
            let H = try NeuronGroup(2, model: "v : 1", name: "H")
            let S = try Synapses(P, H, model: "wsh : 1 (shared)", onPre: "v_post += wsh", name: "S")
            try S.connect(i: [0, 1, 1], j: [0, 0, 1])
            try S.wsh.set(0.25)
            let net = try Network(G, P, H, S, backend: backend)
            try net.run(0.3 * ms)
            var result = CaseResult()
            result.final("s", try G.s.values)
            result.final("v", try G.v.values)
            try net.run(0.7 * ms)
            result.final("H.v", try H.v.values)
            return result
        }
        assertClose(result.numbers("s"), [try brian.number("b_s")], "s")
        assertClose(result.numbers("v"), try brian.numbers("b_v"), "v")
        assertClose(result.numbers("H.v"), try brian.numbers("d_v"), "H.v")

        let G = try NeuronGroup(4, model: "v : 1\ngain : 1 (shared)", name: "G")
        try G.gain.set(1.5)
        try G.v.set("gain*i")
        XCTAssertEqual(try G.v.values.values, try brian.numbers("e_v_gain_times_i"))
        try G.gain.set("gain*2")
        XCTAssertEqual(try G.gain.values.values, [try brian.number("e_gain_after_string_set")])
    }

    /// Brian's errors: "Writing to scalar variable count not allowed in this context", "Cannot
    /// write to scalar variable 'gain' with an expression referring to vector variable 'v'".
    func testSharedVariablesAreWrittenOnlyWhereBrianAllows() throws {
        let brian = try BrianFixture("shared_variables")
        XCTAssertTrue(try brian.text("error_c_shared_in_reset").contains("not allowed in this context"))
        XCTAssertTrue(try brian.text("error_f_write_shared_from_vector").contains("referring to vector variable 'v'"))
        let G = try NeuronGroup(10, model: "gain : 1 (shared)\nv : 1", threshold: "v > 1", name: "G")
        assertModelError(try G.runRegularly("gain = v"), "referring to 'v'", caretUnder: "v")
        assertModelError(try G.gain.set("v"), "referring to 'v'", caretUnder: "v")
        assertModelError(try G.runRegularly("v = 1\ngain = 2"), "before per-element variables", caretUnder: "gain = 2")
        assertModelError(try NeuronGroup(4, model: "v : 1\ncount : 1 (shared)", threshold: "v > 0",
                                         reset: "count += 1", name: "H"),
                         "cannot write the shared variable 'count'", caretUnder: "count")
    }

    /// A shared variable may be given a random draw (drawn once, as Brian's scalar code does); a
    /// per-element temporary may not give it its value (Brian: "All writes to scalar variables in
    /// a code block have to be made before writes to vector variables").
    func testASharedVariableCanBeGivenOneRandomDraw() throws {
        let result = try onBothBackends("shared draw") { backend in
            seed(3)
            let G = try NeuronGroup(5, model: "v : 1\nselected : integer (shared)", name: "G")
            try G.runRegularly("selected = int(floor(rand()*N))\nv = v + (i == selected)", name: "select")
            try Network(G, backend: backend).run(2 * ms)
            var result = CaseResult()
            result.final("v", try G.v.values)
            return result
        }
        XCTAssertEqual(result.numbers("v").reduce(0, +), 20, "one neuron selected per step")
        let G = try NeuronGroup(5, model: "v : 1\ns : 1 (shared)", name: "G")
        assertModelError(try G.runRegularly("tmp = rand()\ns = tmp"), "referring to 'tmp'")
    }

    // MARK: 4. Temporaries

    /// Temporaries in on_pre (`r = 2*w; v_post += r`: v = 3 for w = 1.5), on_post, reset,
    /// event code and run_regularly.
    func testTemporariesInEveryCodeBlock() throws {
        let brian = try BrianFixture("temporaries")
        let result = try onBothBackends("temporaries") { backend in
            let pre = try SpikeGeneratorGroup(1, indices: [0], times: try QuantityArray([0 * ms]), name: "pre")
            let H = try NeuronGroup(2, model: "v : 1\nu : 1\nfire : 1", threshold: "fire > 0", reset: "fire = 0",
                                    name: "H")
            let drive = try SpikeGeneratorGroup(2, indices: [0, 1], times: try QuantityArray([0.2 * ms, 0.2 * ms]),
                                                name: "drive")
            let D = try Synapses(drive, H, onPre: "fire_post = 1", name: "D")
            try D.connect(j: "i")
            let S = try Synapses(pre, H, model: "w : 1", onPre: "r = 2*w\nv_post += r",
                                 onPost: "r = 0.5*w + i\nw += r\nu_post += r + j", name: "S")
            try S.connect(i: [0, 0], j: [0, 1])
            try S.w.set([1.5, 4.0])
            try Network(pre, H, drive, D, S, backend: backend).run(1 * ms)

            let R = try NeuronGroup(3, model: "v : 1", threshold: "v > 2", reset: "tmp = v*2\nv = tmp - 5", name: "R")
            try R.v.set([3, 1, 2.5])
            let E = try NeuronGroup(3, model: "x : 1\ny : 1", events: ["ev": "x > 0.5"], name: "E")
            try E.x.set([0.2, 0.7, 1.0])
            try E.runOnEvent("ev", "tmp2 = x + 1\ny = tmp2*3\nx = tmp2 - 2")
            let Q = try NeuronGroup(3, model: "v : 1\nz : 1\nu : 1", name: "Q")
            try Q.v.set("i")
            try Q.runRegularly("q = v + 1\nz = q*q\nq = q*10\nu = q")
            try Network(R, E, Q, backend: backend).run(0.1 * ms)
            try Network(E, backend: backend).run(0.1 * ms)
            var result = CaseResult()
            for (key, view) in try [("on_pre_v_post", H.v), ("on_post_w", S.w), ("on_post_u_post", H.u), ("reset_v", R.v),
                                ("event_x", E.x), ("event_y", E.y), ("run_regularly_z", Q.z), ("run_regularly_u", Q.u)] {
                result.final(key, try view.values)
            }
            return result
        }
        for key in ["on_pre_v_post", "on_post_w", "on_post_u_post", "reset_v", "event_x", "event_y", "run_regularly_z",
                    "run_regularly_u"] {
            assertClose(result.numbers(key), try brian.numbers(key), key)
        }
    }

    func testATemporaryNobodyReadsIsAMisspelling() {
        assertModelError(try NeuronGroup(1, model: "v : 1", threshold: "v > 1", reset: "vv = 0", name: "G"),
                         "did you mean 'v'", caretUnder: "vv")
        assertModelError(try NeuronGroup(1, model: "v : 1", threshold: "v > 1", reset: "x += 1", name: "G"),
                         "not a variable of the model", caretUnder: "x")
    }

    // MARK: 6. Constant over dt

    /// `(constant over dt)` subexpressions are stored, computed in `before_start` of each step.
    func testConstantOverDtSubexpressions() throws {
        let brian = try BrianFixture("constant_over_dt")
        let first = try onBothBackends("constant c") { backend in
            let G = try NeuronGroup(1, model: "dv/dt = (c - v)/ms : 1\nc = 2 : 1 (constant over dt)",
                                    method: .euler, name: "G")
            try Network(G, backend: backend).run(1 * ms)
            var result = CaseResult()
            result.final("v", try G.v.values)
            result.final("c", try G.c.values)
            return result
        }
        assertClose(first.numbers("v"), [try brian.number("eq1_v_final")], "v")
        XCTAssertEqual(first.numbers("c"), [try brian.number("eq1_c_final")])
        for (key, method, flag) in [("eq2_euler", IntegrationMethod.euler, " (constant over dt)"),
                                    ("eq3_rk4_constant", .rk4, " (constant over dt)"), ("eq3_rk4_plain", .rk4, "")] {
            let result = try onBothBackends(key) { backend in
                let G = try NeuronGroup(1, model: "dv/dt = (c - v)/ms : 1\nc = sin(2*pi*t/(3*ms)) : 1" + flag,
                                        method: method, name: "G")
                let monitor = try StateMonitor(G, variables: ["v", "c"], record: [0])
                try Network(G, monitor, backend: backend).run(3 * ms)
                var result = CaseResult()
                try result.samples("v", monitor, "v")
                try result.samples("c", monitor, "c")
                return result
            }
            guard case .samples(_, let v)? = result["v"], case .samples(_, let c)? = result["c"] else {
                return XCTFail("no samples")
            }
            assertClose(v[0], try brian.numbers("\(key)_v_trace"), rtol: 1e-10, atol: 1e-14, "\(key) v")
            if !flag.isEmpty { assertClose(c[0], try brian.numbers("\(key)_c_trace"), rtol: 1e-10, atol: 1e-14, "\(key) c") }
        }
    }

    /// Named noise (`xi_pop`) may stand in a subexpression, which is substituted into the
    /// differential equation: the same run as with the noise written there.
    func testNamedNoiseInASubexpression() throws {
        func run(_ model: String, _ backend: BackendKind) throws -> [Double] {
            seed(8)
            let G = try NeuronGroup(20, model: model, method: .euler, name: "G")
            try Network(G, backend: backend).run(5 * ms)
            return try G.v.values.values
        }
        let result = try onBothBackends("xi_pop") { backend in
            var result = CaseResult()
            result.values("subexpression", try run("dv/dt = -v/ms + noise/ms : 1\nnoise = 0.5*xi_pop*sqrt(ms) : 1",
                                                   backend))
            result.values("inline", try run("dv/dt = -v/ms + 0.5*xi_pop*sqrt(ms)/ms : 1", backend))
            return result
        }
        XCTAssertEqual(result.numbers("subexpression"), result.numbers("inline"))
        XCTAssertGreaterThan(Set(result.numbers("inline")).count, 10)
    }

    /// Brian 2.9 refuses plain `xi` in a subexpression ("contains the symbol 'xi' but is not a
    /// differential equation"); so does SwiftBrian.
    func testNoiseInASubexpressionIsRefusedAsInBrian() throws {
        XCTAssertTrue(try BrianFixture("small_gaps").text("error_f_xi_in_subexpression").contains("'xi'"))
        assertModelError(try NeuronGroup(1, model: "dv/dt = -v/ms + I/sqrt(ms) : 1\nI = xi : 1/second**0.5"),
                         "may only appear in differential equations")
    }

    // MARK: 7. Incomplete networks

    func testAnObjectNeedsWhatItDependsOnInTheNetwork() throws {
        let brian = try BrianFixture("incomplete_network")
        XCTAssertFalse(try brian.text("error_missing_source").isEmpty)
        let G = try NeuronGroup(2, model: "v : 1", threshold: "v > 1", name: "G")
        let H = try NeuronGroup(2, model: "v : 1", name: "H")
        let S = try Synapses(G, H, onPre: "v_post += 1", name: "S")
        try S.connect()
        assertModelError(try Network(H, S).run(1 * ms),
                         "'S' has been included in the network but not the object on which it depends ('G')")
        assertModelError(try Network(try SpikeMonitor(G)).run(1 * ms), "depends ('G')")
        try Network(try H[0..<1], G, S).run(0.1 * ms)
    }

    // MARK: 8. Integer variables

    /// Values given to integer variables keep their integer part (C's cast: toward zero).
    func testIntegerVariablesKeepTheIntegerPart() throws {
        let brian = try BrianFixture("integer_variables")
        let result = try onBothBackends("integers") { backend in
            var result = CaseResult()
            let G = try NeuronGroup(5, model: "x : integer", name: "G")
            for (key, expression) in [("str_i_plus_half", "i + 0.5"), ("str_minus_i_minus_half", "-i - 0.5"),
                                      ("str_int_division", "i/2"), ("str_floor_division", "i//2"),
                                      ("str_int_of_float", "int(i*1.5)"), ("str_2p7", "2.7")] {
                try G.x.set(expression)
                result.final(key, try G.x.values)
            }
            try G.x.set(-2.7)
            result.final("array_scalar_minus_2p7", try G.x.values)
            try G.x.set([0.5, 1.5, -1.5, 2.9, -2.9])
            result.final("array_list_floats", try G.x.values)
            for (key, code) in [("rr_assign_7p9", "x = 7.9"), ("rr_assign_minus_7p9", "x = -7.9"),
                                ("rr_divide", "x = x/2"), ("rr_int_divide", "x = x//2"), ("rr_int_call", "x = int(7.9)"),
                                ("rr_plus_1", "x += 1")] {
                let H = try NeuronGroup(5, model: "x : integer", name: "H")
                try H.x.set("i - 2")
                try H.runRegularly(code)
                try Network(H, backend: backend).run(0.1 * ms)
                result.final(key, try H.x.values)
            }
            return result
        }
        for (key, _) in result.entries {
            XCTAssertEqual(result.numbers(key), try brian.numbers(key), key)
        }
    }

    // MARK: 9. Summed variables on the target's clock

    /// The summed-variable update runs on the target's clock, before its state update: with
    /// synapses on 1 ms and the target on 0.1 ms, a sum of presynaptic values changes every
    /// 0.1 ms, a sum of a synaptic variable every 1 ms; and the reverse.
    func testSummedVariablesRunOnTheTargetsClock() throws {
        let brian = try BrianFixture("summed_on_target_clock")
        for (key, synapseDt, targetDt) in [("slow_synapses", 1 * ms, 0.1 * ms), ("fast_synapses", 0.1 * ms, 1 * ms)] {
            let result = try onBothBackends(key) { backend in
                let P = try NeuronGroup(2, model: "dx/dt = 1/ms : 1", method: .euler, name: "P")
                let T = try NeuronGroup(1, model: "dv/dt = -v/(10*ms) + (s1 + s2)/ms : 1\ns1 : 1\ns2 : 1",
                                        method: .euler, dt: targetDt, name: "T")
                let S = try Synapses(P, T, model: """
                    w0 : 1
                    du/dt = 1/ms : 1 (clock-driven)
                    s1_post = w0*x_pre : 1 (summed)
                    s2_post = u : 1 (summed)
                    """, method: .euler, dt: synapseDt, name: "S")
                try S.connect()
                try S.w0.set([1, 2])
                let M = try StateMonitor(T, variables: ["v", "s1", "s2"], record: [0], dt: 0.1 * ms, when: .end)
                let MS = try StateMonitor(S, "u", record: [0], dt: 0.1 * ms, when: .end)
                try Network(P, T, S, M, MS, backend: backend).run(3 * ms)
                var result = CaseResult()
                for variable in ["v", "s1", "s2"] { try result.samples(variable, M, variable) }
                try result.samples("u", MS, "u")
                return result
            }
            for (variable, brianKey) in [("v", "v"), ("s1", "s1"), ("s2", "s2"), ("u", "u_syn0")] {
                guard case .samples(_, let values)? = result[variable] else { return XCTFail("no \(variable)") }
                assertClose(values[0], try brian.numbers("\(key)_\(brianKey)"), rtol: 1e-12, atol: 1e-14,
                            "\(key) \(variable)")
            }
        }
    }

    // MARK: 10. Namespace values read at each run

    /// `eta = 0; run; eta = 1e-2; run` (Vogels et al. 2011's pattern) and `run(namespace:)`.
    func testNamespaceValuesCanChangeBetweenRuns() throws {
        let brian = try BrianFixture("namespace_between_runs")
        let result = try onBothBackends("namespace between runs") { backend in
            var result = CaseResult()
            let G = try NeuronGroup(1, model: "dv/dt = eta/ms : 1", method: .euler,
                                    namespace: ["eta": Quantity(value: 0)], name: "G")
            let net = try Network(G, backend: backend)
            try net.run(1 * ms)
            result.final("eq1_v_after_run1_eta0", try G.v.values)
            G.namespace["eta"] = Quantity(value: 1e-2)
            try net.run(1 * ms)
            result.final("eq1_v_after_run2_eta0p01", try G.v.values)

            let P = try SpikeGeneratorGroup(1, indices: [0, 0, 0, 0],
                                            times: try QuantityArray([0 * ms, 0.5 * ms, 1.0 * ms, 1.5 * ms]), name: "P")
            let H = try NeuronGroup(1, model: "v : 1", name: "H")
            let S = try Synapses(P, H, model: "w : 1", onPre: "w += eta\nv_post += w",
                                 namespace: ["eta": Quantity(value: 0.1)], name: "S")
            try S.connect()
            try S.w.set(1)
            let plastic = try Network(P, H, S, backend: backend)
            try plastic.run(1 * ms)
            result.final("eq2_w_after_run1", try S.w.values)
            result.final("eq2_v_after_run1", try H.v.values)
            S.namespace["eta"] = Quantity(value: -0.25)
            try plastic.run(1 * ms)
            result.final("eq2_w_after_run2", try S.w.values)
            result.final("eq2_v_after_run2", try H.v.values)

            let K = try NeuronGroup(1, model: "dv/dt = eta/ms : 1", method: .euler,
                                    namespace: ["eta": Quantity(value: 5)], name: "K")
            let explicit = try Network(K, backend: backend)
            try explicit.run(1 * ms, namespace: ["eta": Quantity(value: 0.5)])
            result.final("eq3_v_after_explicit_namespace_0p5", try K.v.values)
            try explicit.run(1 * ms, namespace: ["eta": Quantity(value: -1)])
            result.final("eq3_v_after_explicit_namespace_minus1", try K.v.values)
            return result
        }
        for (key, _) in result.entries {
            assertClose(result.numbers(key), [try brian.number(key)], rtol: 1e-14, atol: 1e-15, key)
        }
    }

    /// A changed value is data for the native code: the next run does not compile again.
    func testAChangedNamespaceValueDoesNotRecompile() throws {
        let G = try NeuronGroup(3, model: "dv/dt = (El - v)/tau : volt", method: .exact,
                                namespace: ["El": -65 * mV, "tau": 10 * ms], name: "G")
        let net = try Network(G)
        try net.run(1 * ms)
        G.namespace["tau"] = 12.5 * ms
        G.namespace["El"] = -60 * mV
        try net.run(1 * ms)
        XCTAssertEqual(net.compileSeconds, 0)
        let first = -65e-3 * (1 - exp(-0.1))
        XCTAssertEqual(try G.v[0].value, -60e-3 + (first + 60e-3) * exp(-1 / 12.5), accuracy: 1e-15)
    }

    /// A run's namespace applies to that run only: afterwards code reads the group's own values.
    func testARunNamespaceEndsWithTheRun() throws {
        let G = try NeuronGroup(2, model: "v : 1", namespace: ["eta": Quantity(value: 1)], name: "G")
        try G.runRegularly("v = eta", name: "G_eta")
        let net = try Network(G)
        try net.run(0.1 * ms, namespace: ["eta": Quantity(value: 5)])
        XCTAssertEqual(try G.v.plainValues, [5, 5])
        try G.v.set("eta")
        XCTAssertEqual(try G.v.plainValues, [1, 1])
        try net.run(0.1 * ms)
        XCTAssertEqual(try G.v.plainValues, [1, 1])
    }

    func testANamespaceValueKeepsItsUnit() throws {
        let G = try NeuronGroup(1, model: "dv/dt = -v/tau : 1", namespace: ["tau": 10 * ms], name: "G")
        let net = try Network(G)
        G.namespace["tau"] = 10 * mV
        assertModelError(try net.run(1 * ms), "'tau' of 'G' was in second")
        XCTAssertEqual(net.t.value, 0)
        G.namespace["tau"] = 5 * ms
        try net.run(1 * ms)
        XCTAssertEqual(net.t.value, 1e-3, accuracy: 1e-15)
        assertModelError(try net.run(1 * ms, namespace: ["tau": Quantity(value: 2)]), "'tau' of 'G' was in second")
    }
}

/// Fails unless `expression` throws a ModelError whose message contains `message` (and, when
/// given, whose caret is under `excerpt`).
func assertModelError(_ expression: @autoclosure () throws -> Any, _ message: String, caretUnder excerpt: String? = nil,
                      file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard let error = error as? ModelError else {
            return XCTFail("expected a ModelError, got \(error)", file: file, line: line)
        }
        XCTAssertTrue(error.message.contains(message), "message was: \(error.message)", file: file, line: line)
        if let excerpt {
            XCTAssertEqual(error.excerpt, excerpt, "\(error)", file: file, line: line)
            XCTAssertTrue(error.description.contains("^"), "\(error)", file: file, line: line)
        }
    }
}

/// `active` on monitors and groups (issue 9, item 15), against Brian 2.9.
final class ActiveObjectTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testInactiveMonitorsAndGroupsPause() throws {
        let brian = try BrianFixture("active_monitors")
        let result = try onBothBackends("active") { backend in
            var result = CaseResult()
            let G = try NeuronGroup(2, model: "dv/dt = 1/ms : 1", threshold: "v > 0.25", reset: "v = 0",
                                    method: .euler, name: "G")
            try G.v.set([0, 0.15])
            let SM = try StateMonitor(G, "v", record: [0, 1])
            let SP = try SpikeMonitor(G)
            let net = try Network(G, SM, SP, backend: backend)
            try net.run(1 * ms)
            SM.active = false
            SP.active = false
            try net.run(1 * ms)
            SM.active = true
            SP.active = true
            try net.run(1 * ms)
            result.values("m_state_sample_steps", SM.t.values.map { ($0 / 1e-4).rounded() })
            result.values("m_state_v0", try SM.values("v", index: 0).values)
            result.values("m_spike_steps", SP.t.values.map { ($0 / 1e-4).rounded() })
            result.values("m_spike_i", SP.i.map(Double.init))
            for (key, v0) in [("g", [0, 0.15]), ("g_spiking_at_deactivation", [0.2, 0.15])] {
                let H = try NeuronGroup(2, model: "dv/dt = 1/ms : 1", threshold: "v > 0.25", reset: "v = 0",
                                        method: .euler, name: "H")
                try H.v.set(v0)
                let M = try StateMonitor(H, "v", record: [0, 1])
                let S = try SpikeMonitor(H)
                let net = try Network(H, M, S, backend: backend)
                try net.run(1 * ms)
                H.active = false
                try net.run(1 * ms)
                H.active = true
                try net.run(1 * ms)
                result.values("\(key)_v0_trace", try M.values("v", index: 0).values)
                result.values("\(key)_v1_trace", try M.values("v", index: 1).values)
                result.values("\(key)_spike_steps", S.t.values.map { ($0 / 1e-4).rounded() })
                result.values("\(key)_spike_i", S.i.map(Double.init))
            }
            return result
        }
        for (key, _) in result.entries {
            assertClose(result.numbers(key), try brian.numbers(key), rtol: 1e-12, atol: 1e-14, key)
        }
    }
}
