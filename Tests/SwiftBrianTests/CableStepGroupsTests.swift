import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
import XCTest

/// The cable steps of a population of SpatialNeurons as independent groups (``CableStepGroups``),
/// whose members the native backend runs on several threads (the population of
/// ``CableBatchingTests``: three members, the batch of eight cells, cell 6 alone and the batch of
/// cells 7 to 9). Its test that each cell gets what it gets alone on 1 to 4 threads covers the
/// values; these cover the groups and failures.
extension CableBatchingTests {
    /// The groups of a schedule: consecutive cable steps of one slot and clock, split where a
    /// member reads what an earlier one writes (a linked `v`) and around other operations.
    func testGroupsAreSplitWhereAMemberReadsAnotherOnesPotential() throws {
        let cells = try (0..<12).map { try cell($0) }
        let reader = try self.reader(of: cells[1])
        // A point neuron's state update, scheduled after `cell6`'s step (`inBetween`).
        let point = try NeuronGroup(5, model: "dv/dt = -v/ms : 1", name: "point")
        func groups(_ neurons: [SpatialNeuron], inBetween: Bool = false)
            throws -> (groups: [IndependentGroup], members: [Range<Int>], names: [String]) {
            var steps = try neurons.sorted { $0.name < $1.name }.flatMap { try $0.scheduledOperations() }
                .filter { $0.cableStep != nil }
            if inBetween, let index = steps.firstIndex(where: { $0.name.hasPrefix("cell6_") }) {
                steps.insert(contentsOf: try point.scheduledOperations().prefix(1), at: index + 1)
            }
            var kernels: [Kernel] = []
            let ranges = CableBatching.merged(steps).map { operation -> (operation: ScheduledOperation, kernels: Range<Int>) in
                guard case .kernels(let list) = operation.action else { return (operation, kernels.count..<kernels.count) }
                kernels += list
                return (operation, kernels.count - list.count..<kernels.count)
            }
            return (CableStepGroups.groups(ranges, kernels: kernels), ranges.map(\.kernels),
                    ranges.map { $0.operation.name.replacingOccurrences(of: "_spatialstateupdater", with: "") })
        }
        // cell0 … cell5 | cell6 | cell7, cell8, cell9: one group of three members.
        let alone = try groups(cells)
        XCTAssertEqual(alone.names, ["cell0", "cell6", "cell7"])
        XCTAssertEqual(alone.groups, [IndependentGroup(members: alone.members)])
        XCTAssertEqual(alone.groups.first?.kernels, alone.members[0].lowerBound..<alone.members[2].upperBound)
        // cell0 … cell5 | cell6 ‖ cell7, cell7a, cell8, cell9: the last batch reads cell1's `v`, and a
        // group of one member is no group.
        let linked = try groups(cells + [reader])
        XCTAssertEqual(linked.names, ["cell0", "cell6", "cell7"])
        XCTAssertEqual(linked.groups, [IndependentGroup(members: Array(linked.members.prefix(2)))])
        // cell0 … cell5 | cell6 ‖ point ‖ cell7, cell8, cell9: the point neuron runs between them.
        let split = try groups(cells, inBetween: true)
        XCTAssertEqual(split.names, ["cell0", "cell6", "point_stateupdater", "cell7"])
        XCTAssertEqual(split.groups, [IndependentGroup(members: Array(split.members.prefix(2)))])
    }

    /// A cell whose current is infinite stops the run with the same error at the same time on
    /// every backend and number of threads: the first failing cell in schedule order is named,
    /// though a later one, run by another thread, fails too. The cells up to the failing one keep
    /// the same state; those after it in the step may have taken it on another thread.
    func testTheFirstFailingCellIsReportedOnEveryThreadCount() throws {
        func failing(_ backend: BackendKind) throws -> (message: String, t: Double, v: [UInt64]) {
            let cells = try (0..<12).map { k in try cell(k, current: k == 2 || k == 8 ? 1e300 * amp : nil) }
            let net = try Network(cells, backend: backend)
            var message = ""
            XCTAssertThrowsError(try net.run(1 * ms)) { error in
                XCTAssertEqual((error as? ModelError)?.kind, .nonFiniteValue, "\(error)")
                message = (error as? ModelError)?.message ?? "\(error)"
            }
            // cell0, cell1, cell10, cell11, cell2 run before cell2 fails.
            return (message, net.t.value, try [0, 1, 10, 11, 2].flatMap { try cells[$0].v.plainValues.map(\.bitPattern) })
        }
        let interpreted = try failing(.interpreter)
        XCTAssertTrue(interpreted.message.contains("'cell2'"), interpreted.message)
        for threads in 1...4 {
            let native = try onThreads(threads) { try failing(.native) }
            XCTAssertEqual(native.message, interpreted.message, "\(threads) threads")
            XCTAssertEqual(native.t, interpreted.t, "\(threads) threads")
            XCTAssertEqual(native.v, interpreted.v, "\(threads) threads")
        }
    }
}
