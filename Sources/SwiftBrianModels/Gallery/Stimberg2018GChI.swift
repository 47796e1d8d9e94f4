import SwiftBrian
import SwiftBrianTools

/// Synaptically activated astrocytes (Stimberg, Goodman, Brette & De Pittà 2019, "Modeling
/// neuron–glia interactions with the Brian 2 simulator", in *Computational Glioscience*,
/// Springer, pp. 471–505, bioRxiv 198366, Fig. 2; Brian's
/// `examples/frompapers/Stimberg_et_al_2018/example_2_gchi_astrocyte.py`), after De Pittà et al.
/// (2009) "Glutamate regulation of calcium and IP3 oscillating and pulsating dynamics in
/// astrocytes", J Biol Phys 35:383–411 (the G-ChI model).
///
/// A dummy neuron fires at `f_0`; each spike releases neurotransmitter `Y_S` at a synapse, from
/// where it is cleared at `Omega_c`. Two astrocytes sense it through a summed variable from that
/// `Synapses` group onto the astrocytes (`Y_S_post = Y_S_pre : mmolar (summed)`): the fraction of
/// activated receptors `Gamma_A` drives IP₃ production (`I`), which opens IP₃ receptors and
/// triggers Ca²⁺-induced Ca²⁺ release (`C`), with the receptors' de-inactivation `h`. The first
/// astrocyte is deterministic; in the second, `h` has multiplicative channel noise
/// (`(h_inf - h)/tau_h * (1 + noise*xi*tau_h**0.5)`), integrated with Milstein's method as in the
/// original.
///
/// The statistics are those the figure shows: the Ca²⁺ pulses of each astrocyte (rises of `C`
/// through 0.5 µM, counted again only after `C` fell below 0.4 µM), the peak and mean `C`, the
/// peak `Gamma_A`, and the standard deviation of `h` over the second half of the run (`h_std`:
/// the channel noise). The deterministic astrocyte is the same on every seed.
public struct Stimberg2018GChI: GalleryExample {
    public static let name = "stimberg2018_gchi"
    public static let summary = "Two astrocytes (deterministic, stochastic) activated by a synapse through a summed variable; Milstein noise"
    public static let reference = "Stimberg, Goodman, Brette & De Pittà (2019), Computational Glioscience, pp. 471-505 (Fig. 2); Brian's examples/frompapers/Stimberg_et_al_2018/example_2_gchi_astrocyte.py"

    /// The simulated time.
    public var duration = 30 * second
    /// The integration and sampling step.
    public var sim_dt = 1 * ms
    /// The rate of the source neuron.
    public var f_0 = 0.5 * Hz
    /// The synaptic vesicle-to-extracellular space volume ratio.
    public var rho_c = 0.001
    /// The total vesicular neurotransmitter concentration.
    public var Y_T = 500 * mmolar
    /// The neurotransmitter clearance rate.
    public var Omega_c = 40 / second
    /// The maximal Ca²⁺ uptake rate by SERCAs.
    public var O_P = 0.9 * umolar / second
    /// The Ca²⁺ affinity of SERCAs.
    public var K_P = 0.1 * umolar
    /// The total free Ca²⁺ content of the cell.
    public var C_T = 2 * umolar
    /// The ER-to-cytoplasm volume ratio.
    public var rho_A = 0.18
    /// The maximal rate of Ca²⁺ release by IP₃Rs.
    public var Omega_C = 6 / second
    /// The maximal rate of Ca²⁺ leak from the ER.
    public var Omega_L = 0.1 / second
    /// The IP₃ binding affinity.
    public var d_1 = 0.13 * umolar
    /// The Ca²⁺ inactivation dissociation constant.
    public var d_2 = 1.05 * umolar
    /// The IP₃R binding rate for Ca²⁺ inhibition.
    public var O_2 = 0.2 / umolar / second
    /// The IP₃ dissociation constant.
    public var d_3 = 0.9434 * umolar
    /// The Ca²⁺ activation dissociation constant.
    public var d_5 = 0.08 * umolar
    /// The maximal rate of IP₃ production by PLCβ.
    public var O_beta = 5 * umolar / second
    /// The agonist binding rate.
    public var O_N = 0.3 / umolar / second
    /// The maximal inactivation rate of the receptors.
    public var Omega_N = 0.5 / second
    /// The Ca²⁺ affinity of PKC.
    public var K_KC = 0.5 * umolar
    /// The maximal reduction of receptor affinity by PKC.
    public var zeta = 10.0
    /// The maximal rate of IP₃ production by PLCδ.
    public var O_delta = 0.2 * umolar / second
    /// The inhibition constant of PLCδ by IP₃.
    public var kappa_delta = 1.5 * umolar
    /// The Ca²⁺ affinity of PLCδ.
    public var K_delta = 0.3 * umolar
    /// The maximal rate of IP₃ degradation by IP-5P.
    public var Omega_5P = 0.1 / second
    /// The Ca²⁺ affinity of IP₃-3K.
    public var K_D = 0.5 * umolar
    /// The IP₃ affinity of IP₃-3K.
    public var K_3K = 1 * umolar
    /// The maximal rate of IP₃ degradation by IP₃-3K.
    public var O_3K = 4.5 * umolar / second
    /// The maximal exogenous IP₃ flow.
    public var F_ex = 0.09 * umolar / second
    /// The threshold gradient for IP₃ diffusion.
    public var I_Theta = 0.3 * umolar
    /// The scaling factor of diffusion.
    public var omega_I = 0.05 * umolar

    public init() {}

    /// The concentration a Ca²⁺ pulse rises through, and the one it must fall below before the
    /// next pulse counts.
    static let pulseLevels = (rise: 0.5e-3, rearm: 0.4e-3)

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = sim_dt
        let namespace: Namespace = [
            "f_0": f_0, "rho_c": rho_c, "Y_T": Y_T, "Omega_c": Omega_c, "O_P": O_P, "K_P": K_P, "C_T": C_T,
            "rho_A": rho_A, "Omega_C": Omega_C, "Omega_L": Omega_L, "d_1": d_1, "d_2": d_2, "O_2": O_2, "d_3": d_3,
            "d_5": d_5, "O_beta": O_beta, "O_N": O_N, "Omega_N": Omega_N, "K_KC": K_KC, "zeta": zeta,
            "O_delta": O_delta, "kappa_delta": kappa_delta, "K_delta": K_delta, "Omega_5P": Omega_5P, "K_D": K_D,
            "K_3K": K_3K, "O_3K": O_3K, "F_ex": F_ex, "I_Theta": I_Theta, "omega_I": omega_I,
        ]
        // "Neurons": we are only interested in the synapse's neurotransmitter release.
        let source_neurons = try NeuronGroup(1, model: "dx/dt = f_0 : 1", threshold: "x>1", reset: "x=0",
                                             method: .euler, namespace: namespace, name: "source_neurons")
        let target_neurons = try NeuronGroup(1, model: "", name: "target_neurons")
        let synapses = try Synapses(source_neurons, target_neurons,
                                    model: "dY_S/dt = -Omega_c * Y_S : mmolar (clock-driven)",
                                    onPre: "Y_S += rho_c * Y_T", method: .exact, namespace: namespace, name: "synapses")
        try synapses.connect()

        let astrocytes = try NeuronGroup(2, model: """
            # Fraction of activated astrocyte receptors:
            dGamma_A/dt = O_N * Y_S * (1 - Gamma_A) -
                          Omega_N*(1 + zeta * C/(C + K_KC)) * Gamma_A : 1

            # IP_3 dynamics:
            dI/dt = J_beta + J_delta - J_3K - J_5P + J_ex     : mmolar
            J_beta = O_beta * Gamma_A                         : mmolar/second
            J_delta = O_delta/(1 + I/kappa_delta) *
                                     C**2/(C**2 + K_delta**2) : mmolar/second
            J_3K = O_3K * C**4/(C**4 + K_D**4) * I/(I + K_3K) : mmolar/second
            J_5P = Omega_5P*I                                 : mmolar/second
            delta_I_bias = I - I_bias : mmolar
            J_ex = -F_ex/2*(1 + tanh((abs(delta_I_bias) - I_Theta)/omega_I)) *
                            sign(delta_I_bias)                : mmolar/second
            I_bias                                            : mmolar (constant)

            # Ca^2+-induced Ca^2+ release:
            dC/dt = J_r + J_l - J_p                : mmolar
            # IP3R de-inactivation probability
            dh/dt = (h_inf - h_clipped)/tau_h *
                    (1 + noise*xi*tau_h**0.5)      : 1
            h_clipped = clip(h,0,1)                : 1
            J_r = (Omega_C * m_inf**3 * h_clipped**3) *
                  (C_T - (1 + rho_A)*C)            : mmolar/second
            J_l = Omega_L * (C_T - (1 + rho_A)*C)  : mmolar/second
            J_p = O_P * C**2/(C**2 + K_P**2)       : mmolar/second
            m_inf = I/(I + d_1) * C/(C + d_5)      : 1
            h_inf = Q_2/(Q_2 + C)                  : 1
            tau_h = 1/(O_2 * (Q_2 + C))            : second
            Q_2 = d_2 * (I + d_1)/(I + d_3)        : mmolar

            # Neurotransmitter concentration in the extracellular space
            Y_S     : mmolar
            # Noise flag
            noise   : 1 (constant)
            """, method: .milstein, namespace: namespace, name: "astrocytes")  // multiplicative noise
        try astrocytes.h.set(0.9)  // IP3Rs are initially mostly available for CICR
        try astrocytes.noise.set([0, 1])  // the first astrocyte is deterministic, the second stochastic
        // Both astrocytes receive the neurotransmitter of the synapse: a summed variable from the
        // synapses (a Synapses group as the source) onto the astrocytes.
        let ecs_syn_to_astro = try Synapses(synapses, astrocytes, model: "Y_S_post = Y_S_pre : mmolar (summed)",
                                            name: "ecs_syn_to_astro")
        try ecs_syn_to_astro.connect()
        let astro_mon = try StateMonitor(astrocytes, variables: ["Gamma_A", "C", "h", "I"], record: [0, 1],
                                         name: "astro_mon")
        let net = try Network(source_neurons, target_neurons, synapses, astrocytes, ecs_syn_to_astro, astro_mon,
                              backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.states = [Named("astro_mon", astro_mon)]
        result.stateLabels = ["astro_mon": ["deterministic", "stochastic"]]
        result.figures = [Named("astrocytes", try figure(astro_mon))]
        let t = astro_mon.t.values
        let secondHalf = t.indices.filter { t[$0] >= duration.value / 2 }
        for (k, label) in ["deterministic", "stochastic"].enumerated() {
            let C = try astro_mon.values("C", index: k)
            let h = try astro_mon.values("h", index: k).values
            result.statistics += [
                GalleryStatistic("pulses_\(label)", Double(Self.pulses(C.values, t: t).count)),
                GalleryStatistic("C_peak_\(label)", C.max().value / umolar.value, unit: "µM"),
                GalleryStatistic("C_mean_\(label)", C.mean().value / umolar.value, unit: "µM"),
                GalleryStatistic("Gamma_A_peak_\(label)", try astro_mon.values("Gamma_A", index: k).max().value),
                GalleryStatistic("h_std_\(label)", QuantityArray(values: secondHalf.map { h[$0] }).std().value),
            ]
        }
        return result
    }

    /// The times at which `C` (molar in SI, mol/m³) rises through ``pulseLevels``' `rise`, each
    /// after `C` fell below `rearm` (or since the start).
    static func pulses(_ C: [Double], t: [Double]) -> [Double] {
        var armed = true
        var times: [Double] = []
        for k in C.indices.dropFirst() {
            if armed, C[k - 1] < pulseLevels.rise, C[k] >= pulseLevels.rise {
                times.append(t[k])
                armed = false
            } else if !armed, C[k] < pulseLevels.rearm {
                armed = true
            }
        }
        return times
    }

    /// The original's figure: `Gamma_A`, `I`, `C` and `h` of both astrocytes over time.
    private func figure(_ monitor: StateMonitor) throws -> Figure {
        let rows: [(variable: String, label: String, unit: Quantity?)] = [
            ("Gamma_A", "Receptors Γ_A", nil), ("I", "IP₃ I", umolar), ("C", "Ca²⁺ C", umolar), ("h", "IP₃R h", nil),
        ]
        let panels = try rows.enumerated().map { row, entry in
            var panel = try Plot.of(try ["deterministic", "stochastic"].enumerated().map { k, label in
                Curve(x: monitor.t, y: try monitor.values(entry.variable, index: k), xLabel: "Time", yLabel: entry.label,
                      label: row == 1 ? label : nil)
            }, PlotOptions(title: row == 0 ? "Astrocytes activated by a synapse firing at \(f_0)" : "",
                           timeUnit: second, unit: entry.unit))
            panel.xAxis.range = 0...duration.value
            panel.yAxis.includesZero = entry.variable != "h"
            return panel
        }
        return Figure(title: "G-ChI astrocytes (Stimberg et al. 2018, Fig. 2)", panels: panels, sharesXAxis: true)
    }
}
