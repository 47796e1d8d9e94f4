import Foundation
import SwiftBrian
import SwiftBrianTools

/// Short-term synaptic plasticity after Tsodyks, Pawelzik & Markram (1998), "Neural networks
/// with dynamic synapses", Neural Comput 10:821–835 (Brian 1's
/// `examples/synapses/short_term_plasticity.py`, in Brian 2's event-driven form): ten input
/// neurons firing regularly at 5 to 30 Hz each drive one neuron through a depressing synapse
/// (large `U`, slow recovery) and one through a facilitating synapse (small `U`, slow
/// facilitation). Each presynaptic spike adds `w*u*x` to the postsynaptic current, then uses a
/// fraction `u` of the resources `x` and raises `u`.
public struct TsodyksMarkram: GalleryExample {
    public static let name = "tsodyks_markram"
    public static let summary = "Tsodyks-Markram synapses: depressing and facilitating postsynaptic currents"
    public static let reference = "Tsodyks, Pawelzik & Markram (1998), Neural Comput 10:821-835"

    /// The parameters of one kind of dynamic synapse.
    public struct Dynamics: Sendable, Codable {
        /// The recovery time constant of the resources.
        public var taud: Quantity
        /// The time constant of facilitation.
        public var tauf: Quantity
        /// The utilization of resources at rest.
        public var U: Double
    }

    /// The number of inputs (and of postsynaptic neurons per kind of synapse).
    public var N = 10
    /// The synaptic current time constant.
    public var tau_e = 3 * ms
    /// The membrane time constant.
    public var taum = 10 * ms
    /// The absolute synaptic efficacy.
    public var A_SE = 250 * pA
    /// The membrane resistance.
    public var Rm = 100 * Mohm
    /// The lowest input rate.
    public var lowestRate = 5 * Hz
    /// The highest input rate.
    public var highestRate = 30 * Hz
    /// The depressing synapses.
    public var depressing = Dynamics(taud: 100 * ms, tauf: 10 * ms, U: 0.6)
    /// The facilitating synapses.
    public var facilitating = Dynamics(taud: 1 * ms, tauf: 100 * ms, U: 0.1)
    /// The simulated time.
    public var duration = 1000 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 0.1 * ms
        let input = try NeuronGroup(N, model: """
            dphi/dt = rate : 1
            rate : Hz
            """, threshold: "phi>1", reset: "phi=0", method: .euler, name: "input")
        try input.rate.set(QuantityArray(values: (0..<N).map {
            lowestRate.value + (highestRate.value - lowestRate.value) * Double($0) / Double(max(N - 1, 1))
        }, dimension: .frequency))
        let input_spikes = try SpikeMonitor(input, name: "input_spikes")
        var objects: [NetworkObject] = [input, input_spikes]
        var result = (neurons: [Named<NeuronGroup>](), traces: [Named<StateMonitor>](),
                      synapses: [Named<Synapses>]())
        for (kind, dynamics) in [("depressing", depressing), ("facilitating", facilitating)] {
            let namespace: Namespace = ["Rm": Rm, "taum": taum, "tau_e": tau_e, "taud": dynamics.taud,
                                        "tauf": dynamics.tauf, "U": Quantity(value: dynamics.U)]
            let neuron = try NeuronGroup(N, model: """
                dv/dt = (Rm*I - v)/taum : volt
                dI/dt = -I/tau_e : amp
                """, method: .exact, namespace: namespace, name: "neuron_\(kind)")
            let S = try Synapses(input, neuron, model: """
                w : amp
                dx/dt = (1 - x)/taud : 1 (event-driven)
                du/dt = (U - u)/tauf : 1 (event-driven)
                """, onPre: """
                I_post += w*u*x
                x *= (1 - u)
                u += U*(1 - u)
                """, namespace: namespace, name: "S_\(kind)")
            try S.connect(j: "i")
            try S.w.set(A_SE)
            try S.x.set(1)
            try S.u.set(dynamics.U)
            let trace = try StateMonitor(neuron, variables: ["I", "v"], record: [0, N - 1], when: .afterSynapses,
                                         name: "trace_\(kind)")
            objects += [neuron, S, trace]
            result.neurons.append(Named(kind, neuron))
            result.traces.append(Named(kind, trace))
            result.synapses.append(Named(kind, S))
        }
        let net = try Network(objects, backend: backend)
        try net.run(duration, report: report)

        var output = GalleryResult(example: Self.name, network: net)
        output.spikes = [Named("input", input_spikes)]
        output.states = result.traces
        output.synapses = result.synapses
        for trace in result.traces {
            let amplitudes = try postsynapticCurrents(trace.value, index: N - 1)
            let ratio = amplitudes.count >= 5 ? amplitudes[4] / amplitudes[0] : .nan
            output.statistics.append(GalleryStatistic("psc_ratio_\(trace.name)", ratio))
            output.statistics.append(GalleryStatistic("first_psc_\(trace.name)", (amplitudes.first ?? .nan) * 1e12,
                                                      unit: "pA"))
        }
        // The paper's kind of figure: the postsynaptic potential of each kind of synapse under a
        // slow and a fast regular input train, the panels sharing the time axis.
        let rates = [lowestRate, highestRate].map { String(format: "%g Hz input", $0.value) }
        let panels = try zip(result.traces, [depressing, facilitating]).map { trace, dynamics in
            try Plot.of(trace.value, PlotOptions(
                title: trace.name.prefix(1).uppercased() + trace.name.dropFirst()
                    + String(format: " synapse (U = %g, \u{3C4}d = %g ms, \u{3C4}f = %g ms)", dynamics.U,
                             dynamics.taud.value / ms.value, dynamics.tauf.value / ms.value),
                variable: "v", labels: rates, timeUnit: ms, unit: mV))
        }
        output.figures = [Named("psp", Figure(title: "Tsodyks, Pawelzik & Markram (1998): postsynaptic potentials "
                                                + "through dynamic synapses", panels: panels, sharesXAxis: true))]
        return output
    }

    /// The amplitude of each postsynaptic current of neuron `index`, in ampere: the jumps of `I`
    /// (sampled after the synapses in every step) above its exponential decay.
    private func postsynapticCurrents(_ trace: StateMonitor, index: Int) throws -> [Double] {
        let current = try trace.values("I", index: index).values
        let decay = exp(-defaultClock.dt.value / tau_e.value)
        var amplitudes: [Double] = []
        for k in current.indices.dropFirst() {
            let jump = current[k] - current[k - 1] * decay
            if jump > 1e-3 * A_SE.value { amplitudes.append(jump) }
        }
        return amplitudes
    }
}
