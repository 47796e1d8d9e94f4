@testable import SwiftBrian
import SwiftBrianKernel
import XCTest

/// Sizes that cannot fit, values out of range and mistakes in scripts are errors in the user's
/// terms, never crashes (issue 10).
final class RobustnessTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testSizesBeyondIndicesOrMemoryAreRefusedBeforeAllocating() {
        let model = "dv/dt = -v/(10*ms) : 1"
        assertModelError(try NeuronGroup(1 << 40, model: model), "at most 2147483647 neurons")
        assertModelError(try NeuronGroup(Int.max, model: model), "but N = \(Int.max)")
        assertModelError(try PoissonGroup(1 << 40, rates: 5 * Hz), "at most 2147483647 neurons")
        // 100 values for each of 2^31 - 1 neurons: 1.7 TB, more than any machine here has.
        let many = (0..<100).map { "x\($0) : 1" }.joined(separator: "\n")
        XCTAssertThrowsError(try NeuronGroup(Int(Int32.max), model: many)) { error in
            guard let error = error as? ModelError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .insufficientMemory)
            XCTAssertTrue(error.message.contains("need about 1.74 TB, but only"), error.message)
            XCTAssertTrue(error.message.contains("of memory is available"), error.message)
        }
    }

    func testSynapsesBeyondMemoryAreRefusedBeforeDrawing() throws {
        let G = try NeuronGroup(200_000, model: "v : 1", threshold: "v > 1")
        let S = try Synapses(G, G, model: "w : 1", onPre: "v += w")
        assertModelError(try S.connect(p: 1), "asks for more than")
        XCTAssertEqual(S.size, 0)
        try S.connect(i: [0], j: [1])
        XCTAssertEqual(S.size, 1)
    }

    func testSynapsesCreatedBeyondTheMemoryCapStopWithAnErrorOnBothBackends() throws {
        defer { unsetenv(MemoryBudget.environmentVariable) }
        // 250,000 candidate pairs run natively (a cap of about 83,000 synapses of 48 bytes), 400 on
        // the interpreter (a cap of 41; see ImmediateExecution).
        for (size, cap) in [(500, "4000000"), (20, "2000")] {
            setenv(MemoryBudget.environmentVariable, cap, 1)
            let G = try NeuronGroup(size, model: "v : 1", threshold: "v > 1")
            let S = try Synapses(G, G, model: "w : 1", onPre: "v += w", name: "S\(size)")
            assertModelError(try S.connect(condition: "i != j"), "connect of 'S\(size)' asks for more than")
            XCTAssertEqual(S.size, 0)
        }
    }

    func testMemoryIsDescribedInPlainUnits() {
        XCTAssertEqual(MemoryBudget.describe(512), "512 bytes")
        XCTAssertEqual(MemoryBudget.describe(7_500_000_000), "7.5 GB")
        XCTAssertNil(MemoryBudget.bytes(Int.max, each: 8))
        XCTAssertGreaterThan(MemoryBudget.availableBytes, 0)
    }

    func testOutOfRangeValuesAreRefused() throws {
        let model = "dv/dt = -v/(10*ms) : 1"
        assertModelError(try NeuronGroup(1, model: model, threshold: "v > 1", refractory: -1 * ms),
                         "The refractory period must be a finite time that is not negative, but it is -1. ms")
        assertModelError(try PoissonGroup(2, rates: -5 * Hz), "must be finite and not negative, but it is -5. Hz")
        assertModelError(try PoissonGroup(2, rates: QuantityArray(values: [1, .nan], dimension: .frequency)),
                         "but rates[1] is nan Hz")
        let P = try PoissonGroup(3, rates: 5 * Hz)
        try P.rates.set(QuantityArray(values: [1, -2, 3], dimension: .frequency))
        assertModelError(try Network(P).run(1 * ms), "but rates[1] is -2. Hz")
        let Q = try PoissonGroup(3, rates: "(10 - 10*i)*Hz")
        assertModelError(try Network(Q).run(1 * ms), "but rates[2] is -10. Hz")
        let net = try Network(try NeuronGroup(1, model: model))
        assertModelError(try net.run(Quantity(value: .nan, dimension: .time)),
                         "The duration of a run must be a finite time that is not negative, but it is nan s")
        assertModelError(try net.run(Quantity(value: .infinity, dimension: .time)), "but it is inf s")
        XCTAssertEqual(net.t.value, 0)
    }

    func testRunMainPrintsTheErrorWithItsCaretAndGivesStatusOne() {
        var written = ""
        let status = runReportingErrors({
            _ = try NeuronGroup(1, model: "dv/dt = (El - v)/taum + I : volt",
                                namespace: ["El": -65 * mV, "taum": 10 * ms, "I": 1 * nA])
        }, write: { written += $0 })
        XCTAssertEqual(status, 1)
        XCTAssertTrue(written.hasPrefix("error: The unit of 'I' is amp, but dv/dt must be in volt/second\n"), written)
        XCTAssertTrue(written.contains("^"), written)
        XCTAssertFalse(written.contains("Fatal error"))
        XCTAssertEqual(runReportingErrors({}, write: { written += $0 }), 0)
    }
}
