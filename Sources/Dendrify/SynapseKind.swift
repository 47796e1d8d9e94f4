import Foundation
import SwiftBrian

/// A synaptic current Dendrify can add to a compartment: conductance-based, with a weight
/// `w_*` of 1 and a gating variable a presynaptic spike increments (`s_AMPA_tag_dend += 1`).
///
/// With a decay time only, the conductance jumps and decays exponentially (`s`); with a rise
/// time too, `s` decays with the rise time and drives `x`, which decays with the decay time and
/// gates the conductance (`dx/dt = -x/t_decay + s/ms`).
public enum SynapseKind: String, CaseIterable, Sendable {
    /// Excitatory, reversal potential `E_AMPA` (0 mV).
    case ampa = "AMPA"
    /// Excitatory with the voltage-dependent Mg²⁺ block
    /// `1/(1 + Mg_con*exp(-Alpha_NMDA*(V/mV + Gamma_NMDA))/Beta_NMDA)`, reversal `E_NMDA` (0 mV).
    case nmda = "NMDA"
    /// Inhibitory, reversal potential `E_GABA` (−80 mV).
    case gaba = "GABA"

    /// The kind called `name` (`"AMPA"`, `"nmda"`, ... as Dendrify's `channel` argument).
    ///
    /// - Throws: ``ModelError`` naming the known kinds when there is none of that name.
    public init(_ name: String) throws {
        guard let kind = SynapseKind.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            let known = SynapseKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw ModelError(.invalidArgument, "Unknown synapse kind '\(name)': use one of \(known)")
        }
        self = kind
    }

    /// Dendrify's equations of this current for the synapse `id` (`tag_dend`, or `tag` in a
    /// point neuron) on the voltage `voltage`, with rise and decay kinetics or decay only.
    func equations(id: String, voltage: String, riseAndDecay: Bool) -> String {
        let k = rawValue
        let gate = riseAndDecay ? "x_\(k)_\(id)" : "s_\(k)_\(id)"
        let block = self == .nmda
            ? " / (1 + Mg_con * exp(-Alpha_NMDA*(\(voltage)/mV+Gamma_NMDA)) / Beta_NMDA)" : ""
        let current = "I_\(k)_\(id) = g_\(k)_\(id) * (E_\(k)-\(voltage)) * \(gate)\(block) * w_\(k)_\(id)  :amp"
        guard riseAndDecay else {
            let decay = self == .nmda ? "-s_\(k)_\(id)/t_\(k)_decay_\(id)" : "-s_\(k)_\(id) / t_\(k)_decay_\(id)"
            return "\(current)\nds_\(k)_\(id)/dt = \(decay)  :1"
        }
        return """
            \(current)
            dx_\(k)_\(id)/dt = (-x_\(k)_\(id)/t_\(k)_decay_\(id)) + s_\(k)_\(id)/ms  :1
            ds_\(k)_\(id)/dt = -s_\(k)_\(id) / t_\(k)_rise_\(id)  :1
            """
    }

    /// Dendrify's peak normalisation of a rise–decay conductance (`scale_g`): 1 over the peak
    /// of `(τd·τr/(τd − τr))·(exp(−t/τd) − exp(−t/τr))/ms`, at `tp = τd·τr/(τd − τr)·ln(τd/τr)`.
    static func peakNormalization(rise: Double, decay: Double) -> Double {
        let peakTime = (decay * rise / (decay - rise)) * log(decay / rise)
        let factor = ((decay * rise) / (decay - rise)) * (-exp(-peakTime / rise) + exp(-peakTime / decay)) / 0.001
        return 1 / factor
    }
}
