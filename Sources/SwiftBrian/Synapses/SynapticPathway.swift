import SwiftBrianKernel
import SwiftBrianLanguage

/// What happens when spikes reach synapses (Brian's `SynapticPathway`): code run for every
/// synapse of a spiking neuron (`on_pre` for presynaptic spikes, `on_post` for postsynaptic
/// ones), after the synapse's delay.
struct SynapticPathway {
    /// `pre`, `post` or a custom name.
    var name: String
    /// Whether the pathway is triggered by the source's spikes (else by the target's).
    var triggeredByPre: Bool
    /// The statements, checked against the synapse model.
    var statements: [Statement]
    /// Its position in the `synapses` slot: `pre` −1, `post` +1 (so pre runs first), others 0.
    var order: Int
    /// The queue of synapses waiting for their delay.
    let queue: SpikeQueue

    init(name: String, triggeredByPre: Bool, statements: [Statement], owner: String) {
        self.name = name
        self.triggeredByPre = triggeredByPre
        self.statements = statements
        order = name == "pre" ? -1 : (name == "post" ? 1 : 0)
        queue = SpikeQueue(name: "\(owner)_\(name)_queue")
    }
}
