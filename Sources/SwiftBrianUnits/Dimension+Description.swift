extension Dimension: CustomStringConvertible {
    /// The dimension named the way a neuroscientist names units.
    ///
    /// - `"1"` for no dimension;
    /// - the name of the SI unit Brian uses for exactly this dimension when there is one
    ///   (`"volt"`, `"siemens"`, `"hertz"`, `"metre"`, `"kilogram"`);
    /// - otherwise one such named unit (one involving kilogram or amp, with an exponent
    ///   from -3 to 3) times base units, when that is simpler than base units alone
    ///   (`"volt/second"`, `"siemens/metre**2"`, `"volt**2"`, `"ohm*metre"`);
    /// - otherwise base units alone (`"metre**2"`, `"metre/second"`, `"second**-0.5"`).
    ///
    /// Simpler means a smaller sum of absolute exponents, counting the named unit's exponent;
    /// ties go to base units, then to a positive power of the named unit, then to the first
    /// named unit in a fixed order. Exponents print as
    /// integers, as exact decimals (`0.5`) or as fractions in parentheses (`(1/3)`).
    public var description: String {
        if isDimensionless { return "1" }
        if let family = UnitFamily.all.first(where: { $0.namesDimension && $0.dimension == self }) {
            return family.name
        }
        // Scores compare by complexity, then prefer a positive exponent of the named unit
        // (siemens/metre**2 rather than ohm**-1*metre**-2); base units alone score (complexity, 0).
        var best = (score: (complexity, 0), factors: baseFactors)
        for family in Dimension.factoringFamilies {
            for exponent in [1, 2, 3, -1, -2, -3] as [Rational] {
                let remainder = self / family.dimension.raised(to: exponent)
                let score = (remainder.complexity + exponent.magnitude, exponent < 0 ? 1 : 0)
                if score < best.score {
                    best = (score, [(family.name, exponent)] + remainder.baseFactors)
                }
            }
        }
        return Dimension.productString(best.factors)
    }

    /// The dimension in Brian's base-unit notation, used when no named unit fits:
    /// `"m^2 kg s^-4 A^-1"`, `"s^0.5"`, or `"1"` for no dimension.
    public var baseUnitNotation: String {
        let parts = BaseDimension.allCases.compactMap { base -> String? in
            let exponent = self[base]
            switch exponent {
            case 0: return nil
            case 1: return base.unitSymbol
            default:
                let text = exponent.isInteger ? "\(exponent.numerator)" : "\(exponent.doubleValue)"
                return "\(base.unitSymbol)^\(text)"
            }
        }
        return parts.isEmpty ? "1" : parts.joined(separator: " ")
    }

    /// Named units that may describe part of a dimension: those whose base-unit form involves
    /// kilogram or amp, and is therefore hard to read.
    private static let factoringFamilies = UnitFamily.all.filter { family in
        family.namesDimension && family.dimension.baseFactors.count > 1
            && (family.dimension[.mass] != 0 || family.dimension[.current] != 0)
    }

    /// The sum of the absolute exponents.
    private var complexity: Rational {
        BaseDimension.allCases.reduce(0) { $0 + self[$1].magnitude }
    }

    /// The base units with non-zero exponents, in SI order.
    private var baseFactors: [(name: String, exponent: Rational)] {
        BaseDimension.allCases.compactMap { base in
            self[base] == 0 ? nil : (base.unitName, self[base])
        }
    }

    /// `a*b/(c*d**2)` from factors with exponents; all-negative factors stay as `c**-1*d**-2`.
    private static func productString(_ factors: [(name: String, exponent: Rational)]) -> String {
        let numerator = factors.filter { $0.exponent > 0 }
        let denominator = factors.filter { $0.exponent < 0 }.map { ($0.name, -$0.exponent) }
        func joined(_ factors: [(name: String, exponent: Rational)]) -> String {
            factors.map { name, exponent in
                exponent == 1 ? name : "\(name)**\(exponentString(exponent))"
            }.joined(separator: "*")
        }
        if numerator.isEmpty { return joined(factors) }
        if denominator.isEmpty { return joined(numerator) }
        let below = joined(denominator)
        return joined(numerator) + "/" + (denominator.count == 1 ? below : "(\(below))")
    }

    /// `2`, `-0.5` or `(1/3)`: a decimal when one is exact, otherwise a fraction.
    private static func exponentString(_ exponent: Rational) -> String {
        if exponent.isInteger { return "\(exponent.numerator)" }
        var denominator = exponent.denominator
        for factor in [2, 5] {
            while denominator % factor == 0 { denominator /= factor }
        }
        return denominator == 1 ? "\(exponent.doubleValue)" : "(\(exponent))"
    }
}
