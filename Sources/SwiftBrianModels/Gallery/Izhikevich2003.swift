import SwiftBrian

/// Fig. 3 of Izhikevich (2003), "Simple model of spiking neurons", IEEE Trans Neural Netw
/// 14:1569–1572 (Brian's `examples/frompapers/Izhikevich_2003.py`, after the paper's `net.m`):
/// 800 excitatory (regular spiking to chattering) and 200 inhibitory (fast spiking to
/// low-threshold spiking) neurons, all to all, with random weights and thalamic noise, in steps
/// of 1 ms. The network settles into alpha- and gamma-band rhythms.
public struct Izhikevich2003: GalleryExample {
    public static let name = "izhikevich2003"
    public static let summary = "1000 Izhikevich neurons (800 E / 200 I), all to all: cortical-like rhythms"
    public static let reference = "Izhikevich (2003), IEEE Trans Neural Netw 14:1569-1572"

    /// The number of excitatory neurons.
    public var Ne = 800
    /// The number of inhibitory neurons.
    public var Ni = 200
    /// The simulated time.
    public var duration = 1000 * ms

    public init() {}

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        seed(value)
        defaultClock.dt = 1 * ms
        let N = try NeuronGroup(Ne + Ni, model: """
            dv/dt = (0.04*v**2 + 5*v + 140 - u + I + I_noise )/ms : 1
            du/dt = (a*(b*v - u))/ms  : 1
            I : 1
            I_noise : 1
            a : 1
            b : 1
            c : 1
            d : 1
            """, threshold: "v>=30", reset: "v=c; u+=d", method: .euler, name: "N")
        try N.v.set(-65)
        let N_exc = try N[0..<Ne]
        let N_inh = try N[Ne..<(Ne + Ni)]
        let spikemon = try SpikeMonitor(N, name: "spikemon")
        // re and ri are uniform in [0, 1); d (and b) follow from the same draw as c (and a).
        try N_exc.a.set(0.02)
        try N_exc.b.set(0.2)
        try N_exc.c.set("-65 + 15 * rand()**2")
        try N_exc.d.set("8 - 6 * (c + 65)/15")
        try N_inh.a.set("0.02 + 0.08 * rand()")
        try N_inh.b.set("0.25 - 0.05 * (a - 0.02)/0.08")
        try N_inh.c.set(-65)
        try N_inh.d.set(2)
        try N_exc.u.set("b*v")
        try N_inh.u.set("b*v")
        // Brian's two pathways of one Synapses ("up" adds the weight at once, "down" takes it
        // back 1 ms later) as two synapse sets with the same weights.
        let namespace: Namespace = ["Ne": Ne]
        let S_up = try Synapses(N, N, model: "w : 1", onPre: "I += w", delay: 0 * ms, namespace: namespace,
                                name: "S_up")
        let S_down = try Synapses(N, N, model: "w : 1", onPre: "I -= w", delay: 1 * ms, name: "S_down")
        try S_up.connect()
        try S_down.connect()
        try S_up.w.set("0.5 * rand()", where: "i < Ne")
        try S_up.w.set("-rand()", where: "i >= Ne")
        try S_down.w.set(S_up.w.values.values)
        let noise_exc = try N_exc.runRegularly("I_noise = 5*randn()", dt: 1 * ms)
        let noise_inh = try N_inh.runRegularly("I_noise = 2*randn()", dt: 1 * ms)
        let rate = try PopulationRateMonitor(N, name: "rate")
        let net = try Network(N, spikemon, S_up, S_down, noise_exc, noise_inh, rate, backend: backend)
        try net.run(duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        result.spikes = [Named("N", spikemon)]
        result.rates = [Named("N", rate)]
        result.synapses = [Named("S", S_up)]
        result.statistics = SpikeStatistics.networkStatistics(spikemon, neurons: Ne + Ni, duration: duration,
                                                              transient: 100 * ms)
        let population = SpikeStatistics.binnedRate(spikemon, neurons: Ne + Ni, bin: 1e-3, from: 0.1,
                                                    to: duration.value)
        result.statistics.append(GalleryStatistic(
            "rhythm_frequency", SpikeStatistics.peakFrequency(population, dt: 1e-3, band: 2...100), unit: "Hz"))
        return result
    }
}
