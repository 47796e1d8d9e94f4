import Foundation
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

    /// Checks each statistic `key` of `reference` against the value `values` gives it.
    private func checkStatistics(_ reference: ReferenceCase, _ values: [String: Double]) throws {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            let (expected, tolerance) = try reference.statistic(key)
            XCTAssertEqual(value, expected, accuracy: tolerance, key)
        }
    }

    /// dendrify_attenuation: −10 pA into the soma of a 4-compartment chain for 500 ms; the steady
    /// deflections −6.703, −6.315, −5.755, −5.390 mV and their ratios to the soma's.
    func testAttenuation() throws {
        let reference = try ReferenceCase("dendrify_attenuation", folder: "compartments/dendrify")
        let names = ["soma", "trunk", "prox", "dist"]
        let variables = names.map { "V_\($0)" }
        let result = try reference.check { backend in
            let neuron = try DendrifyCases.attenuation().makeNeuronGroup(1, method: .euler, name: "neuron")
            let M = try StateMonitor(neuron, variables: variables, record: [0], name: "M")
            let stored = try StateMonitor(neuron, variables: variables, record: [0], dt: 1 * ms, name: "M_stored")
            let net = try Network(neuron, M, stored, backend: backend)
            try net.run(20 * ms)
            try neuron.I_ext_soma.set(-10 * pA)
            try net.run(500 * ms)
            try neuron.I_ext_soma.set(0 * pA)
            try net.run(100 * ms)
            var result = CaseResult()
            for variable in variables {
                try result.trace("neuron.\(variable)", stored, variable)
                result.final("neuron.\(variable)", try neuron.variable(variable).values)
                try result.samples("\(variable).every_step", M, variable)
            }
            return result
        }
        var deflection: [String: Double] = [:]
        for (name, variable) in zip(names, variables) {
            guard case .samples(_, let rows)? = result["\(variable).every_step"], let v = rows.first,
                  let first = v.first, let minimum = v.min() else { return XCTFail("no samples of \(variable)") }
            deflection[name] = minimum - first
        }
        var statistics: [String: Double] = [:]
        for name in names {
            statistics["dV_\(name)"] = deflection[name]
            if name != "soma", let dV = deflection[name], let soma = deflection["soma"] { statistics["ratio_\(name)"] = dV / soma }
        }
        try checkStatistics(reference, statistics)
    }

    /// dendrify_io: neuron k of 15 gets k + 1 synchronous AMPA+NMDA inputs on its dendrite; the
    /// peak EPSP grows from 3.865 to 27.278 mV over 1–8 synapses and jumps to 58.07 mV at 9, where
    /// the dSpike starts.
    func testInputOutput() throws {
        let reference = try ReferenceCase("dendrify_io", folder: "compartments/dendrify")
        let result = try reference.check { backend in
            let neurons = try DendrifyCases.io().makeNeuronGroup(15, method: .euler, threshold: "V_soma > -40*mV",
                                                                 reset: "V_soma = -55*mV", refractory: 4 * ms,
                                                                 name: "neurons")
            let times = try QuantityArray((0..<15).map { try 10 * ms + Double($0) * (0.1 * ms) })
            let inputs = try SpikeGeneratorGroup(15, indices: Array(0..<15), times: times, name: "inputs")
            let S = try Synapses(inputs, neurons, onPre: "s_AMPA_x_dend += 1.0; s_NMDA_x_dend += 1.0", name: "S")
            try S.connect(condition: "j >= i")
            let M = try StateMonitor(neurons, "V_dend", record: Array(0..<15), name: "M")
            let stored = try StateMonitor(neurons, variables: ["V_dend", "V_soma"], record: [0, 7, 8, 14],
                                          dt: 0.5 * ms, name: "M_stored")
            let spikes = try SpikeMonitor(neurons, name: "spikes")
            let dspikes = try EventMonitor(neurons, "spike_Na_dend", name: "dspikes")
            try Network(neurons, inputs, S, M, stored, spikes, dspikes, backend: backend).run(200 * ms)
            var result = CaseResult()
            result.spikes("neurons", spikes)
            result.spikes("neurons.spike_Na_dend", dspikes)
            for variable in ["V_dend", "V_soma"] { try result.trace("neurons.\(variable)", stored, variable) }
            for variable in ["V_soma", "V_dend", "s_AMPA_x_dend", "s_NMDA_x_dend", "spiketime_Na_dend",
                             "gate_Na_dend", "lastspike", "not_refractory"] {
                result.final("neurons.\(variable)", try neurons.variable(variable).values)
            }
            try result.samples("V_dend.every_step", M, "V_dend")
            result.values("S.pairs", try pairs(S))
            return result
        }
        XCTAssertEqual(result.numbers("S.pairs"), try reference.connectivity("S").flatMap { $0.map(Double.init) })
        guard case .samples(_, let rows)? = result["V_dend.every_step"] else { return XCTFail("no V_dend samples") }
        var statistics: [String: Double] = [:]
        for (k, v) in rows.enumerated() {
            guard let first = v.first, let peak = v.max() else { continue }
            statistics[String(format: "epsp_peak_%02d_synapses", k + 1)] = peak - first
        }
        XCTAssertEqual(statistics.count, 15)
        try checkStatistics(reference, statistics)
    }

    /// dendrify_point_adex: an AdEx PointNeuronModel driven by a 1 nA step for 100 ms fires 5
    /// spikes (31.8 … 102.1 ms).
    func testPointAdex() throws {
        let reference = try ReferenceCase("dendrify_point_adex", folder: "compartments/dendrify")
        try reference.check { backend in
            let neuron = try DendrifyCases.pointAdex().makeNeuronGroup(1, method: .euler, threshold: "V>Vth+5*DeltaT",
                                                                        reset: "V=Vr; w+=b", name: "neuron")
            let trace = try StateMonitor(neuron, variables: ["V", "w"], record: [0], name: "trace")
            let spikes = try SpikeMonitor(neuron, name: "spikes")
            let net = try Network(neuron, trace, spikes, backend: backend)
            try net.run(20 * ms)
            try neuron.I_ext.set(1 * nA)
            try net.run(100 * ms)
            try neuron.I_ext.set(0 * nA)
            try net.run(20 * ms)
            var result = CaseResult()
            result.spikes("neuron", spikes)
            for variable in ["V", "w"] { try result.trace("neuron.\(variable)", trace, variable) }
            for variable in ["V", "w", "I_ext"] {
                result.final("neuron.\(variable)", try neuron.variable(variable).values)
            }
            return result
        }
    }
}
