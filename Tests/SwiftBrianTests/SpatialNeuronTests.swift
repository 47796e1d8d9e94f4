import Foundation
@testable import SwiftBrian
import SwiftBrianKernel
import XCTest

/// SpatialNeuron's selection of compartments, its integration method, its current readouts and its
/// errors (issue 11, items 2, 3 and the bad-input list).
final class SpatialNeuronTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private static let passive = """
        Im = gL*(EL - v) : amp/meter**2
        I : amp (point current)
        """
    private static let namespace: Namespace = ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV]

    /// Soma, a 50 × 10 µm dendrite with two children, and an axon attached last.
    private func cell() throws -> SpatialNeuron {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
        morpho.dend?.L = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
        morpho.dend?.R = try Cylinder(diameter: 1 * um, length: 100 * um, n: 5)
        morpho.axon = try Cylinder(diameter: 1 * um, length: 300 * um, n: 30)
        return try SpatialNeuron(morphology: morpho, model: Self.passive, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                                 namespace: Self.namespace, name: "cell")
    }

    func testSectionsAndPositionsSelectBriansCompartments() throws {
        let neuron = try cell()
        XCTAssertEqual(neuron.size, 96)
        let dend = try neuron["dend"]
        XCTAssertEqual(dend.size, 65)                         // the subtree: dend, dend.L, dend.R
        XCTAssertEqual(try dend.main.size, 50)                // the section only
        XCTAssertEqual(try neuron.main.size, 1)               // the soma
        XCTAssertEqual(try dend["L"].size, 10)
        XCTAssertEqual(try neuron["axon"].size, 30)
        XCTAssertEqual(try dend.index(at: 250 * um), 26)      // 250 µm starts compartment 25 of the section
        XCTAssertEqual(try dend.index(at: 254.9 * um), 26)
        XCTAssertEqual(try dend.index(at: 0 * um), 1)
        XCTAssertEqual(try dend.index(at: 500 * um), 50)      // the section's end: its last compartment
        XCTAssertEqual(try dend[250 * um].size, 1)
        XCTAssertEqual(try dend.segment(from: 100 * um, to: 200 * um).size, 10)
        XCTAssertEqual(try dend.segment(from: 105 * um, to: 200 * um).size, 10)   // 100–110 … 190–200
        XCTAssertEqual(try dend.segment(from: 105 * um, to: 201 * um).size, 11)
        XCTAssertEqual(try dend.segment(to: 30 * um).size, 3)
        // Variables through selections: the same buffers as the neuron's.
        try dend[250 * um].I.set(0.1 * nA)
        XCTAssertEqual(try neuron.I.plainValues.enumerated().filter { $0.element != 0 }.map(\.offset), [26])
        try neuron["axon"].v.set(-50 * mV)
        XCTAssertEqual(try neuron.v.plainValues.filter { $0 == -0.05 }.count, 30)
        XCTAssertEqual(try neuron.v.plainValues[66], -0.05, accuracy: 1e-15)
        // Location expressions.
        try neuron.I.set(1 * nA, where: "distance > 560*um")
        let far = try neuron.I.plainValues.enumerated().filter { $0.element == 1e-9 }.map(\.offset)
        XCTAssertEqual(far, [57, 58, 59, 60, 64, 65])   // dend.L at 565–595 µm, dend.R at 570 and 590 µm
    }

    func testSelectionErrorsNameWhatExists() throws {
        let neuron = try cell()
        assertModelError(try neuron["dendrite"], "no child 'dendrite'")
        assertModelError(try neuron["dendrite"], "'dend'")
        assertModelError(try neuron["dend"]["L"]["X"], "it has no children")
        assertModelError(try neuron["dend"][600 * um], "outside the section")
        assertModelError(try neuron["dend"][-1 * um], "outside the section")
        assertModelError(try neuron["dend"][2 * mV], "must be a length")
        assertModelError(try neuron["dend"].segment(from: 600 * um), "contains no compartment")
        let section = try XCTUnwrap(neuron.morphology.dend)
        assertModelError(try section.index(of: 50), "Invalid index 50 for a section of 50 compartments")
        XCTAssertEqual(try section.index(of: -1), 50)
        assertModelError(try neuron[90..<100], "not within the 96 elements")
    }

    /// As in Brian, the gating equations of an HH model are linear in the gates once v is a
    /// parameter, so the default choice (exact, exponential Euler, rk2, heun) takes exact; a
    /// passive model has nothing to integrate.
    func testDefaultMethodIsBriansChoice() throws {
        let axon = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
        let hh = try SpatialNeuron(morphology: axon, model: """
            Im = gNa*m**3*(ENa - v) : amp/meter**2
            dm/dt = alpham*(1 - m) - betam*m : 1
            alpham = (0.1/mV)*(-v + 25*mV)/(exp((-v + 25*mV)/(10*mV)) - 1)/ms : Hz
            betam = 4*exp(-v/(18*mV))/ms : Hz
            """, namespace: ["gNa": 120 * msiemens / cm2, "ENa": 115 * mV])
        XCTAssertEqual(hh.method, .exact)
        let timeDependent = try SpatialNeuron(morphology: axon, model: """
            Im = gNa*m**3*(ENa - v) : amp/meter**2
            dm/dt = (sin(t/ms) - m)/ms : 1
            """, namespace: ["gNa": 120 * msiemens / cm2, "ENa": 115 * mV])
        XCTAssertEqual(timeDependent.method, .exponentialEuler)
        let nonlinear = try SpatialNeuron(morphology: axon, model: """
            Im = gNa*m**3*(ENa - v) : amp/meter**2
            dm/dt = (m**2 - m)/ms : 1
            """, namespace: ["gNa": 120 * msiemens / cm2, "ENa": 115 * mV])
        XCTAssertEqual(nonlinear.method, .rk2)
    }

    /// Charge is conserved: the capacitive currents of all compartments add up to the membrane
    /// currents plus the injected current (the axial currents cancel), step by step — up to the
    /// rounding of the solve, which the soma's large coupling conductance (r_length = 1 m) amplifies
    /// to a few 1e-8 of the injected current.
    func testCapacitiveCurrentBalancesMembraneCurrents() throws {
        for backend in [BackendKind.interpreter, .native] {
            defaultClock.dt = 25 * us
            let neuron = try cell()
            try neuron.v.set(-70 * mV)
            try neuron["dend"]["L"][100 * um].I.set(0.2 * nA)
            let net = try Network(neuron, backend: backend)
            for _ in 0..<5 {
                try net.run(0.5 * ms)
                let area = try neuron.area.plainValues, ic = try neuron.Ic.plainValues
                let im = try neuron.Im.plainValues
                let capacitive = zip(area, ic).map { $0 * $1 }.reduce(0, +)
                let membrane = zip(area, im).map { $0 * $1 }.reduce(0, +)
                XCTAssertEqual(capacitive, membrane, accuracy: 1e-6 * capacitive, "\(backend)")
                XCTAssertGreaterThan(capacitive, 0)
            }
        }
    }

    func testBadModelsGiveClearErrors() throws {
        let morpho = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
        func neuron(_ model: String, _ namespace: Namespace = SpatialNeuronTests.namespace) throws -> SpatialNeuron {
            try SpatialNeuron(morphology: morpho, model: model, namespace: namespace)
        }
        assertModelError(try neuron("I : amp (point current)"), "must define the transmembrane current per area")
        assertModelError(try neuron("Im = gL*(EL - v) : amp"), "must be a current per area (amp/meter**2), but it is "
                         + "declared in amp", caretUnder: "amp")
        assertModelError(try neuron("Im : amp/meter**2"), "'Im' must be a subexpression without flags")
        assertModelError(try neuron("Im = gL*(EL - v) : amp/meter**2 (constant over dt)"),
                         "'Im' must be a subexpression without flags")
        assertModelError(try neuron("Im = gL*(EL - v) + I/area : amp/meter**2\nI : volt (point current)"),
                         "The point current 'I' must be in amp, but it is in volt", caretUnder: "volt")
        assertModelError(try neuron("Im = gL*(EL - v) : amp/meter**2\ndv/dt = -v/ms : volt"),
                         "'v' is the membrane potential, which a SpatialNeuron defines itself", caretUnder: "v")
        assertModelError(try neuron("Im = gL*(EL - v) : amp/meter**2\narea : meter**2"), "'area' is a compartment's area")
        assertModelError(try neuron("Im = gL*(EL - v) : amp/meter**2\nI : amp (summed)"),
                         "The flag 'summed' cannot be used", caretUnder: "summed")
        assertModelError(try neuron("Im = gL*(EL - vv) : amp/meter**2"), "vv", caretUnder: "vv")
        assertModelError(try neuron("Im = gL*(EL - v)/second : amp/meter**2"), "'Im' must be in amp/metre**2")
        assertModelError(try neuron("Im = myfun(v)*amp/meter**2 : amp/meter**2"), "myfun")
        assertModelError(try SpatialNeuron(morphology: morpho, model: Self.passive, threshold: "v > 0*mV",
                                           thresholdLocation: 10, namespace: Self.namespace),
                         "thresholdLocation is 10, but the morphology's compartments are numbered 0..<10")
        assertModelError(try SpatialNeuron(morphology: morpho, model: Self.passive, thresholdLocation: 0,
                                           namespace: Self.namespace), "without a threshold")
        assertModelError(try SpatialNeuron(morphology: morpho, model: Self.passive, Cm: 1 * uF, namespace: Self.namespace),
                         "Cm must be a positive capacitance per area")
        assertModelError(try SpatialNeuron(morphology: morpho, model: Self.passive, Ri: -1 * ohm * cm,
                                           namespace: Self.namespace), "Ri must be a positive resistivity")
        // Values set later are checked when a run starts.
        let ok = try neuron(Self.passive)
        try ok.Ri.set(0 * ohm * meter)
        assertModelError(try Network(ok).run(1 * ms), "Ri of")
        try ok.Ri.set(1 * ohm * meter)
        try ok.Cm.set(0 * farad / (meter * meter), where: "i == 3")
        assertModelError(try Network(ok).run(1 * ms), "in compartment 3 it is 0")
        try ok.Cm.set(1 * uF / cm2)
        try ok.area.set(-1 * um * um, where: "i == 4")
        assertModelError(try Network(ok).run(1 * ms), "area of '\(ok.name)' must be positive in every compartment, "
                         + "but in compartment 4 it is -1. um^2")
    }

    /// With `thresholdLocation` only that compartment spikes, and its threshold is the only one
    /// tested (the thresholder runs over it alone): every compartment is above the threshold, and
    /// only the location's refractoriness and last spike change, on every backend.
    func testThresholdTestedOnlyAtItsLocation() throws {
        let morpho = try cell().morphology
        func neuron(at location: Int?) throws -> SpatialNeuron {
            try SpatialNeuron(morphology: morpho, model: Self.passive, threshold: "v > -50*mV",
                              thresholdLocation: location, refractory: 1 * ms, namespace: Self.namespace)
        }
        func thresholderIterations(_ neuron: SpatialNeuron) throws -> [Iteration] {
            try neuron.scheduledOperations().filter { $0.name.hasSuffix("spike_thresholder") }.flatMap { operation in
                guard case .kernels(let kernels) = operation.action else { return [Iteration]() }
                return kernels.map(\.iteration)
            }
        }
        let everywhere = try neuron(at: nil)
        XCTAssertEqual(try thresholderIterations(everywhere), [.range(0, everywhere.size)])
        XCTAssertEqual(try thresholderIterations(try neuron(at: 7)), [.range(7, 8)])
        let result = try onBothBackends("threshold location") { backend in
            let located = try neuron(at: 7)
            try located.v.set(-40 * mV)
            let spikes = try SpikeMonitor(located)
            try Network(located, spikes, backend: backend).run(0.35 * ms)
            var result = CaseResult()
            result.values("i", spikes.i.map(Double.init))
            result.final("lastspike", try located.lastspike.values)
            return result
        }
        XCTAssertEqual(result.numbers("i"), [7])
        let lastspike = result.numbers("lastspike")
        XCTAssertEqual(lastspike.indices.filter { lastspike[$0] == 0 }, [7], "only compartment 7 spiked, at t = 0")
    }

    /// A membrane current that becomes infinite stops the run with the compartment and the time.
    func testNonFinitePotentialStopsTheRun() throws {
        for backend in [BackendKind.interpreter, .native] {
            let morpho = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
            let neuron = try SpatialNeuron(morphology: morpho, model: "Im = gL*(EL - v)*ms/(t - 1*ms) : amp/meter**2",
                                           namespace: Self.namespace, name: "blowup")
            try neuron.v.set(-70 * mV)
            assertModelError(try Network(neuron, backend: backend).run(2 * ms),
                             "'v' of 'blowup' became NaN for compartment 0 at t = 0.001 s (last finite value: -0.07")
        }
    }

    /// Monitors on sections record the section's compartments (indices within the section), and a
    /// spike monitor on the neuron sees each compartment as a neuron.
    func testMonitorsOnSectionsAndCompartments() throws {
        defaultClock.dt = 25 * us
        let neuron = try cell()
        try neuron.v.set(-70 * mV)
        try neuron["axon"][300 * um].I.set(0.5 * nA)
        let axon = try neuron["axon"]
        let all = try StateMonitor(axon.main, "v")
        let some = try StateMonitor(axon, "v", record: [0, 29])
        let net = try Network(neuron, all, some)
        try net.run(1 * ms)
        XCTAssertEqual(all.record, Array(0..<30))
        let last = try all.values("v", index: 29).values, tip = try some.values("v", index: 29).values
        XCTAssertEqual(last, tip)
        XCTAssertGreaterThan(try XCTUnwrap(last.last), try XCTUnwrap(try all.values("v", index: 0).values.last))
    }

    /// Models assembled at random from pieces (good and bad) give a SpatialNeuron or a ModelError,
    /// never a crash; those that build also run a few steps (or stop with a ModelError).
    func testFuzzedModelsGiveNeuronsOrErrors() throws {
        let pieces = [
            "Im = gL*(EL - v) : amp/meter**2", "Im = gL*(EL - v) + gs*(Es - v) : amp/meter**2", "Im = 0 : amp/meter**2",
            "Im = gL*(EL - v)**2/mV : amp/meter**2", "Im = exp(v/mV)*amp/meter**2 : amp/meter**2", "Im : amp/meter**2",
            "Im = v : amp/meter**2", "Im = I/area : amp/meter**2", "I : amp (point current)", "I : amp (point current, constant)",
            "I = 0.1*nA*sin(t/ms) : amp (point current)", "dI/dt = -I/ms : amp (point current)", "I : volt (point current)",
            "dgs/dt = -gs/ms : siemens/meter**2", "gs : siemens/meter**2 (shared)", "dm/dt = (1 - m)/ms - m*v/(mV*ms) : 1",
            "dm/dt = m**2/ms : 1", "Es : volt (constant)", "v : volt", "area : meter", "x : 1", "Cm : farad", "dv/dt = 0/ms : volt",
            "I : amp (summed)", "I : amp (point current", "Im = (gL*(EL - v) : amp/meter**2", "Im = gL*(EL - v) : amp/meter**2 (point current)",
            "", "# comment", "Im = gL*(EL - v) : amp/meter**2\nIm = 0 : amp/meter**2",
        ]
        let morpho = try Soma(diameter: 10 * um)
        morpho.dend = try Cylinder(diameter: 1 * um, length: 50 * um, n: 5)
        var generator = SystemRandomNumberGenerator()
        var built = 0, refused = 0
        for _ in 0..<300 {
            let count = Int.random(in: 1...4, using: &generator)
            let model = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined(separator: "\n")
            do {
                let neuron = try SpatialNeuron(morphology: morpho, model: model, namespace: Self.namespace)
                built += 1
                do { try Network(neuron, backend: .interpreter).run(0.3 * ms) } catch is ModelError {}
            } catch is ModelError {
                refused += 1
            } catch {
                XCTFail("\(model): \(error)")
            }
        }
        XCTAssertGreaterThan(built, 10)
        XCTAssertGreaterThan(refused, 10)
    }

    /// A point current may be a `(constant over dt)` subexpression, computed at the start of each
    /// step (Brian's rule): it gives the same potentials as a parameter set between runs.
    func testPointCurrentSubexpressionConstantOverDt() throws {
        defaultClock.dt = 10 * us
        func run(_ model: String, switchOn: Bool) throws -> [Double] {
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
            let neuron = try SpatialNeuron(morphology: morpho, model: model, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                                           namespace: Self.namespace)
            try neuron.v.set(-70 * mV)
            let net = try Network(neuron)
            try net.run(1 * ms)
            if switchOn { try neuron.I.set(0.1 * nA, where: "i == 50") }
            try net.run(2 * ms)
            return try neuron.v.plainValues
        }
        let parameter = try run(Self.passive, switchOn: true)
        let subexpression = try run("""
            Im = gL*(EL - v) : amp/meter**2
            I = 0.1*nA*int(t >= 0.995*ms)*int(i == 50) : amp (point current, constant over dt)
            """, switchOn: false)
        XCTAssertEqual(parameter, subexpression)
        XCTAssertGreaterThan(parameter[50], -0.069)
    }

    /// As in Brian, the cable reads the geometry variables when a run starts: lengths set between
    /// runs count. Doubling r_length_1 and r_length_2 is halving Ri.
    func testGeometrySetBetweenRunsCounts() throws {
        defaultClock.dt = 25 * us
        func run(ri: Quantity, scale: Bool) throws -> [Double] {
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
            let neuron = try SpatialNeuron(morphology: morpho, model: Self.passive, Cm: 1 * uF / cm2, Ri: ri,
                                           namespace: Self.namespace)
            try neuron.v.set(-70 * mV)
            try neuron.I.set(0.1 * nA, where: "i == 50")
            if scale {
                try neuron.r_length_1.set("2*r_length_1")
                try neuron.r_length_2.set("2*r_length_2")
            }
            try Network(neuron).run(2 * ms)
            return try neuron.v.plainValues
        }
        let scaled = try run(ri: 150 * ohm * cm, scale: true), halved = try run(ri: 75 * ohm * cm, scale: false)
        let original = try run(ri: 150 * ohm * cm, scale: false)
        assertClose(scaled, halved, rtol: 1e-12, atol: 1e-15)
        XCTAssertGreaterThan(abs(scaled[50] - original[50]), 1e-4)
    }

    /// The cable keeps each section's factorization while its gtot stays the same and factorizes
    /// anew when gtot changes during a run: a leak conductance doubled at 1 ms by a run_regularly
    /// operation gives the same potentials, bit for bit, as the same change made between two runs
    /// (where everything is set up anew), on both backends; and the change does matter. The two
    /// backends agree bit for bit (a step where some sections are factorized anew and others keep
    /// their factorization, on a branched tree).
    func testConductanceChangedDuringARunRefactorsTheCable() throws {
        defaultClock.dt = 25 * us
        let model = """
            Im = gL*(EL - v) : amp/meter**2
            gL : siemens/meter**2
            I : amp (point current)
            """
        func run(_ backend: BackendKind, change: String) throws -> [Double] {
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
            morpho.dend?.L = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
            let neuron = try SpatialNeuron(morphology: morpho, model: model, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                                           namespace: ["EL": -70 * mV])
            try neuron.v.set(-70 * mV)
            try neuron.gL.set(1e-4 * siemens / cm2)
            try neuron.I.set(0.1 * nA, where: "i == 50")
            let doubling = "gL = 1e-4*siemens/cm**2 * (1 + int(t > 0.5*ms) * int(i > 10))"
            switch change {
            case "during":
                let network = try Network(neuron, neuron.runRegularly(doubling, dt: 0.5 * ms), backend: backend)
                try network.run(2 * ms)
            case "between":
                let network = try Network(neuron, backend: backend)
                try network.run(1 * ms)
                try neuron.gL.set(2e-4 * siemens / cm2, where: "i > 10")
                try network.run(1 * ms)
            default:
                try Network(neuron, backend: backend).run(2 * ms)
            }
            return try neuron.v.plainValues
        }
        for backend in BackendKind.allCases where backend != .cuda {   // the GPU: EmulatedNetworkTests
            let during = try run(backend, change: "during"), between = try run(backend, change: "between")
            XCTAssertEqual(during, between, "\(backend)")
            XCTAssertGreaterThan(abs(during[50] - (try run(backend, change: "none"))[50]), 1e-5, "\(backend)")
        }
        XCTAssertEqual(try run(.interpreter, change: "during"), try run(.native, change: "during"))
    }
}
