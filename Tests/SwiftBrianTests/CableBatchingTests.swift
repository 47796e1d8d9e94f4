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

    /// Soma, a dendrite of `dendrite` compartments with two children of 5 (`branched`), or a soma
    /// with one dendrite of 12 (a different layout).
    private func morphology(branched: Bool, dendrite: Int = 20) throws -> Morphology {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 300 * um, n: branched ? dendrite : 12)
        if branched {
            morpho.dend?.L = try Cylinder(diameter: 1 * um, length: 100 * um, n: 5)
            morpho.dend?.R = try Cylinder(diameter: 1 * um, length: 80 * um, n: 5)
        }
        return morpho
    }

    /// Cell `k` of a population of 12: passive cells of the branched layout (its dendrite of
    /// `dendrite` compartments), each with its own leak and current, except cell 3, whose
    /// conductance changes every step (its sections are factorized anew while its neighbours keep
    /// theirs), and cell 6, of another layout.
    private func cell(_ k: Int, dendrite: Int = 20) throws -> SpatialNeuron {
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
        let neuron = try SpatialNeuron(morphology: try morphology(branched: k != 6, dendrite: dendrite), model: model,
                                       Cm: 1 * uF / cm2,
                                       Ri: 150 * ohm * cm, namespace: ["EL": -70 * mV, "Ew": 0 * mV,
                                                                       "gw": 2e-4 * siemens / cm2],
                                       name: "cell\(k)")
        try neuron.v.set(-70 * mV + Double(k) * mV)
        try neuron.gL.set(1e-4 * siemens / cm2 * (1 + 0.1 * Double(k)))
        try neuron.I.set(0.05 * nA * Double(k + 1), where: "i == \(neuron.size - 1 - k % 4)")
        return neuron
    }

    /// Runs the 12 cells of ``cell(_:dendrite:)`` together for 2 ms on every backend (interpreted,
    /// native on 1 to 4 threads and emulated CUDA alike) and checks that each gets, natively, what
    /// it gets alone.
    private func assertEachGetsWhatItGetsAlone(dendrite: Int) throws {
        let together = try onBothBackends("population") { backend in
            let cells = try (0..<12).map { try cell($0, dendrite: dendrite) }
            try Network(cells, backend: backend).run(2 * ms)
            var result = CaseResult()
            for neuron in cells {
                result.final("\(neuron.name).v", try neuron.v.values)
                result.final("\(neuron.name).Ic", try neuron.Ic.values)
            }
            return result
        }
        for k in 0..<12 {
            let alone = try cell(k, dendrite: dendrite)
            try Network(alone).run(2 * ms)
            XCTAssertEqual(together.numbers("\(alone.name).v").map(\.bitPattern),
                           try alone.v.plainValues.map(\.bitPattern), "cell \(k)")
            XCTAssertEqual(together.numbers("\(alone.name).Ic").map(\.bitPattern),
                           try alone.Ic.plainValues.map(\.bitPattern), "cell \(k)")
        }
    }

    func testCellsSolvedTogetherGetWhatEachGetsAlone() throws {
        try assertEachGetsWhatItGetsAlone(dendrite: 20)
    }

    /// Dendrites long enough to be eliminated from both ends (``CableSystem/twistedLength``), of an
    /// even and an odd number of compartments (the meeting row in the middle or just below it), kept
    /// (the passive cells) and factorized anew (cell 3).
    func testLongSectionsEliminatedFromBothEndsAlikeEverywhere() throws {
        try assertEachGetsWhatItGetsAlone(dendrite: CableSystem.twistedLength)
        try assertEachGetsWhatItGetsAlone(dendrite: CableSystem.twistedLength + 1)
    }

    /// A long section eliminated from both ends gives, within rounding, what the one-way elimination
    /// gives: the potentials of a cell whose dendrite is just long enough against those of the same
    /// cable cut in two sections just too short (the same system; with a soma the system is
    /// ill-conditioned, and any two ways of solving it agree only to ~1e-10 V, as ours and Brian's
    /// do, Tests/Fixtures/compartments/README.md).
    func testEliminationFromBothEndsAgreesWithOneWay() throws {
        let n = CableSystem.twistedLength
        func potentials(split: Bool) throws -> [Double] {
            let morpho = try Soma(diameter: 30 * um)
            if split {
                morpho.dend = try Cylinder(diameter: 2 * um, length: 150 * um, n: n / 2)
                morpho.dend?.distal = try Cylinder(diameter: 2 * um, length: 150 * um, n: n / 2)
            } else {
                morpho.dend = try Cylinder(diameter: 2 * um, length: 300 * um, n: n)
            }
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) + gw*w*(Ew - v) : amp/meter**2
                dw/dt = (1 - w)/(2*ms) : 1
                I : amp (point current)
                """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                namespace: ["EL": -70 * mV, "Ew": 0 * mV, "gL": 1e-4 * siemens / cm2, "gw": 2e-4 * siemens / cm2])
            try neuron.v.set(-70 * mV)
            try neuron.I.set(0.2 * nA, where: "i == \(n)")
            try Network(neuron).run(2 * ms)
            return try neuron.v.plainValues
        }
        let twisted = try potentials(split: false), oneWay = try potentials(split: true)
        XCTAssertEqual(twisted.count, oneWay.count)
        for (a, b) in zip(twisted, oneWay) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        XCTAssertGreaterThan(twisted[n] - twisted[0], 1e-4, "the current at the far end depolarises it most")
    }

    /// The merged schedule: at most ``CableBatching/width`` neighbours of one layout and clock per
    /// operation; a cell of another layout, or one whose coefficients read an earlier cell's `v`,
    /// starts a new one.
    func testOnlyNeighboursOfOneLayoutAreMerged() throws {
        let cells = try (0..<12).map { try cell($0) }
        let reader = try SpatialNeuron(morphology: try morphology(branched: true), model: """
            Im = gL*(EL - v) + gL*(other - v) : amp/meter**2
            other : volt (linked)
            """, namespace: ["EL": -70 * mV, "gL": 1e-4 * siemens / cm2], name: "cell7a")
        try reader.other.link(to: cells[7].v)
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
