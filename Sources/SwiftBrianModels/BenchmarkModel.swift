import SwiftBrian

/// Brian 2's speed-test models (brian2/tests/features/speed.py, as in
/// `shared/reference/brian2_bench.py`), Brian2CUDA's Brunel–Hakim benchmarks (as in
/// `scripts/brian2_brunel_bench.py`), two multicompartment models (as in
/// `scripts/brian2_spatial_bench.py`) and a network of neurons with dendrites (as in
/// `scripts/dendrify_bench.py`), built through the public API so the same model can be timed
/// in SwiftBrian, Brian 2 and NEST side by side.
public enum BenchmarkModel: String, CaseIterable, Sendable {
    /// Current-based LIF network (Brette et al. 2007): 80% excitatory, p = 80/N.
    case cuba
    /// Conductance-based Hodgkin–Huxley network (Brette et al. 2007), exponential Euler.
    case cobahh
    /// N Poisson inputs onto one neuron with pair-based STDP (Song et al. 2000).
    case stdp
    /// Synaptic propagation only: regular spikes, p = 0.2, `w += 1`.
    case synapsesOnly = "synapses_only"
    /// N uncoupled linear neurons for 10 s.
    case linear
    /// N uncoupled Hodgkin–Huxley neurons driven by currents from 0 to 0.7 nA.
    case hh
    /// Brian2CUDA's `BrunelHakimHomogDelays`: N noisy LIF neurons, 1000 inhibitory synapses per
    /// neuron (p = 1000/N), every delay 2 ms (``BrunelHakim1999``).
    case brunelHakim = "brunel_hakim"
    /// Brian2CUDA's `BrunelHakimHeterogDelays`: as `brunelHakim`, with delays `4*ms*rand()` and,
    /// for a similar activity, muext = 27 mV and sigmaext = 0.33 mV.
    case brunelHakimHetero = "brunel_hakim_hetero"
    /// Rallpack 3 (Brian's test_rallpack3): a Hodgkin–Huxley axon of N compartments, dt = 1 µs.
    case rallpack3
    /// N passive ball-and-stick cells (51 compartments each), dt = 10 µs.
    case ballAndStick = "ball_and_stick"
    /// N neurons with dendrites (the gallery's ``DendrifyNetwork`` model), half excitatory, half
    /// inhibitory, driven by N regular inputs; AMPA, NMDA and GABA synapses, dendritic spikes.
    case dendrifyNetwork = "dendrify_network"

    /// A built model: its network, the group whose spikes are counted, its synapses, its
    /// multicompartment neurons and how long Brian's script runs it.
    public struct Instance {
        public let network: Network
        public let spikes: SpikeMonitor?
        public let monitored: Group?
        public let synapses: [Synapses]
        /// The multicompartment neurons (none for the point-neuron models).
        public let neurons: [SpatialNeuron]
        public let duration: Quantity
        /// The dendritic spike events (``dendrifyNetwork`` only).
        public var dendriticSpikes: EventMonitor?
        /// Named ranges of the monitored group whose rates are reported apart (``dendrifyNetwork``:
        /// `e` and `i`).
        public var populations: [(name: String, range: Range<Int>)] = []
    }

    /// The model with `n` neurons (compartments for `rallpack3`, cells for `ballAndStick`), on
    /// `backend`, with random numbers from `seed`.
    public func build(n: Int, backend: BackendKind = .native, fastMath: Bool = false,
                      seed value: UInt64 = 1) throws -> Instance {
        defaultClock.dt = 0.1 * ms
        seed(value)
        var objects: [NetworkObject] = []
        var monitored: Group?
        var synapses: [Synapses] = []
        var neurons: [SpatialNeuron] = []
        var duration = 1 * second
        var dendriticSpikes: EventMonitor?
        var populations: [(name: String, range: Range<Int>)] = []
        switch self {
        case .linear:
            let G = try NeuronGroup(n, model: "dv/dt = -v/(1*second) : 1", name: "G")
            try G.v.set((0..<n).map { 0.1 + 0.9 * Double($0) / Double(max(n - 1, 1)) })
            objects = [G]
            duration = 10 * second
        case .hh:
            let G = try NeuronGroup(n, model: BenchmarkModel.hodgkinHuxley, threshold: "v > -40*mV",
                                    refractory: "v > -40*mV", namespace: try BenchmarkModel.hodgkinHuxleyNamespace(),
                                    name: "G")
            try G.v.set(-65 * mV)
            try G.I.set("0.7*nA * i / N")
            objects = [G]
            monitored = G
        case .cuba:
            let Ne = Int(0.8 * Double(n))
            let P = try NeuronGroup(n, model: """
                dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
                dge/dt = -ge/taue : volt (unless refractory)
                dgi/dt = -gi/taui : volt (unless refractory)
                """, threshold: "v>Vt", reset: "v = Vr", refractory: 5 * ms,
                namespace: ["taum": 20 * ms, "taue": 5 * ms, "taui": 10 * ms, "Vt": -50 * mV, "Vr": -60 * mV,
                            "El": -49 * mV], name: "P")
            try P.v.set("Vr + rand() * (Vt - Vr)")
            let weights: Namespace = ["we": (60 * 0.27 / 10) * mV, "wi": (-20 * 4.5 / 10) * mV,
                                      "Ne": Ne]
            let Ce = try Synapses(P, P, onPre: "ge += we", namespace: weights, name: "Ce")
            let Ci = try Synapses(P, P, onPre: "gi += wi", namespace: weights, name: "Ci")
            try Ce.connect(condition: "i<Ne", p: 80.0 / Double(n))
            try Ci.connect(condition: "i>=Ne", p: 80.0 / Double(n))
            objects = [P, Ce, Ci]
            monitored = P
            synapses = [Ce, Ci]
        case .cobahh:
            var namespace = try Namespace(assignments: BenchmarkModel.cobahhNamespace)
            namespace.values["we"] = 6 * nS
            namespace.values["wi"] = 67 * nS
            let P = try NeuronGroup(n, model: BenchmarkModel.cobahhEquations, threshold: "v>-20*mV", refractory: 3 * ms,
                                    method: .exponentialEuler, namespace: namespace, name: "P")
            try P.v.set("El + (randn() * 5 - 5)*mV")
            try P.ge.set("(randn() * 1.5 + 4) * 10.*nS")
            try P.gi.set("(randn() * 12 + 20) * 10.*nS")
            let excitatory = Int(0.8 * Double(n))
            let Ce = try Synapses(try P[0..<excitatory], P, onPre: "ge+=we", namespace: namespace, name: "Ce")
            let Ci = try Synapses(try P[excitatory..<n], P, onPre: "gi+=wi", namespace: namespace, name: "Ci")
            try Ce.connect(p: 80.0 / Double(n))
            try Ci.connect(p: 80.0 / Double(n))
            objects = [P, Ce, Ci]
            monitored = P
            synapses = [Ce, Ci]
        case .stdp:
            var example = STDP()
            example.N = n
            let (input, neurons, S) = try example.build()
            objects = [input, neurons, S]
            monitored = input
            synapses = [S]
        case .synapsesOnly:
            let m = max(1, Int(10 * Double(n) * 1e-4))
            let G = try NeuronGroup(m, model: "v:1", threshold: "True", name: "G")
            let H = try NeuronGroup(n, model: "w:1", name: "H")
            let S = try Synapses(G, H, onPre: "w += 1.0", name: "S")
            try S.connect(condition: "True", p: 0.2)
            objects = [G, H, S]
            monitored = G
            synapses = [S]
        case .brunelHakim, .brunelHakimHetero:
            var example = BrunelHakim1999()
            example.N = n
            if self == .brunelHakimHetero {
                example.muext = 27 * mV
                example.sigmaext = 0.33 * mV
            }
            let (group, conn) = try example.build(heterogeneousDelays: self == .brunelHakimHetero ? "4*ms*rand()" : nil)
            objects = [group, conn]
            monitored = group
            synapses = [conn]
        case .rallpack3:
            defaultClock.dt = 1 * us
            let axon = try BenchmarkModel.rallpack3Axon(compartments: n)
            objects = [axon]
            monitored = try axon[(n - 1)..<n]
            neurons = [axon]
            duration = 20 * ms
        case .ballAndStick:
            defaultClock.dt = 10 * us
            neurons = try BenchmarkModel.ballAndStickCells(n)
            objects = neurons
            duration = 20 * ms
        case .dendrifyNetwork:
            let parts = try BenchmarkModel.dendrifyNetwork(n)
            objects = parts.objects
            monitored = parts.neurons
            synapses = parts.synapses
            dendriticSpikes = parts.dspikes
            populations = [("e", 0..<(n / 2)), ("i", (n / 2)..<n)]
        }
        let spikes = try monitored.map { try SpikeMonitor($0) }
        return Instance(network: try Network(objects + (spikes.map { [$0] } ?? []), backend: backend,
                                             fastMath: fastMath),
                        spikes: spikes, monitored: monitored, synapses: synapses, neurons: neurons,
                        duration: duration, dendriticSpikes: dendriticSpikes, populations: populations)
    }

    /// The HH neuron of Brian's speed tests, with an input current `I` per neuron.
    static let hodgkinHuxley = """
        dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
        dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/(exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/(exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
        dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/(exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
        dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
        I : amp
        """

    static func hodgkinHuxleyNamespace() throws -> Namespace {
        try Namespace(assignments: """
            area = 20000*umetre**2
            Cm = 1*ufarad*cm**-2*area
            gl = 5e-5*siemens*cm**-2*area
            El = -65*mV
            EK = -90*mV
            ENa = 50*mV
            g_na = 100*msiemens*cm**-2*area
            g_kd = 30*msiemens*cm**-2*area
            VT = -63*mV
            """)
    }

    /// COBAHH's equations (Brian's speed test).
    static let cobahhEquations = """
        dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-g_na*(m*m*m)*h*(v-ENa)-g_kd*(n*n*n*n)*(v-EK))/Cm : volt
        dm/dt = alpha_m*(1-m)-beta_m*m : 1
        dn/dt = alpha_n*(1-n)-beta_n*n : 1
        dh/dt = alpha_h*(1-h)-beta_h*h : 1
        dge/dt = -ge*(1./taue) : siemens
        dgi/dt = -gi*(1./taui) : siemens
        alpha_m = 0.32*(mV**-1)*(13*mV-v+VT)/(exp((13*mV-v+VT)/(4*mV))-1.)/ms : Hz
        beta_m = 0.28*(mV**-1)*(v-VT-40*mV)/(exp((v-VT-40*mV)/(5*mV))-1)/ms : Hz
        alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
        beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
        alpha_n = 0.032*(mV**-1)*(15*mV-v+VT)/(exp((15*mV-v+VT)/(5*mV))-1.)/ms : Hz
        beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
        """

    /// COBAHH's parameters.
    static let cobahhNamespace = """
        area = 20000*umetre**2
        Cm = (1*ufarad*cm**-2)*area
        gl = (5e-5*siemens*cm**-2)*area
        El = -60*mV
        EK = -90*mV
        ENa = 50*mV
        g_na = (100*msiemens*cm**-2)*area
        g_kd = (30*msiemens*cm**-2)*area
        VT = -63*mV
        taue = 5*ms
        taui = 10*ms
        Ee = 0*mV
        Ei = -80*mV
        """
}
