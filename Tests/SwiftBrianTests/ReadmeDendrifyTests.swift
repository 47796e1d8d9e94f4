import Foundation
import Dendrify
import SwiftBrian
import XCTest

/// The README's "Dendritic neurons (Dendrify)" example, as written there, so that it keeps working.
final class ReadmeDendrifyTests: XCTestCase {
    func testReadmeDendrifyExampleRuns() throws {
        defaultClock.dt = 0.1 * ms
        let soma = try Dendrify.Soma("soma", model: .leakyIF, cmAbs: 200 * pF, glAbs: 10 * nS)
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.dspikes("Na", gRise: 30 * nS, gFall: 15 * nS)
        try dend.synapse(.ampa, tag: "x", g: 3 * nS, tDecay: 2 * ms)
        try dend.synapse(.nmda, tag: "x", g: 3 * nS, tDecay: 50 * ms)          // with the Mg²⁺ block
        let model = try NeuronModel(connections: [(soma, dend, .conductance(15 * nS))], vRest: -65 * mV)
        try model.configDspikes("Na", threshold: -35 * mV, durationRise: 1.2 * ms, durationFall: 2.4 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0.2 * ms, refractory: 5 * ms)
        print(model)                             // equations, events, event actions, parameters with units
        let neurons = try model.makeNeuronGroup(15, threshold: "V_soma > -40*mV", reset: "V_soma = -55*mV",
                                                refractory: 4 * ms, name: "neurons")
        let inputs = try SpikeGeneratorGroup(15, indices: Array(0..<15), times: (0..<15).map { 10 + 0.1 * Double($0) } * ms)
        let S = try Synapses(inputs, neurons, onPre: "s_AMPA_x_dend += 1; s_NMDA_x_dend += 1")
        try S.connect(condition: "j >= i")       // neuron k gets k + 1 synapses
        let dspikes = try EventMonitor(neurons, "spike_Na_dend")
        try Network(neurons, inputs, S, dspikes).run(50 * ms)
        print(Set(dspikes.i).sorted())           // [8, 9, ..., 14]: a dSpike from 9 synapses on

        XCTAssertEqual(Set(dspikes.i).sorted(), Array(8..<15))
        // The README's snippet is this one, line for line.
        let here = URL(fileURLWithPath: #filePath)
        let readme = try String(contentsOf: here.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: here, encoding: .utf8)
        let section = try XCTUnwrap(readme.components(separatedBy: "## Dendritic neurons (Dendrify)").last)
        let snippet = try XCTUnwrap(section.components(separatedBy: "```swift\n").dropFirst().first?
            .components(separatedBy: "```").first)
        let lines = snippet.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertEqual(lines.count, 17)
        for line in lines { XCTAssertTrue(source.contains(line), line) }
    }
}
