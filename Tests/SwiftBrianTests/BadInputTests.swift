import SwiftBrian
import XCTest

/// Every mistake a user can make when building or running a model is a `ModelError` in the
/// user's terms, thrown before anything runs; the state is left as it was.
final class BadInputTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    private let lif = """
        dv/dt = (El - v)/tau : volt (unless refractory)
        I = g*(El - v) : amp
        g : siemens (constant)
        """
    private let namespace: Namespace = ["El": -65 * mV, "tau": 10 * ms, "Vr": -70 * mV]

    func testThresholdResetAndRefractoryAreChecked() {
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > Vt", namespace: namespace),
                         "Unknown identifier 'Vt' (did you mean 'Vr'?)", caretUnder: "Vt")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v + El", namespace: namespace),
                         "The threshold must be a condition", caretUnder: "v + El")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > 3", namespace: namespace),
                         "Cannot compare 'v' (volt) and '3' (1)", caretUnder: "3")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", reset: "u = Vr", namespace: namespace),
                         "The reset assigns to 'u', which is not a variable of the model", caretUnder: "u")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", reset: "I = 0*amp", namespace: namespace),
                         "The reset cannot assign to 'I': it is a subexpression", caretUnder: "I")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", reset: "g = 0*nS", namespace: namespace),
                         "The reset cannot assign to 'g': it is a constant parameter", caretUnder: "g")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", reset: "v = 3*amp", namespace: namespace),
                         "The unit of '3*amp' is amp, but a value for 'v' must be in volt", caretUnder: "3*amp")
        assertModelError(try NeuronGroup(1, model: lif, reset: "v = Vr", namespace: namespace),
                         "needs a threshold")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", refractory: "5*mV", namespace: namespace),
                         "must be in second", caretUnder: "5*mV")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", refractory: 5 * mV, namespace: namespace),
                         "The refractory period must be a time")
        assertModelError(try NeuronGroup(0, model: lif, namespace: namespace), "at least one neuron")
        assertModelError(try NeuronGroup(1, model: lif, threshold: "v > El", events: ["spike": "v > El"],
                                         namespace: namespace), "'spike' is taken")
    }

    func testClocksAndDurationsAreChecked() throws {
        assertModelError(try NeuronGroup(1, model: lif, namespace: namespace, dt: 0 * ms), "must be positive")
        assertModelError(try NeuronGroup(1, model: lif, namespace: namespace, dt: 1 * mV), "must be a time")
        let G = try NeuronGroup(2, model: lif, namespace: namespace, name: "G")
        try G.v.set(-50 * mV)
        let net = try Network(G)
        assertModelError(try net.run(-1 * ms), "that is not negative, but it is -1. ms")
        assertModelError(try net.run(1 * mV), "must be a time")
        defaultClock.dt = -0.1 * ms
        assertModelError(try net.run(1 * ms), "must be positive")
        defaultClock.dt = 0.1 * ms
        XCTAssertEqual(net.t.value, 0)
        XCTAssertEqual(try G.v.values.values, [-0.05, -0.05], "nothing ran")
    }

    func testMonitorsAndVariablesAreChecked() throws {
        let G = try NeuronGroup(3, model: lif, threshold: "v > El", namespace: namespace, name: "G")
        assertModelError(try StateMonitor(G, "w"), "'w' is not a variable of 'G'")
        assertModelError(try StateMonitor(G, "v", record: [3]), "Cannot record index 3 of 'G', which has 3 elements")
        let H = try NeuronGroup(1, model: lif, namespace: namespace, name: "H")
        assertModelError(try SpikeMonitor(H), "'H' has no threshold")
        assertModelError(try EventMonitor(G, "burst"), "'G' has no event 'burst' (its events: 'spike')")
        assertModelError(try G.vv.set(0 * mV), "'vv' is not a variable of 'G' (did you mean 'v'?)")
        assertModelError(try G.v.set(3 * amp), "'v' of 'G' is in volt, but the value given is in amp")
        assertModelError(try G.v.set(QuantityArray(values: [1, 2], dimension: .voltage)), "has 3 values, but 2 were given")
        assertModelError(try G.I.set(1 * amp), "'I' of 'G' cannot be set: it is a subexpression")
        assertModelError(try G.i.set(1), "cannot be set")
        assertModelError(try G.v.set("El + 3*ms"), "The unit of '3*ms' is second, but the value of 'v' must be in volt", caretUnder: "3*ms")
        assertModelError(try G.v.set(-70 * mV, where: "v"), "must be a condition", caretUnder: "v")
        assertModelError(try G.v[5], "Index 5 is out of range")
        XCTAssertEqual(try G.v.values.values, [0, 0, 0], "nothing was set")
    }

    /// Brian 2.9 stops with ZeroDivisionError on CUBA's exact solution when taum == taui.
    func testAnExactSolutionThatDividesByZeroIsAnError() throws {
        let G = try NeuronGroup(2, model: """
            dv/dt = (ge + gi - (v - El))/taum : volt
            dge/dt = -ge/taue : volt
            dgi/dt = -gi/taui : volt
            """, method: .exact, namespace: ["El": -49 * mV, "taum": 10 * ms, "taue": 5 * ms, "taui": 10 * ms], name: "G")
        let net = try Network(G)
        assertModelError(try net.run(1 * ms), "The 'exact' update of 'G' divides by zero for these parameter values")
        XCTAssertEqual(net.t.value, 0)
    }

    func testLinkedVariablesMustBeLinkedBeforeARun() throws {
        let source = try NeuronGroup(2, model: "dv/dt = -v/(10*ms) : 1", name: "source")
        let reader = try NeuronGroup(2, model: "x : 1 (linked)\ny : volt", name: "reader")
        let net = try Network(source, reader)
        assertModelError(try net.run(1 * ms), "The linked variable 'x' of 'reader' has not been linked")
        XCTAssertEqual(net.t.value, 0)
        assertModelError(try reader.y.link(to: source.v), "'y' of 'reader' is not marked (linked)")
        let other = try NeuronGroup(3, model: "v : 1", name: "other")
        assertModelError(try reader.x.link(to: other.v), "(3 elements)")
        try reader.x.link(to: source.v)
        try source.v.set([0.5, 1])
        XCTAssertEqual(try reader.x.values.values, [0.5, 1])
        try net.run(1 * ms)
        XCTAssertEqual(net.t.value, 0.001, accuracy: 1e-15)
    }

    func testRunRegularlyAndEventsAreChecked() throws {
        let G = try NeuronGroup(3, model: lif, threshold: "v > El", events: ["up": "v > El + 1*mV"],
                                namespace: namespace, name: "G")
        assertModelError(try G.runRegularly("w = 1"), "assigns to 'w', which is not a variable")
        assertModelError(try G.runOnEvent("down", "v = Vr"), "'G' has no event 'down' (its events: 'spike', 'up')")
        assertModelError(try G.runRegularly("v = Vr", dt: -1 * ms), "must be positive")
        assertModelError(try When(named: "after_everything"), "Unknown schedule slot 'after_everything'")
        let net = try Network(G, G, G)
        XCTAssertEqual(net.objects.count, 1)
        let twin = try NeuronGroup(1, model: lif, namespace: namespace, name: "G")
        assertModelError(try net.add(twin), "already has an object named 'G'")
    }

    /// Brian 2.9 refuses a differential equation of an integer or boolean variable ("TypeError:
    /// Differential equations can only define floating point variables") and a variable named
    /// with the suffix `_pre` or `_post` in a NeuronGroup or Synapses ("ValueError: 'v_pre' cannot
    /// be used as a variable name, the '_pre' and '_post' suffixes are used to refer to pre- and
    /// post-synaptic variables in synapses."); a summed variable's target keeps its suffix.
    func testEquationsBrianRefusesAreRefused() throws {
        assertModelError(try NeuronGroup(1, model: "dx/dt = 1/ms : integer"),
                         "A differential equation can only define a floating-point variable, but 'x' is integer",
                         caretUnder: "integer")
        assertModelError(try NeuronGroup(1, model: "dx/dt = 1/ms : boolean"), "but 'x' is boolean")
        assertModelError(try NeuronGroup(1, model: "v_pre : 1"),
                         "'v_pre' cannot be used as a variable name: the suffix '_pre'", caretUnder: "v_pre")
        let G = try NeuronGroup(2, model: "v : 1\nI : 1")
        assertModelError(try Synapses(G, G, model: "w_post : 1"), "the suffix '_post'", caretUnder: "w_post")
        XCTAssertNoThrow(try Synapses(G, G, model: "w : 1\nI_post = w*v_pre : 1 (summed)"))
    }
}
