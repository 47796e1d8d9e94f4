import SwiftBrian
import SwiftBrianNative
import XCTest

/// A pathway adding a constant (`w += 1.0`) runs without its finite check while the buffer it adds
/// to is finite at a chunk's start (see `FiniteAdds`): the results are the interpreter's, bit for
/// bit, and where the buffer holds a value that is not finite (set by the user, or by a network
/// operation during the run) or the constant is too large, the check runs and fails as the
/// interpreter's does.
final class FiniteAddsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// What a run leaves: its error (empty when none), time and the targets' `w`; and how many
    /// kernels ran without the checks of their additions.
    private struct Outcome: Equatable {
        var message: String, t: Double, w: [UInt64]
    }

    /// synapses_only's network at 2,000 targets: every source spikes at every step, each of its
    /// synapses adds `increment` to its target's `w`, which starts at 0 but where `start` sets it
    /// (an expression and its condition); `nudge`, when
    /// given, runs every ms at the end of the step as a network operation on the targets (so that
    /// what it sets reaches the next steps, run in the whole-run loop).
    private func run(_ backend: BackendKind, threads: Int = 1, increment: String = "1.0", start: (String, String)? = nil,
                     nudge: ((NeuronGroup, Network) throws -> Void)? = nil) throws -> (Outcome, Int) {
        seed(7)
        let G = try NeuronGroup(20, model: "v : 1", threshold: "True", name: "G")
        let H = try NeuronGroup(2000, model: "w : 1", name: "H")
        let S = try Synapses(G, H, onPre: PathwayCode("w += \(increment)"), name: "S")
        try S.connect(p: 0.2)
        if let (value, condition) = start { try H.variable("w").set(value, where: condition) }
        var objects: [NetworkObject] = [G, H, S]
        if let nudge { objects.append(try NetworkOperation(dt: 1 * ms, when: .end) { try nudge(H, $0) }) }
        let net = try Network(objects, backend: backend, threads: threads)
        var message = ""
        do {
            try net.run(20 * ms)
        } catch {
            XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
            message = (error as? ModelError)?.message ?? "\(error)"
        }
        let outcome = Outcome(message: message, t: net.t.value, w: try H.variable("w").values.values.map(\.bitPattern))
        return (outcome, (net.backend as? NativeBackend)?.finiteAddKernels ?? 0)
    }

    /// Runs the network on the interpreter and natively on 1 and 3 threads; the outcomes must
    /// agree, and the native runs must have `elided` kernels without their checks.
    private func agree(elided: Int, increment: String = "1.0", start: (String, String)? = nil,
                       nudge: ((NeuronGroup, Network) throws -> Void)? = nil) throws -> Outcome {
        let (expected, _) = try run(.interpreter, increment: increment, start: start, nudge: nudge)
        for threads in [1, 3] {
            let (outcome, kernels) = try run(.native, threads: threads, increment: increment, start: start, nudge: nudge)
            XCTAssertEqual(kernels, elided, "\(threads) threads")
            XCTAssertEqual(outcome.message, expected.message, "\(threads) threads")
            XCTAssertEqual(outcome.t, expected.t, "\(threads) threads")
            XCTAssertTrue(outcome.w == expected.w, "\(threads) threads: w differs")
        }
        return expected
    }

    func testAdditionsOfAConstantToFiniteValuesRunUncheckedWithTheSameResults() throws {
        let outcome = try agree(elided: 1)
        XCTAssertEqual(outcome.message, "")
        XCTAssertEqual(outcome.t, 0.02, accuracy: 1e-12)
        // Each target gets about 20 × 0.2 additions a step for 200 steps.
        let mean = outcome.w.map(Double.init(bitPattern:)).reduce(0, +) / 2000
        XCTAssertEqual(mean, 800, accuracy: 40)
    }

    func testAValueThatIsNotFiniteAtTheStartIsReportedByTheCheck() throws {
        let outcome = try agree(elided: 1, start: ("1e308 * 10", "i == 1234"))
        XCTAssertTrue(outcome.message.hasPrefix("'w' of 'H' became +inf for neuron 1234 at t = 0 s"), outcome.message)
    }

    func testAValueANetworkOperationMakesNaNIsReportedByTheCheck() throws {
        let outcome = try agree(elided: 1) { H, net in
            guard net.t.value > 0.0045 else { return }
            var w = try H.variable("w").values.values
            w[777] = .nan
            try H.variable("w").set(w)
        }
        XCTAssertTrue(outcome.message.hasPrefix("'w' of 'H' became NaN for neuron 777 at t = 0.0051 s"), outcome.message)
    }

    /// 2^970 and more can overflow a finite value: such an addition keeps its check.
    func testALargeConstantKeepsItsCheck() throws {
        let outcome = try agree(elided: 0, increment: "1e305", start: ("1.797e308", "i == 42"))
        XCTAssertTrue(outcome.message.hasPrefix("'w' of 'H' became +inf for neuron 42 at t = 0 s"), outcome.message)
        let (_, below) = try run(.native, increment: "9.97e291")
        XCTAssertEqual(below, 1, "a constant below 2^970 (about 9.979e291)")
    }
}
