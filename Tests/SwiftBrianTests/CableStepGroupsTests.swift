import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
import XCTest

/// The cable steps of a population of SpatialNeurons as independent groups (``CableStepGroups``),
/// whose members the native backend runs on several threads: each cell gets the values it gets
/// alone, on every backend and number of threads, and a failing cell is reported as on one thread.
final class CableStepGroupsTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 25 * us
    }

    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// A soma with a dendrite of `n` compartments and, when `branched`, two children of 4.
    private func morphology(_ n: Int, branched: Bool) throws -> Morphology {
        let morpho = try Soma(diameter: 25 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 250 * um, n: n)
        if branched {
            morpho.dend?.L = try Cylinder(diameter: 1 * um, length: 90 * um, n: 4)
            morpho.dend?.R = try Cylinder(diameter: 1 * um, length: 70 * um, n: 4)
        }
        return morpho
    }

    /// Cell `k` of a population of different cells: three layouts (every fifth cell branched,
    /// every seventh with a longer dendrite), every eleventh with a conductance that changes each
    /// step, each with its own leak, start potential and current (`current` amp at the end of the
    /// dendrite instead of cell `k`'s own, when given).
    private func cell(_ k: Int, current: Quantity? = nil) throws -> SpatialNeuron {
        let model = k % 11 == 4 ? """
            Im = gL*(EL - v) + gw*w*(Ew - v) : amp/meter**2
            dw/dt = (1 - w)/(3*ms) : 1
            gL : siemens/meter**2
            I : amp (point current)
            """ : """
            Im = gL*(EL - v) : amp/meter**2
            gL : siemens/meter**2
            I : amp (point current)
            """
        let neuron = try SpatialNeuron(morphology: try morphology(k % 7 == 3 ? 15 : 10, branched: k % 5 == 1),
                                       model: model, Cm: 1 * uF / cm2, Ri: 120 * ohm * cm,
                                       namespace: ["EL": -70 * mV, "Ew": 0 * mV, "gw": 3e-4 * siemens / cm2],
                                       name: String(format: "cell%03d", k))
        try neuron.v.set(-70 * mV + Double(k % 13) * mV)
        try neuron.gL.set(1e-4 * siemens / cm2 * (1 + 0.05 * Double(k)))
        try neuron.I.set(current ?? 0.02 * nA * Double(k + 1), where: "i == \(neuron.size - 1 - k % 3)")
        return neuron
    }

    /// The potentials and capacitive currents of a population of 45 cells after 1 ms.
    private func population(_ backend: BackendKind) throws -> CaseResult {
        let cells = try (0..<45).map { try cell($0) }
        try Network(cells, backend: backend).run(1 * ms)
        var result = CaseResult()
        for neuron in cells {
            result.final("\(neuron.name).v", try neuron.v.values)
            result.final("\(neuron.name).Ic", try neuron.Ic.values)
        }
        return result
    }

    func testCellsOnSeveralThreadsGetWhatEachGetsAlone() throws {
        // Interpreted, native (1 to 4 threads, the members dealt out to them) and emulated CUDA alike.
        let together = try onBothBackends("population") { try population($0) }
        for k in [0, 1, 3, 4, 22, 44] {
            let alone = try cell(k)
            try Network(alone).run(1 * ms)
            XCTAssertEqual(together.numbers("\(alone.name).v").map(\.bitPattern),
                           try alone.v.plainValues.map(\.bitPattern), "cell \(k)")
            XCTAssertEqual(together.numbers("\(alone.name).Ic").map(\.bitPattern),
                           try alone.Ic.plainValues.map(\.bitPattern), "cell \(k)")
        }
    }

    /// The groups of a schedule: consecutive cable steps of one slot and clock, split where a
    /// member reads what an earlier one writes (a linked `v`) and around other operations.
    func testGroupsAreSplitWhereAMemberReadsAnotherOnesPotential() throws {
        let cells = try (0..<20).map { try cell($0) }
        let reader = try SpatialNeuron(morphology: try morphology(10, branched: false), model: """
            Im = gL*(EL - v) + gL*(other - v) : amp/meter**2
            other : volt (linked)
            """, namespace: ["EL": -70 * mV, "gL": 1e-4 * siemens / cm2], name: "cell012a")
        try reader.other.link(to: cells[2].v)
        let steps = try (cells + [reader]).sorted { $0.name < $1.name }.flatMap { try $0.scheduledOperations() }
            .filter { $0.cableStep != nil }
        var kernels: [Kernel] = []
        let ranges = CableBatching.merged(steps).map { operation -> (operation: ScheduledOperation, kernels: Range<Int>) in
            guard case .kernels(let list) = operation.action else { return (operation, kernels.count..<kernels.count) }
            kernels += list
            return (operation, kernels.count - list.count..<kernels.count)
        }
        let groups = CableStepGroups.groups(ranges, kernels: kernels)
        // The batch with cell012a, which reads cell002's `v`, starts a new group.
        func member(of name: String) -> Range<Int>? {
            ranges.first { kernels[$0.kernels].contains { $0.name.hasPrefix(name + "_") } }?.kernels
        }
        let readerMember = try XCTUnwrap(member(of: "cell012a")), writerMember = try XCTUnwrap(member(of: "cell002"))
        XCTAssertEqual(groups.count, 2, "\(groups)")
        XCTAssertEqual(groups.last?.members.first, readerMember)
        XCTAssertEqual(groups.first?.members.contains(writerMember), true)
        XCTAssertEqual(groups.flatMap(\.members), ranges.map(\.kernels))
        for group in groups { XCTAssertEqual(group.kernels, group.members[0].lowerBound..<group.members.last!.upperBound) }
    }

    /// A cell whose current becomes infinite stops the run with the same error at the same time on
    /// every backend and number of threads: the first failing cell in schedule order is named,
    /// though a later one, run by another thread, fails too. The cells up to the failing one keep
    /// the same state; those after it in the step may have taken it on another thread.
    func testTheFirstFailingCellIsReportedOnEveryThreadCount() throws {
        func failing(_ backend: BackendKind) throws -> (message: String, t: Double, v: [UInt64]) {
            let cells = try (0..<30).map { k in try cell(k, current: k == 17 || k == 26 ? 1e300 * amp : nil) }
            let net = try Network(cells, backend: backend)
            var message = ""
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
                message = (error as? ModelError)?.message ?? "\(error)"
            }
            return (message, net.t.value, try cells[...17].flatMap { try $0.v.plainValues.map(\.bitPattern) })
        }
        let interpreted = try failing(.interpreter)
        XCTAssertTrue(interpreted.message.contains("'cell017'"), interpreted.message)
        for threads in 1...4 {
            let native = try onThreads(threads) { try failing(.native) }
            XCTAssertEqual(native.message, interpreted.message, "\(threads) threads")
            XCTAssertEqual(native.t, interpreted.t, "\(threads) threads")
            XCTAssertEqual(native.v, interpreted.v, "\(threads) threads")
        }
    }
}
