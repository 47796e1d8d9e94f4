import Foundation
import SwiftBrian
import SwiftBrianTools
import XCTest

/// `network.exportNeuroML(to:)`: the network as NeuroML 2 and LEMS, run by jNeuroML and compared
/// with SwiftBrian's own run where jNeuroML is available (`SWIFTBRIAN_JNEUROML`).
final class NeuroMLExportTests: XCTestCase {
    /// A clock of the tests' own: other tests read the default clock's time after their runs.
    private let clock = Clock(dt: 0.1 * ms, name: "neuroml_clock")

    /// brian2tools' own NeuroML test model (`test_nmlexport.py`, `simulation1`): 100 leaky
    /// integrate-and-fire neurons driven towards `v0`, from 0 to 20 mV across the population,
    /// with threshold, reset and a 5 ms refractory period, recorded at neurons 2, 55 and 98.
    private func lifNetwork(method: IntegrationMethod, duration: Quantity) throws -> (Network, StateMonitor, SpikeMonitor) {
        let G = try NeuronGroup(100, model: """
            dv/dt = (v0 - v) / tau : volt (unless refractory)
            v0 : volt
            """, threshold: "v > 10*mV", reset: "v = 0*mV", refractory: 5 * ms, method: method,
            namespace: ["tau": 10 * ms], clock: clock, name: "neurons")
        try G.v.set(0 * mV)
        try G.v0.set("20*mV * i / (N-1)")
        let states = try StateMonitor(G, "v", record: [2, 55, 98], name: "states")
        let spikes = try SpikeMonitor(G, name: "spikes")
        let network = try Network(G, states, spikes, backend: .interpreter)
        try network.run(duration)
        return (network, states, spikes)
    }

    /// A small E/I network (CUBA, Brette et al. 2007, at 100 neurons): exponential synaptic
    /// currents, excitatory synapses with weights and delays of 1 to 1.3 ms, inhibitory ones from
    /// a subgroup, run in two runs.
    private func eiNetwork(method: IntegrationMethod) throws -> (Network, StateMonitor, SpikeMonitor) {
        seed(11)
        let namespace: Namespace = ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV, "Vr": -60 * mV,
                                    "El": -49 * mV, "we": 4 * mV, "wi": -12 * mV, "Ne": 80]
        let P = try NeuronGroup(100, model: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms, method: method, namespace: namespace,
            clock: clock, name: "P")
        try P.v.set("Vr + (Vt - Vr) * i / N")
        // The inhibitory neurons as a subgroup: its own i and N in the values set, its spikes.
        let inhibitory = try P[80..<100]
        try inhibitory.v.set("Vt - (Vt - Vr) * i / N")
        let Ce = try Synapses(P, P, model: "w : volt", onPre: "ge += w", namespace: namespace, clock: clock, name: "Ce")
        let Ci = try Synapses(inhibitory, P, onPre: "gi_post += wi", namespace: namespace, clock: clock, name: "Ci")
        try Ce.connect(condition: "i<Ne", p: 0.1)
        try Ci.connect(p: 0.1)
        try Ce.w.set("we")
        try Ce.delay.set("1*ms + 0.1*ms*(i % 4)")
        try Ci.delay.set(1 * ms)
        let states = try StateMonitor(P, variables: ["v", "ge"], record: [0, 50, 90], name: "traces")
        let spikes = try SpikeMonitor(P, name: "raster")
        let network = try Network(P, Ce, Ci, states, spikes, backend: .interpreter)
        try network.run(100 * ms)
        try network.run(100 * ms)
        return (network, states, spikes)
    }

    private func exportDirectory(_ name: String) throws -> URL {
        let directory = TestOutput.url("neuroml-\(name)")
        try? FileManager.default.removeItem(at: directory)
        return directory
    }

    /// Exports `network` as `name`, validates the NeuroML document against the schema with
    /// jNeuroML and runs the LEMS file; the folder holds the outputs.
    private func validateAndRun(_ network: Network, name: String) throws -> (URL, NeuroMLExport) {
        let directory = try exportDirectory(name)
        let export = try network.exportNeuroML(to: directory, name: name)
        let validation = try JNeuroML.run(["-validate", export.neuroMLFile.lastPathComponent], in: directory)
        XCTAssertTrue(validation.contains("All valid"), validation)
        try JNeuroML.run([export.lemsFile.lastPathComponent, "-nogui"], in: directory)
        return (directory, export)
    }

    private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// Checks that jNeuroML's spike trains are SwiftBrian's, each spike one step later: jLEMS
    /// stamps a spike with the end of the step it happened in, Brian with the start.
    private func assertSameSpikes(_ lems: [[Double]], _ brian: [[Double]], dt: Double,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lems.map(\.count), brian.map(\.count), "spikes per neuron", file: file, line: line)
        XCTAssertGreaterThan(brian.map(\.count).reduce(0, +), 0, file: file, line: line)
        for (k, (a, b)) in zip(brian, lems).enumerated() where a.count == b.count {
            for (x, y) in zip(a, b) where abs(y - (x + dt)) > 1e-9 {
                XCTFail("neuron \(k): jNeuroML's spike at \(y) s, SwiftBrian's at \(x) s", file: file, line: line)
                return
            }
        }
    }

    /// Checks that the columns of a state file jLEMS wrote are the monitor's traces, within the
    /// precision jLEMS writes (single precision, 8 significant digits), row k being step k. In
    /// the columns `jumping`, a row may instead hold the value before a synaptic event: jLEMS
    /// applies an event at the start of the next step where Brian applies it at the end of this
    /// one (the same arithmetic, so the next rows agree), and Brian's sample shows the jump (a
    /// rise of the trace) one row earlier.
    private func assertSameTraces(_ table: [[Double]], _ traces: [[Double]], jumping: Set<Int> = [],
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(table.count, traces.first?.count ?? 0, file: file, line: line)
        var worst = 0.0
        for (column, trace) in traces.enumerated() {
            let scale = max(trace.map(abs).max() ?? 0, 1e-300)
            for (k, value) in trace.enumerated() where k < table.count {
                if jumping.contains(column), k > 0, value > trace[k - 1] { continue }
                worst = max(worst, abs(table[k][column + 1] - value) / scale)
            }
        }
        XCTAssertLessThan(worst, 1e-6, "largest difference relative to each trace's largest value",
                          file: file, line: line)
    }

    /// brian2tools' own test model, exported, validated against the NeuroML schema and run by
    /// jNeuroML: every spike of every neuron at the same step, traces equal to jLEMS's printed
    /// precision. jLEMS integrates with the forward Euler method, so SwiftBrian runs the model
    /// with it too (the model, not its integration, is what NeuroML describes).
    func testLIFMatchesJNeuroML() throws {
        let (network, states, spikes) = try lifNetwork(method: .euler, duration: 1 * second)
        let (directory, export) = try validateAndRun(network, name: "lif")
        let lems = try JNeuroML.spikeTrains(directory.appendingPathComponent(export.spikeFiles["spikes"] ?? ""), size: 100)
        assertSameSpikes(lems, spikes.spikeTrains().map(\.values), dt: 1e-4)
        let table = try JNeuroML.table(directory.appendingPathComponent(export.stateFiles["states"]?.file ?? ""))
        XCTAssertEqual(export.stateFiles["states"]?.columns.map(\.index), [2, 55, 98])
        assertSameTraces(table, try states.values("v").map(\.values))
    }

    /// The E/I network with synapses and delays, over two runs: the same spikes (one step later,
    /// as for the LIF population) and the same traces of v and ge. The tolerance is the
    /// precision of jLEMS's output; the spike trains agree exactly because both integrate with
    /// the forward Euler method in double precision and deliver each synaptic event in the same
    /// step — a difference of one rounding would change a spike's step in a recurrent network,
    /// and the test would show it.
    func testEINetworkMatchesJNeuroML() throws {
        let (network, states, spikes) = try eiNetwork(method: .euler)
        let (directory, export) = try validateAndRun(network, name: "ei")
        let lems = try JNeuroML.spikeTrains(directory.appendingPathComponent(export.spikeFiles["raster"] ?? ""), size: 100)
        assertSameSpikes(lems, spikes.spikeTrains().map(\.values), dt: 1e-4)
        let table = try JNeuroML.table(directory.appendingPathComponent(export.stateFiles["traces"]?.file ?? ""))
        assertSameTraces(table, try states.values("v").map(\.values) + states.values("ge").map(\.values), jumping: [3, 4, 5])
    }

    /// A PoissonGroup as an input: jLEMS draws its own numbers, so only the number of spikes is
    /// compared, with the expected 1000 (50 neurons at 100 Hz for 0.2 s) within five standard
    /// deviations (±158).
    func testPoissonInputRunsInJNeuroML() throws {
        let input = try PoissonGroup(50, rates: 100 * Hz, clock: clock, name: "input")
        let G = try NeuronGroup(5, model: "dv/dt = -v/(10*ms) : volt", threshold: "v > 1*mV", reset: "v = 0*mV",
                                clock: clock, name: "target")
        let S = try Synapses(input, G, onPre: "v += 0.2*mV", clock: clock, name: "S")
        try S.connect()
        let network = try Network(input, G, S, try SpikeMonitor(input, name: "drawn"), try SpikeMonitor(G, name: "driven"),
                                  backend: .interpreter)
        try network.run(200 * ms)
        let directory = try exportDirectory("poisson")
        let export = try network.exportNeuroML(to: directory, name: "poisson")
        try JNeuroML.run([export.lemsFile.lastPathComponent, "-nogui"], in: directory)
        let drawn = try JNeuroML.spikeTrains(directory.appendingPathComponent(export.spikeFiles["drawn"] ?? ""), size: 50)
        XCTAssertEqual(Double(drawn.map(\.count).reduce(0, +)), 1000, accuracy: 158)
        let driven = try JNeuroML.spikeTrains(directory.appendingPathComponent(export.spikeFiles["driven"] ?? ""), size: 5)
        XCTAssertGreaterThan(driven.map(\.count).reduce(0, +), 0)
    }

    /// What the files hold, without jNeuroML: the model as a ComponentType of the NeuroML
    /// document, the population with its initial values from `i`, one event connection per
    /// synapse with its delay, the two runs as one simulation, and outputs for the monitors.
    func testExportedDocuments() throws {
        let (network, _, _) = try eiNetwork(method: .exact)
        let export = try network.exportNeuroML(to: try exportDirectory("ei-documents"), name: "ei")
        let nml = try text(export.neuroMLFile)
        let lems = try text(export.lemsFile)
        XCTAssertTrue(nml.contains("<ComponentType name=\"P_cell\" extends=\"P_ports\""))
        XCTAssertTrue(nml.contains("<TimeDerivative variable=\"v\" value=\"(not_refractory * (((ge + gi) - (v - El)) / taum))\"/>"))
        XCTAssertTrue(nml.contains("<TimeDerivative variable=\"ge\" value=\"((0 - ge) / taue)\"/>"))
        XCTAssertTrue(nml.contains("<OnCondition test=\"((v .gt. Vt)) .and. (not_refractory .gt. 0.5)\">"))
        XCTAssertTrue(nml.contains("<StateAssignment variable=\"v\" value=\"Vr\"/>"))
        XCTAssertTrue(nml.contains("<OnEvent port=\"Ce_pre\">"))
        XCTAssertTrue(nml.contains("<StateAssignment variable=\"ge\" value=\"(ge + Ce_w)\"/>"))
        XCTAssertTrue(nml.contains("<Constant name=\"Ce_w\" dimension=\"voltage\" value=\"0.004SI_voltage\"/>"))
        XCTAssertTrue(nml.contains("<StateAssignment variable=\"gi\" value=\"(gi + Ci_wi)\"/>"))
        XCTAssertTrue(lems.contains("<Assign property=\"v_init\" value=\"(((H(index - 80 + 0.5) * H(100 - 0.5 - index)) "
                                    + "* (Vt - (((Vt - Vr) * (index - 80)) / 20))) + ((1 - (H(index - 80 + 0.5) * "
                                    + "H(100 - 0.5 - index))) * (Vr + (((Vt - Vr) * index) / N))))\"/>"), lems)
        XCTAssertTrue(lems.contains("<Simulation id=\"simulation\" length=\"0.2s\" step=\"0.0001s\" target=\"ei\""))
        let synapses = network.objects.compactMap { $0 as? Synapses }
        let connections = lems.components(separatedBy: "<delayedEventConnection ").count - 1
        XCTAssertEqual(connections, synapses.map(\.size).reduce(0, +))
        XCTAssertTrue(lems.contains("<delayedEventConnection from=\"P[\(try synapses[1].i[0] + 80)]\" "
                                    + "to=\"P[\(try synapses[1].j[0])]\" targetPort=\"Ci_pre\" delay=\"0.00105s\"/>"))
        XCTAssertTrue(lems.contains("<OutputColumn id=\"ge_90\" quantity=\"P[90]/ge\"/>"))
        XCTAssertEqual(export.spikeFiles, ["raster": "raster.spikes"])
    }

    /// What LEMS cannot express is an error naming the object and the construct.
    func testUnsupportedObjectsThrow() throws {
        func message(_ build: () throws -> Network) -> String {
            do {
                _ = try build().exportNeuroML(to: TestOutput.url("neuroml-refused"))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        let operation = message {
            let G = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : 1", clock: clock, name: "G")
            return try Network(G, try NetworkOperation(dt: 0.1 * ms, name: "nudge") { _ in }, backend: .interpreter)
        }
        XCTAssertTrue(operation.contains("'nudge'") && operation.contains("network operation"), operation)
        let noise = message {
            try Network(try NeuronGroup(2, model: "dv/dt = -v/(10*ms) + xi/sqrt(10*ms) : 1", clock: clock, name: "noisy"),
                        backend: .interpreter)
        }
        XCTAssertTrue(noise.contains("'noisy'") && noise.contains("stochastic"), noise)
        let random = message {
            let G = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : 1", clock: clock, name: "drawn")
            try G.v.set("randn()")
            return try Network(G, backend: .interpreter)
        }
        XCTAssertTrue(random.contains("'drawn'") && random.contains("'randn'"), random)
        let weights = message {
            let G = try NeuronGroup(4, model: "dv/dt = -v/(10*ms) : 1", threshold: "v > 1", clock: clock, name: "H")
            let S = try Synapses(G, G, model: "w : 1", onPre: "v += w", clock: clock, name: "plastic")
            try S.connect()
            try S.w.set("i * 0.1")
            return try Network(G, S, backend: .interpreter)
        }
        XCTAssertTrue(weights.contains("'plastic'") && weights.contains("'w'") && weights.contains("differ"), weights)
        let between = message {
            let G = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : 1", clock: clock, name: "rerun")
            let network = try Network(G, backend: .interpreter)
            try network.run(1 * ms)
            try G.v.set(1.0)
            try network.run(1 * ms)
            return network
        }
        XCTAssertTrue(between.contains("'rerun'") && between.contains("between runs"), between)
        let function = message {
            let stimulus = try TimedArray(QuantityArray(values: [0, 1], dimension: .dimensionless), dt: 1 * ms,
                                          name: "drive")
            return try Network(try NeuronGroup(2, model: "dv/dt = (drive(t) - v)/(10*ms) : 1",
                                               namespace: Namespace([:], timedArrays: [stimulus]), clock: clock,
                                               name: "driven"), backend: .interpreter)
        }
        XCTAssertTrue(function.contains("'driven'") && function.contains("'drive'"), function)
    }
}
