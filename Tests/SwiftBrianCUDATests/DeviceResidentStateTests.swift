import Foundation
import SwiftBrian
import SwiftBrianCUDA
import XCTest

/// The state stays on the device between runs: a run copies to the device only what the host
/// changed since the device last had it, and copies back only what its launches may have written
/// (of a monitor's records, the new ones). Measured in the emulated device's copies and bytes;
/// the results stay the interpreter's bit for bit, and every copy believed to agree with the host
/// is checked to (``CUDABackend/checksCopies``).
final class DeviceResidentStateTests: XCTestCase {
    override func setUp() {
        CUDABackend.checksCopies = true
    }

    private func traffic(_ network: Network) throws -> DeviceTraffic {
        try XCTUnwrap(network.backend as? CUDABackend).traffic
    }

    /// Three runs: the second copies no state to the device (only, for a monitor's buffer given
    /// more room for the run's records, the header with its new address and room: 24 bytes); before
    /// the third the host sets `v`, and that buffer alone (its elements and header) is copied. The
    /// results are the interpreter's.
    func testARunCopiesToTheDeviceOnlyWhatTheHostChanged() throws {
        func threeRuns(_ backend: BackendKind) throws -> (values: [Double], uploads: [DeviceTraffic]) {
            let (network, P, spikes, trace) = try cubaNetwork(backend)
            var uploads: [DeviceTraffic] = []
            for k in 0..<3 {
                if k == 2 { try P.v.set("Vr + 0.001*i*(Vt - Vr)") }
                let before = backend == .cudaEmulated ? try traffic(network) : DeviceTraffic()
                try network.run(10 * ms)
                if backend == .cudaEmulated { uploads.append(try traffic(network).since(before)) }
            }
            XCTAssertGreaterThan(spikes.numEvents, 50)
            return (spikes.i.map(Double.init) + spikes.t.values + (try P.v.values.values) + (try P.ge.values.values)
                    + (try trace.values("v").flatMap(\.values)), uploads)
        }
        let interpreted = try threeRuns(.interpreter).values
        let (emulated, uploads) = try threeRuns(.cudaEmulated)
        XCTAssertEqual(emulated.map(\.bitPattern), interpreted.map(\.bitPattern))
        print("Copies to the device in three runs: \(uploads.map { "\($0.copiesToDevice) (\($0.bytesToDevice) bytes)" })")
        XCTAssertGreaterThan(uploads[0].bytesToDevice, 400 * 8 * 3, "the first run copies the whole state")
        XCTAssertEqual(uploads[1].bytesToDevice, 24 * uploads[1].copiesToDevice,
                       "nothing changed on the host: no state is copied to the device, only grown buffers' headers")
        XCTAssertLessThanOrEqual(uploads[1].copiesToDevice, 3, "the monitors' buffers at most")
        XCTAssertEqual(uploads[2].bytesToDevice - 400 * 8, 24 * (uploads[2].copiesToDevice - 1),
                       "v (400 values and its header) and grown buffers' headers")
    }

    /// A group with a written variable, five constant parameters and a monitor recording every
    /// neuron: a second run (of one step, so one chunk) copies back the variable, the clocks and
    /// the monitor's new records, not the parameters nor the records of the first run.
    func testARunCopiesBackOnlyWhatItsLaunchesWroteAndTheNewRecords() throws {
        CUDABackend.checksCopies = false
        seed(1)
        defaultClock.dt = 0.1 * ms
        let n = 2000
        let G = try NeuronGroup(n, model: """
            dv/dt = (p1 + p2 + p3 + p4 + p5 - v)/(10*ms) : 1
            p1 : 1 (constant)
            p2 : 1 (constant)
            p3 : 1 (constant)
            p4 : 1 (constant)
            p5 : 1 (constant)
            """, method: .exact, name: "G")
        try G.p1.set("0.001*i")
        let trace = try StateMonitor(G, variables: ["v"], record: Array(0..<n))
        let network = try Network(G, trace, backend: .cudaEmulated)
        try network.run(1 * ms)
        let before = try traffic(network)
        try network.run(0.1 * ms)
        let second = try traffic(network).since(before)
        let records = n * 8, variable = n * 8
        print("The second run copied back \(second.bytesToHost) bytes in \(second.copiesToHost) copies "
              + "(new records \(records), v \(variable), the parameters \(5 * variable), the first run's records \(10 * records))")
        XCTAssertGreaterThanOrEqual(second.bytesToHost, records + variable)
        XCTAssertLessThan(second.bytesToHost, records + variable + 1024,
                          "neither the constant parameters nor the first run's records are copied back")
        XCTAssertEqual(trace.t.values.count, 11)
        XCTAssertEqual(try trace.values("v").map { $0.values.count }, Array(repeating: 11, count: n))
        CUDABackend.checksCopies = true
    }

    /// A run of several chunks (a run's first chunk is one step, then the run goes on with the
    /// next) copies back at its pauses only what the host reads there (the clocks), and `v`, which
    /// every step writes, once, at the run's end: the interpreter's values.
    func testPausesCopyBackOnlyTheClocks() throws {
        CUDABackend.checksCopies = false
        defer { CUDABackend.checksCopies = true }
        func run(_ backend: BackendKind) throws -> (v: [Double], traffic: DeviceTraffic) {
            seed(1)
            defaultClock.dt = 0.1 * ms
            let G = try NeuronGroup(5000, model: "dv/dt = (1 + 0.0001*i - v)/(10*ms) : 1", method: .exact, name: "G")
            let network = try Network(G, backend: backend)
            try network.run(0.1 * ms)
            let before = (network.backend as? CUDABackend)?.traffic ?? DeviceTraffic()
            try network.run(5 * ms)
            return (try G.v.values.values, ((network.backend as? CUDABackend)?.traffic ?? DeviceTraffic()).since(before))
        }
        let interpreted = try run(.interpreter).v
        let (emulated, traffic) = try run(.cudaEmulated)
        XCTAssertEqual(emulated.map(\.bitPattern), interpreted.map(\.bitPattern))
        print("A run of 50 steps copied back \(traffic.bytesToHost) bytes in \(traffic.copiesToHost) copies (v: 40000)")
        XCTAssertGreaterThanOrEqual(traffic.bytesToHost, 5000 * 8)
        XCTAssertLessThan(traffic.bytesToHost, 5000 * 8 + 2048, "v once, not at every chunk's end")
    }

    /// A run stopped between two chunks (a stop request made at a progress report) ends with the
    /// state the device reached: what the launches wrote comes back when the run ends, though no
    /// chunk's end copied it.
    func testARunStoppedAtAPauseEndsWithTheDevicesState() throws {
        defer { RunInterruption.reset() }
        func network(_ backend: BackendKind) throws -> (network: Network, group: NeuronGroup) {
            seed(4)
            defaultClock.dt = 0.1 * ms
            let G = try NeuronGroup(100, model: "dv/dt = (2 + 0.01*i - v)/(10*ms) : 1", threshold: "v > 1",
                                    reset: "v = 0", method: .exact, name: "G")
            return (try Network(G, backend: backend), G)
        }
        let (stopped, G) = try network(.cudaEmulated)
        try stopped.run(100 * ms, report: .custom(every: 0 * second) { fraction, _ in
            if fraction > 0 { RunInterruption.request() }
        })
        RunInterruption.reset()
        XCTAssertGreaterThan(stopped.t.value, 0)
        XCTAssertLessThan(stopped.t.value, 0.1, "the run stopped early")
        let (reference, H) = try network(.interpreter)
        try reference.run(stopped.t)
        XCTAssertEqual(try G.v.values.values.map(\.bitPattern), try H.v.values.values.map(\.bitPattern))
    }

    /// Store, run, restore and run again, with heterogeneous delays (spikes in transit in the
    /// device's queue are stored and restored) and a network operation changing the state: the
    /// interpreter's results, and the run after the restore repeats the one after the store.
    func testStoreAndRestoreWithQueuesAndNetworkOperations() throws {
        func runs(_ backend: BackendKind) throws -> [[Double]] {
            seed(5)
            defaultClock.dt = 0.1 * ms
            let G = try NeuronGroup(50, model: "dv/dt = (1.2 + 0.1*i/50 - v)/(10*ms) : 1", threshold: "v > 1",
                                    reset: "v = 0", method: .exact, name: "G")
            let S = try Synapses(G, G, model: "w : 1", onPre: "v += 0.02*w", name: "S")
            try S.connect(condition: "i != j", p: 0.3)
            try S.w.set("rand()")
            try S.delay.set("(i % 4) * ms")
            let spikes = try SpikeMonitor(G)
            let kick = try NetworkOperation(dt: 2 * ms) { _ in
                try G.v.set(try G.v.values.values.map { $0 * 0.99 })
            }
            let network = try Network(G, S, spikes, kick, backend: backend)
            try network.run(12 * ms)
            network.store()
            var results: [[Double]] = []
            for _ in 0..<2 {
                try network.restore()
                let first = spikes.numEvents
                try network.run(10 * ms)
                results.append(Array(spikes.t.values[first...]) + (try G.v.values.values))
            }
            XCTAssertGreaterThan(spikes.numEvents, 20)
            return results
        }
        let interpreted = try runs(.interpreter), emulated = try runs(.cudaEmulated)
        XCTAssertEqual(emulated.map { $0.map(\.bitPattern) }, interpreted.map { $0.map(\.bitPattern) })
        XCTAssertEqual(emulated[0].map(\.bitPattern), emulated[1].map(\.bitPattern), "the restored run repeats")
    }

    /// The same group run in turn by a network on the native backend (whose C code writes the
    /// buffers through their headers, then notes the change) and by one on the emulated device:
    /// each sees the other's state, as when the interpreter runs both.
    func testChangesByTheNativeBackendReachTheDevice() throws {
        func alternate(_ device: BackendKind, _ other: BackendKind) throws -> [Double] {
            seed(2)
            defaultClock.dt = 0.1 * ms
            let G = try NeuronGroup(20, model: "dv/dt = (2 - v)/(10*ms) + 0.1*xi/sqrt(ms) : 1", threshold: "v > 1",
                                    reset: "v = 0", method: .euler, name: "G")
            let spikes = try SpikeMonitor(G)
            let onDevice = try Network(G, spikes, backend: device)
            let elsewhere = try Network(G, spikes, backend: other)
            var values: [Double] = []
            for network in [onDevice, elsewhere, onDevice, elsewhere, onDevice] {
                try network.run(3 * ms)
                values += try G.v.values.values
            }
            XCTAssertGreaterThan(spikes.numEvents, 5)
            return values + spikes.t.values + spikes.i.map(Double.init)
        }
        let interpreted = try alternate(.interpreter, .interpreter), native = try alternate(.cudaEmulated, .native)
        XCTAssertEqual(native.map(\.bitPattern), interpreted.map(\.bitPattern))
    }
}
