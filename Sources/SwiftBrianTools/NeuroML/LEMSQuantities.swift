import SwiftBrian

/// Quantities in LEMS: each Brian dimension as a LEMS `Dimension` (NeuroML's name where it has
/// one, such as `voltage`, else a name of its own defined in the LEMS file), values written in
/// SI with a `Unit` of power 0 per dimension, so that they are read back exactly.
final class LEMSQuantities {
    /// NeuroML's core dimensions, by their exponents (length, mass, time, current, temperature,
    /// amount, luminous intensity).
    private static let neuroMLNames: [Dimension: String] = [
        .dimensionless: "none", .time: "time", .frequency: "per_time", .voltage: "voltage", .current: "current",
        .conductance: "conductance", .capacitance: "capacitance", .length: "length", .area: "area",
        .volume: "volume", .charge: "charge", .temperature: "temperature", .resistance: "resistance",
        Dimension(length: -3, amount: 1): "concentration",
    ]
    private static let letters: [(BaseDimension, String)] = [
        (.mass, "m"), (.length, "l"), (.time, "t"), (.current, "i"), (.temperature, "k"), (.amount, "n"),
        (.luminousIntensity, "j"),
    ]

    /// The dimensions used so far that are not NeuroML's, by name.
    private(set) var ownDimensions: [String: Dimension] = [:]
    /// Every dimension used so far with its LEMS name.
    private(set) var used: [String: Dimension] = [:]

    /// The LEMS name of `dimension`; `owner` and `what` say where it is used, for the error thrown
    /// when an exponent is not an integer (LEMS has none such).
    func name(of dimension: Dimension, owner: String, what: String) throws -> String {
        if let name = Self.neuroMLNames[dimension] {
            used[name] = dimension
            return name
        }
        var name = "brian"
        for (base, letter) in Self.letters where dimension[base] != 0 {
            let exponent = dimension[base]
            guard exponent.isInteger else {
                throw NeuroMLExport.unsupported(owner, "\(what), whose unit has a fractional exponent")
            }
            name += "_\(letter)\(exponent.numerator < 0 ? "m" : "")\(abs(exponent.numerator))"
        }
        ownDimensions[name] = dimension
        used[name] = dimension
        return name
    }

    /// `quantity` in SI with the unit of power 0 of its dimension (`0.001 SI_voltage`), a plain
    /// number when dimensionless.
    func value(_ quantity: Quantity, owner: String, what: String) throws -> String {
        guard quantity.value.isFinite else {
            throw NeuroMLExport.unsupported(owner, "\(what), which is not finite (\(quantity.value))")
        }
        let dimension = try name(of: quantity.dimension, owner: owner, what: what)
        return dimension == "none" ? "\(quantity.value)" : "\(quantity.value)\(Self.unit(of: dimension))"
    }

    /// The unit of power 0 defined for the dimension called `dimension`.
    static func unit(of dimension: String) -> String { "SI_\(dimension)" }

    /// The `Dimension` elements of the dimensions that are not NeuroML's and a `Unit` of power 0
    /// for every dimension used.
    func definitions() -> [LEMSElement] {
        let dimensions = ownDimensions.sorted { $0.key < $1.key }.map { name, dimension in
            LEMSElement("Dimension", [("name", name)] + Self.letters.compactMap { base, letter in
                dimension[base] == 0 ? nil : (letter, "\(dimension[base].numerator)")
            })
        }
        let units = used.keys.filter { $0 != "none" }.sorted().map { name in
            LEMSElement("Unit", [("symbol", Self.unit(of: name)), ("dimension", name), ("power", "0")])
        }
        return dimensions + units
    }
}
