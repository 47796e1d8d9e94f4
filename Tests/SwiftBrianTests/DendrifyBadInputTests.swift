import Dendrify
import SwiftBrian
import XCTest

/// Mistakes in Dendrify models give a ``ModelError`` that says what is wrong in the user's terms.
final class DendrifyBadInputTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private func soma() throws -> Dendrify.Soma { try Dendrify.Soma("soma", cmAbs: 100 * pF, glAbs: 5 * nS) }
    private func dend(_ name: String = "dend") throws -> Dendrite { try Dendrite(name, cmAbs: 20 * pF, glAbs: 1 * nS) }

    func testConnections() throws {
        let s = try soma(), d = try dend()
        assertModelError(try NeuronModel(connections: [(s, s, .conductance(1 * nS))]),
                         "The compartment 'soma' is connected to itself")
        assertModelError(try NeuronModel(connections: [(s, d, .conductance(1 * nS)), (d, s, .conductance(2 * nS))]),
                         "'dend' and 'soma' are connected twice")
        assertModelError(try NeuronModel(connections: [(s, try dend("soma"), .conductance(1 * nS))]),
                         "Two compartments of the NeuronModel are named 'soma': names must be unique")
        assertModelError(try NeuronModel(connections: [(s, d, .conductance(1 * nS)), (d, try dend(), .conductance(1 * nS))]),
                         "Two compartments of the NeuronModel are named 'dend': names must be unique")
        let x = try dend("x"), y = try dend("y")
        assertModelError(try NeuronModel(connections: [(s, d, .conductance(1 * nS)), (x, y, .conductance(1 * nS))]),
                         "The compartments of a NeuronModel must form one neuron, but 'x', 'y' are not connected to 'soma'")
        assertModelError(try NeuronModel(connections: [(Compartment, Compartment, Coupling)]()),
                         "A NeuronModel needs at least one connection")
        assertModelError(try NeuronModel(connections: [(s, d, .conductance(0 * nS))]),
                         "The coupling conductance of the connection of 'soma' and 'dend' must be positive, but it is 0. S")
        assertModelError(try NeuronModel(connections: [(s, d, .conductance(1 * mV))]),
                         "The coupling conductance of the connection of 'soma' and 'dend' must be a conductance")
        assertModelError(try NeuronModel(connections: [(s, d, .halfCylinders)]),
                         "the connection of 'soma' and 'dend' needs an explicit conductance (.conductance(...)): 'soma' is given by absolute values")
        assertModelError(try NeuronModel(connections: [(s, d)]), "needs an explicit conductance")
    }

    func testGeometricCouplings() throws {
        let s = try Dendrify.Soma("soma", length: 20 * um, diameter: 20 * um, cm: 1 * uF / cm2, gl: 50 * uS / cm2)
        let d = try Dendrite("dend", length: 100 * um, diameter: 1 * um, cm: 1 * uF / cm2, gl: 50 * uS / cm2)
        let other = try Dendrite("other", length: 100 * um, diameter: 1 * um)
        assertModelError(try NeuronModel(connections: [(s, d)], vRest: -70 * mV),
                         "the connection of 'soma' and 'dend' needs the axial resistance of 'soma', which has no rAxial")
        assertModelError(try NeuronModel(connections: [(s, d, .cylinder(of: other))], rAxial: 100 * ohm * cm,
                                         vRest: -70 * mV),
                         "the connection of 'soma' and 'dend' cannot use the cylinder of 'other', which is not one of the two")
        let abs = try dend("abs")
        assertModelError(try NeuronModel(connections: [(s, abs, .conductance(1 * nS))], vRest: -70 * mV),
                         "A NeuronModel's compartments must all be given by geometry or all by absolute values")
        assertModelError(try NeuronModel(connections: [(try soma(), abs, .conductance(1 * nS))], cm: 1 * uF / cm2),
                         "The compartment 'soma' is given by absolute values (cmAbs, glAbs), so the NeuronModel's cm")
    }

    func testIncompleteCompartments() throws {
        let bare = try Dendrify.Soma("soma")
        assertModelError(try NeuronModel(connections: [(bare, try dend(), .conductance(1 * nS))], vRest: -70 * mV),
                         "A NeuronModel's compartments must all be given by geometry or all by absolute values")
        let noLength = try Dendrify.Soma("soma", diameter: 10 * um, cm: 1 * uF / cm2, gl: 50 * uS / cm2)
        let d = try Dendrite("dend", length: 10 * um, diameter: 1 * um, cm: 1 * uF / cm2, gl: 50 * uS / cm2)
        assertModelError(try NeuronModel(connections: [(noLength, d, .conductance(1 * nS))], vRest: -70 * mV),
                         "The compartment 'soma' has no geometry (length and diameter) or absolute values (cmAbs and glAbs)")
        let noCm = try Dendrify.Soma("soma", length: 10 * um, diameter: 10 * um, gl: 50 * uS / cm2)
        assertModelError(try NeuronModel(connections: [(noCm, d, .conductance(1 * nS))], vRest: -70 * mV),
                         "The compartment 'soma' has no cm")
        let onlyCm = try Dendrify.Soma("soma", cmAbs: 100 * pF)
        assertModelError(try NeuronModel(connections: [(onlyCm, try dend(), .conductance(1 * nS))], vRest: -70 * mV),
                         "The compartment 'soma' has no glAbs, which a compartment with cmAbs needs")
        assertModelError(try NeuronModel(connections: [(try soma(), try dend(), .conductance(1 * nS))]),
                         "The compartment 'soma' has no vRest")
        assertModelError(try PointNeuronModel(cmAbs: 100 * pF, glAbs: 10 * nS), "the point neuron has no vRest")
        assertModelError(try PointNeuronModel(vRest: -70 * mV), "the point neuron has no geometry")
    }

    func testCompartmentValues() throws {
        assertModelError(try Dendrite("d", length: 0 * um, diameter: 1 * um),
                         "length of the compartment 'd' must be positive, but it is 0. m")
        assertModelError(try Dendrite("d", length: 10 * um, diameter: -1 * um),
                         "diameter of the compartment 'd' must be positive, but it is -1. um")
        assertModelError(try Dendrite("d", length: 10 * mV), "length of the compartment 'd' must be a length, but it is 10. mV")
        assertModelError(try Dendrite("d", cm: -1 * uF / cm2), "cm of the compartment 'd' must be positive")
        assertModelError(try Dendrite("d", cm: 1 * uF), "cm of the compartment 'd' must be a capacitance per area (F/m²)")
        assertModelError(try Dendrite("d", gl: 0 * uS / cm2), "gl of the compartment 'd' must be positive")
        assertModelError(try Dendrite("d", rAxial: 0 * ohm * cm), "rAxial of the compartment 'd' must be positive")
        assertModelError(try Dendrite("d", rAxial: 1 * ohm), "rAxial of the compartment 'd' must be a resistivity (Ω·m)")
        assertModelError(try Dendrite("d", cmAbs: 0 * pF), "cmAbs of the compartment 'd' must be positive")
        assertModelError(try Dendrite("d", glAbs: -1 * nS), "glAbs of the compartment 'd' must be positive")
        assertModelError(try Dendrite("d", cmAbs: Quantity(value: .nan, dimension: .capacitance)),
                         "cmAbs of the compartment 'd' must be finite")
        assertModelError(try Dendrite("d", vRest: 1 * nS), "vRest of the compartment 'd' must be a voltage")
        assertModelError(try Dendrite("d", scaleFactor: 0), "scaleFactor of the compartment 'd' must be a positive number")
        assertModelError(try Dendrite("d", spineFactor: -.infinity), "spineFactor of the compartment 'd' must be a positive number")
        assertModelError(try Dendrite("d", length: 10 * um, cmAbs: 10 * pF),
                         "the compartment 'd' is given both absolute values (cmAbs, glAbs) and geometry (length)")
        assertModelError(try PointNeuronModel(length: 10 * um, diameter: 10 * um, cmAbs: 10 * pF, vRest: -70 * mV),
                         "the point neuron is given both absolute values")
        let d = try dend()
        assertModelError(try NeuronModel(connections: [(try soma(), d, .conductance(1 * nS))], vRest: 5 * nA),
                         "vRest of the NeuronModel must be a voltage")
    }

    func testNames() throws {
        for name in ["", "1dend", "dend-1", "dé", "d end", "_d"] {
            assertModelError(try Dendrite(name), "'\(name)' is not a valid compartment name")
        }
        let d = try dend()
        assertModelError(try d.synapse(.ampa, tag: "a b", g: 1 * nS, tDecay: 2 * ms), "'a b' is not a valid synapse tag")
        assertModelError(try d.dspikes("N+a", gRise: 1 * nS, gFall: 1 * nS), "'N+a' is not a valid dSpike name")
        assertModelError(try d.addParameters(["t": 1 * ms]), "'t' has a special meaning")
        assertModelError(try d.addParameters(["mV": 1 * ms]), "'mV' is the name of a unit")
    }

    func testSynapses() throws {
        assertModelError(try SynapseKind("NMDAR"), "Unknown synapse kind 'NMDAR': use one of 'AMPA', 'NMDA', 'GABA'")
        XCTAssertEqual(try SynapseKind("gaba"), .gaba)
        let d = try dend()
        assertModelError(try d.synapse(.ampa, tag: "x", g: 0 * nS, tDecay: 2 * ms),
                         "g of the AMPA synapse 'x' of the compartment 'dend' must be positive, but it is 0. S")
        assertModelError(try d.synapse(.ampa, tag: "x", g: 1 * nS, tDecay: -2 * ms), "tDecay of the AMPA synapse 'x'")
        assertModelError(try d.synapse(.ampa, tag: "x", g: 1 * nS, tDecay: 2 * mV),
                         "tDecay of the AMPA synapse 'x' of the compartment 'dend' must be a time")
        assertModelError(try d.synapse(.nmda, tag: "x", g: 1 * nS, tRise: 0 * ms, tDecay: 2 * ms),
                         "tRise of the NMDA synapse 'x' of the compartment 'dend' must be positive")
        assertModelError(try d.synapse(.nmda, tag: "x", g: 1 * nS, tRise: 5 * ms, tDecay: 5 * ms),
                         "tRise of the NMDA synapse 'x' of the compartment 'dend' must be shorter than its tDecay")
        assertModelError(try d.synapse(.nmda, tag: "x", g: 1 * nS, tDecay: 5 * ms, scaleG: true), "scaleG of the NMDA synapse 'x'")
        try d.synapse(.ampa, tag: "x", g: 1 * nS, tDecay: 2 * ms)
        assertModelError(try d.synapse(.ampa, tag: "x", g: 2 * nS, tDecay: 2 * ms),
                         "the compartment 'dend' already has an AMPA synapse tagged 'x': use another tag")
        try d.synapse(.nmda, tag: "x", g: 2 * nS, tDecay: 20 * ms)
        assertModelError(try d.noise(tau: 0 * ms), "tau of the noise of the compartment 'dend' must be positive")
        assertModelError(try d.noise(sigma: -1 * pA), "sigma of the noise of the compartment 'dend' must not be negative")
        try d.noise()
        assertModelError(try d.noise(), "the compartment 'dend' already has noise")
        let point = try PointNeuronModel(cmAbs: 100 * pF, glAbs: 10 * nS, vRest: -70 * mV)
        assertModelError(try point.synapse(.gaba, tag: "i", g: -1 * nS, tDecay: 5 * ms),
                         "g of the GABA synapse 'i' of the point neuron must be positive")
    }

    func testDendriticSpikes() throws {
        let d = try dend()
        assertModelError(try d.dspikes("Na", gRise: 0 * nS, gFall: 1 * nS), "gRise of the dSpikes 'Na' of 'dend' must be positive")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * mV), "gFall of the dSpikes 'Na' of 'dend' must be a conductance")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS, durationRise: 0 * ms),
                         "durationRise of the dSpikes 'Na' of 'dend' must be positive")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS, refractory: -1 * ms),
                         "refractory of the dSpikes 'Na' of 'dend' must not be negative")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS, durationFall: 1e300 * second),
                         "durationFall of the dSpikes 'Na' of 'dend' is 1.e+276 Ys, too many time steps of 100. us")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS, reversalRise: "E_Xx"),
                         "reversalRise of the dSpikes 'Na' of 'dend' 'E_Xx' is not one of Dendrify's reversal potentials")
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS, reversalFall: 3 * nS),
                         "reversalFall of the dSpikes 'Na' of 'dend' must be a voltage")
        try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS)
        assertModelError(try d.dspikes("Na", gRise: 1 * nS, gFall: 1 * nS), "'dend' already has dSpikes 'Na'")
        let model = try NeuronModel(connections: [(try soma(), d, .conductance(1 * nS))], vRest: -70 * mV)
        assertModelError(try model.configDspikes("Ca", threshold: -30 * mV),
                         "No dendrite of the model has dSpikes 'Ca' (its dSpikes: 'Na')")
        assertModelError(try model.makeNeuronGroup(1),
                         "the dSpikes 'Na' of 'dend' have no threshold, reversalRise, reversalFall, durationRise, "
                         + "durationFall, offsetFall, refractory: give them to dspikes(...) or the model's configDspikes(\"Na\", ...)")
        try model.configDspikes("Na", threshold: -40 * mV, durationRise: 1 * ms, durationFall: 1 * ms,
                                reversalRise: "E_Na", reversalFall: "E_K", offsetFall: 0 * ms)
        assertModelError(try model.makeNeuronGroup(1), "the dSpikes 'Na' of 'dend' have no refractory")
        try model.configDspikes("Na", refractory: 3 * ms)
        XCTAssertNoThrow(try model.makeNeuronGroup(1))
        let plain = try NeuronModel(connections: [(try soma(), try dend(), .conductance(1 * nS))], vRest: -70 * mV)
        assertModelError(try plain.configDspikes("Na"), "No dendrite of the model has dSpikes 'Na' (it has none)")
    }

    /// A soma with very many dendrites sums more currents than an expression may hold terms.
    func testTooManyCurrents() throws {
        let s = try soma()
        let dendrites = try (0..<250).map { try dend("d\($0)") }
        let model = try NeuronModel(connections: dendrites.map { (s, $0, .conductance(1 * nS)) }, vRest: -70 * mV)
        assertModelError(try model.makeNeuronGroup(1),
                         "The equations of the compartment 'soma' do not parse (I_soma sums I_ext and 250 currents of "
                         + "couplings, synapses, noise and dSpikes; SwiftBrian's expressions have at most 200 terms: "
                         + "spread them over more compartments): The expression is nested too deeply")
    }

    func testEquationsAndGroups() throws {
        let s = try soma()
        assertModelError(try s.addEquations("I_ext_soma : amp"),
                         "The equations added to the compartment 'soma' define 'I_ext_soma', which it already defines")
        assertModelError(try s.addEquations("dx/dt = -x/tau"), "Expected ': unit' after the equation of 'x'")
        assertModelError(try s.replaceEquations("nothing like this", with: "x : 1"),
                         "The equations of the compartment 'soma' do not contain 'nothing like this'")
        let model = try NeuronModel(connections: [(s, try dend(), .conductance(1 * nS))], vRest: -70 * mV)
        assertModelError(try model.addEquations("V_soma : volt"),
                         "The equations added to the model define 'V_soma', which it already defines")
        assertModelError(try model.makeNeuronGroup(1, threshold: "V_soma > -50*mV", reset: "V_soma = -60*mV",
                                                   secondReset: "V_soma = -65*mV", spikeWidth: 0 * ms),
                         "spikeWidth of the second reset must be positive")
        assertModelError(try model.makeNeuronGroup(-1), "A NeuronGroup needs at least one neuron, but N = -1")
        assertModelError(try model.makeNeuronGroup(1, threshold: "V_soma > Vt"), "Vt")
    }
}

/// Random argument combinations for every Dendrify call: each either works or throws a
/// ``ModelError``, never crashes. Most arguments are sensible values (so that models get built
/// and grouped); the rest are nil or odd numbers in any unit.
final class DendrifyFuzzTests: XCTestCase {
    func testRandomArgumentsNeverCrash() throws {
        defaultClock.dt = 0.1 * ms
        var random = SplitMix64(seed: 12)
        let numbers: [Double] = [0, -1, 1e-12, 1e300, -1e-300, .nan, .infinity, -.infinity, 40]
        let units: [Quantity] = [mV, nS, pF, um, ms, pA, uF / cm2, ohm * cm, 1 * second / second]
        func roll(_ n: UInt64) -> UInt64 { random.next() % n }
        /// Usually `typical` in `unit`; sometimes nil; sometimes an odd number in any unit.
        func q(_ typical: Double, _ unit: Quantity) -> Quantity? {
            switch roll(10) {
            case 0: return nil
            case 1, 2: return numbers.randomElement(using: &random)! * units.randomElement(using: &random)!
            default: return typical * unit
            }
        }
        func factor() -> Double { roll(4) == 0 ? numbers.randomElement(using: &random)! : 1.5 }
        let names = ["soma", "dend", "a", "b", "x_1", "1x", "", "t", "Na", "d e"]
        func name(_ usual: String) -> String { roll(8) == 0 ? names.randomElement(using: &random)! : usual }
        var built = 0
        for _ in 0..<600 {
            var compartments: [Compartment] = []
            let geometry = roll(2) == 0
            for k in 0..<Int(roll(4) + 1) {
                let length = geometry ? q(100, um) : nil, diameter = geometry ? q(1, um) : nil
                let specificC = geometry ? q(1, uF / cm2) : nil, specificG = geometry ? q(50, uS / cm2) : nil
                let rAxial = geometry ? q(150, ohm * cm) : nil
                let cmAbs = geometry ? nil : q(50, pF), glAbs = geometry ? nil : q(2, nS)
                let compartment: Compartment? = k == 0
                    ? try? Dendrify.Soma(name("soma"), model: CompartmentModel.allCases.randomElement(using: &random)!,
                                         length: length, diameter: diameter, cm: specificC, gl: specificG, cmAbs: cmAbs,
                                         glAbs: glAbs, rAxial: rAxial, vRest: q(-65, mV), scaleFactor: factor())
                    : try? Dendrite(name("d\(k)"), length: length, diameter: diameter, cm: specificC, gl: specificG, cmAbs: cmAbs,
                                    glAbs: glAbs, rAxial: rAxial, vRest: q(-65, mV), spineFactor: factor())
                guard let compartment else { continue }
                if let g = q(3, nS), let tDecay = q(5, ms) {
                    try? compartment.synapse(SynapseKind.allCases.randomElement(using: &random)!, tag: name("x"), g: g,
                                             tRise: roll(2) == 0 ? nil : q(1, ms), tDecay: tDecay,
                                             scaleG: roll(2) == 0)
                }
                if roll(3) == 0 { try? compartment.noise(tau: q(20, ms) ?? 20 * ms, sigma: q(1, pA) ?? 1 * pA) }
                if let dendrite = compartment as? Dendrite, let gRise = q(20, nS), let gFall = q(10, nS) {
                    try? dendrite.dspikes(name("Na"), threshold: q(-40, mV), gRise: gRise, gFall: gFall,
                                          durationRise: q(1, ms), durationFall: q(2, ms),
                                          reversalRise: roll(2) == 0 ? "E_Na" : q(70, mV),
                                          reversalFall: q(-80, mV), offsetFall: q(0.5, ms), refractory: q(3, ms))
                }
                compartments.append(compartment)
            }
            guard let first = compartments.first else { continue }
            var connections: [(Compartment, Compartment, Coupling)] = []
            for (k, compartment) in compartments.enumerated().dropFirst() {
                let other = roll(6) == 0 ? compartments.randomElement(using: &random)! : compartments[k - 1]
                let coupling: Coupling = geometry
                    ? (roll(2) == 0 ? .halfCylinders : .cylinder(of: roll(6) == 0 ? first : compartment))
                    : .conductance(q(10, nS) ?? 1 * nS)
                connections.append((other, compartment, coupling))
            }
            if roll(8) == 0 { connections.append((first, first, .halfCylinders)) }
            guard let model = try? NeuronModel(connections: connections, vRest: roll(2) == 0 ? nil : q(-65, mV),
                                               scaleFactor: roll(3) == 0 ? factor() : nil) else { continue }
            try? model.configDspikes(name("Na"), threshold: q(-40, mV), durationRise: q(1, ms), durationFall: q(2, ms),
                                     reversalRise: "E_K", reversalFall: q(-80, mV), offsetFall: q(0.3, ms),
                                     refractory: q(3, ms))
            try? model.addParameters(["a_soma": 1 * nS, "tauw_soma": 100 * ms, "DeltaT_soma": 2 * mV,
                                      "Vth_soma": -50 * mV, "gAmax": 1 * nS, "EA": -70 * mV, "tauA": 50 * ms])
            XCTAssertFalse(model.description.isEmpty)
            if (try? model.makeNeuronGroup(Int(roll(3)), threshold: "V_soma > -50*mV")) != nil { built += 1 }
        }
        XCTAssertGreaterThan(built, 10)
    }
}
