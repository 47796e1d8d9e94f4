import SwiftBrian
import SwiftBrianKernel

/// The multicompartment benchmark models, as `scripts/brian2_spatial_bench.py` builds them in Brian.
extension BenchmarkModel {
    /// The axon of Brian's test_rallpack3: a cylinder 1 µm wide and 1 mm long in `compartments`
    /// compartments, squid Hodgkin–Huxley channels (exponential Euler), at rest, 0.1 nA into
    /// compartment 0. With `spikesAtFarEnd` the far end is the only compartment that spikes
    /// (`v > 0 mV`, refractory while above), so the spikes count the action potentials that arrive
    /// there; Brian's test has no threshold.
    public static func rallpack3Axon(compartments: Int, spikesAtFarEnd: Bool = true) throws -> SpatialNeuron {
        let morpho = try Cylinder(diameter: 1 * um, length: 1 * mm, n: compartments)
        let axon = try SpatialNeuron(morphology: morpho, model: """
            Im = gl * (El-v) + gNa * m**3 * h * (ENa-v) + gK * n**4 * (EK-v) : amp/meter**2
            dm/dt = alpham * (1-m) - betam * m : 1
            dn/dt = alphan * (1-n) - betan * n : 1
            dh/dt = alphah * (1-h) - betah * h : 1
            v_shifted = v - El : volt
            alpham = (0.1/mV) * (-v_shifted+25*mV) / (exp((-v_shifted+25*mV) / (10*mV)) - 1)/ms : Hz
            betam = 4 * exp(-v_shifted/(18*mV))/ms : Hz
            alphah = 0.07 * exp(-v_shifted/(20*mV))/ms : Hz
            betah = 1/(exp((-v_shifted+30*mV) / (10*mV)) + 1)/ms : Hz
            alphan = (0.01/mV) * (-v_shifted+10*mV) / (exp((-v_shifted+10*mV) / (10*mV)) - 1)/ms : Hz
            betan = 0.125*exp(-v_shifted/(80*mV))/ms : Hz
            I : amp (point current, constant)
            """, threshold: spikesAtFarEnd ? "v > 0*mV" : nil, thresholdLocation: spikesAtFarEnd ? compartments - 1 : nil,
            refractory: spikesAtFarEnd ? "v > 0*mV" : nil, Cm: 1 * uF / cm2, Ri: 100 * ohm * cm, method: .exponentialEuler,
            namespace: ["gl": 1 / (40000 * ohm * cm2), "El": -65 * mV, "ENa": 50 * mV, "EK": -77 * mV,
                        "gNa": 120 * msiemens / cm2, "gK": 36 * msiemens / cm2], name: "axon")
        try axon.v.set(-65 * mV)
        try axon.m.set(0.0529324852572)
        try axon.n.set(0.317676914061)
        try axon.h.set(0.596120753508)
        try axon.I.set(0.1 * nA, where: "i == 0")
        return axon
    }

    /// What a cell takes besides its buffers (its equations, variables and kernels): measured, a
    /// population of 10,000 cells uses 470 MB, 41 kB per cell, of which 11 kB are buffers.
    private static let objectBytesPerCell = 32_000

    /// `count` passive ball-and-stick cells (shared/reference/compartments/spatial_ball_and_stick.py:
    /// a soma 30 µm wide and a dendrite of 50 compartments, 500 µm × 2 µm), each a SpatialNeuron;
    /// cell k gets a constant 0.1 nA·(k+1)/count at the dendrite's end, so no two are alike.
    ///
    /// - Throws: `ModelError(.insufficientMemory)` when the cells' buffers would not fit in memory.
    static func ballAndStickCells(_ count: Int) throws -> [SpatialNeuron] {
        let morpho = try Soma(diameter: 30 * um)
        let dendrite = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
        morpho.dend = dendrite
        let end = try dendrite.index(of: -1)
        func cell(_ k: Int) throws -> SpatialNeuron {
            let cell = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) : amp/meter**2
                I : amp (point current)
                """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm,
                namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV], name: "cell\(k)")
            try cell.v.set(-70 * mV)
            try cell.I.set(0.1 * nA * Double(k + 1) / Double(count), where: "i == \(end)")
            return cell
        }
        let first = try cell(0)
        try MemoryBudget.require(MemoryBudget.bytes(count, each: first.size * first.bytesPerCompartment
                                                    + objectBytesPerCell),
                                 for: "\(count) ball-and-stick cells")
        return try [first] + (1..<count).map(cell)
    }
}
