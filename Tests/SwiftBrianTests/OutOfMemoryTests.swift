import SwiftBrian
import SwiftBrianKernel
import XCTest

/// Every size a user can ask for either fits or is a `ModelError` in the user's terms, thrown at
/// once without allocating the memory — never a crash, a trap on an overflowing size or an
/// allocation that exhausts the machine. The memory cap `SWIFTBRIAN_MEMORY` (1 GB here) makes
/// the outcome the same on any machine; the test hook `BufferGrowth.growthsBeforeFailure`
/// makes the very first allocation of a buffer fail.
final class OutOfMemoryTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
        setenv(MemoryBudget.environmentVariable, "1000000000", 1)
    }

    override func tearDown() {
        unsetenv(MemoryBudget.environmentVariable)
        BufferGrowth.growthsBeforeFailure = nil
        BufferGrowth.failure = nil
    }

    private let model = "dv/dt = -v/(10*ms) : 1"

    /// Asserts that `body` throws a ModelError of `kind` whose message contains `text`.
    private func assertRefused(_ kind: ModelError.Kind, _ text: String, _ body: () throws -> Void,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            guard let error = error as? ModelError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(error.kind, kind, error.message, file: file, line: line)
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: line)
        }
    }

    func testGroupsTooLargeAreRefused() {
        assertRefused(.invalidArgument, "at most 2147483647 neurons") { _ = try NeuronGroup(Int.max / 2, model: model) }
        assertRefused(.insufficientMemory, "need about 34.4 GB, but only 1 GB of memory is available") {
            _ = try NeuronGroup(Int(Int32.max), model: model)
        }
        assertRefused(.invalidArgument, "at most 2147483647 neurons") { _ = try PoissonGroup(Int.max / 2, rates: 5 * Hz) }
        assertRefused(.insufficientMemory, "of a PoissonGroup") { _ = try PoissonGroup(Int(Int32.max), rates: 5 * Hz) }
        assertRefused(.insufficientMemory, "of a SpikeGeneratorGroup") {
            _ = try SpikeGeneratorGroup(Int(Int32.max), indices: [0], times: QuantityArray(values: [0], dimension: .time))
        }
    }

    func testSynapsesBeyondMemoryAreRefusedBeforeDrawing() throws {
        let G = try NeuronGroup(1_000_000, model: "v : 1", threshold: "v > 1")
        let S = try Synapses(G, G, model: "w : 1", onPre: "v += w", name: "S")
        assertRefused(.insufficientMemory, "connect of 'S' asks for more than") { try S.connect(p: 1) }
        XCTAssertEqual(S.size, 0)
    }

    func testMorphologiesAndTimedArraysTooLargeAreRefused() {
        assertRefused(.invalidArgument, "32-bit indices") { _ = try Cylinder(diameter: 1 * um, length: 1 * mm, n: 1_000_000_000_000) }
        assertRefused(.insufficientMemory, "A section of 2000000000 compartments need") {
            _ = try Cylinder(diameter: 1 * um, length: 1 * mm, n: 2_000_000_000)
        }
        // 100,000 rows sharing one row of a million values: little memory until it is copied.
        let row = QuantityArray(values: [Double](repeating: 1, count: 1_000_000))
        assertRefused(.insufficientMemory, "The 100000 × 1000000 values of the TimedArray 'stimulus' need about 800 GB") {
            _ = try TimedArray([QuantityArray](repeating: row, count: 100_000), dt: 1 * ms, name: "stimulus")
        }
    }

    /// A StateMonitor recording a large group for a long run is refused before the first step,
    /// with the run's size in its terms; the network stays at t = 0 and can run a shorter time.
    func testRecordingsThatCannotFitAreRefusedBeforeTheRun() throws {
        let G = try NeuronGroup(1_000_000, model: model, name: "G")
        let M = try StateMonitor(G, variables: ["v"], name: "M")
        let net = try Network(G, M)
        assertRefused(.insufficientMemory, "The records of this run (the most: 'M', 1000001 values per step for "
                      + "100000 steps) need about 800 GB, but only 1 GB of memory is available. Record fewer") {
            try net.run(10 * second)
        }
        assertRefused(.insufficientMemory, "more memory than can be counted") { try net.run(1e9 * second) }
        assertRefused(.invalidArgument, "more steps than can be counted") { try net.run(1e30 * second) }
        XCTAssertEqual(net.t.value, 0)
        XCTAssertEqual(M.t.count, 0)
        M.active = false
        try net.run(0.1 * ms)
        XCTAssertEqual(net.t.value, 1e-4, accuracy: 1e-12, "an inactive monitor records nothing and is not counted")
    }

    /// When the first allocation of a buffer fails (the machine has less memory than it says),
    /// building the object throws in the user's terms instead of leaving a buffer without memory.
    func testAFirstAllocationThatFailsIsAnErrorNotACrash() throws {
        let G = try NeuronGroup(10, model: model, threshold: "v > 1", name: "G")
        let builders: [(String, () throws -> Void)] = [
            ("NeuronGroup", { _ = try NeuronGroup(10, model: self.model) }),
            ("StateMonitor", { _ = try StateMonitor(G, variables: ["v"]) }),
            ("SpikeMonitor", { _ = try SpikeMonitor(G) }),
            ("PopulationRateMonitor", { _ = try PopulationRateMonitor(G) }),
            ("Synapses", { _ = try Synapses(G, G, model: "w : 1", onPre: "v += w") }),
            ("PoissonGroup", { _ = try PoissonGroup(10, rates: 5 * Hz) }),
            ("SpikeGeneratorGroup", {
                _ = try SpikeGeneratorGroup(2, indices: [0, 1], times: QuantityArray(values: [0, 1e-3], dimension: .time))
            }),
            ("TimedArray", { _ = try TimedArray([1, 2, 3], dt: 1 * ms, name: "ta") }),
        ]
        for (name, build) in builders {
            BufferGrowth.growthsBeforeFailure = 0
            assertRefused(.insufficientMemory, "Out of memory: '") { try build() }
            BufferGrowth.growthsBeforeFailure = nil
            XCTAssertNoThrow(try build(), name)
        }
        let S = try Synapses(G, G, model: "w : 1", onPre: "v += w", name: "S")
        BufferGrowth.growthsBeforeFailure = 0
        // More synapses than the 4 a new buffer has room for.
        assertRefused(.insufficientMemory, "Out of memory") { try S.connect(i: Array(0..<10), j: Array(0..<10)) }
        BufferGrowth.growthsBeforeFailure = nil
        XCTAssertEqual(S.size, 0)
        try S.connect(i: Array(0..<10), j: Array(0..<10))
        XCTAssertEqual(S.size, 10)
    }
}
