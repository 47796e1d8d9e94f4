import Foundation
import SwiftBrian
@testable import SwiftBrianCUDA
import XCTest

/// The emulated GPU keeps memory of its own, reached only by copies, which it counts; and the
/// backend copies the state whenever the host and the device must agree: a value set between
/// runs reaches the device, a network operation sees the device's state and its changes reach
/// the device, a value read after a run is the device's.
final class EmulatedDeviceTests: XCTestCase {
    func testMemoryIsSeparateAndReachedOnlyByCopies() throws {
        let device = EmulatedDevice(checksPTX: false)
        let address = try device.allocate(3 * 8, for: "a test array")
        var values: [Double] = [1, 2, 3]
        try device.copy(&values, to: address, bytes: 24)
        values = [0, 0, 0]
        var back: [Double] = [9, 9, 9]
        try device.copy(address, to: &back, bytes: 24)
        XCTAssertEqual(back, [1, 2, 3], "the device kept its copy when the host's changed")
        XCTAssertEqual([device.traffic.copiesToDevice, device.traffic.copiesToHost], [1, 1])
        XCTAssertEqual([device.traffic.bytesToDevice, device.traffic.bytesToHost], [24, 24])
        try device.copy(&values, to: address, bytes: 0)
        XCTAssertEqual(device.traffic.copiesToDevice, 1, "copying nothing is no copy")
        device.release(address)
    }

    /// A network operation every millisecond changing the state, and a value set between runs.
    func run(_ backend: BackendKind) throws -> [Double] {
        seed(9)
        defaultClock.dt = 0.1 * ms
        let G = try NeuronGroup(30, model: "dv/dt = (3 - v)/(10*ms) + 0.2*xi/sqrt(ms) : 1", threshold: "v > 1",
                                reset: "v = 0", method: .euler, name: "G")
        let spikes = try SpikeMonitor(G)
        var seen: [Double] = []
        let kick = try NetworkOperation(dt: 1 * ms) { _ in
            let v = try G.v.values.values
            seen.append(v.reduce(0, +))
            try G.v.set(v.map { $0 * 0.9 })
        }
        let network = try Network(G, spikes, kick, backend: backend)
        try network.run(5 * ms)
        try G.v.set("0.9 + 0.001*i")
        try network.run(5 * ms)
        XCTAssertGreaterThan(spikes.numEvents, 10)
        return seen + (try G.v.values.values) + spikes.i.map(Double.init) + spikes.t.values
    }

    func testHostChangesBetweenRunsAndInNetworkOperationsReachTheDevice() throws {
        let interpreted = try run(.interpreter), emulated = try run(.cudaEmulated)
        XCTAssertEqual(emulated.map(\.bitPattern), interpreted.map(\.bitPattern))
    }
}
