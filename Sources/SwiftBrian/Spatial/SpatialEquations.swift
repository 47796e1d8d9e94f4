import SwiftBrianLanguage
import SwiftBrianSymbolic
import SwiftBrianUnits

/// The equations of a multicompartment neuron as Brian's `SpatialNeuron` builds them from the
/// user's model: the membrane potential `v` becomes a parameter that the cable equation advances;
/// every `(point current)` `I` (in amp) is added to the transmembrane current as `I/area`; `Im`
/// is split into the total conductance `gtot__private = -dIm/dv` and the current
/// `I0__private = Im + gtot__private*v` with which the cable step linearises it; and the
/// compartments' geometry, `Cm`, `Ri`, `Ic`, `time_constant` and `space_constant` are added.
struct SpatialEquations {
    /// The names SpatialNeuron defines itself.
    static let reserved: [String: String] = [
        "v": "the membrane potential", "Ic": "the capacitive current", "Cm": "the specific capacitance (Cm:)",
        "Ri": "the axial resistivity (Ri:)", "length": "a compartment's length", "distance": "a compartment's distance",
        "area": "a compartment's area", "volume": "a compartment's volume", "diameter": "a compartment's diameter",
        "r_length_1": "a compartment's geometry", "r_length_2": "a compartment's geometry",
        "x": "a compartment's coordinates", "y": "a compartment's coordinates", "z": "a compartment's coordinates",
        "time_constant": "the membrane time constant", "space_constant": "the space constant",
        "gtot__private": "the linearised conductance", "I0__private": "the linearised current",
    ]

    /// The complete model.
    let equations: Equations

    /// Rewrites `model`; names it does not define are looked up in `namespace`.
    init(_ model: Equations, namespace: Namespace, hasCoordinates: Bool) throws {
        let context = AnalyzedEquations.Context.spatialNeuron
        for equation in model {
            if let flag = equation.flags.first(where: { !context.allows($0) || !$0.allowedKinds.contains(equation.kind) }) {
                throw ModelError(.invalidFlag, "The flag '\(flag.rawValue)' cannot be used on the \(equation.kind.rawValue) "
                                 + "'\(equation.name)' of a SpatialNeuron", source: equation.source,
                                 span: equation.flagSpans[flag])
            }
            if let meaning = SpatialEquations.reserved[equation.name] {
                throw ModelError(.invalidEquations, "'\(equation.name)' is \(meaning), which a SpatialNeuron defines "
                                 + "itself; remove it from the model", source: equation.source, span: equation.nameSpan)
            }
        }
        guard let im = model["Im"] else {
            throw ModelError(.invalidEquations, "A SpatialNeuron's model must define the transmembrane current per area, "
                             + "for example 'Im = gL*(EL - v) : amp/meter**2'")
        }
        guard im.kind == .subexpression, im.flags.isEmpty else {
            throw ModelError(.invalidEquations, "The transmembrane current 'Im' must be a subexpression without flags "
                             + "('Im = ... : amp/meter**2')", source: im.source, span: im.span)
        }
        let currentDensity = Dimension.current / Dimension.area
        guard im.dimension == currentDensity, im.type == .float else {
            throw ModelError(.dimensionMismatch, "The transmembrane current 'Im' must be a current per area "
                             + "(amp/meter**2), but it is declared in \(im.dimension.unitSpecification)",
                             source: im.source, span: im.unitSpan)
        }

        // Point currents enter Im divided by the compartment's area.
        var user: [Equation] = []
        var membrane = im
        for equation in model where equation.name != "Im" {
            var copy = equation
            if equation.has(.pointCurrent) {
                guard equation.dimension == .current else {
                    throw ModelError(.dimensionMismatch, "The point current '\(equation.name)' must be in amp, but it "
                                     + "is in \(equation.dimension.unitSpecification)", source: equation.source,
                                     span: equation.unitSpan)
                }
                let perArea = Expression(.binary(.divide, Expression(.name(equation.name)), Expression(.name("area"))))
                membrane.expression = membrane.expression.map { Expression(.binary(.add, $0, perArea)) }
                copy.flags.removeAll { $0 == .pointCurrent }
            }
            user.append(copy)
        }
        user.append(membrane)
        var lines = [
            "v : volt",
            "length : meter (constant)", "distance : meter (constant)", "area : meter**2 (constant)",
            "volume : meter**3", "Ic : amp/meter**2", "diameter : meter (constant)",
            "Cm : farad/meter**2 (constant)", "Ri : ohm*meter (constant, shared)",
            "r_length_1 : meter (constant)", "r_length_2 : meter (constant)",
        ]
        if hasCoordinates { lines += ["x : meter (constant)", "y : meter (constant)", "z : meter (constant)"] }
        let base = try Equations(checking: user + Equations(lines.joined(separator: "\n")).equations)

        // Im, with the subexpressions put in, linearised in v.
        let analyzed = try AnalyzedEquations(base, namespace: namespace)
        guard let inlinedIm = try analyzed.inlinedSubexpressions()["Im"] else {
            throw ModelError(.invalidEquations, "The transmembrane current 'Im' could not be expanded",
                             source: im.source, span: im.span)
        }
        let current = SymbolicExpression(inlinedIm)
        let conductance: SymbolicExpression, rest: SymbolicExpression
        if let linear = current.linearDecomposition(in: "v"), !linear.coefficient.contains("v"),
           !linear.remainder.contains("v") {
            // Linear in v (as sympy's simplification finds): Im = -gtot*v + I0 exactly.
            conductance = -linear.coefficient
            rest = linear.remainder
        } else {
            let slope: SymbolicExpression
            do {
                slope = try current.derivative(withRespectTo: "v")
            } catch let error as DifferentiationError {
                throw ModelError(.invalidEquations, "The transmembrane current 'Im' cannot be linearised in v: \(error)",
                                 source: im.source, span: im.span)
            }
            conductance = -slope
            rest = current - slope * .symbol("v")
        }
        func text(_ expression: SymbolicExpression, unit: String) -> String {
            guard expression.numberValue != 0 else { return "0*\(unit)" }
            // A sum's terms in the order sympy prints them where they are products of names
            // (Brian's text: `gK*n**4 + gL + gNa*h*m**3`), so that the sum is rounded as Brian's.
            guard case .sum(let terms) = expression.node else { return "\(expression.expression)" }
            return terms.map { "(\($0.expression))" }.sorted { $0.description < $1.description }
                .joined(separator: " + ")
        }
        let linearised = try Equations("""
            gtot__private = \(text(conductance, unit: "siemens/meter**2")) : siemens/meter**2
            I0__private = \(text(rest, unit: "amp/meter**2")) : amp/meter**2
            time_constant = Cm/gtot__private : second
            space_constant = (2/pi)**(1.0/3.0) * (area/(1/r_length_1 + 1/r_length_2))**(1.0/6.0) / (2*(Ri*gtot__private)**(1.0/2.0)) : meter
            """)
        equations = try Equations(checking: base.equations + linearised.equations)
    }
}
