import SwiftBrian
import SwiftBrianModels
import XCTest

/// The multicompartment benchmark models against Brian 2.9, run as `swiftbrian bench` runs them
/// (1 ms, then the timed part). The expected mean membrane potentials come from
/// `scripts/brian2_spatial_bench.py MODEL N cython --duration 0.004` (Brian 2.9.0, printing
/// `v_mean_mV` in full).
final class SpatialBenchmarkTests: XCTestCase {
    /// The models set the default clock's step; later tests expect Brian's default.
    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// Rallpack 3 on an axon of 200 compartments: the action potential reaches the far end (the
    /// only compartment with a threshold) once in 5 ms.
    func testRallpack3AgreesWithBrian() throws {
        let model = try BenchmarkModel.rallpack3.build(n: 200)
        XCTAssertEqual(model.duration.value, 0.02, accuracy: 1e-15)
        XCTAssertEqual(model.neurons.map(\.size), [200])
        try model.network.run(1 * ms)
        try model.network.run(4 * ms)
        XCTAssertEqual(defaultClock.dt.value, 1e-6, accuracy: 1e-18)
        XCTAssertEqual(model.spikes?.numEvents, 1)
        XCTAssertEqual(try XCTUnwrap(model.spikes).i, [0], "index in the monitored subgroup: the far end")
        XCTAssertEqual(try meanV(model.neurons), -40.62361711181328, accuracy: 1e-6)
    }

    /// Three ball-and-stick cells, each its own SpatialNeuron with its own current.
    func testBallAndStickPopulationAgreesWithBrian() throws {
        let model = try BenchmarkModel.ballAndStick.build(n: 3)
        XCTAssertEqual(model.neurons.map(\.size), [51, 51, 51])
        try model.network.run(1 * ms)
        try model.network.run(4 * ms)
        XCTAssertEqual(try meanV(model.neurons), -63.712614281362534, accuracy: 1e-6)
        // The larger the current at the dendrite's end, the more depolarized the soma.
        let soma = try model.neurons.map { try $0.v[0].value }
        XCTAssertLessThan(soma[0], soma[1])
        XCTAssertLessThan(soma[1], soma[2])
    }

    /// The mean membrane potential of all compartments, in mV.
    private func meanV(_ neurons: [SpatialNeuron]) throws -> Double {
        let v = try neurons.flatMap { try $0.v.plainValues }
        return v.reduce(0, +) / Double(v.count) / 1e-3
    }
}
