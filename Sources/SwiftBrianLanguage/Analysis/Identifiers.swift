import SwiftBrianUnits

/// The rules for names a model may define.
public enum Identifiers {
    /// Names with a fixed meaning in every model: time, the time step, indices, sizes, noise.
    public static let reserved: Set<String> = [
        "t", "dt", "i", "j", "N", "xi", "t_in_timesteps", "lastspike", "not_refractory",
        "N_pre", "N_post", "N_incoming", "N_outgoing", "lastupdate",
    ]

    /// Constants every model can use.
    public static let constants: [String: Double] = ["pi": Double.pi, "e": 2.718281828459045, "inf": .infinity]

    /// Throws unless `name` may be used for a model variable: not reserved, not a unit, function,
    /// constant or keyword, and not starting with an underscore.
    public static func checkVariableName(_ name: String, source: SourceText?, span: SourceSpan?) throws {
        func fail(_ message: String) -> ModelError {
            ModelError(.invalidIdentifier, message, source: source, span: span)
        }
        if name.hasPrefix("_") {
            throw fail("'\(name)' starts with an underscore; such names are kept for internal variables")
        }
        if reserved.contains(name) || Equation.isStochasticVariable(name) {
            throw fail("'\(name)' has a special meaning in equations and cannot be used as a variable name")
        }
        if Parser.keywords.contains(name) {
            throw fail("'\(name)' is a keyword and cannot be used as a variable name")
        }
        if UnitRegistry.named(name) != nil {
            throw fail("'\(name)' is the name of a unit and cannot be used as a variable name")
        }
        if Function.builtins[name] != nil {
            throw fail("'\(name)' is the name of a function and cannot be used as a variable name")
        }
        if constants[name] != nil {
            throw fail("'\(name)' is the name of a constant and cannot be used as a variable name")
        }
    }
}
