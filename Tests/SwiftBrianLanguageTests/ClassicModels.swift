import SwiftBrianLanguage

/// A model as Brian users write it: equations, the namespace they need, threshold and reset, and
/// where it is used (neuron group or synapses, with the pre/post variables a synapse model reads).
struct ClassicModel {
    var name: String
    var equations: String
    var namespace: String = ""
    var threshold: String?
    var reset: String?
    var context: AnalyzedEquations.Context = .neuronGroup
    var extraVariables: [VariableDescription] = []
    /// The method Brian chooses (or the case names); checked where integration is tested.
    var method: String

    static let hhNamespace = """
        area = 20000*umetre**2
        Cm = 1*ufarad*cm**-2 * area
        gl = 5e-5*siemens*cm**-2 * area
        El = -65*mV
        EK = -90*mV
        ENa = 50*mV
        g_na = 100*msiemens*cm**-2 * area
        g_kd = 30*msiemens*cm**-2 * area
        VT = -63*mV
        """

    static func dimensionless(_ names: String...) -> [VariableDescription] {
        names.map { VariableDescription(name: $0, dimension: .dimensionless, kind: .parameter, isWritable: true,
                                        isConstant: false) }
    }

    /// Brian's classic models and the model of every reference case in Tests/Fixtures/reference.
    static let all: [ClassicModel] = [
        ClassicModel(name: "CUBA", equations: """
            dv/dt  = (ge+gi-(v-El))/taum : volt (unless refractory)
            dge/dt = -ge/taue : volt (unless refractory)
            dgi/dt = -gi/taui : volt (unless refractory)
            """, namespace: "taum = 20*ms\ntaue = 5*ms\ntaui = 10*ms\nVt = -50*mV\nVr = -60*mV\nEl = -49*mV",
            threshold: "v>Vt", reset: "v = Vr", method: "exact"),
        ClassicModel(name: "COBAHH", equations: """
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
            """, namespace: hhNamespace + "\nEl = -60*mV\ntaue = 5*ms\ntaui = 10*ms\nEe = 0*mV\nEi = -80*mV",
            threshold: "v>-20*mV", method: "exponential_euler"),
        ClassicModel(name: "HH (hh_* cases)", equations: """
            dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
            dm/dt = 0.32*(mV**-1)*(13.*mV-v+VT)/
                (exp((13.*mV-v+VT)/(4.*mV))-1.)/ms*(1-m)-0.28*(mV**-1)*(v-VT-40.*mV)/
                (exp((v-VT-40.*mV)/(5.*mV))-1.)/ms*m : 1
            dn/dt = 0.032*(mV**-1)*(15.*mV-v+VT)/
                (exp((15.*mV-v+VT)/(5.*mV))-1.)/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
            dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
            I : amp
            """, namespace: hhNamespace, threshold: "v > -40*mV", method: "exponential_euler"),
        ClassicModel(name: "AdEx (adex_patterns)", equations: """
            dv/dt = (gL*(EL - v) + gL*DeltaT*exp((v - VT)/DeltaT) + I - w)/C : volt
            dw/dt = (a*(v - EL) - w)/tauw : amp
            C : farad (constant)
            gL : siemens (constant)
            EL : volt (constant)
            VT : volt (constant)
            DeltaT : volt (constant)
            a : siemens (constant)
            tauw : second (constant)
            b : amp (constant)
            Vr : volt (constant)
            I : amp (constant)
            """, threshold: "v > 0*mV", reset: "v = Vr\nw += b", method: "euler"),
        ClassicModel(name: "izhikevich", equations: """
            dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
            du/dt = a*(b*v - u)/ms : 1
            a : 1 (constant)
            b : 1 (constant)
            c : 1 (constant)
            d : 1 (constant)
            I : 1 (constant)
            """, threshold: "v >= 30", reset: "v = c\nu += d", method: "euler"),
        ClassicModel(name: "STDP synapse (stdp_pairs)", equations: """
            w : 1
            dapre/dt = -apre/taupre : 1 (event-driven)
            dapost/dt = -apost/taupost : 1 (event-driven)
            """, namespace: "taupre = 20*ms\ntaupost = 20*ms\nwmax = 0.01\nApre = 0.0005\nApost = -0.000525",
            reset: "apre += Apre\nw = clip(w + apost, 0, wmax)", context: .synapses, method: "exact"),
        ClassicModel(name: "STDP benchmark neuron", equations: """
            dv/dt = (ge * (Ee-vr) + El - v) / taum : volt
            dge/dt = -ge / taue : 1
            """, namespace: "taum = 10*ms\nEe = 0*mV\nvt = -54*mV\nvr = -60*mV\nEl = -74*mV\ntaue = 5*ms",
            threshold: "v>vt", reset: "v = vr", method: "exact"),
        ClassicModel(name: "linear_exact", equations: "dv/dt = -v/tau : 1", namespace: "tau = 10*ms",
                     method: "exact"),
        ClassicModel(name: "euler_nonlinear", equations: "dv/dt = -v**1.1/tau : 1", namespace: "tau = 10*ms",
                     method: "euler"),
        ClassicModel(name: "lif_threshold_reset", equations: """
            dv/dt = (I - v)/tau : 1
            I : 1 (constant)
            """, namespace: "tau = 10*ms", threshold: "v > 1", reset: "v = 0", method: "exact"),
        ClassicModel(name: "lif_refractory", equations: """
            dv/dt = (I - v)/tau : 1 (unless refractory)
            I : 1 (constant)
            ref : second (constant)
            """, namespace: "tau = 10*ms", threshold: "v > 1", reset: "v = 0", method: "exact"),
        ClassicModel(name: "lif_units", equations: """
            dv/dt = (El - v + R*I)/taum : volt (unless refractory)
            I : amp (constant)
            """, namespace: "taum = 20*ms\nEl = -65*mV\nR = 100*Mohm", threshold: "v > -50*mV",
            reset: "v = -65*mV", method: "exact"),
        ClassicModel(name: "coupled_linear_exact A", equations: """
            dv/dt = (ge - v)/taum : 1
            dge/dt = -ge/taue : 1
            """, namespace: "taum = 20*ms\ntaue = 5*ms", method: "exact"),
        ClassicModel(name: "coupled_linear_exact B", equations: """
            dv/dt = (g - v)/taum : 1
            dg/dt = (s - g)/taus : 1
            ds/dt = -s/taus : 1
            """, namespace: "taum = 20*ms\ntaus = 3*ms", method: "exact"),
        ClassicModel(name: "subexpressions_functions", equations: """
            dv/dt = (drive - v)/tau : 1
            dc/dt = (steps + 0.5*sign(v - 0.3))/tau2 : 1
            dz/dt = (y - z)/tau : 1
            drive = clip(ampl*sin(2*pi*f*t) + 0.2, -0.4, 0.6) + 0.1*int(above) : 1
            above = v > 0.25 : boolean
            steps = floor(3*v) + ceil(2*v) + int(5*v) : 1
            y = sqrt(abs(v) + 1)*exp(-v) + log(1 + c**2) : 1
            ampl : 1 (constant)
            """, namespace: "tau = 10*ms\ntau2 = 50*ms\nf = 20*Hz", method: "euler"),
        ClassicModel(name: "synapses_delays target", equations: "dv/dt = -v/tau : 1", namespace: "tau = 10*ms",
                     threshold: "v > 1.5", reset: "v = 0", method: "exact"),
        ClassicModel(name: "synapses_delays synapse", equations: "w : 1", reset: "v_post += w",
                     context: .synapses, extraVariables: dimensionless("v_post"), method: "exact"),
        ClassicModel(name: "summed_variable_gap_junctions neurons", equations: """
            dv/dt = (v0 - v + Igap)/tau : 1
            Igap : 1   # gap junction current
            """, namespace: "v0 = 1.05\ntau = 10*ms", threshold: "v > 1", reset: "v = 0", method: "exact"),
        ClassicModel(name: "summed_variable_gap_junctions synapses", equations: """
            w : 1   # gap junction conductance
            Igap_post = w * (v_pre - v_post) : 1 (summed)
            """, context: .synapses, extraVariables: dimensionless("v_pre", "v_post"), method: "exact"),
        ClassicModel(name: "custom_events", equations: """
            dv/dt = (I - v)/tau : 1
            I : 1
            count : 1
            v_at_event : 1
            """, namespace: "tau = 10*ms", threshold: "v > 0.5", reset: "count += 1\nv_at_event = v", method: "exact"),
        ClassicModel(name: "multiple_clocks_and_scheduling fast", equations: "dv/dt = (1 - v)/(10*ms) : 1", method: "exact"),
        ClassicModel(name: "multiple_clocks_and_scheduling slow", equations: """
            dy/dt = (x - y)/(5*ms) : 1
            x : 1 (linked)
            c : 1
            d : 1
            """, reset: "c = 0.5*c\nd = c - y", method: "exact"),
        ClassicModel(name: "ou_noise", equations: "dx/dt = (mu - x)/tau + sigma*sqrt(2/tau)*xi : 1",
                     namespace: "tau = 10*ms\nmu = 0.5\nsigma = 0.2", method: "euler"),
        ClassicModel(name: "population_rate_and_poisson target", equations: "dv/dt = -v/tau : 1",
                     namespace: "tau = 10*ms", method: "exact"),
        ClassicModel(name: "timedarray_input A", equations: "dv/dt = (ta1(t) - v)/tau : 1", namespace: "tau = 5*ms",
                     method: "exact"),
        ClassicModel(name: "timedarray_input B", equations: "dv/dt = (El - v + R*ta2(t, i))/tau : volt",
                     namespace: "tau = 5*ms\nEl = -70*mV\nR = 50*Mohm", method: "exact"),
    ]

    /// User functions the models call (the TimedArrays of `timedarray_input`, as unit signatures).
    static let functions: [Function] = [
        Function("ta1", arguments: [.dimension(.time)], result: .dimensionless) { _ in 0 },
        Function("ta2", arguments: [.dimension(.time), .dimensionless], result: .dimension(.current)) { _ in 0 },
    ]

    /// The model analyzed: equations checked with the namespace, threshold and reset checked too.
    func analyze() throws -> AnalyzedEquations {
        var namespace = try Namespace(assignments: self.namespace)
        namespace.functions = Dictionary(uniqueKeysWithValues: Self.functions.map { ($0.name, $0) })
        let groupVariables = context == .neuronGroup ? [
            VariableDescription(name: "not_refractory", dimension: .dimensionless, type: .boolean, kind: .builtin,
                                isWritable: true, isConstant: false),
        ] : []
        let analyzed = try AnalyzedEquations(try Equations(equations), namespace: namespace, context: context,
                                             extraVariables: groupVariables + extraVariables)
        if let threshold { _ = try analyzed.checkCondition(threshold, role: "threshold") }
        if let reset { _ = try analyzed.checkCode(reset, role: "reset", allowsSharedWrites: false) }
        return analyzed
    }
}
