import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
import XCTest

/// The cable steps of neighbouring SpatialNeurons solved together (``CableBatching``): each cell's
/// values are those it gets alone, on every backend, and only cells of one layout whose
/// coefficients read no other one's potential are merged.
final class CableBatchingTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 25 * us
    }

    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// Soma, a dendrite of 20 compartments with two children of 5 (`branched`), or a soma with one
    /// dendrite of 12 (a different layout).
    func morphology(branched: Bool) throws -> Morphology {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 300 * um, n: branched ? 20 : 12)
        if branched {
            morpho.dend?.L = try Cylinder(diameter: 1 * um, length: 100 * um, n: 5)
            morpho.dend?.R = try Cylinder(diameter: 1 * um, length: 80 * um, n: 5)
        }
        return morpho
    }

    /// Cell `k` of a population of 12: passive cells of the branched layout, each with its own
    /// leak and current (or `current`), except cell 3, whose conductance changes every step (its
    /// sections are factorized anew while its neighbours keep theirs), and cell 6, of another layout.
    func cell(_ k: Int, current: Quantity? = nil) throws -> SpatialNeuron {
        let active = k == 3
        let model = active ? """
            Im = gL*(EL - v) + gw*w*(Ew - v) : amp/meter**2
            dw/dt = (1 - w)/(2*ms) : 1
            gL : siemens/meter**2
            I : amp (point current)
            """ : """
            Im = gL*(EL - v) : amp/meter**2
            gL : siemens/meter**2
            I : amp (point current)
            """
        let neuron = try SpatialNeuron(morphology: try morphology(branched: k != 6), model: model, Cm: 1 * uF / cm2,
                                       Ri: 150 * ohm * cm, namespace: ["EL": -70 * mV, "Ew": 0 * mV,
                                                                       "gw": 2e-4 * siemens / cm2],
                                       name: "cell\(k)")
        try neuron.v.set(-70 * mV + Double(k) * mV)
        try neuron.gL.set(1e-4 * siemens / cm2 * (1 + 0.1 * Double(k)))
        try neuron.I.set(current ?? 0.05 * nA * Double(k + 1), where: "i == \(neuron.size - 1 - k % 4)")
        return neuron
    }

    /// A cell of the branched layout, named `cell7a` (it sorts after cell7), whose coefficients read
    /// `other`'s `v` (through a linked variable).
    func reader(of other: SpatialNeuron) throws -> SpatialNeuron {
        let reader = try SpatialNeuron(morphology: try morphology(branched: true), model: """
            Im = gL*(EL - v) + gL*(other - v) : amp/meter**2
            other : volt (linked)
            """, namespace: ["EL": -70 * mV, "gL": 1e-4 * siemens / cm2], name: "cell7a")
        try reader.other.link(to: other.v)
        return reader
    }

    /// The potentials of every cell after 2 ms, with every cell in one network.
    private func population(_ backend: BackendKind) throws -> CaseResult {
        let cells = try (0..<12).map { try cell($0) }
        try Network(cells, backend: backend).run(2 * ms)
        return try finals(of: cells)
    }

    /// The potentials and capacitive currents of `cells` at the end of their run.
    private func finals(of cells: [SpatialNeuron]) throws -> CaseResult {
        var result = CaseResult()
        for neuron in cells {
            result.final("\(neuron.name).v", try neuron.v.values)
            result.final("\(neuron.name).Ic", try neuron.Ic.values)
        }
        return result
    }

    func testCellsSolvedTogetherGetWhatEachGetsAlone() throws {
        // Interpreted, native (1 to 4 threads) and emulated CUDA alike; natively, as each alone.
        let together = try onBothBackends("population") { try population($0) }
        for k in 0..<12 {
            let alone = try cell(k)
            try Network(alone).run(2 * ms)
            XCTAssertEqual(together.numbers("\(alone.name).v").map(\.bitPattern),
                           try alone.v.plainValues.map(\.bitPattern), "cell \(k)")
            XCTAssertEqual(together.numbers("\(alone.name).Ic").map(\.bitPattern),
                           try alone.Ic.plainValues.map(\.bitPattern), "cell \(k)")
        }
    }

    /// Sixteen passive cells of the branched layout alike but for their potential and current: each
    /// group of eight shares its coefficients and factorization and keeps it, so that the native
    /// backend solves the group's cells side by side (`sb_cable_alike_lanes` in ``CCableStep``).
    private func alike(_ k: Int) throws -> SpatialNeuron {
        let neuron = try SpatialNeuron(morphology: try morphology(branched: true), model: """
            Im = gL*(EL - v) : amp/meter**2
            I : amp (point current)
            """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm, namespace: ["EL": -70 * mV, "gL": 1e-4 * siemens / cm2],
            name: "alike\(k)")
        try neuron.v.set(-70 * mV + Double(k) * mV)
        try neuron.I.set(0.05 * nA * Double(k + 1), where: "i == \(neuron.size - 1 - k % 4)")
        return neuron
    }

    func testAlikeCellsSolvedSideBySideGetWhatEachGetsAlone() throws {
        let together = try onBothBackends("alike cells") { backend in
            let cells = try (0..<16).map(alike)
            try Network(cells, backend: backend).run(2 * ms)
            return try finals(of: cells)
        }
        for k in [0, 5, 15] {
            let alone = try alike(k)
            try Network(alone).run(2 * ms)
            XCTAssertEqual(together.numbers("\(alone.name).v").map(\.bitPattern),
                           try alone.v.plainValues.map(\.bitPattern), "cell \(k)")
            XCTAssertEqual(together.numbers("\(alone.name).Ic").map(\.bitPattern),
                           try alone.Ic.plainValues.map(\.bitPattern), "cell \(k)")
        }
    }

    /// The merged schedule: at most ``CableBatching/width`` neighbours of one layout and clock per
    /// operation; a cell of another layout, or one whose coefficients read an earlier cell's `v`,
    /// starts a new one.
    func testOnlyNeighboursOfOneLayoutAreMerged() throws {
        let cells = try (0..<12).map { try cell($0) }
        let reader = try self.reader(of: cells[7])
        let steps = try (cells + [reader]).sorted { $0.name < $1.name }.flatMap { try $0.scheduledOperations() }
            .filter { $0.cableStep != nil }
        let merged = CableBatching.merged(steps)
        // cell0, cell1, cell10, cell11, cell2, cell3, cell4, cell5 | cell6 | cell7 | cell7a, cell8, cell9
        let sizes = merged.map { operation -> Int in
            guard case .kernels(let kernels) = operation.action else { return 0 }
            let solves = kernels.flatMap(\.scalar).compactMap { operation -> Int? in
                if case .solveCables(let systems) = operation { systems.count } else { nil }
            }
            XCTAssertEqual(solves.count, 1, operation.name)
            return solves.first ?? 0
        }
        XCTAssertEqual(sizes, [8, 1, 1, 3])
        XCTAssertEqual(merged.map(\.name), ["cell0", "cell6", "cell7", "cell7a"].map { "\($0)_spatialstateupdater" })
    }
}
