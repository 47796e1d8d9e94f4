import SwiftBrian
import SwiftBrianModels
import XCTest

/// Brian's STDP speed test (``STDP``: Poisson inputs onto one neuron) on both backends: its
/// synapses are stored in target order, so the native backend's on_post loop visits them as a
/// range loop (vectorized, finite checks block by block). The results are the same bits on both
/// backends and thread counts.
final class STDPBackendTests: XCTestCase {
    /// The input and output spikes and every synaptic variable after `duration` with `inputs`
    /// inputs (`taupost` made unlike `taupre`, the weights strong enough to fire the neuron), and
    /// the memory per synapse.
    private func run(inputs: Int, duration: Quantity, backend: BackendKind,
                     threads: Int = 1) throws -> (bits: [UInt64], outputSpikes: Int, stored: Int) {
        seed(11)
        defaultClock.dt = 0.1 * ms
        var example = STDP()
        example.N = inputs
        example.taupost = 13 * ms
        example.gmax = 0.2
        let (input, neurons, S) = try example.build()
        let inputSpikes = try SpikeMonitor(input, name: "in_mon"), outputSpikes = try SpikeMonitor(neurons, name: "out_mon")
        try Network(input, neurons, S, inputSpikes, outputSpikes, backend: backend, threads: threads).run(duration)
        var values = inputSpikes.t.values + inputSpikes.i.map(Double.init) + outputSpikes.t.values
        for name in ["w", "Apre", "Apost", "lastupdate"] { values += try S.variable(name).values.values }
        return (values.map(\.bitPattern), outputSpikes.numEvents, S.bytesPerSynapse)
    }

    /// 1, 37, 2000 and 70,000 inputs (the last: two blocks of the finite checks); the neuron fires.
    func testOnPostGivesTheSameBitsOnEveryBackend() throws {
        for (inputs, duration) in [(1, 200 * ms), (37, 30 * ms), (2000, 20 * ms), (70_000, 3 * ms)] {
            let reference = try run(inputs: inputs, duration: duration, backend: .interpreter)
            if inputs > 1 { XCTAssertGreaterThan(reference.outputSpikes, 0, "\(inputs) inputs") }
            for threads in [1, 2] {
                let native = try run(inputs: inputs, duration: duration, backend: .native, threads: threads)
                XCTAssertTrue(native.bits == reference.bits, "\(inputs) inputs, \(threads) threads")
            }
        }
    }

    /// No list of the synapses sorted by target: the postsynaptic index and w, Apre, Apost,
    /// lastupdate.
    func testSynapsesOntoOneNeuronKeepNoMemberList() throws {
        XCTAssertEqual(try run(inputs: 50, duration: 1 * ms, backend: .native).stored, 4 + 4 * 8)
    }
}
