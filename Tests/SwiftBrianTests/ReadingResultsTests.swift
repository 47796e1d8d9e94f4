import SwiftBrian
import XCTest

/// Results read as Brian users expect (issue 10): misspelt variables fail at first use and name
/// the known ones, variables print with their unit, `S.i`/`S.j` are integers, a StateMonitor's
/// values form a matrix, spike trains cover silent neurons.
final class ReadingResultsTests: XCTestCase {
    private let namespace: Namespace = ["tau": 10 * ms]

    func testMisspeltVariableFailsAtFirstUseNamingTheKnownVariables() throws {
        let G = try NeuronGroup(2, model: "dv/dt = -v/tau : volt\nI : amp", namespace: namespace, name: "G")
        assertModelError(try G.vv, "'vv' is not a variable of 'G' (did you mean 'v'?)")
        assertModelError(try G.vv, "its variables are I, N, dt, i, t, t_in_timesteps, v")
        let S = try Synapses(G, G, model: "w : 1", name: "S")
        assertModelError(try S.numSynapses, "'numSynapses' is not a variable of 'S'; its variables are")
    }

    func testVariablePrintsItsValuesWithTheirUnit() throws {
        let G = try NeuronGroup(2, model: "dv/dt = -v/tau : volt", namespace: namespace, name: "G")
        try G.v.set([-65, -60] * mV)
        XCTAssertEqual("\(try G.v)", "<G.v: [-65. -60.] mV>")
        XCTAssertEqual(try G.v.values(in: mV), [-65, -60])
        XCTAssertEqual(try G.v.plainValues, [-0.065, -0.06])
        XCTAssertThrowsError(try G.v.values(in: ms))
        XCTAssertEqual(try G.v.values.mean(), -62.5 * mV)
    }

    func testSynapseIndicesAreIntegers() throws {
        let G = try NeuronGroup(3, model: "v : 1", name: "G")
        let S = try Synapses(G, G, model: "w : 1", name: "S")
        try S.connect(i: [2, 0, 1], j: [0, 1, 1])
        let i: [Int] = try S.i, j: [Int] = try S.j
        XCTAssertEqual(i, [2, 0, 1])
        XCTAssertEqual(j, [0, 1, 1])
        XCTAssertEqual(try S.w.values.count, 3, "other variables are still views")
    }

    func testStateMonitorValuesAsAMatrixAndPerElement() throws {
        let G = try NeuronGroup(3, model: "dv/dt = -v/tau : 1", method: .exact, namespace: namespace, name: "G")
        try G.v.set([1, 2, 3])
        let M = try StateMonitor(G, "v", record: [0, 2])
        try Network(G, M).run(0.5 * ms)
        let matrix = try M.v
        XCTAssertEqual(matrix.count, 2, "one row per recorded neuron")
        XCTAssertEqual(matrix[1].count, M.t.count, "one column per sample time")
        XCTAssertEqual(matrix[1], try M[2].v, "row 1 is neuron 2")
        XCTAssertEqual(try M[2].v[0].value, 3)
        assertModelError(try M.w, "does not record 'w'")
        assertModelError(try M[1].v, "does not record index 1")
    }

    func testSpikeTrainsIncludeSilentNeurons() throws {
        let G = try NeuronGroup(4, model: "v : 1", threshold: "i == 1 or i == 3", name: "G")
        let spikes = try SpikeMonitor(G)
        try Network(G, spikes).run(0.3 * ms)
        let trains = spikes.spikeTrains()
        XCTAssertEqual(trains.count, 4)
        XCTAssertEqual(trains.map(\.count), [0, 3, 0, 3])
        XCTAssertEqual(trains[0].dimension, .time)
        XCTAssertEqual(trains[3].values.count, 3)
        for (time, expected) in zip(trains[3].values, [0, 0.0001, 0.0002]) { XCTAssertEqual(time, expected, accuracy: 1e-12) }
    }
}
