import SwiftBrian

/// A compartment's passive properties as Dendrify takes them: either geometry (length,
/// diameter, specific capacitance and leak, axial resistivity, area factors) or absolute
/// capacitance and leak ("dimensionless" compartments, which need explicit coupling
/// conductances), and the resting potential.
struct PassiveProperties: Sendable {
    var length: Quantity?
    var diameter: Quantity?
    var cm: Quantity?
    var gl: Quantity?
    var rAxial: Quantity?
    var cmAbs: Quantity?
    var glAbs: Quantity?
    var vRest: Quantity?
    var scaleFactor: Double
    var spineFactor: Double

    /// Whether the compartment is given by absolute values (Dendrify's "dimensionless").
    var isDimensionless: Bool { cmAbs != nil || glAbs != nil }

    /// Checks each value given (`owner` names the compartment in messages): positive and of the
    /// right unit, and not geometry and absolute values together.
    func check(owner: String) throws {
        let checks: [(Quantity?, String, Dimension, String)] = [
            (length, "length", .length, "a length"), (diameter, "diameter", .length, "a length"),
            (cm, "cm", ArgumentChecks.specificCapacitance, "a capacitance per area (F/m²)"),
            (gl, "gl", ArgumentChecks.specificConductance, "a conductance per area (S/m²)"),
            (rAxial, "rAxial", ArgumentChecks.resistivity, "a resistivity (Ω·m)"),
            (cmAbs, "cmAbs", .capacitance, "a capacitance"), (glAbs, "glAbs", .conductance, "a conductance"),
        ]
        for (value, argument, dimension, unit) in checks {
            if let value { try ArgumentChecks.positive(value, argument, of: owner, dimension: dimension, unit: unit) }
        }
        if let vRest { try ArgumentChecks.finite(vRest, "vRest", of: owner, dimension: .voltage, unit: "a voltage") }
        try ArgumentChecks.positive(scaleFactor, "scaleFactor", of: owner)
        try ArgumentChecks.positive(spineFactor, "spineFactor", of: owner)
        let geometry = [("length", length), ("diameter", diameter), ("cm", cm), ("gl", gl), ("rAxial", rAxial)]
            .filter { $0.1 != nil }.map(\.0)
        if isDimensionless, !geometry.isEmpty {
            throw ModelError(.invalidArgument, "\(owner) is given both absolute values (cmAbs, glAbs) and geometry "
                             + "(\(geometry.joined(separator: ", "))): give one or the other")
        }
    }

    /// The membrane area, π·length·diameter·scaleFactor·spineFactor (an open cylinder), in m².
    var area: Double? {
        guard !isDimensionless, let length, let diameter else { return nil }
        return Double.pi * length.value * diameter.value * (scaleFactor * spineFactor)
    }

    /// The capacitance: cmAbs, or cm·area.
    var capacitance: Quantity? {
        if isDimensionless { return cmAbs }
        guard let area, let cm else { return nil }
        return Quantity(value: area * cm.value, dimension: .capacitance)
    }

    /// The leak conductance: glAbs, or gl·area.
    var leak: Quantity? {
        if isDimensionless { return glAbs }
        guard let area, let gl else { return nil }
        return Quantity(value: area * gl.value, dimension: .conductance)
    }

    /// The axial resistance of the whole cylinder, 4·rAxial·length/(π·diameter²) in Ω, nil when
    /// length, diameter or rAxial is missing.
    var axialResistance: Double? {
        guard !isDimensionless, let length, let diameter, let rAxial else { return nil }
        return (4 * rAxial.value * length.value) / (Double.pi * (diameter.value * diameter.value))
    }

    /// What is missing for the axial resistance (for messages).
    var missingForAxialResistance: [String] {
        [("length", length), ("diameter", diameter), ("rAxial", rAxial)].filter { $0.1 == nil }.map(\.0)
    }

    /// `EL`, `C` and `gL` (with `suffix`) where known, then Dendrify's default parameters.
    func parameters(suffix: String) -> ModelParameters {
        var parameters = ModelParameters()
        if let vRest { parameters.set("EL\(suffix)", vRest) }
        if let capacitance { parameters.set("C\(suffix)", capacitance) }
        if let leak { parameters.set("gL\(suffix)", leak) }
        parameters.merge(DefaultParameters.all)
        return parameters
    }
}
