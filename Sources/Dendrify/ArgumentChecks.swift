import SwiftBrian

/// The checks Dendrify's arguments go through, each failing with a ``ModelError`` that names the
/// argument and its owner in the user's terms.
enum ArgumentChecks {
    /// Throws unless `value` has `dimension` (described as `unit`, e.g. "a length") and is finite
    /// and positive.
    static func positive(_ value: Quantity, _ argument: String, of owner: String, dimension: Dimension,
                         unit: String) throws {
        try finite(value, argument, of: owner, dimension: dimension, unit: unit)
        guard value.value > 0 else {
            throw ModelError(.invalidArgument, "\(argument) of \(owner) must be positive, but it is \(value)")
        }
    }

    /// Throws unless `value` has `dimension` and is finite and not negative.
    static func notNegative(_ value: Quantity, _ argument: String, of owner: String, dimension: Dimension,
                            unit: String) throws {
        try finite(value, argument, of: owner, dimension: dimension, unit: unit)
        guard value.value >= 0 else {
            throw ModelError(.invalidArgument, "\(argument) of \(owner) must not be negative, but it is \(value)")
        }
    }

    /// Throws unless `value` has `dimension` and is finite.
    static func finite(_ value: Quantity, _ argument: String, of owner: String, dimension: Dimension,
                       unit: String) throws {
        guard value.dimension == dimension else {
            throw ModelError(.dimensionMismatch, "\(argument) of \(owner) must be \(unit), but it is \(value)")
        }
        guard value.value.isFinite else {
            throw ModelError(.invalidArgument, "\(argument) of \(owner) must be finite, but it is \(value)")
        }
    }

    /// Throws unless `factor` is a finite positive number.
    static func positive(_ factor: Double, _ argument: String, of owner: String) throws {
        guard factor.isFinite, factor > 0 else {
            throw ModelError(.invalidArgument, "\(argument) of \(owner) must be a positive number, but it is \(factor)")
        }
    }

    /// Throws unless `name` can be part of model variable names: letters, digits and underscores,
    /// starting with a letter (`what` says what the name is for: "compartment name").
    static func identifier(_ name: String, _ what: String) throws {
        guard let first = name.unicodeScalars.first, first.isASCIILetter,
              name.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }) else {
            throw ModelError(.invalidIdentifier, "'\(name)' is not a valid \(what): use letters, digits and "
                             + "underscores, starting with a letter")
        }
    }

    /// Specific capacitance (F/m²).
    static let specificCapacitance = Dimension.capacitance / Dimension.area
    /// Specific conductance (S/m²).
    static let specificConductance = Dimension.conductance / Dimension.area
    /// Axial resistivity (Ω·m).
    static let resistivity = Dimension.resistance * Dimension.length
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
