import SwiftBrian
import XCTest

/// Mistakes in synapse models, connections and delays: each a clear error before anything runs.
final class SynapsesBadInputTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func groups() throws -> (NeuronGroup, NeuronGroup) {
        (try NeuronGroup(5, model: "v : 1\nI : 1", threshold: "v > 1", name: "A"),
         try NeuronGroup(4, model: "v : 1\nIsyn : 1\nx : volt\ndz/dt = -z/(10*ms) : 1", threshold: "v > 1", name: "B"))
    }

    private func assertError(_ expression: @autoclosure () throws -> Any, _ message: String, caretUnder excerpt: String? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            XCTAssertTrue("\(error)".contains(message), "error was: \(error)", file: file, line: line)
            if let excerpt { XCTAssertEqual((error as? ModelError)?.excerpt, excerpt, "\(error)", file: file, line: line) }
        }
    }

    func testConnectionMistakes() throws {
        let (A, B) = try groups()
        let S = try Synapses(A, B, model: "w : 1", onPre: "v_post += w", name: "S")
        assertError(try S.connect(condition: "i < k"), "Unknown identifier 'k'", caretUnder: "k")
        assertError(try S.connect(condition: "i + j"), "must be a condition", caretUnder: "i + j")
        assertError(try S.connect(p: 1.5), "The connection probability p must lie in [0, 1], but it is 1.5")
        assertError(try S.connect(p: -0.1), "must lie in [0, 1]")
        assertError(try S.connect(j: "i + 1"), "The synapse i = 3 → j = 4 points outside the target group")
        assertError(try S.connect(j: "k for k in range(i, i + 3)"), "points outside the target group")
        assertError(try S.connect(j: "k for k in rnge(3)"), "Expected range(...) or sample(...)")
        assertError(try S.connect(j: "k+1 for k in range(3)"), "Only generators of the form")
        assertError(try S.connect(n: -1), "must not be negative")
        assertError(try S.connect(i: [0, 9], j: [0, 1]), "i[1] = 9 is not a neuron of 'A'")
        assertError(try S.connect(i: [0], j: [0, 1]), "needs as many i as j")
        assertError(try S.connect(i: [0, 1], j: [0, 1], n: Int.max), "holds at most")
        assertError(try S.connect(i: [0], j: [0], n: -1), "must not be negative")
        XCTAssertEqual(S.size, 0, "no synapse was created by a failed connect")
    }

    func testModelAndCodeMistakes() throws {
        let (A, B) = try groups()
        assertError(try Synapses(A, B, model: "w : 1", onPre: "y_post += w", name: "S1"),
                    "assigns to 'y_post', which is not a variable", caretUnder: "y_post")
        assertError(try Synapses(A, B, model: "w : 1 (constant)", onPre: "w += 1", name: "S2"),
                    "cannot assign to 'w': it is a constant parameter", caretUnder: "w")
        assertError(try Synapses(A, B, model: "w : 1", onPre: "v_post += w*mV", name: "S3"),
                    "must be in 1", caretUnder: "w*mV")
        assertError(try Synapses(A, B, model: "w : 1\nz_post = w : 1 (summed)", name: "S4"),
                    "must write into a parameter of 'B', but 'z' is a state variable")
        assertError(try Synapses(A, B, model: "w : 1\nx_post = w : 1 (summed)", name: "S5"),
                    "'x_post' is in 1, but 'x' of 'B' is in volt")
        assertError(try Synapses(A, B, model: "w : 1\nnothing_post = w : 1 (summed)", name: "S6"),
                    "writes into 'nothing', which is not a variable of 'B'")
        let silent = try NeuronGroup(2, model: "v : 1", name: "silent")
        assertError(try Synapses(silent, B, onPre: "v_post += 1", name: "S7"), "'silent' has no threshold")
        assertError(try Synapses(A, B, onPre: "v_post += 1", delay: -1 * ms, name: "S8"), "must not be negative")
        assertError(try Synapses(A, B, onPre: "v_post += 1", delay: 1 * mV, name: "S9"), "must be a time")
        let fixed = try Synapses(A, B, onPre: "v_post += 1", delay: 1 * ms, name: "S10")
        try fixed.connect()
        assertError(try fixed.delay.set("i*ms"), "was given when it was created")
    }

    func testRunStartChecks() throws {
        let (A, B) = try groups()
        let S = try Synapses(A, B, model: "w : 1", onPre: "v_post += w", name: "S")
        try S.connect()
        try S.delay.set("(i - 2)*ms")
        let net = try Network(A, B, S)
        assertError(try net.run(1 * ms), "delays must not be negative")
        XCTAssertEqual(net.t.value, 0)

        let first = try Synapses(A, B, model: "w : 1\nIsyn_post = w : 1 (summed)", name: "first")
        let second = try Synapses(A, B, model: "w : 1\nIsyn_post = 2*w : 1 (summed)", name: "second")
        try first.connect()
        try second.connect()
        let both = try Network(A, B, first, second)
        assertError(try both.run(1 * ms), "a variable can be the target of one summed variable only")
        XCTAssertEqual(both.t.value, 0)
    }

    func testUnknownNamesInConnectArgumentsAndReadOnlyTargetsAreMarked() throws {
        let (A, B) = try groups()
        let S = try Synapses(A, B, model: "w : 1\nda/dt = -a/(10*ms) : 1 (event-driven)", onPre: "v_post += w", name: "S")
        assertError(try S.connect(p: "exp(-abs(i - j)/length)"), "Unknown identifier 'length'", caretUnder: "length")
        assertError(try S.connect(j: "i + offset"), "Unknown identifier 'offset'", caretUnder: "offset")
        assertError(try S.connect(j: "k for k in range(i, i + width)"), "Unknown identifier 'width'", caretUnder: "width")
        assertError(try S.connect(j: "k for k in range(4) if k != q"), "Unknown identifier 'q'", caretUnder: "q")
        assertError(try S.connect(condition: "vv_pre > 0"), "Unknown identifier 'vv_pre' (did you mean 'v_pre'?)",
                    caretUnder: "vv_pre")
        assertError(try S.connect(p: "1*mV"), "The unit of '1*mV' is volt, but the p must be in 1", caretUnder: "1*mV")
        XCTAssertEqual(S.size, 0)
        for (code, name) in [("i = 1", "i"), ("j = 0", "j"), ("lastupdate = t", "lastupdate"), ("N_incoming = 2", "N_incoming"),
                             ("t = 0*ms", "t")] {
            assertError(try Synapses(A, B, model: "w : 1\nda/dt = -a/(10*ms) : 1 (event-driven)", onPre: PathwayCode(code), name: "T"),
                        "The on_pre code cannot assign to '\(name)': it is a built-in variable", caretUnder: name)
        }
    }

    func testDelaysAQueueCannotHoldAreCaughtWhenTheRunStarts() throws {
        let (A, B) = try groups()
        assertError(try Synapses(A, B, onPre: "v_post += 1", delay: Quantity(value: .infinity, dimension: .time), name: "S1"),
                    "The delay of 'S1' must be finite, but it is inf s")
        let S = try Synapses(A, B, model: "w : 1", onPre: "v_post += w", name: "S")
        try S.connect()
        try S.w.set("i + 10*j")
        try A.v.set([2, 0, 2, 0, 2])
        let net = try Network(A, B, S)
        var delays = Array(repeating: 1e-3, count: S.size)
        delays[7] = 1e6    // i = 1, j = 3: four million steps and more
        try S.delay.set(QuantityArray(values: delays, dimension: .time))
        assertError(try net.run(1 * ms), "The synapse 7 (i = 1, j = 3) of 'S' has the delay 1. Ms; a delay must be finite "
                    + "and at most 4194304 time steps (419.4304 s at dt = 100. us)")
        delays[7] = 1e-3
        delays[18] = .nan  // i = 4, j = 2
        try S.delay.set(QuantityArray(values: delays, dimension: .time))
        assertError(try net.run(1 * ms), "The synapse 18 (i = 4, j = 2) of 'S' has the delay nan s")
        XCTAssertEqual(net.t.value, 0)
        XCTAssertEqual(try A.v.values.values, [2, 0, 2, 0, 2], "nothing ran")
        XCTAssertEqual(try B.v.values.values, [0, 0, 0, 0])
        XCTAssertEqual(try S.w.values.values, (0..<20).map { Double($0 / 4 + 10 * ($0 % 4)) })
        delays[18] = 1e-3
        try S.delay.set(QuantityArray(values: delays, dimension: .time))
        try net.run(1 * ms)
        XCTAssertEqual(net.t.value, 1e-3, accuracy: 1e-15, "with the delays corrected, the network runs")
    }

    func testSynapseCodeCannotWriteTheDelay() throws {
        let (A, B) = try groups()
        assertError(try Synapses(A, B, onPre: "v_post += 1\ndelay = 2*ms", delay: 1 * ms, name: "S1"),
                    "The on_pre code cannot assign to 'delay'", caretUnder: "delay")
        assertError(try Synapses(A, B, onPost: "delay = 2*ms", name: "S2"),
                    "The on_post code cannot assign to 'delay'", caretUnder: "delay")
        let S = try Synapses(A, B, onPre: "v_post += 1", name: "S")
        try S.connect()
        try S.delay.set("j*ms")
        XCTAssertEqual(try S.delay.values.values.prefix(4), [0, 1e-3, 2e-3, 3e-3], "set from outside a run, it can be")
    }

    func testTheNumberOfSynapsesPerPairMustBeAWholeNumber() throws {
        let (A, B) = try groups()
        let S = try Synapses(A, B, name: "S")
        assertError(try S.connect(n: "i - 2"), "n is -2 for the pair i = 0, j = 0; the number of synapses per pair must "
                    + "be a whole number from 0 to 2147483647")
        assertError(try S.connect(condition: "i == 3", n: "1e10"), "n is 1e+10 for the pair i = 3, j = 0")
        XCTAssertEqual(S.size, 0)
        // 250 000 candidate pairs: created by native code.
        let P = try NeuronGroup(500, model: "v : 1", name: "P")
        let large = try Synapses(P, P, name: "large")
        assertError(try large.connect(n: "i - 498"), "n is -498 for the pair i = 0, j = 0")
        XCTAssertEqual(large.size, 0)
    }

    /// Event-driven and clock-driven variables are updated at different times, so neither may
    /// read the other (nor a summed variable an event-driven one), directly or through a
    /// subexpression. Brian 2.9 (`Synapses(G, G, model)`): "EquationError: The clock-driven 'y'
    /// should not depend on the event-driven variable 'x'." (also "(via 'z')"), "The event-driven
    /// 'x' should not depend on the clock-driven variable 'y'.", "The summed 'I_post' should not
    /// depend on the event-driven variable 'x'."; a subexpression of an event-driven variable alone
    /// is fine.
    func testEventDrivenAndClockDrivenVariablesDoNotReadEachOther() throws {
        let (A, B) = try groups()
        assertError(try Synapses(A, B, model: "dx/dt = -x/ms : 1 (event-driven)\ndy/dt = (x - y)/ms : 1 (clock-driven)"),
                    "The clock-driven 'y' cannot depend on the event-driven variable 'x'",
                    caretUnder: "dy/dt = (x - y)/ms : 1")
        assertError(try Synapses(A, B, model: "dx/dt = -x/ms : 1 (event-driven)\nz = 2*x : 1\n"
                                 + "dy/dt = (z - y)/ms : 1 (clock-driven)"),
                    "The clock-driven 'y' cannot depend on the event-driven variable 'x'")
        assertError(try Synapses(A, B, model: "dx/dt = (y - x)/ms : 1 (event-driven)\ndy/dt = -y/ms : 1 (clock-driven)"),
                    "The event-driven 'x' cannot depend on the clock-driven variable 'y'")
        assertError(try Synapses(A, B, model: "dx/dt = -x/ms : 1 (event-driven)\nIsyn_post = x : 1 (summed)"),
                    "The summed 'Isyn_post' cannot depend on the event-driven variable 'x'")
        XCTAssertNoThrow(try Synapses(A, B, model: "dx/dt = -x/ms : 1 (event-driven)\nz = 2*x : 1"))
    }
}
