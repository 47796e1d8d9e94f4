import SwiftBrianIntegration
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// A neuron with a morphology (Brian's `SpatialNeuron`): each compartment of the morphology is an
/// element, with the model's variables, and the membrane potential `v` follows the cable equation.
///
///     let morpho = try Soma(diameter: 30 * um)
///     morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
///     let neuron = try SpatialNeuron(morphology: morpho, model: """
///         Im = gL*(EL - v) : amp/meter**2
///         I : amp (point current)
///         """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm, namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV])
///     try neuron.v.set(-70 * mV)
///     try neuron["dend"][-1].I.set(0.1 * nA)
///
/// The model defines the transmembrane current per area `Im` (outward currents negative, as in
/// Brian); a variable flagged `(point current)` is a current in amp injected into each compartment
/// (it enters `Im` divided by the compartment's area). Other equations (gating variables) are
/// integrated with `method` (by default the first of exact, exponential Euler, rk2 and heun that
/// applies); then `v` advances by one implicit (backward Euler) step of the cable equation, with
/// `Im` linearised in `v`, as Brian's `SpatialStateUpdater` does. Every compartment is a "neuron"
/// for the threshold, the reset, refractoriness and spike monitors, unless `thresholdLocation`
/// restricts spikes to one compartment.
///
/// Besides the model's variables a SpatialNeuron has `v`, `Ic` (the capacitive current per area
/// of the last step), `Cm` (per compartment), `Ri` (shared), the geometry `length`, `distance`,
/// `area`, `volume`, `diameter`, `r_length_1`, `r_length_2` (and `x`, `y`, `z` when the
/// morphology has coordinates), and the subexpressions `time_constant` and `space_constant`.
public final class SpatialNeuron: NeuronGroup, CompartmentTree {
    override public var describedEquations: [Equation] {
        equations.filter { $0.name == "v" || SpatialEquations.reserved[$0.name] == nil }
    }

    /// The morphology (a copy of the one given: changing that one later changes nothing here).
    public let morphology: Morphology
    /// The compartments, numbered as Brian numbers them.
    public let flatMorphology: FlatMorphology
    /// The neuron itself (see ``CompartmentTree``).
    public var neuron: SpatialNeuron { self }
    /// The cable equation's system.
    let cable: CableSystem
    /// The only compartment that spikes, if one was given.
    private let thresholdLocation: Int?

    /// Creates the neuron with morphology `morphology` and equations `model`.
    ///
    /// - Parameters:
    ///   - model: the equations, defining `Im` (amp/meter**2).
    ///   - threshold: the spike condition, tested in every compartment (or at `thresholdLocation`).
    ///   - thresholdLocation: the index of the only compartment that spikes.
    ///   - Cm: the specific membrane capacitance (Brian's default 0.9 µF/cm²).
    ///   - Ri: the axial resistivity (Brian's default 150 Ω·cm).
    ///   - method: the integration method of the equations other than the cable equation.
    ///   - Other parameters: as for ``NeuronGroup``.
    public init(morphology: Morphology, model: String, threshold: String? = nil, thresholdLocation: Int? = nil,
                refractory: RefractoryPeriod? = nil, reset: String? = nil, events: [String: String] = [:],
                Cm: Quantity = 0.9 * uF / cm2, Ri: Quantity = 150 * ohm * cm, method: IntegrationMethod? = nil,
                namespace: Namespace = Namespace(), dt: Quantity? = nil, clock: Clock? = nil, order: Int = 0,
                name: String? = nil) throws {
        let copy = morphology.copyTree()
        let flat = FlatMorphology(copy)
        let equations = try SpatialEquations(Equations(model), namespace: namespace,
                                             hasCoordinates: flat.coordinates != nil).equations
        var threshold = threshold
        if let thresholdLocation {
            guard thresholdLocation >= 0, thresholdLocation < flat.count else {
                throw ModelError(.invalidArgument, "thresholdLocation is \(thresholdLocation), but the morphology's "
                                 + "compartments are numbered 0..<\(flat.count)")
            }
            guard let condition = threshold else {
                throw ModelError(.invalidArgument, "thresholdLocation is given without a threshold")
            }
            threshold = "(\(condition)) and (i == \(thresholdLocation))"
        }
        guard Cm.dimension == Dimension.capacitance / Dimension.area, Cm.value > 0, Cm.value.isFinite else {
            throw ModelError(.invalidArgument, "Cm must be a positive capacitance per area (e.g. 1*uF/cm2), but it is \(Cm)")
        }
        guard Ri.dimension == Dimension.resistance * Dimension.length, Ri.value > 0, Ri.value.isFinite else {
            throw ModelError(.invalidArgument, "Ri must be a positive resistivity (e.g. 150*ohm*cm), but it is \(Ri)")
        }
        self.morphology = copy
        flatMorphology = flat
        self.thresholdLocation = thresholdLocation
        let name = name ?? ObjectNames.unique("spatialneuron")
        try MemoryBudget.require(MemoryBudget.bytes(flat.count, each: 8 * CableSystem.valuesPerCompartment),
                                 for: "the cable equation of \(flat.count) compartments")
        func buffer(_ variable: String) throws -> DoubleBuffer {
            try DoubleBuffer(name: "\(name).\(variable)", count: flat.count, value: 0)
        }
        cable = try CableSystem(name: name, sections: flat.sections.map {
            CableSystem.SectionLayout(range: $0.compartments, parent: $0.parent)
        }, area: try buffer("area"), rLength1: try buffer("r_length_1"), rLength2: try buffer("r_length_2"),
           v: try buffer("v"), capacitance: try buffer("Cm"), capacitiveCurrent: try buffer("Ic"))
        try super.init(flat.count, model: equations, threshold: threshold, reset: reset, refractory: refractory,
                       method: method, methodChoices: IntegrationMethod.spatialChoices, events: events,
                       namespace: namespace, dt: dt, clock: clock, order: order, name: name, kind: "SpatialNeuron",
                       noun: "compartment", defaultName: "spatialneuron")
        // The cable system works on the group's own buffers (geometry set between runs counts, as
        // in Brian).
        for (variable, buffer) in [("v", cable.v), ("Cm", cable.capacitance), ("Ic", cable.capacitiveCurrent),
                                   ("area", cable.area), ("r_length_1", cable.rLength1),
                                   ("r_length_2", cable.rLength2)] {
            variables[variable]?.buffer = buffer
        }
        var values: [(String, [Double])] = [
            ("length", flat.length), ("distance", flat.distance), ("area", flat.area), ("volume", flat.volume),
            ("diameter", flat.diameter), ("r_length_1", flat.rLength1), ("r_length_2", flat.rLength2),
            ("Cm", Array(repeating: Cm.value, count: flat.count)), ("Ri", [Ri.value]),
        ]
        if let coordinates = flat.coordinates {
            values += [("x", coordinates.x), ("y", coordinates.y), ("z", coordinates.z)]
        }
        for (variable, array) in values {
            try variables[variable]?.buffer?.assign(array)
        }
    }

    /// Only `thresholdLocation` when it is given: the threshold (rewritten as Brian does to hold only
    /// there) is not tested in the other compartments, where it is false anyway.
    override var thresholdElements: Iteration {
        thresholdLocation.map { .range(start + $0, start + $0 + 1) } ?? allElements
    }

    /// The axial resistivity now set.
    private var axialResistivity: Double { variables["Ri"]?.buffer?[0] ?? .nan }

    override func beforeRun(_ network: Network) throws {
        try super.beforeRun(network)
        let ri = axialResistivity
        guard ri > 0, ri.isFinite else {
            throw ModelError(.invalidArgument, "Ri of '\(name)' must be a positive resistivity, but it is "
                             + "\(Quantity(value: ri, dimension: .resistance * .length))")
        }
        // What the cable divides by; each may have been set since the neuron was made.
        for (variable, buffer, dimension) in [("Cm", cable.capacitance, Dimension.capacitance / .area),
                                              ("area", cable.area, .area), ("r_length_1", cable.rLength1, .length),
                                              ("r_length_2", cable.rLength2, .length)] {
            guard let k = (0..<size).first(where: { !(buffer[$0] > 0 && buffer[$0].isFinite) }) else { continue }
            throw ModelError(.invalidArgument, "\(variable) of '\(name)' must be positive in every compartment, but "
                             + "in compartment \(k) it is \(Quantity(value: buffer[k], dimension: dimension))")
        }
        cable.prepare(dt: clock.dt.value, axialResistivity: ri)
    }

    override func scheduledOperations() throws -> [ScheduledOperation] {
        var operations = try super.scheduledOperations()
        // The linearised membrane current with the updated gating variables and the old v, then
        // the implicit step; after the group's state updater (Brian gives it order 1).
        var builder = self.builder()
        let coefficients = [
            KernelOperation.store(ArrayReference(cable.conductance, .element),
                                  try builder.lower(try inlined(Expression(.name("gtot__private"))))),
            KernelOperation.store(ArrayReference(cable.current, .element),
                                  try builder.lower(try inlined(Expression(.name("I0__private"))))),
        ]
        let kernelName = "\(name)_spatialstateupdater"
        let step = CableBatching.Step(
            coefficients: Kernel(name: kernelName, iteration: allElements, vector: coefficients,
                                 random: randomKey(kernelName)),
            system: cable,
            store: Kernel(name: "\(kernelName)_cable", iteration: allElements,
                          vector: [.store(ArrayReference(cable.v, .element), .load(ArrayReference(cable.solution, .element)))],
                          random: randomKey("\(kernelName)_cable")))
        operations.append(ScheduledOperation(name: kernelName, when: .groups, order: 1, clock: clock,
                                             action: .kernels(step.kernels), cableStep: step))
        return operations
    }
}
