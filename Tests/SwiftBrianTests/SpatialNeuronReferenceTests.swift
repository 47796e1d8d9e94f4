import Foundation
import SwiftBrian
import XCTest

/// `SpatialNeuron` (issue 11) against Brian 2.9's reference cases in Tests/Fixtures/compartments,
/// each on both backends (bit-identical).
final class SpatialNeuronReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// spatial_ball_and_stick: soma + 50-compartment dendrite, passive, a point current of 0.1 nA
    /// at the dendrite's end from 1 to 6 ms.
    func testBallAndStick() throws {
        let reference = try ReferenceCase("spatial_ball_and_stick", folder: "compartments")
        try reference.check { backend in
            defaultClock.dt = 10 * us
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) : amp/meter**2
                I : amp (point current)
                """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV], name: "neuron")
            try neuron.v.set(-70 * mV)
            let middle = try XCTUnwrap(morpho.dend).index(at: 250 * um)
            let end = try XCTUnwrap(morpho.dend).index(of: -1)
            XCTAssertEqual([middle, end], [26, 50])
            let M = try StateMonitor(neuron, "v", record: [0, middle, end], dt: 50 * us)
            let net = try Network(neuron, M, backend: backend)
            try net.run(1 * ms)
            try neuron.I.set(0.1 * nA, where: "i == \(end)")
            try net.run(5 * ms)
            try neuron.I.set(0 * amp)
            try net.run(14 * ms)
            var result = CaseResult()
            try result.trace("neuron.v", M, "v")
            result.final("neuron.v", try neuron.v.values)
            return result
        }
    }
}
