import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// The native backend binds the coefficients, node work space and kept factorization of identical
/// cells to one copy (``CableSharing``): only cells whose values are equal share, a value changed
/// between runs ends the sharing, and the results are those of separate copies, bit for bit.
final class CableSharingTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 25 * us
    }

    override func tearDown() {
        defaultClock.dt = 0.1 * ms
    }

    /// A cable of a soma and a dendrite of 6 compartments, its coefficients computed for `cm`.
    private func system(_ name: String, cm: Double) throws -> CableSystem {
        func buffer(_ variable: String, _ value: Double) throws -> DoubleBuffer {
            try DoubleBuffer(name: "\(name).\(variable)", count: 7, value: value)
        }
        let system = try CableSystem(name: name, sections: [.init(range: 0..<1, parent: nil), .init(range: 1..<7, parent: 0)],
                                     area: try buffer("area", 1e-9), rLength1: try buffer("r_length_1", 1e-4),
                                     rLength2: try buffer("r_length_2", 1e-4), v: try buffer("v", -0.07),
                                     capacitance: try buffer("Cm", cm), capacitiveCurrent: try buffer("Ic", 0))
        system.prepare(dt: 25e-6, axialResistivity: 1.5)
        return system
    }

    /// The sharing of one solve of `systems`, each `gtot` stored from `conductance` (by default
    /// a constant) by a kernel before it, after a kernel storing into each of `written`.
    private func sharing(_ systems: [CableSystem], written: [DoubleBuffer] = [], networkOperations: Bool = false,
                         conductance: (CableSystem) -> KernelExpression = { _ in .constant(1e-4) }) throws -> CableSharing {
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let writers = written.map {
            Kernel(name: "\($0.name)_writer", iteration: .range(0, 7), vector: [.store(ArrayReference($0), .constant(1e-4))],
                   random: RandomKey(stream: 1, step: step))
        }
        let coefficients = writers + systems.map {
            Kernel(name: "\($0.name)_coefficients", iteration: .range(0, 7),
                   vector: [.store(ArrayReference($0.conductance), conductance($0))], random: RandomKey(stream: 1, step: step))
        }
        let kernels = coefficients + [Kernel(name: "cables", scalar: [.solveCables(systems)], iteration: .range(0, 0),
                                             vector: [], random: RandomKey(stream: 1, step: step))]
        return CableSharing(kernels, lanes: kernels.map { _ in CableSharing.Lane(clock: 0, part: 0) },
                            networkOperations: networkOperations)
    }

    /// The buffer bound for `buffer`.
    private func bound(_ buffer: DoubleBuffer, in sharing: CableSharing) -> DoubleBuffer? {
        sharing.binding(BufferReference(header: buffer.header, owner: buffer)).owner as? DoubleBuffer
    }

    /// The steps of `systems`, one after the other, each its coefficients (storing `gtot` and
    /// `I0` at every element) and a kernel solving it and storing its solution into `v`; `extra`
    /// kernels come after the one at its position; `lane(k)` is kernel k's lane.
    private func steps(_ systems: [CableSystem], extra: [Int: Kernel] = [:],
                       coefficients: (CableSystem) -> Kernel? = { _ in nil },
                       lane: (Int) -> CableSharing.Lane? = { _ in .init(clock: 0, part: 0) }) throws -> CableSharing {
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let key = RandomKey(stream: 1, step: step)
        var kernels: [Kernel] = []
        for (k, system) in systems.enumerated() {
            kernels.append(coefficients(system) ?? Kernel(
                name: "\(system.name)_coefficients", iteration: .range(0, 7),
                vector: [.store(ArrayReference(system.conductance), .constant(1e-4)),
                         .store(ArrayReference(system.current), .load(ArrayReference(system.v)))], random: key))
            kernels.append(Kernel(name: "\(system.name)_cable", scalar: [.solveCables([system])], iteration: .range(0, 7),
                                  vector: [.store(ArrayReference(system.v), .load(ArrayReference(system.solution)))],
                                  random: key))
            if let kernel = extra[k] { kernels.append(kernel) }
        }
        return CableSharing(kernels, lanes: kernels.indices.map(lane), networkOperations: false)
    }

    func testScratchIsSharedAlongALaneWhenNoValueOutlivesAStep() throws {
        let cells = try ["a", "b", "c", "d"].map { try system($0, cm: 0.01) }
        let scratch = { (system: CableSystem) in [system.conductance, system.current, system.particular] }
        /// The cell whose scratch each cell's is bound to.
        func owners(_ sharing: CableSharing) -> [String] {
            cells.map { cell in
                let owner = cells.first { bound(cell.conductance, in: sharing) === $0.conductance }
                for (buffer, shared) in zip(scratch(cell), scratch(owner ?? cell)) {
                    XCTAssertTrue(bound(buffer, in: sharing) === shared, buffer.name)
                }
                return owner?.name ?? "?"
            }
        }
        // One lane: every cell's scratch is the first's.
        XCTAssertEqual(owners(try steps(cells)), ["a", "a", "a", "a"])
        // Two threads' parts, the cells alternating: each part's first cell owns its copy.
        XCTAssertEqual(owners(try steps(cells, lane: { k in .init(clock: 0, part: k / 2 % 2) })), ["a", "b", "a", "b"])
        // Another clock: a lane of its own.
        XCTAssertEqual(owners(try steps(cells, lane: { k in .init(clock: k >= 2 && k < 4 ? 1 : 0, part: 0) })),
                       ["a", "b", "a", "a"])
        // A kernel the interpreter runs touches b's scratch: b keeps its own.
        XCTAssertEqual(owners(try steps(cells, lane: { k in k == 2 ? nil : .init(clock: 0, part: 0) })), ["a", "b", "a", "a"])
        // b's I0 stored at some elements only, or read before it is stored: b's values would come
        // from another cell's step.
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let partial = try steps(cells) { system in
            system === cells[1] ? Kernel(name: "partial", iteration: .range(0, 3),
                                         vector: [.store(ArrayReference(system.conductance), .constant(1e-4)),
                                                  .store(ArrayReference(system.current), .constant(0))],
                                         random: RandomKey(stream: 1, step: step)) : nil
        }
        XCTAssertEqual(owners(partial), ["a", "b", "a", "a"])
        let accumulated = try steps(cells) { system in
            system === cells[1] ? Kernel(name: "accumulated", iteration: .range(0, 7),
                                         vector: [.store(ArrayReference(system.conductance), .constant(1e-4)),
                                                  .store(ArrayReference(system.current),
                                                         .load(ArrayReference(system.current)))],
                                         random: RandomKey(stream: 1, step: step)) : nil
        }
        XCTAssertEqual(owners(accumulated), ["a", "b", "a", "a"])
        // a's solution read after c's step (a monitor of it, say): b and c, whose steps come before
        // that, keep their own; d, after it, shares a's.
        let reader = Kernel(name: "reader", iteration: .range(0, 7),
                            vector: [.store(ArrayReference(cells[0].v), .load(ArrayReference(cells[0].solution)))],
                            random: RandomKey(stream: 1, step: step))
        XCTAssertEqual(owners(try steps(cells, extra: [2: reader])), ["a", "b", "c", "a"])
    }

    func testFactorizationIsSharedOnlyWithTheSameConductanceAtEveryStep() throws {
        let cells = try ["a", "b", "c", "d"].map { try system($0, cm: 0.01) }
        func factorizationShared(_ conductance: @escaping (CableSystem) -> KernelExpression) throws -> [Bool] {
            let shared = try sharing(cells, conductance: conductance)
            return cells.map { shared.isShared($0.pivot) }
        }
        // gL per compartment: b has a's values, c others; d's are written by a kernel (a state).
        let gL = try cells.map { try DoubleBuffer(name: "\($0.name).gL", count: 7, value: $0.name == "c" ? 2e-4 : 1e-4) }
        let state = gL[3]
        func load(_ system: CableSystem) -> KernelExpression {
            let buffer = gL[cells.firstIndex { $0 === system } ?? 0]
            return .binary(.multiply, .constant(2), .load(ArrayReference(buffer)))
        }
        let withWriter = try sharing(cells, written: [state], conductance: load)
        XCTAssertEqual(cells.map { withWriter.isShared($0.pivot) }, [false, true, false, false])
        // The same constant everywhere: all share a's; c's other constant: c keeps its own.
        XCTAssertEqual(try factorizationShared { _ in .constant(1e-4) }, [false, true, true, true])
        XCTAssertEqual(try factorizationShared { $0.name == "c" ? .constant(2e-4) : .constant(1e-4) }, [false, true, false, true])
        // A random draw is not the same at every step.
        XCTAssertEqual(try factorizationShared { _ in .random(.uniform, site: 0) }, [false, false, false, false])
        // The work space is shared all the same.
        XCTAssertTrue(try sharing(cells) { _ in .random(.uniform, site: 0) }.isShared(cells[1].nodeValue))
    }

    func testOnlyCellsWithEqualValuesShare() throws {
        let first = try system("a", cm: 0.01), same = try system("b", cm: 0.01), other = try system("c", cm: 0.02)
        var shared = try sharing([first, same, other])
        // The first of equal cells keeps its own; the second binds the first's.
        for buffer in [first.pivot, first.towardsEnd, first.diagonal, first.nodeValue] {
            XCTAssertFalse(shared.isShared(buffer), buffer.name)
        }
        for buffer in [same.pivot, same.factoredConductance, same.eliminated, same.towardsEnd, same.towardsStart,
                       same.diagonal, same.lower, same.dt, same.nodeDiagonal, same.nodeValue] {
            XCTAssertTrue(shared.isShared(buffer), buffer.name)
        }
        XCTAssertTrue(shared.isShared(same.capacitance))
        // Another capacitance: other coefficients and factorization, the same work space, dt and area.
        for buffer in [other.pivot, other.towardsEnd, other.diagonal, other.capacitance] {
            XCTAssertFalse(shared.isShared(buffer), buffer.name)
        }
        for buffer in [other.nodeValue, other.dt, other.upper, other.area] { XCTAssertTrue(shared.isShared(buffer), buffer.name) }
        // The capacitance and area are shared only when nothing may change them during the run: a
        // kernel storing into them, or a network operation.
        let stored = try sharing([first, same], written: [same.capacitance, same.area])
        XCTAssertFalse(stored.isShared(same.capacitance))
        XCTAssertFalse(stored.isShared(same.area))
        XCTAssertTrue(stored.isShared(same.diagonal))
        let operated = try sharing([first, same], networkOperations: true)
        XCTAssertFalse(operated.isShared(same.capacitance))
        XCTAssertFalse(operated.isShared(same.area))
        XCTAssertTrue(operated.isShared(same.diagonal))
        // What a cell's own values are is never shared.
        for buffer in [same.v, same.particular, same.conductance, same.current, same.capacitiveCurrent] {
            XCTAssertFalse(shared.isShared(buffer), buffer.name)
        }
        // Changed between runs: the sharing follows the values then set.
        try same.capacitance.assign(Array(repeating: 0.03, count: 7))
        same.prepare(dt: 25e-6, axialResistivity: 1.5)
        try other.capacitance.assign(Array(repeating: 0.01, count: 7))
        other.prepare(dt: 25e-6, axialResistivity: 1.5)
        shared = try sharing([first, same, other])
        XCTAssertFalse(shared.isShared(same.pivot))
        XCTAssertFalse(shared.isShared(same.diagonal))
        XCTAssertTrue(shared.isShared(other.pivot))
        XCTAssertTrue(shared.isShared(other.diagonal))
    }

    func testFactorizationIsSharedOnlyWithinOneSolve() throws {
        let first = try system("a", cm: 0.01), second = try system("b", cm: 0.01)
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let kernels = [first, second].map {
            Kernel(name: $0.name, scalar: [.solveCables([$0])], iteration: .range(0, 0), vector: [],
                   random: RandomKey(stream: 1, step: step))
        }
        // Separate operations may run on separate threads: constants only.
        let shared = CableSharing(kernels, lanes: [.init(clock: 0, part: 0), .init(clock: 0, part: 1)],
                                  networkOperations: false)
        XCTAssertTrue(shared.isShared(second.diagonal))
        XCTAssertFalse(shared.isShared(second.pivot))
        XCTAssertFalse(shared.isShared(second.nodeValue))
    }

    /// Cell `k` of 10 ball-and-stick cells: all alike but for their current, except cell 4 (another
    /// capacitance) and cell 7, whose conductance changes every step (it keeps its own
    /// factorization); the others solved together (cells 0 to 7) share one, made at the first step.
    private func cell(_ k: Int) throws -> SpatialNeuron {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 300 * um, n: 12)
        let active = k == 7
        let model = active ? """
            Im = gL*(EL - v) + gw*w*(Ew - v) : amp/meter**2
            dw/dt = (1 - w)/(2*ms) : 1
            I : amp (point current)
            """ : """
            Im = gL*(EL - v) : amp/meter**2
            I : amp (point current)
            """
        let neuron = try SpatialNeuron(morphology: morpho, model: model, Cm: (k == 4 ? 2 : 1) * uF / cm2,
                                       Ri: 150 * ohm * cm, namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV,
                                                                       "Ew": 0 * mV, "gw": 2e-4 * siemens / cm2],
                                       name: "cell\(k)")
        try neuron.v.set(-70 * mV)
        try neuron.I.set(0.05 * nA * Double(k + 1), where: "i == \(neuron.size - 1)")
        return neuron
    }

    /// Two runs of the population, cell 2's capacitance changed between them (it then shares no
    /// more): the potentials and capacitive currents after each.
    private func population(_ backend: BackendKind) throws -> CaseResult {
        let cells = try (0..<10).map(cell)
        let network = try Network(cells, backend: backend)
        var result = CaseResult()
        for run in 0..<2 {
            if run == 1 { try cells[2].Cm.set(1.5 * uF / cm2) }
            try network.run(1 * ms)
            for neuron in cells {
                result.final("\(neuron.name).v.\(run)", try neuron.v.values)
                result.final("\(neuron.name).Ic.\(run)", try neuron.Ic.values)
            }
        }
        return result
    }

    /// Eight alike cells with `gL` a parameter of equal values (they share a factorization), one
    /// of whose `gL` a network operation changes during the run: its `gtot` then differs from the
    /// others' in the shared factorization, and each cell of the group is solved whole before the
    /// next (``CCableStep``'s `sb_cable_steps`), as the interpreter's separate copies give.
    func testAConductanceChangedDuringTheRunGetsWhatSeparateCopiesGive() throws {
        _ = try onBothBackends("changed during the run") { backend in
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 300 * um, n: 12)
            let cells = try (0..<8).map { k -> SpatialNeuron in
                let neuron = try SpatialNeuron(morphology: morpho, model: """
                    Im = gL*(EL - v) : amp/meter**2
                    I : amp (point current)
                    gL : siemens/meter**2
                    """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm, namespace: ["EL": -70 * mV], name: "cell\(k)")
                try neuron.gL.set(1e-4 * siemens / cm2)
                try neuron.v.set(-70 * mV)
                try neuron.I.set(0.05 * nA * Double(k + 1), where: "i == \(neuron.size - 1)")
                return neuron
            }
            var calls = 0
            let change = try NetworkOperation(dt: 0.5 * ms) { _ in
                calls += 1
                if calls == 2 { try cells[3].gL.set(3e-4 * siemens / cm2) }  // at 0.5 ms
            }
            try Network(cells + [change], backend: backend).run(1 * ms)
            var result = CaseResult()
            for neuron in cells { result.final("\(neuron.name).v", try neuron.v.values) }
            XCTAssertEqual(try cells[3].gL.plainValues[0], 3, accuracy: 1e-12)  // 3e-4 S/cm², in S/m²
            return result
        }
    }

    /// Eight alike cells, one of whose capacitance a network operation raises by 0.1% during the
    /// run: that cell's step then follows its own new capacitance, as the interpreter's separate
    /// copies give, not the capacitance of the others (``CableSharing`` shares no capacitance when
    /// a network operation runs). The change is small because the coefficients keep the
    /// capacitance of the run's start (`CableSystem.prepare`): each step then scales the potential
    /// by the ratio of the two (1.2 would take it to -2.5 V in the 20 steps left).
    func testACapacitanceChangedDuringTheRunGetsWhatSeparateCopiesGive() throws {
        _ = try onBothBackends("capacitance changed during the run") { backend in
            let cells = try (0..<8).map(cell)
            var calls = 0
            let change = try NetworkOperation(dt: 0.5 * ms) { _ in
                calls += 1
                if calls == 2 { try cells[3].Cm.set(1.001 * uF / cm2) }  // at 0.5 ms
            }
            try Network(cells + [change], backend: backend).run(1 * ms)
            XCTAssertEqual(try cells[3].v.plainValues[0], -0.07, accuracy: 0.005)
            var result = CaseResult()
            for neuron in cells {
                result.final("\(neuron.name).v", try neuron.v.values)
                result.final("\(neuron.name).Ic", try neuron.Ic.values)
            }
            return result
        }
    }

    func testSharedCellsGetWhatSeparateCopiesGive() throws {
        // Interpreted (no sharing), native on 1 to 4 threads and emulated CUDA alike, bit for bit.
        let shared = try onBothBackends("population") { try population($0) }
        // And each cell as alone in a network of its own.
        for k in 0..<10 {
            let alone = try cell(k)
            let network = try Network(alone)
            for run in 0..<2 {
                if run == 1, k == 2 { try alone.Cm.set(1.5 * uF / cm2) }
                try network.run(1 * ms)
                XCTAssertEqual(shared.numbers("\(alone.name).v.\(run)").map(\.bitPattern),
                               try alone.v.plainValues.map(\.bitPattern), "cell \(k), run \(run)")
                XCTAssertEqual(shared.numbers("\(alone.name).Ic.\(run)").map(\.bitPattern),
                               try alone.Ic.plainValues.map(\.bitPattern), "cell \(k), run \(run)")
            }
        }
    }
}
