import Foundation
import SwiftBrian
import SwiftBrianModels
import XCTest

/// `SpatialNeuron` (issue 11) against Brian 2.9's reference cases in Tests/Fixtures/compartments,
/// each on both backends (bit-identical).
final class SpatialNeuronReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// Runs `network` for `delay`, then with 0.1 nA injected into compartment `compartment` of
    /// `neuron` (its point current `I`) for `duration`, then without for `rest`.
    private func pulse(_ network: Network, _ neuron: SpatialNeuron, at compartment: Int, after delay: Quantity,
                       for duration: Quantity, then rest: Quantity) throws {
        try network.run(delay)
        try neuron.I.set(0.1 * nA, where: "i == \(compartment)")
        try network.run(duration)
        try neuron.I.set(0 * amp)
        try network.run(rest)
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
            try pulse(Network(neuron, M, backend: backend), neuron, at: end, after: 1 * ms, for: 5 * ms, then: 14 * ms)
            var result = CaseResult()
            try result.trace("neuron.v", M, "v")
            result.final("neuron.v", try neuron.v.values)
            return result
        }
    }

    /// spatial_hh_axon: a 3 cm squid axon of 300 compartments, exponential Euler gating, a spike
    /// threshold in every compartment; the action potential travels at 12.249 m/s.
    func testHodgkinHuxleyAxon() throws {
        let reference = try ReferenceCase("spatial_hh_axon", folder: "compartments")
        var distance: [Double] = []
        let result = try reference.check { backend in
            defaultClock.dt = 10 * us
            let morpho = try Cylinder(diameter: 2 * 238 * um, length: 3 * cm, n: 300, type: "axon")
            // The model of spatial_hh_axon.py, as the gallery example builds it.
            let axon = try AxonPropagation.squidAxon(morpho, Ri: 35.4 * ohm * cm)
            let record = try [5 * mm, 15 * mm, 25 * mm].map { try morpho.index(at: $0) }
            XCTAssertEqual(record, [50, 150, 250])
            let S = try SpikeMonitor(axon)
            let M = try StateMonitor(axon, "v", record: record, dt: 20 * us)
            let net = try Network(axon, S, M, backend: backend)
            try net.run(0.5 * ms)
            try axon.I.set(10 * uA, where: "i == 0")
            try net.run(0.5 * ms)
            try axon.I.set(0 * amp)
            try net.run(4 * ms)
            distance = try axon.distance.plainValues
            var result = CaseResult()
            result.spikes("axon", S)
            try result.trace("axon.v", M, "v")
            for variable in ["v", "m", "n", "h"] {
                result.final("axon.\(variable)", try axon.variable(variable).values)
            }
            return result
        }
        // The conduction velocity: the slope of a least-squares line through (t, distance) of the
        // spikes between 0.5 and 2.5 cm.
        guard case .spikes(let i, let t)? = result["axon"] else { return XCTFail("no spikes") }
        let points = zip(i, t).map { (t: $0.1, x: distance[$0.0]) }.filter { $0.x > 0.005 && $0.x < 0.025 }
        let count = Double(points.count)
        let meanT = points.map(\.t).reduce(0, +) / count, meanX = points.map(\.x).reduce(0, +) / count
        let slope = points.map { ($0.t - meanT) * ($0.x - meanX) }.reduce(0, +)
            / points.map { ($0.t - meanT) * ($0.t - meanT) }.reduce(0, +)
        let velocity = try reference.statistic("conduction_velocity")
        XCTAssertEqual(slope, velocity.expected, accuracy: velocity.tolerance, "conduction velocity (m/s)")
    }

    /// spatial_swc_cell: Brian's SWC cell (353 compartments, 29 sections), passive, 0.1 nA at the
    /// soma from 1 to 11 ms; geometry variables of the neuron.
    func testCellFromSWCFile() throws {
        let reference = try ReferenceCase("spatial_swc_cell", folder: "compartments")
        var totals: [String: Double] = [:]
        try reference.check { backend in
            defaultClock.dt = 25 * us
            let morpho = try Morphology.fromSWC(CompartmentFixture.swcPath)
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) : amp/meter**2
                I : amp (point current)
                """, Cm: 1 * uF / cm2, Ri: 100 * ohm * cm,
                namespace: ["gL": 1e-4 * siemens / cm2, "EL": -65 * mV], name: "neuron")
            try neuron.v.set(-65 * mV)
            let record = [0, try XCTUnwrap(morpho.dend).index(of: 0), try XCTUnwrap(morpho["RLRR"]).index(of: 20),
                          try XCTUnwrap(morpho.dend2?.dend2?.dend?.dend2?.dend?.dend).index(of: -1)]
            XCTAssertEqual(record, [0, 1, 167, 262])
            let M = try StateMonitor(neuron, "v", record: record, dt: 100 * us)
            try pulse(Network(neuron, M, backend: backend), neuron, at: 0, after: 1 * ms, for: 10 * ms, then: 19 * ms)
            var result = CaseResult()
            try result.trace("neuron.v", M, "v")
            for variable in ["v", "area", "length", "distance", "diameter", "r_length_1", "r_length_2", "x", "y", "z"] {
                result.final("neuron.\(variable)", try neuron.variable(variable).values)
            }
            let area = try neuron.area.plainValues, length = try neuron.length.plainValues
            totals = ["total_compartments": Double(neuron.size), "total_sections": Double(neuron.flatMorphology.sections.count),
                      "total_area": area.reduce(0, +), "total_length": length.reduce(0, +),
                      "total_dendritic_length": length.dropFirst().reduce(0, +),
                      "max_distance": try neuron.distance.plainValues.max() ?? 0,
                      "soma_diameter": try neuron.diameter.plainValues[0]]
            return result
        }
        for (key, value) in totals {
            let statistic = try reference.statistic(key)
            XCTAssertEqual(value, statistic.expected, accuracy: max(statistic.tolerance, 1e-12 * abs(statistic.expected)), key)
        }
    }

    /// spatial_morphology_geometry: the geometry variables and the subexpression space_constant
    /// of seven code-built morphologies, read from SpatialNeurons.
    func testGeometryVariablesAndSpaceConstant() throws {
        let reference = try ReferenceCase("spatial_morphology_geometry", folder: "compartments")
        let finalState = try XCTUnwrap(reference.json["final_state"] as? [String: Any])
        for (name, morphology) in try MorphologyTests.geometryCases() {
            let neuron = try SpatialNeuron(morphology: morphology, model: "Im = gL*(EL - v) : amp/meter**2",
                                           Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                                           namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV])
            let keys = finalState.keys.filter { $0.hasPrefix("\(name).") }
            XCTAssertGreaterThanOrEqual(keys.count, 8, name)
            for key in keys {
                let variable = String(key.dropFirst(name.count + 1))
                try reference.compareFinal(key, try neuron.variable(variable).values)
            }
        }
    }

    /// spatial_synapses: an HH soma with a passive dendrite whose leak grows with distance,
    /// synapses onto the compartments at 100 µm and 395 µm, spikes detected at the soma only
    /// (`thresholdLocation`), with a reset and a refractory period.
    func testSynapsesOntoCompartmentsAndThresholdLocation() throws {
        let reference = try ReferenceCase("spatial_synapses", folder: "compartments")
        try reference.check { backend in
            defaultClock.dt = 25 * us
            let morpho = try Soma(diameter: 20 * um)
            morpho.dend = try Cylinder(diameter: 1.5 * um, length: 400 * um, n: 40)
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) + gNa*m**3*h*(ENa - v) + gK*n**4*(EK - v) + gs*(Es - v) : amp/meter**2
                dgs/dt = -gs/taus : siemens/meter**2
                gNa : siemens/meter**2
                gK : siemens/meter**2
                gL : siemens/meter**2
                dm/dt = alpham*(1 - m) - betam*m : 1
                dn/dt = alphan*(1 - n) - betan*n : 1
                dh/dt = alphah*(1 - h) - betah*h : 1
                alpham = (0.1/mV)*(-v + 25*mV + VT)/(exp((-v + 25*mV + VT)/(10*mV)) - 1)/ms : Hz
                betam = 4*exp(-(v - VT)/(18*mV))/ms : Hz
                alphah = 0.07*exp(-(v - VT)/(20*mV))/ms : Hz
                betah = 1/(exp((-v + 30*mV + VT)/(10*mV)) + 1)/ms : Hz
                alphan = (0.01/mV)*(-v + 10*mV + VT)/(exp((-v + 10*mV + VT)/(10*mV)) - 1)/ms : Hz
                betan = 0.125*exp(-(v - VT)/(80*mV))/ms : Hz
                marker : 1
                """, threshold: "v > -20*mV", thresholdLocation: 0, refractory: 3 * ms, reset: "marker += 1",
                Cm: 1 * uF / cm2, Ri: 100 * ohm * cm, method: .exponentialEuler,
                namespace: ["EL": -65 * mV, "ENa": 50 * mV, "EK": -77 * mV, "Es": 0 * mV, "VT": -65 * mV,
                            "taus": 2 * ms], name: "neuron")
            try neuron.v.set(-65 * mV)
            try neuron.gL.set("(1 + distance/(200*um))*1e-4*siemens/cm**2")
            try neuron.main.gNa.set(120 * msiemens / cm2)
            try neuron.main.gK.set(36 * msiemens / cm2)
            for gate in ["m", "n", "h"] { try neuron.variable(gate).set("alpha\(gate)/(alpha\(gate) + beta\(gate))") }
            let near = try neuron["dend"].index(at: 100 * um), far = try neuron["dend"].index(at: 395 * um)
            XCTAssertEqual([near, far], [11, 40])
            let inputs = try SpikeGeneratorGroup(2, indices: [0, 1, 0, 1, 0, 0, 0, 1, 1, 1],
                                                 times: [5, 5, 20, 20, 30, 30.5, 31, 40, 40.5, 41] * ms, name: "inputs")
            let S = try Synapses(inputs, neuron, model: "w : siemens/meter**2", onPre: "gs += w", name: "synapses")
            try S.connect(i: [0], j: [near])
            try S.connect(i: [1], j: [far])
            try S.w.set([30, 60] * msiemens / cm2)
            let spikes = try SpikeMonitor(neuron, name: "spikes")
            let M = try StateMonitor(neuron, variables: ["v", "gs"], record: [0, near, far], dt: 100 * us, name: "M")
            let net = try Network(neuron, inputs, S, spikes, M, backend: backend)
            try net.run(60 * ms)
            XCTAssertEqual(try reference.connectivity("synapses"), zip(try S.i, try S.j).map { [$0, $1] })
            var result = CaseResult()
            result.spikes("neuron", spikes)
            try result.trace("neuron.v", M, "v")
            try result.trace("neuron.gs", M, "gs")
            for variable in ["v", "m", "n", "h", "gL", "marker"] {
                result.final("neuron.\(variable)", try neuron.variable(variable).values)
            }
            return result
        }
    }
}
