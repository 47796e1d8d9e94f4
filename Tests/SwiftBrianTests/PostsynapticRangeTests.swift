import SwiftBrian
import XCTest

/// Synapses stored in target order (all onto one neuron, `j = i`) keep no list of the synapses
/// sorted by target: the synapses of a target are a range, which the native backend's on_post
/// loop visits as a range loop (vectorized, its finite checks done block by block). Results are
/// the same bits on both backends (see also `STDPBackendTests`), and a failed check names the
/// same synapse.
final class PostsynapticRangeTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// `inputs` neurons firing once at 0.1 ms onto `targets` neurons (input `k` onto target
    /// `k % targets`) with a pair-based trace rule; the synaptic variables after 1 ms, and
    /// the memory per synapse.
    private func plastic(inputs: Int, targets: Int, backend: BackendKind) throws -> (bits: [UInt64], stored: Int) {
        let input = try NeuronGroup(inputs, model: "v : 1", threshold: "t > 0.05*ms and t < 0.15*ms", name: "src")
        let target = try NeuronGroup(targets, model: "v : 1", threshold: "t > 0.25*ms", name: "dst")
        let S = try Synapses(input, target, model: """
            w : 1
            dx/dt = -x / (3*ms) : 1 (event-driven)
            """, onPre: "x += 0.5", onPost: "w = clip(w + x, 0, 1)", name: "S")
        try S.connect(j: "i % \(targets)")
        try Network(input, target, S, backend: backend).run(1 * ms)
        return ((try S.w.values.values + S.x.values.values).map(\.bitPattern), S.bytesPerSynapse)
    }

    /// One target: no member list (4 bytes less per synapse), the range loop; several targets
    /// with synapses stored by source: the list stays. Both give the interpreter's bits.
    func testSynapsesInTargetOrderKeepNoMemberList() throws {
        for targets in [1, 3] {
            let native = try plastic(inputs: 50, targets: targets, backend: .native)
            XCTAssertEqual(native.stored, targets == 1 ? 4 + 3 * 8 : 4 + 4 + 3 * 8, "\(targets) targets: j, w, x, lastupdate")
            XCTAssertTrue(native.bits == (try plastic(inputs: 50, targets: targets, backend: .interpreter)).bits)
        }
    }

    /// A value that stops being finite in the on_post loop stops the run with the same message on
    /// both backends: the first synapse in loop order, and its last finite value (the value it
    /// keeps: the failing synapse stores neither statement's value).
    func testANonFiniteValueInTheOnPostLoopNamesTheSameSynapse() throws {
        var messages: [String] = []
        for backend in [BackendKind.interpreter, .native] {
            let input = try NeuronGroup(300, model: "v : 1", name: "src")
            let target = try NeuronGroup(1, model: "v : 1", threshold: "t > 0.15*ms", name: "dst")
            let S = try Synapses(input, target, model: "x : 1", onPost: "x = 2 * x\nx = x * 1e200 + 1", name: "S")
            try S.connect()
            try S.x.set("1e250 * (i == 207 or i == 250)")
            let net = try Network(input, target, S, backend: backend)
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                messages.append((error as? ModelError)?.message ?? "\(error)")
            }
            XCTAssertEqual(try S.x.values.values[207], 1e250)
            XCTAssertEqual(try S.x.values.values[0], 1, "the loop ran to its end")
        }
        XCTAssertEqual(messages.count, 2)
        XCTAssertTrue(messages[0].hasPrefix("'x' of 'S' became +inf for synapse 207 at t = 0.0002 s "
                                            + "(last finite value: 1e+250)"), messages[0])
        XCTAssertEqual(messages.first, messages.last)
    }
}
