import Dendrify
import SwiftBrian
import SwiftBrianTools

/// Dendritic attenuation in a reduced neuron (Dendrify's example `val_dendritic_attenuation`,
/// Pagkalos, Chavlis & Poirazi 2023): a soma and a chain of three passive dendritic compartments
/// (trunk, proximal, distal), each a Dendrify compartment given by its length and diameter and
/// coupled to its neighbours through half-cylinder axial conductances. A steady hyperpolarising
/// current into the soma spreads into the dendrite and decays with distance, as along a real
/// cable. The example measures the steady deflection of each compartment and its ratio to the
/// soma's: Dendrify 2.2 on Brian 2.9 gives −6.7028, −6.3154, −5.7553 and −5.3900 mV, ratios
/// 0.942, 0.859 and 0.804 (shared/reference/compartments/dendrify/dendrify_attenuation).
public struct DendriticAttenuation: GalleryExample {
    public static let name = "dendritic_attenuation"
    public static let summary = "A current into the soma of a 4-compartment Dendrify neuron: the deflection decays along the dendrite"
    public static let reference = "Pagkalos, Chavlis & Poirazi (2023), Nat Commun 14:131 (Dendrify's val_dendritic_attenuation)"

    /// The compartments from the soma outwards: name, length and diameter.
    public static let compartments: [(name: String, length: Quantity, diameter: Quantity)] = [
        ("soma", 25 * um, 25 * um), ("trunk", 100 * um, 1.5 * um), ("prox", 100 * um, 1.2 * um),
        ("dist", 100 * um, 1 * um),
    ]

    /// The current injected into the soma.
    public var current = -10 * pA
    /// When the current is switched on.
    public var stimulusStart = 20 * ms
    /// How long it stays on.
    public var stimulusDuration = 500 * ms
    /// The specific membrane capacitance of every compartment.
    public var cm = 1 * uF / cm2
    /// The specific leak conductance of every compartment.
    public var gl = 50 * uS / cm2
    /// The axial resistivity.
    public var rAxial = 400 * ohm * cmetre
    /// The resting potential of every compartment.
    public var vRest = -70 * mV
    /// The simulated time.
    public var duration = 620 * ms

    public init() {}

    /// The neuron of the example: ``compartments`` in a chain (a leaky integrate-and-fire soma and
    /// passive dendrites), with Dendrify's default half-cylinder coupling.
    public static func model(cm: Quantity, gl: Quantity, rAxial: Quantity, vRest: Quantity) throws -> NeuronModel {
        let parts: [Compartment] = try compartments.map { part in
            part.name == "soma" ? try Dendrify.Soma(part.name, length: part.length, diameter: part.diameter)
                : try Dendrite(part.name, length: part.length, diameter: part.diameter)
        }
        return try NeuronModel(connections: Array(zip(parts, parts.dropFirst())), cm: cm, gl: gl, rAxial: rAxial,
                               vRest: vRest)
    }

    public func run(seed value: UInt64, backend: BackendKind, report: ProgressReport?) throws -> GalleryResult {
        for (name, value) in [("cm", cm), ("gl", gl), ("rAxial", rAxial)] where !(value.value > 0) {
            throw ModelError(.invalidArgument, "'\(name)' of '\(Self.name)' must be positive, but it is \(value)")
        }
        seed(value)
        defaultClock.dt = 0.1 * ms
        let neuron = try Self.model(cm: cm, gl: gl, rAxial: rAxial, vRest: vRest)
            .makeNeuronGroup(1, method: .euler, name: "neuron")
        let names = Self.compartments.map(\.name)
        let voltages = try StateMonitor(neuron, variables: names.map { "V_\($0)" }, name: "V")
        let net = try Network(neuron, voltages, backend: backend)
        try net.run(until: stimulusStart, within: duration, report: report)
        try neuron.variable("I_ext_soma").set(current)
        try net.run(until: stimulusStart + stimulusDuration, within: duration, report: report)
        try neuron.variable("I_ext_soma").set(0 * amp)
        try net.run(until: duration, within: duration, report: report)

        var result = GalleryResult(example: Self.name, network: net)
        // The example's measurement: the extreme of each trace minus its first sample (the
        // minimum for a hyperpolarising current, the maximum for a depolarising one).
        let deflections = try names.map { name -> Double in
            let trace = try voltages.values("V_\(name)", index: 0).values
            guard let first = trace.first else { return 0 }
            return (current.value < 0 ? trace.min() ?? first : trace.max() ?? first) - first
        }
        guard voltages.t.count > 0 else { return result }
        result.statistics = zip(names, deflections).map { GalleryStatistic("dV_\($0)", $1 / mV.value, unit: "mV") }
        if deflections[0] != 0 {
            result.statistics += zip(names, deflections).dropFirst().map {
                GalleryStatistic("ratio_\($0)", $1 / deflections[0])
            }
        }
        // Distances of the compartments' midpoints from the soma's centre.
        let lengths = Self.compartments.map { $0.length.value / um.value }
        let distances = lengths.indices.map { k in
            k == 0 ? 0 : lengths[0] / 2 + lengths[1..<k].reduce(0, +) + lengths[k] / 2
        }
        let labels = zip(names, distances).map { name, distance in
            name == "soma" ? name : name + String(format: " (%g µm)", distance)
        }
        result.figures = [
            Named("compartment_voltages", try CompartmentTraces.plot(
                voltages, index: 0, variables: Array(zip(names.map { "V_\($0)" }, labels)),
                title: String(format: "V of each compartment, %g pA into the soma", current.value / pA.value))),
            Named("deflection_vs_distance", try Plot.of([
                Curve(x: distances * um, y: deflections * volt, xLabel: "Distance of the compartment's centre from the soma's",
                      yLabel: "Deflection", color: .ink),
            ] + names.indices.map { k in
                Curve(x: [distances[k]] * um, y: [deflections[k]] * volt, xLabel: "Distance", yLabel: "Deflection",
                      label: names[k], style: .dots(diameter: 9), color: .series(k))
            }, PlotOptions(title: "Steady deflection along the dendrite (dV/dV_soma: "
                + deflections.dropFirst().map { String(format: "%.3f", $0 / deflections[0]) }.joined(separator: ", ") + ")",
                unit: mV, xUnit: um))),
        ]
        return result
    }
}
