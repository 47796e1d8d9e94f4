import SwiftBrian

/// The network of ``PFCActionControl``: one copy of the circuit per session, all in two neuron
/// groups, so that every session of every condition is simulated at once (and on all cores).
///
/// Copy `r` holds neurons `r*perCopy ..< (r+1)*perCopy` of each group. In `pfc`: dmPFC
/// excitatory neurons (the first `nMP` motor-projecting), dmPFC inhibitory, then the same for
/// vmPFC. In `action`: action populations A1 and A2, the inhibitory pool of the action stage,
/// and the habit relays H1 and H2 (H1 drives A1, H2 drives A2).
struct PFCCircuit {
    /// The prefrontal neurons of every copy.
    let pfc: NeuronGroup
    /// The action-selection stage of every copy.
    let action: NeuronGroup
    /// Every synaptic pathway.
    let synapses: [Synapses]
    /// The prefrontal neurons per copy.
    let pfcPerCopy: Int
    /// The action-stage neurons per copy.
    let actionPerCopy: Int
    /// The first index (within a copy of `action`) of A1, A2, the inhibitory pool, H1 and H2.
    let a1: Int, a2: Int, pool: Int, h1: Int, h2: Int

    /// The leaky integrate-and-fire neurons with conductance-based synapses, a ramping go input,
    /// a ramping stop input and the three actuators: ChR2 (three-state photocycle), stGtACR2
    /// (two-state) and PSAM4-GlyR (tonic chloride conductance).
    static let pfcModel = """
        dv/dt = (gL*(EL - v) + ge*(Ee - v) + gi*(Ei - v) + g_chr2*O_c*(E_chr2 - v) + (g_gtacr*O_g + g_psam)*(E_cl - v) + I_base + go_gain*go + stop_gain*stop)/C + sigma*sqrt(2/taum)*xi : volt (unless refractory)
        dO_c/dt = ka_c*x_c/(1 + x_c)*(1 - O_c - D_c) - Gd_c*O_c : 1
        dD_c/dt = Gd_c*O_c - Gr_c*D_c : 1
        x_c = light_chr2(t)/E50_c : 1
        dO_g/dt = ka_g*x_g/(1 + x_g)*(1 - O_g) - O_g/tau_g : 1
        x_g = light_gtacr(t)/E50_g : 1
        g_chr2 : siemens (constant)
        g_gtacr : siemens (constant)
        g_psam : siemens (constant)
        """ + commonModel

    /// The action-stage neurons: the same membrane without actuators, a go input and a habit
    /// input scaled by the habit strength `h`; `q` is the learned value of the population's action.
    static let actionModel = """
        dv/dt = (gL*(EL - v) + ge*(Ee - v) + gi*(Ei - v) + I_base + (go_gain + habit_gain*h)*go + stop_gain*stop)/C + sigma*sqrt(2/taum)*xi : volt (unless refractory)
        habit_gain : amp (constant)
        h : 1
        q : 1
        """ + commonModel

    static let commonModel = """

        dgo/dt = (int(t >= t_go) - go)/tau_go : 1
        dstop/dt = (int(t >= t_stop) - stop)/tau_stop : 1
        dge/dt = -ge/tau_e : siemens
        dgi/dt = -gi/tau_i : siemens
        I_base : amp (constant)
        go_gain : amp (constant)
        stop_gain : amp (constant)
        t_stop : second
        """

    /// The circuit of `example` for the conditions of the copies (`conditions[r]` for copy `r`),
    /// its random connections drawn from `seed`.
    init(_ example: PFCActionControl, conditions: [PFCCondition], namespace: Namespace, seed: UInt64) throws {
        let e = example
        let copies = conditions.count
        pfcPerCopy = 2 * (e.nE + e.nI)
        a1 = 0
        a2 = e.nA
        pool = 2 * e.nA
        h1 = pool + e.nIa
        h2 = h1 + e.nH
        actionPerCopy = h2 + e.nH
        pfc = try NeuronGroup(copies * pfcPerCopy, model: Self.pfcModel, threshold: "v > VT", reset: "v = Vr",
                              refractory: 2 * ms, method: .euler, namespace: namespace, name: "pfc")
        action = try NeuronGroup(copies * actionPerCopy, model: Self.actionModel, threshold: "v > VT",
                                 reset: "v = Vr", refractory: 2 * ms, method: .euler, namespace: namespace,
                                 name: "action")

        let pfcZeros = [Double](repeating: 0, count: copies * pfcPerCopy)
        var (pfcBase, pfcGo, pfcStop) = (pfcZeros, pfcZeros, pfcZeros)
        var actuators = [PFCCondition.Actuator: [Double]]()
        let actionZeros = [Double](repeating: 0, count: copies * actionPerCopy)
        var (actionBase, actionGo, actionStop, habitGain) = (actionZeros, actionZeros, actionZeros, actionZeros)
        var random = ScriptRandom(seed: seed, stream: 16)
        var pathways = [String: (i: [Int], j: [Int])]()
        func connect(_ name: String, _ sources: [Int], _ targets: [Int], p: Double) {
            for source in sources {
                for target in targets where target != source && random.uniform() < p {
                    pathways[name, default: ([], [])].i.append(source)
                    pathways[name, default: ([], [])].j.append(target)
                }
            }
        }
        for (copy, condition) in conditions.enumerated() {
            var mp = [[Int]]()
            for region in 0..<2 {
                let first = copy * pfcPerCopy + region * (e.nE + e.nI)
                let excitatory = Array(first..<(first + e.nE))
                let inhibitory = Array((first + e.nE)..<(first + e.nE + e.nI))
                let motor = Array(excitatory.prefix(e.nMP))
                mp.append(motor)
                for n in excitatory { pfcBase[n] = e.I_E.value }
                for n in inhibitory { pfcBase[n] = e.I_I.value }
                // The go cue reaches dmPFC, the stop signal vmPFC; their MP neurons most.
                for n in excitatory {
                    if region == 0 {
                        pfcGo[n] = n < first + e.nMP ? e.go_MP.value : e.go_PFC.value
                    } else {
                        pfcStop[n] = n < first + e.nMP ? e.stop_MP.value : e.stop_PFC.value
                    }
                }
                connect("pfc_exc", excitatory, excitatory + inhibitory, p: e.p_PFC)
                connect("pfc_inh", inhibitory, excitatory + inhibitory, p: 2 * e.p_PFC)
                if condition.region == region, let actuator = condition.actuator {
                    let value = switch actuator {
                    case .channelrhodopsin: e.g_ChR2
                    case .anionChannelrhodopsin: e.g_stGtACR2
                    case .psam: e.g_PSAM
                    }
                    for n in motor { actuators[actuator, default: pfcZeros][n] = value.value }
                }
            }
            let base = copy * actionPerCopy
            let populations = [(a1, e.nA), (a2, e.nA), (pool, e.nIa), (h1, e.nH), (h2, e.nH)].map { first, count in
                Array((base + first)..<(base + first + count))
            }
            let (actions1, actions2, inhibitory, habits1, habits2) =
                (populations[0], populations[1], populations[2], populations[3], populations[4])
            for n in actions1 + actions2 {
                actionBase[n] = e.I_A.value
                actionGo[n] = e.go_A.value
            }
            for n in inhibitory {
                actionBase[n] = e.I_Ia.value
                actionStop[n] = e.stop_Ia.value
            }
            for n in habits1 + habits2 {
                actionBase[n] = e.I_H.value
                habitGain[n] = e.habit_H.value
            }
            connect("dm_to_action", mp[0], actions1 + actions2, p: e.p_MP)
            connect("vm_to_pool", mp[1], inhibitory, p: e.p_MP)
            connect("vm_to_habit", mp[1], habits1 + habits2, p: e.p_MP)
            connect("action_exc", actions1, actions1, p: e.p_A)
            connect("action_exc", actions2, actions2, p: e.p_A)
            connect("action_to_pool", actions1 + actions2, inhibitory, p: e.p_MP)
            connect("habit_to_action", habits1, actions1, p: e.p_MP)
            connect("habit_to_action", habits2, actions2, p: e.p_MP)
            connect("pool_to_action", inhibitory, actions1 + actions2, p: e.p_MP)
        }
        for (name, values) in [("I_base", pfcBase), ("go_gain", pfcGo), ("stop_gain", pfcStop)] {
            try pfc.variable(name).set(QuantityArray(values: values, dimension: .current))
        }
        for (actuator, name) in [(PFCCondition.Actuator.channelrhodopsin, "g_chr2"), (.anionChannelrhodopsin, "g_gtacr"),
                                 (.psam, "g_psam")] {
            try pfc.variable(name).set(QuantityArray(values: actuators[actuator] ?? pfcZeros, dimension: .conductance))
        }
        for (name, values) in [("I_base", actionBase), ("go_gain", actionGo), ("stop_gain", actionStop),
                               ("habit_gain", habitGain)] {
            try action.variable(name).set(QuantityArray(values: values, dimension: .current))
        }
        try pfc.v.set("EL + rand()*(VT - EL)")
        try action.v.set("EL + rand()*(VT - EL)")

        // Pathway, source, target and the effect of a spike.
        let effects: [(String, NeuronGroup, NeuronGroup, String)] = [
            ("pfc_exc", pfc, pfc, "ge_post += w_PFC_E"),
            ("pfc_inh", pfc, pfc, "gi_post += w_PFC_I"),
            ("dm_to_action", pfc, action, "ge_post += w_dA*(b0 + q_post)"),
            ("vm_to_pool", pfc, action, "ge_post += w_vIa"),
            ("vm_to_habit", pfc, action, "gi_post += w_vH"),
            ("action_exc", action, action, "ge_post += w_AA"),
            ("action_to_pool", action, action, "ge_post += w_AIa"),
            ("habit_to_action", action, action, "ge_post += w_HA"),
            ("pool_to_action", action, action, "gi_post += w_IaA"),
        ]
        synapses = try effects.map { name, source, target, onPre in
            let pathway = try Synapses(source, target, onPre: PathwayCode(onPre), namespace: namespace, name: name)
            let pairs = pathways[name] ?? ([], [])
            try pathway.connect(i: pairs.i, j: pairs.j)
            return pathway
        }
    }
}
