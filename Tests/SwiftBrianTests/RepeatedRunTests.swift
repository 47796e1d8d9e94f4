import SwiftBrian
import XCTest

/// A network run again rebuilds its kernels, and the native backend reuses the C it emitted for
/// those that did not change: a kernel that did (its time step) gets new C, so every run agrees
/// with the interpreter.
final class RepeatedRunTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// `v` after three runs of a group, the last with another time step.
    private func runs(_ backend: BackendKind) throws -> [Double] {
        defaultClock.dt = 0.1 * ms
        let G = try NeuronGroup(50, model: "dv/dt = (-60*mV - v + i*mV)/(5*ms) : volt", method: .euler, name: "G")
        let net = try Network(G, backend: backend)
        var values: [Double] = []
        for step in [0.1, 0.1, 0.3] {
            defaultClock.dt = step * ms
            try net.run(1.2 * ms)
            values += try G.v.values.values
        }
        return values
    }

    func testEachRunUsesItsOwnTimeStep() throws {
        let native = try runs(.native), interpreted = try runs(.interpreter)
        XCTAssertEqual(native.map(\.bitPattern), interpreted.map(\.bitPattern))
        XCTAssertNotEqual(native[149], native[99])
    }
}
