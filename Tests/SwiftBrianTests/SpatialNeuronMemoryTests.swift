import SwiftBrian
import XCTest

/// ``SpatialNeuron/bytesPerCompartment``: what the neuron and its cable solver hold, per
/// compartment, each buffer counted once.
final class SpatialNeuronMemoryTests: XCTestCase {
    private static let passive = """
        Im = gL*(EL - v) : amp/meter**2
        I : amp (point current)
        """
    private static let namespace: Namespace = ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV]

    /// A passive cable of 1000 compartments holds 24 doubles per compartment: 11 variables (v, Ic,
    /// Cm, I and 7 of geometry) and 13 arrays of the cable solver (gtot, I0, 5 coefficients, the
    /// kept factorization's pivots and gtot, 4 of work space); v, Cm, Ic and the geometry, which the
    /// solver shares with the neuron, count once. Per-section and shared values add less than a byte.
    func testPassiveCableHoldsTwentyFourDoublesPerCompartment() throws {
        let cable = try Cylinder(diameter: 1 * um, length: 1 * mm, n: 1000)
        let neuron = try SpatialNeuron(morphology: cable, model: Self.passive, namespace: Self.namespace)
        XCTAssertEqual(neuron.bytesPerCompartment, 24 * 8)
    }

    /// Each further variable of the model adds one double per compartment; a threshold with a
    /// refractory condition adds `lastspike` and `not_refractory`.
    func testVariablesAddTheirValues() throws {
        let cable = try Cylinder(diameter: 1 * um, length: 1 * mm, n: 1000)
        let gated = try SpatialNeuron(morphology: cable, model: Self.passive + """

            dm/dt = (0.5 - m)/ms : 1
            """, namespace: Self.namespace)
        XCTAssertEqual(gated.bytesPerCompartment, 25 * 8)
        let spiking = try SpatialNeuron(morphology: cable, model: Self.passive, threshold: "v > 0*mV",
                                        refractory: "v > 0*mV", namespace: Self.namespace)
        XCTAssertEqual(spiking.bytesPerCompartment, 26 * 8)
    }
}
