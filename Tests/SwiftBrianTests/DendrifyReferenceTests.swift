import Dendrify
import SwiftBrian
import XCTest

/// The Dendrify API (issue 12) against Dendrify 2.2.0 on Brian 2.9.0: the four cases of
/// Tests/Fixtures/compartments/dendrify, each on both backends (bit-identical).
final class DendrifyReferenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// The (i, j) pairs of `S`, flattened, for the bitwise comparison and the connectivity check.
    private func pairs(_ S: Synapses) throws -> [Double] {
        zip(try S.i, try S.j).map { [$0, $1] }.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0.map(Double.init) }
    }

    /// dendrify_network_small: 3 neurons, SpikeGeneratorGroup inputs, a recurrent ring, Dendrify's
    /// second reset; 50 somatic spikes and 62 dSpike events.
    func testNetworkSmall() throws {
        let reference = try ReferenceCase("dendrify_network_small", folder: "compartments/dendrify")
        let synapseNames = ["S_exc", "S_inh", "S_rec", "second_reset"]
        let result = try reference.check { backend in
            let model = try DendrifyCases.networkSmall()
            let (neurons, secondReset) = try model.makeNeuronGroup(
                3, method: .euler, threshold: "V_soma > -50*mV", reset: "V_soma = 40*mV", secondReset: "V_soma = -60*mV",
                spikeWidth: 0.6 * ms, refractory: 3 * ms, name: "neurons")
            let excitation: [(Int, Double)] = (0..<5).map { ($0, 10.0) } + [(0, 90), (1, 90)]
                + [(5, 40), (6, 40.2), (7, 40.4), (5, 100), (6, 100), (7, 100)]
                + (8..<12).map { ($0, 60.0) } + (8..<12).map { ($0, 75.0) }
            let exc = try SpikeGeneratorGroup(12, indices: excitation.map(\.0), times: excitation.map(\.1) * ms,
                                              name: "exc")
            let S_exc = try Synapses(exc, neurons, onPre: "s_AMPA_ext_apical += 1; s_NMDA_ext_apical += 1",
                                     name: "S_exc")
            try S_exc.connect(i: Array(0..<12), j: [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2])
            let inh = try SpikeGeneratorGroup(2, indices: [0, 1, 0, 1], times: [72, 72.5, 73, 73.5] * ms, name: "inh")
            let S_inh = try Synapses(inh, neurons, onPre: "s_GABA_inh_basal += 1", name: "S_inh")
            try S_inh.connect(i: [0, 1], j: [2, 2])
            let S_rec = try Synapses(neurons, neurons, onPre: "s_AMPA_rec_basal += 1.5", delay: 2 * ms, name: "S_rec")
            try S_rec.connect(i: [0, 1, 2], j: [1, 2, 0])
            let variables = ["V_soma", "V_apical", "V_basal"]
            let M = try StateMonitor(neurons, variables: variables, record: [0, 1, 2], dt: 0.25 * ms, name: "M")
            let spikes = try SpikeMonitor(neurons, name: "spikes")
            let dspikes = try EventMonitor(neurons, "spike_Na_apical", name: "dspikes")
            let net = try Network(neurons, secondReset, exc, S_exc, inh, S_inh, S_rec, M, spikes, dspikes,
                                  backend: backend)
            try net.run(150 * ms)
            var result = CaseResult()
            result.spikes("neurons", spikes)
            result.spikes("neurons.spike_Na_apical", dspikes)
            for variable in variables { try result.trace("neurons.\(variable)", M, variable) }
            for variable in variables + ["s_AMPA_ext_apical", "x_NMDA_ext_apical", "s_NMDA_ext_apical",
                                         "s_AMPA_rec_basal", "s_GABA_inh_basal", "spiketime_Na_apical",
                                         "gate_Na_apical", "lastspike", "not_refractory"] {
                result.final("neurons.\(variable)", try neurons.variable(variable).values)
            }
            for (name, S) in zip(synapseNames, [S_exc, S_inh, S_rec, secondReset]) {
                result.values("\(name).pairs", try pairs(S))
            }
            return result
        }
        for name in synapseNames {
            XCTAssertEqual(result.numbers("\(name).pairs"), try reference.connectivity(name).flatMap { $0.map(Double.init) },
                           name)
        }
    }
}
