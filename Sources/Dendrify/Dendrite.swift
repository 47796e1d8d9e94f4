import SwiftBrian

/// A dendritic compartment (Dendrify's `Dendrite`), by default passive; it may have dendritic
/// spikes (``dspikes(_:threshold:gRise:gFall:durationRise:durationFall:reversalRise:reversalFall:offsetFall:refractory:)``).
///
///     let dend = try Dendrite("dend", cmAbs: 50 * pF, glAbs: 2.5 * nS)
///     try dend.synapse(.ampa, tag: "x", g: 3 * nS, tDecay: 2 * ms)
///     try dend.dspikes("Na", gRise: 30 * nS, gFall: 15 * nS)
public final class Dendrite: Compartment {
    /// A dendrite given by geometry (`length`, `diameter`, specific `cm` and `gl`, axial
    /// resistivity `rAxial`, area factors) or by absolute values (`cmAbs`, `glAbs`), not both.
    /// Values left out may come from the ``NeuronModel``.
    ///
    /// - Throws: ``ModelError`` for a name that is not an identifier, a non-positive or
    ///   non-finite value, a value of the wrong unit, or geometry and absolute values together.
    public init(_ name: String, model: CompartmentModel = .passive, length: Quantity? = nil,
                diameter: Quantity? = nil, cm: Quantity? = nil, gl: Quantity? = nil, cmAbs: Quantity? = nil,
                glAbs: Quantity? = nil, rAxial: Quantity? = nil, vRest: Quantity? = nil, scaleFactor: Double = 1,
                spineFactor: Double = 1) throws {
        try super.init(name, isSoma: false, model: model, properties: PassiveProperties(
            length: length, diameter: diameter, cm: cm, gl: gl, rAxial: rAxial, cmAbs: cmAbs, glAbs: glAbs,
            vRest: vRest, scaleFactor: scaleFactor, spineFactor: spineFactor))
    }

    /// Adds dendritic spikes of type `name` (Dendrify's `dspikes`): a custom event
    /// `spike_<name>_<dendrite>` when `V_<dendrite>` reaches `threshold` outside the refractory
    /// period, then a rise current (conductance `gRise`, reversal `reversalRise`) for
    /// `durationRise`, and a fall current (`gFall`, `reversalFall`) from `offsetFall` for
    /// `durationFall`. Durations become whole time steps of ``defaultClock`` as it is now
    /// (Brian's `timestep` rule), as in Dendrify. Values left out here are given with
    /// ``NeuronModel/configDspikes(_:threshold:durationRise:durationFall:reversalRise:reversalFall:offsetFall:refractory:)``.
    ///
    /// - Parameters:
    ///   - reversalRise: a voltage or the name of a Dendrify default (`"E_Na"`, `"E_K"`, `"E_Ca"`).
    /// - Throws: ``ModelError`` for a type added twice, a non-positive conductance or duration,
    ///   a negative offset or refractory period, or an unknown reversal name.
    public func dspikes(_ name: String, threshold: Quantity? = nil, gRise: Quantity, gFall: Quantity,
                        durationRise: Quantity? = nil, durationFall: Quantity? = nil,
                        reversalRise: (any ReversalPotential)? = nil, reversalFall: (any ReversalPotential)? = nil,
                        offsetFall: Quantity? = nil, refractory: Quantity? = nil) throws {
        var spikes = try DendriticSpikes(type: name, dendrite: self.name, gRise: gRise, gFall: gFall)
        guard !definition.dspikes.contains(where: { $0.type == name }) else {
            throw ModelError(.invalidArgument, "'\(self.name)' already has dSpikes '\(name)': use another name")
        }
        try spikes.configure(threshold: threshold, durationRise: durationRise, durationFall: durationFall,
                             reversalRise: reversalRise, reversalFall: reversalFall, offsetFall: offsetFall,
                             refractory: refractory)
        definition.text.insertCurrent(spikes.currents)
        definition.text.append(spikes.equations)
        definition.dspikes.append(spikes)
    }

    /// The dSpike events by name, with their conditions.
    public var events: [String: String] { definition.events }
}
