/// Dendrify's library of membrane models. Each gives a compartment's voltage equation and its
/// current `I` = `I_ext` plus the mechanisms added later (synapses, noise, dSpikes, coupling).
///
/// `adex` needs the parameters `DeltaT`, `Vth`, `a` and `tauw`; `adaptiveIF` needs `a` and
/// `tauw`; `cadIF` needs `gA`'s parameters `gAmax`, `EA` and `tauA` (add them with
/// `addParameters`). As in Dendrify, `cadIF`'s `gA`, `gAmax`, `EA` and `tauA` carry no
/// compartment suffix, so a neuron can have only one `cadIF` compartment.
public enum CompartmentModel: String, CaseIterable, Sendable {
    /// A leaky membrane.
    case passive
    /// A leaky integrate-and-fire soma (the same equations as `passive`: the threshold and reset
    /// are given to `makeNeuronGroup`).
    case leakyIF
    /// A leaky integrate-and-fire neuron with an adaptation current `w`.
    case adaptiveIF
    /// The adaptive exponential integrate-and-fire neuron (Brette & Gerstner 2005).
    case adex
    /// A conductance-based adaptive integrate-and-fire neuron.
    case cadIF

    /// Dendrify's equations with `suffix` appended to the compartment's names (`"_soma"`, or
    /// `""` for a point neuron).
    func equations(suffix s: String) -> String {
        switch self {
        case .passive, .leakyIF:
            return """
                dV\(s)/dt = (gL\(s) * (EL\(s)-V\(s)) + I\(s)) / C\(s)  :volt
                I\(s) = I_ext\(s)  :amp
                I_ext\(s)  :amp
                """
        case .adaptiveIF:
            return """
                dV\(s)/dt = (gL\(s) * (EL\(s)-V\(s)) + I\(s) - w\(s)) / C\(s)  :volt
                dw\(s)/dt = (a\(s) * (V\(s)-EL\(s)) - w\(s)) / tauw\(s)  :amp
                I\(s) = I_ext\(s)  :amp
                I_ext\(s)  :amp
                """
        case .adex:
            return """
                dV\(s)/dt = (gL\(s) * (EL\(s)-V\(s)) + gL\(s)*DeltaT\(s)*exp((V\(s)-Vth\(s))/DeltaT\(s)) + I\(s) - w\(s)) / C\(s)  :volt
                dw\(s)/dt = (a\(s) * (V\(s)-EL\(s)) -w\(s)) / tauw\(s)  :amp
                I\(s) = I_ext\(s)  :amp
                I_ext\(s)  :amp
                """
        case .cadIF:
            return "dV\(s)/dt =  (gL\(s)*(EL\(s)-V\(s)) + I\(s) - w\(s)) / C\(s) :volt \n"
                + "w\(s) = gA * (V\(s)-EA) :amp \n"
                + "dgA/dt = (gAmax * (abs(V\(s)-EA)) / mV - gA) / tauA :siemens \n"
                + "I\(s) = I_ext\(s)  :amp \n"
                + "I_ext\(s)  :amp"
        }
    }
}
