import SwiftBrianLanguage

// Brian's `(unless refractory)`: the flagged variables keep their value while `not_refractory` is
// false. The explicit methods do what Brian does, multiplying the right-hand side by
// `int(not_refractory)`, so every stage sees the flagged variables frozen. The exponential Euler
// and exact solutions are not linear in that factor; there each new value is blended as
// `int(not_refractory)*new + (1 - int(not_refractory))*frozen`, which is the unflagged update
// exactly (up to the sign of a zero) when `not_refractory` is true and the frozen value when it
// is false.
extension DifferentialSystem {
    /// `int(not_refractory)`.
    static var notRefractoryFactor: Expression { .call("int", [.name(notRefractory)]) }

    /// The right-hand side of `variable` as Brian's explicit methods integrate it: multiplied by
    /// `int(not_refractory)` when the variable is frozen while refractory.
    func explicitRightHandSide(_ variable: String, _ rightHandSide: Expression) -> Expression {
        refractoryVariables.contains(variable) ? Self.notRefractoryFactor * rightHandSide : rightHandSide
    }

    /// `update` while not refractory and `frozen` while refractory.
    static func refractoryBlend(_ update: Expression, frozen: Expression) -> Expression {
        notRefractoryFactor * update + (.integer(1) - notRefractoryFactor) * frozen
    }
}
