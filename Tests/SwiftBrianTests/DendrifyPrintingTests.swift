import Dendrify
import SwiftBrian
import XCTest

/// Printing a Dendrify model shows its equations, events, event actions and parameters as
/// readable Brian-style text (parameters with units, step counts as integers).
final class DendrifyPrintingTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    func testPointModelDescription() throws {
        XCTAssertEqual(try DendrifyCases.pointAdex().description, """
            EQUATIONS
            ---------
            dV/dt = (gL * (EL-V) + gL*DeltaT*exp((V-Vth)/DeltaT) + I - w) / C  :volt
            dw/dt = (a * (V-EL) -w) / tauw  :amp
            I = I_ext  :amp
            I_ext  :amp

            PARAMETERS
            ----------
            Vth = -50.4 mV
            DeltaT = 2. mV
            tauw = 144. ms
            a = 4. nS
            b = 80.5 pA
            Vr = -70.6 mV
            EL = -70.6 mV
            C = 281. pF
            gL = 30. nS
            E_AMPA = 0. V
            E_NMDA = 0. V
            E_GABA = -80. mV
            E_Na = 70. mV
            E_K = -89. mV
            E_Ca = 136. mV
            Mg_con = 1.0
            Alpha_NMDA = 0.062
            Beta_NMDA = 3.57
            Gamma_NMDA = 0
            """)
    }

    func testNeuronModelDescription() throws {
        let model = try DendrifyCases.networkSmall()
        let text = "\(model)"
        XCTAssertTrue(text.hasPrefix("EQUATIONS\n---------\n\(model.equations)\n\nEVENTS\n------\n"), text)
        for line in [
            "spike_Na_apical: V_apical >= Vth_Na_apical and t_in_timesteps >= spiketime_Na_apical + refractory_Na_apical * gate_Na_apical",
            "EVENT ACTIONS\n-------------\nspike_Na_apical: spiketime_Na_apical = t_in_timesteps; gate_Na_apical = 1",
            "PARAMETERS\n----------\ng_apical_soma = 12. nS\ng_basal_soma = 10. nS\nEL_soma = -65. mV\nC_soma = 150. pF",
            "g_NMDA_ext_apical = 1.00276086 nS\nt_NMDA_rise_ext_apical = 5. ms\nt_NMDA_decay_ext_apical = 60. ms",
            "duration_rise_Na_apical = 10\nduration_fall_Na_apical = 20\noffset_fall_Na_apical = 3\nrefractory_Na_apical = 40",
        ] {
            XCTAssertTrue(text.contains(line), line)
        }
        XCTAssertEqual(model.parameters.count, 45)
        XCTAssertEqual(text.components(separatedBy: "\n").filter { $0.contains(" = ") && !$0.contains(":") }.count, 45)
    }

    func testCompartmentDescription() throws {
        let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS, vRest: -65 * mV)
        try dend.dspikes("Na", threshold: -35 * mV, gRise: 30 * nS, gFall: 15 * nS)
        let text = dend.description
        XCTAssertTrue(text.hasPrefix("EQUATIONS\n---------\n\(dend.equations)\n\nEVENTS\n------\nspike_Na_dend: V_dend >= "),
                      text)
        XCTAssertTrue(text.contains("PARAMETERS\n----------\nVth_Na_dend = -35. mV\ng_rise_max_Na_dend = 30. nS\n"
                                    + "g_fall_max_Na_dend = 15. nS\nEL_dend = -65. mV\nC_dend = 50. pF\ngL_dend = 2.5 nS\n"),
                      text)
        XCTAssertEqual(dend.parameters["C_dend"], 50 * pF)
        XCTAssertEqual(dend.capacitance, 50 * pF)
        XCTAssertNil(dend.area)
        let soma = try Dendrify.Soma("soma", length: 10 * um, diameter: 10 * um, cm: 1 * uF / cm2, gl: 50 * uS / cm2)
        XCTAssertEqual(try XCTUnwrap(soma.area).value, .pi * 1e-10, accuracy: 1e-22)
        XCTAssertFalse(soma.description.contains("EVENTS"))
    }

    func testParametersSequenceAndNamespace() throws {
        let model = try DendrifyCases.io()
        let parameters = model.parameters
        XCTAssertEqual(parameters.map(\.name), parameters.names)
        XCTAssertEqual(parameters["refractory_Na_dend"], Quantity(value: 50))
        XCTAssertTrue(parameters.isInteger("refractory_Na_dend"))
        XCTAssertFalse(parameters.isInteger("g_soma_dend"))
        XCTAssertNil(parameters["nothing"])
        XCTAssertEqual(parameters.namespace.values.count, parameters.count)
        XCTAssertEqual(parameters.namespace["E_K"], -89 * mV)
        XCTAssertEqual(model.restingPotentials.map(\.variable), ["V_soma", "V_dend"])
        XCTAssertEqual(model.compartmentNames, ["soma", "dend"])
    }
}
