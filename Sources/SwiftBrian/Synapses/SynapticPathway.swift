import SwiftBrianKernel
import SwiftBrianLanguage

/// What happens when spikes reach synapses (Brian's `SynapticPathway`): code run for every
/// synapse of a spiking neuron (`on_pre` for presynaptic spikes, `on_post` for postsynaptic
/// ones), after the synapse's delay.
struct SynapticPathway {
    /// `pre`, `post` or a custom name.
    var name: String
    /// Whether the pathway is triggered by the source's events (else by the target's).
    var triggeredByPre: Bool
    /// The event that triggers it (`spike` unless a custom event was named).
    var event: String
    /// The code, checked against the synapse model.
    var code: CodeBlock
    /// Its position in the `synapses` slot: −1 when triggered by the source, +1 by the target
    /// (so presynaptic effects come first); pathways of one kind run by name, as in Brian.
    var order: Int
    /// The Synapses variable holding its delay: `delay` for `pre`, `NAME.delay` for the others.
    var delayVariable: String { SynapticPathway.delayVariable(of: name) }
    /// The queue of synapses waiting for their delay.
    let queue: SpikeQueue
    /// The delay in whole time steps (one for all synapses, or one per synapse), converted from
    /// the delay variable before each run (see ``SpikeQueue/steps(_:)``), as Brian's spike queue
    /// does, so that a spike's synapses are queued without dividing and rounding each delay.
    let delaySteps: IndexBuffer

    init(name: String, triggeredByPre: Bool, event: String, code: CodeBlock, owner: String) throws {
        self.name = name
        self.triggeredByPre = triggeredByPre
        self.event = event
        self.code = code
        order = triggeredByPre ? -1 : 1
        queue = try SpikeQueue(name: "\(owner)_\(name)_queue")
        delaySteps = try IndexBuffer(name: "\(owner)_\(name)_delay_steps", values: [])
    }

    /// The variable holding the delay of the pathway `name`.
    static func delayVariable(of name: String) -> String {
        name == "pre" ? "delay" : "\(name).delay"
    }
}
