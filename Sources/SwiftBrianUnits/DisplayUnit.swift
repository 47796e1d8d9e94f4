import Foundation

/// The unit a quantity is printed in: its symbol and its size in SI base units.
///
/// Brian prints a quantity in its "best" unit. The candidates are the units of the quantity's
/// dimension among the named units, their prefixed forms with the sixteen prefixes from yocto
/// to yotta except centi, deci, deca and hecto, and their squares and cubes (so `um^2`, `mM`,
/// `kg`, `Hz` are candidates but `cm` and `dm^3` are not). For each candidate every non-zero,
/// non-NaN value is divided by the unit, and the candidate minimising the sum of
/// `(log10(|value / unit|) - 1)²` wins: the value is brought closest to 10. When only zeros and
/// NaNs are printed, the unscaled unit wins; ties go to the earlier candidate in Brian's order.
/// Dimensions without a named unit fall back to a few compound units (`W/(m^2)`, `F/m`, `J/K`,
/// ...) and then to base units (`m^2 kg s^-4 A^-1`). Dimensionless numbers print bare.
struct DisplayUnit {
    /// The symbol printed after the number; `nil` for a pure number.
    let symbol: String?
    /// The unit in SI base units: a printed number is the value divided by it.
    let scale: Double

    /// `value` in this unit, as Brian prints a scalar quantity.
    func string(forScalar value: Double, precision: Int) -> String {
        withSymbol(ArrayFormatter.string(forScalar: value / scale, precision: precision))
    }

    /// `values` in this unit, as Brian prints an array quantity.
    func string(forArray values: [Double], precision: Int) -> String {
        withSymbol(ArrayFormatter.string(for: values.map { $0 / scale }, precision: precision))
    }

    private func withSymbol(_ number: String) -> String {
        symbol.map { "\(number) \($0)" } ?? number
    }

    /// The unit Brian would print `values` of `dimension` in.
    static func best(for values: [Double], dimension: Dimension) -> DisplayUnit {
        if dimension.isDimensionless { return DisplayUnit(symbol: nil, scale: 1) }
        let candidates = namedCandidates(for: dimension)
        guard !candidates.isEmpty else {
            return DisplayUnit(symbol: dimension.baseUnitNotation, scale: 1)
        }
        // Like NumPy's nansum and argmin: values that give no ratio add nothing, and the
        // first smallest deviation wins (so all-infinite deviations pick the first candidate).
        var anyRatio = false
        var bestIndex = 0
        var smallestDeviation = Double.infinity
        for (index, candidate) in candidates.enumerated() {
            var deviation = 0.0
            for value in values {
                let ratio = value.magnitude / candidate.scale
                guard ratio != 0, !ratio.isNaN else { continue }
                anyRatio = true
                let distance = log10(ratio) - 1
                deviation += distance * distance
            }
            if index == 0 || deviation < smallestDeviation {
                bestIndex = index
                smallestDeviation = deviation
            }
        }
        guard anyRatio else {
            // Only zeros and NaNs: any unit shows them, and Brian uses the unscaled one.
            return candidates.first { $0.scale == 1 } ?? candidates[0]
        }
        return candidates[bestIndex]
    }

    /// The unit `unit` for printing values of `dimension`, with the symbol of a registered unit
    /// of that size when there is one (`mV`, `cm`, `l`).
    ///
    /// - Throws: ``DimensionMismatchError`` when `unit` is not of `dimension`.
    static func explicit(_ unit: Quantity, for dimension: Dimension,
                         describing value: @autoclosure () -> String) throws -> DisplayUnit {
        try DimensionCheck.expressible(dimension, in: unit, describing: value())
        if dimension.isDimensionless { return DisplayUnit(symbol: nil, scale: unit.value) }
        let sameSize = { (scale: Double) in (scale - unit.value).magnitude <= 1e-9 * scale.magnitude }
        if let candidate = namedCandidates(for: dimension).first(where: { sameSize($0.scale) }) {
            return candidate
        }
        let registered = UnitRegistry.entriesBySimplicity
            .first { $0.unit.dimension == dimension && sameSize($0.unit.value) }
        if let registered {
            return DisplayUnit(symbol: registered.symbol, scale: registered.unit.value)
        }
        let symbol = unit.value == 1 ? dimension.baseUnitNotation : "× (\(unit))"
        return DisplayUnit(symbol: symbol, scale: unit.value)
    }

    /// Brian's candidates for `dimension`: its standard units, else its compound unit.
    private static func namedCandidates(for dimension: Dimension) -> [DisplayUnit] {
        standardUnits[dimension] ?? compoundUnits[dimension].map { [$0] } ?? []
    }

    /// The order in which Brian registers prefixed units, which decides ties.
    private static let prefixOrder: [SIPrefix] = [
        .yotta, .kilo, .mega, .zepto, .exa, .yocto, .tera, .micro,
        .pico, .nano, .milli, .femto, .giga, .peta, .zetta, .atto,
    ]

    /// Candidate units by dimension, each list in Brian's order: prefixed forms, then the unit.
    private static let standardUnits: [Dimension: [DisplayUnit]] = {
        var units: [Dimension: [DisplayUnit]] = [:]
        for family in UnitFamily.all where family.isDisplayUnit {
            let prefixes: [SIPrefix?] = (family.takesPrefixes ? prefixOrder : []) + [nil]
            for power in family.powers {
                for prefix in prefixes {
                    let unit = family.unit(prefix, power: power)
                    units[unit.dimension, default: []].append(
                        DisplayUnit(symbol: family.symbol(prefix, power: power), scale: unit.value))
                }
            }
        }
        return units
    }()

    /// Brian's additional compound units, used for dimensions without a standard unit.
    /// (Brian also registers `N m`, `J/kg` and `J/(m^3)`, but joule, gray and pascal always
    /// take precedence over them.)
    private static let compoundUnits: [Dimension: DisplayUnit] = {
        let units: [(String, Dimension)] = [
            ("Pa s", .pressure * .time),
            ("W/(m^2)", .power / .area),
            ("J/K", .energy / .temperature),
            ("J/(kg K)", .energy / (.mass * .temperature)),
            ("W/(m K)", .power / (.length * .temperature)),
            ("V/(m^3)", .voltage / .volume),
            ("C/(m^3)", .charge / .volume),
            ("C/(m^2)", .charge / .area),
            ("F/m", .capacitance / .length),
            ("H/m", .inductance / .length),
            ("J/mol", .energy / .amount),
            ("J/(mol K)", .energy / (.amount * .temperature)),
            ("C/kg", .charge / .mass),
            ("Gy/s", .absorbedDose / .time),
            ("kat/(m^3)", .catalyticActivity / .volume),
        ]
        return Dictionary(uniqueKeysWithValues: units.map { ($1, DisplayUnit(symbol: $0, scale: 1)) })
    }()
}
