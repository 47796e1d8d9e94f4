import Dendrify
import SwiftBrian
import XCTest

/// What Dendrify's groups do beyond the reference cases: every library model runs (with noise)
/// bit-identically on both backends, dSpike durations follow the time step at the time they are
/// given, and `initRest`/`initEvents`/second reset do what they say.
final class DendrifyBehaviourTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testEveryLibraryModelRunsOnBothBackends() throws {
        for model in CompartmentModel.allCases {
            try onBothBackends("\(model)") { backend in
                let soma = try Dendrify.Soma("soma", model: model, cmAbs: 100 * pF, glAbs: 5 * nS)
                // cadIF's gA is not suffixed (as in Dendrify): one cadIF compartment per neuron.
                let dend = try Dendrite("dend", model: model == .cadIF ? .adex : model, cmAbs: 30 * pF, glAbs: 1.5 * nS)
                try dend.noise(tau: 5 * ms, sigma: 20 * pA, mean: 10 * pA)
                try dend.synapse(.nmda, tag: "in", g: 2 * nS, tRise: 2 * ms, tDecay: 40 * ms, scaleG: true)
                let neuron = try NeuronModel(connections: [(soma, dend, .conductance(5 * nS))], vRest: -70 * mV)
                try neuron.addParameters(["a_soma": 1 * nS, "tauw_soma": 100 * ms, "DeltaT_soma": 2 * mV,
                                          "Vth_soma": -50 * mV, "a_dend": 1 * nS, "tauw_dend": 100 * ms,
                                          "DeltaT_dend": 2 * mV, "Vth_dend": -50 * mV, "gAmax": 0.1 * nS,
                                          "EA": -70 * mV, "tauA": 50 * ms])
                let group = try neuron.makeNeuronGroup(4, threshold: "V_soma > -50*mV", reset: "V_soma = -70*mV",
                                                       name: "neurons")
                try group.s_NMDA_in_dend.set(1)
                let M = try StateMonitor(group, variables: ["V_soma", "V_dend"], record: [0, 3])
                try Network(group, M, backend: backend).run(5 * ms)
                var result = CaseResult()
                for variable in ["V_soma", "V_dend"] { try result.samples(variable, M, variable) }
                let v = try group.V_dend.values.values
                XCTAssertTrue(v.allSatisfy { $0.isFinite && $0 != -0.07 }, "\(model): \(v)")
                return result
            }
        }
    }

    func testDurationsFollowTheTimeStepWhenGiven() throws {
        defaultClock.dt = 0.05 * ms
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.dspikes("Na", gRise: 30 * nS, gFall: 15 * nS, durationRise: 1.2 * ms, offsetFall: 0.25 * ms)
        defaultClock.dt = 0.1 * ms
        let model = try NeuronModel(connections: [(try Dendrify.Soma("soma", cmAbs: 200 * pF, glAbs: 10 * nS), dend,
                                                   .conductance(15 * nS))], vRest: -65 * mV)
        XCTAssertEqual(model.parameters["duration_rise_Na_dend"]?.value, 24)
        XCTAssertEqual(model.parameters["offset_fall_Na_dend"]?.value, 5)
        try model.configDspikes("Na", durationRise: 1.2 * ms, durationFall: 2.4 * ms)
        XCTAssertEqual(model.parameters["duration_rise_Na_dend"]?.value, 12)
        XCTAssertEqual(model.parameters["duration_fall_Na_dend"]?.value, 24)
        XCTAssertEqual(model.parameters["offset_fall_Na_dend"]?.value, 5)
        // Brian's timestep rule: int((t + 1e-3*dt)/dt), so 0.2998 ms is 2 steps and 0.29995 ms is 3.
        try model.configDspikes("Na", durationFall: 0.2998 * ms, offsetFall: 0.29995 * ms)
        XCTAssertEqual(model.parameters["duration_fall_Na_dend"]?.value, 2)
        XCTAssertEqual(model.parameters["offset_fall_Na_dend"]?.value, 3)
    }

    /// Without `initRest` the voltages start at 0; without `initEvents` the dSpike event still
    /// occurs but its action does not run (the gate stays shut).
    func testInitialisationFlags() throws {
        let model = try DendrifyCases.io()
        let resting = try model.makeNeuronGroup(1, name: "resting")
        XCTAssertEqual(try resting.V_dend.values.values, [-0.065])
        let bare = try model.makeNeuronGroup(1, initRest: false, initEvents: false, name: "bare")
        XCTAssertEqual(try bare.V_dend.values.values, [0])
        try bare.V_dend.set(-30 * mV)
        let events = try EventMonitor(bare, "spike_Na_dend")
        try Network(bare, events, backend: .interpreter).run(1 * ms)
        XCTAssertFalse(events.i.isEmpty)
        XCTAssertEqual(try bare.gate_Na_dend.values.values, [0])
    }

    func testSecondResetSynapses() throws {
        let (group, reset) = try DendrifyCases.networkSmall().makeNeuronGroup(
            4, threshold: "V_soma > -50*mV", reset: "V_soma = 40*mV", secondReset: "V_soma = -60*mV",
            spikeWidth: 0.6 * ms, name: "cells")
        XCTAssertEqual(reset.name, "cells_second_reset")
        XCTAssertEqual(try reset.i, [0, 1, 2, 3])
        XCTAssertEqual(try reset.j, [0, 1, 2, 3])
        XCTAssertEqual(try reset.delay.values.values.first, 0.0006)
        XCTAssertEqual(group.method, .euler)
        XCTAssertNil(PointNeuronModel.defaultMethod)
    }

    func testReplaceEquations() throws {
        let model = try DendrifyCases.io()
        try model.replaceEquations("I_ext_dend  :amp", with: "I_ext_dend = 10*pA  :amp")
        XCTAssertTrue(model.equations.contains("I_ext_dend = 10*pA  :amp"))
        assertModelError(try model.replaceEquations("I_ext_axon", with: "x"),
                         "The equations of the model do not contain 'I_ext_axon'")
        assertModelError(try model.replaceEquations("I_ext_soma  :amp", with: "I_ext_soma = (  :amp"), "Expected an expression")
        XCTAssertTrue(model.equations.contains("I_ext_soma  :amp"))
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.replaceEquations("\nI_ext_dend  :amp", with: "\nI_ext_dend  :amp (constant)")
        XCTAssertTrue(dend.equations.hasSuffix("I_ext_dend  :amp (constant)"))
    }

    /// A mechanism's current goes after `I_ext` where it stands as a whole name only (Dendrify
    /// replaces the text `= I_ext` wherever it occurs, also in `J = I_ext_b`).
    func testCurrentsAreInsertedAfterTheWholeName() throws {
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
        try dend.addEquations("I_ext_dend_b : amp\nJ_dend = I_ext_dend_b : amp")
        try dend.synapse(.ampa, tag: "x", g: 1 * nS, tDecay: 2 * ms)
        XCTAssertTrue(dend.equations.contains("I_dend = I_ext_dend + I_AMPA_x_dend  :amp"), dend.equations)
        XCTAssertTrue(dend.equations.contains("J_dend = I_ext_dend_b : amp"), dend.equations)
    }
}
