import Foundation
import SwiftBrian
import SwiftBrianTools
import XCTest

/// The README's multicompartment example, as written there, so that it keeps working.
final class ReadmeSpatialNeuronTests: XCTestCase {
    func testReadmeSpatialNeuronExampleRuns() throws {
        defaultClock.dt = 0.1 * ms
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("readme-spatial-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
        let neuron = try SpatialNeuron(morphology: morpho, model: """
            Im = gL*(EL - v) : amp/meter**2
            I : amp (point current)
            """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm, namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV])
        try neuron.v.set(-70 * mV)
        try neuron["dend"][250 * um].I.set(0.1 * nA)           // Brian's neuron.dend[250*um].I = 0.1*nA
        let M = try StateMonitor(neuron, "v", record: [0, try neuron["dend"].index(at: 250 * um)])
        try Network(neuron, M).run(20 * ms)
        let plot = try Plot.morphology(morpho, values: try neuron.v.values, label: "v")
        try plot.writeSVG(to: folder.appendingPathComponent("cell.svg"))
        if PNGConverter.isAvailable { try plot.writePNG(to: folder.appendingPathComponent("cell.png")) }

        // The injection site is depolarised most; the soma less, but above rest.
        let v = try neuron.v.plainValues
        XCTAssertEqual(v.indices.max { v[$0] < v[$1] }, 26)
        XCTAssertGreaterThan(v[0], -0.07)
        XCTAssertEqual(M.record, [0, 26])
    }
}
