import SwiftBrian

/// A somatic compartment (Dendrify's `Soma`), by default a leaky integrate-and-fire membrane. It
/// cannot have dendritic spikes; a NeuronModel's `spineFactor` does not apply to it. Where
/// SwiftBrian's morphology ``SwiftBrian/Soma`` is visible too, write `Dendrify.Soma`.
///
///     let soma = try Dendrify.Soma("soma", model: .leakyIF, cmAbs: 150 * pF, glAbs: 10 * nS)
///     let soma = try Dendrify.Soma("soma", length: 25 * um, diameter: 25 * um, cm: 1 * uF / cm2,
///                                  gl: 50 * uS / cm2, rAxial: 150 * ohm * cm, vRest: -70 * mV)
public final class Soma: Compartment {
    /// A soma given by geometry (`length`, `diameter`, specific `cm` and `gl`, axial resistivity
    /// `rAxial`, area factors) or by absolute values (`cmAbs`, `glAbs`), not both. Values left out
    /// may come from the ``NeuronModel``.
    ///
    /// - Throws: ``ModelError`` for a name that is not an identifier, a non-positive or
    ///   non-finite value, a value of the wrong unit, or geometry and absolute values together.
    public init(_ name: String, model: CompartmentModel = .leakyIF, length: Quantity? = nil,
                diameter: Quantity? = nil, cm: Quantity? = nil, gl: Quantity? = nil, cmAbs: Quantity? = nil,
                glAbs: Quantity? = nil, rAxial: Quantity? = nil, vRest: Quantity? = nil, scaleFactor: Double = 1,
                spineFactor: Double = 1) throws {
        try super.init(name, isSoma: true, model: model, properties: PassiveProperties(
            length: length, diameter: diameter, cm: cm, gl: gl, rAxial: rAxial, cmAbs: cmAbs, glAbs: glAbs,
            vRest: vRest, scaleFactor: scaleFactor, spineFactor: spineFactor))
    }
}
