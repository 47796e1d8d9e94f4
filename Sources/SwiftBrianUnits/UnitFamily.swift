import Foundation

/// A named unit from which Brian 2 derives a family of unit names: the unit itself, its
/// SI-prefixed forms (`mvolt`) and its squared and cubed forms (`metre2`, `umetre3`).
struct UnitFamily: Sendable {
    /// The unprefixed name, such as `volt`.
    let name: String
    /// The display symbol, such as `V`.
    let symbol: String
    let dimension: Dimension
    /// The power of ten of the unprefixed unit in SI base units: -3 for gram and litre, 3 for molar.
    let scaleExponent: Int
    /// Whether the twenty SI prefixes give further names (`kilogram` and `kelvin` take none).
    let takesPrefixes: Bool
    /// Whether `name2` and `name3` exist (litres have no powers).
    let takesPowers: Bool
    /// Whether Brian considers the family when it picks the unit a quantity is printed in.
    /// Aliases (`meter`, `ampere`), units that share a dimension with a preferred one
    /// (`becquerel`, `sievert`, `lumen`), dimensionless units and litres are not considered.
    let isDisplayUnit: Bool
    /// Whether the unprefixed name is how ``Dimension/description`` names its dimension.
    let namesDimension: Bool

    private init(_ name: String, _ symbol: String, _ dimension: Dimension, scaleExponent: Int = 0,
                 takesPrefixes: Bool = true, takesPowers: Bool = true, isDisplayUnit: Bool,
                 namesDimension: Bool) {
        self.name = name
        self.symbol = symbol
        self.dimension = dimension
        self.scaleExponent = scaleExponent
        self.takesPrefixes = takesPrefixes
        self.takesPowers = takesPowers
        self.isDisplayUnit = isDisplayUnit
        self.namesDimension = namesDimension
    }

    /// The powers this family's names come in.
    var powers: [Int] { takesPowers ? [1, 2, 3] : [1] }

    /// The prefixes this family's names come with; `nil` stands for the unprefixed name.
    var prefixes: [SIPrefix?] { [nil] + (takesPrefixes ? SIPrefix.allCases : []) }

    /// The unit `prefix` + name, raised to `power`, as a quantity in SI base units.
    func unit(_ prefix: SIPrefix? = nil, power: Int = 1) -> Quantity {
        let exponent = power * (scaleExponent + (prefix?.exponent ?? 0))
        return Quantity(value: pow(10, Double(exponent)), dimension: dimension.raised(to: Rational(power)))
    }

    /// The name Brian gives that unit, such as `mvolt` or `umetre2`.
    func name(_ prefix: SIPrefix?, power: Int) -> String {
        (prefix?.symbol ?? "") + name + (power == 1 ? "" : String(power))
    }

    /// The symbol Brian prints for that unit, such as `mV` or `um^2`.
    func symbol(_ prefix: SIPrefix?, power: Int) -> String {
        (prefix?.symbol ?? "") + symbol + (power == 1 ? "" : "^\(power)")
    }
}

extension UnitFamily {
    static let metre = UnitFamily("metre", "m", .length, isDisplayUnit: true, namesDimension: true)
    static let meter = UnitFamily("meter", "m", .length, isDisplayUnit: false, namesDimension: false)
    static let kilogram = UnitFamily("kilogram", "kg", .mass, takesPrefixes: false,
                                     isDisplayUnit: false, namesDimension: true)
    static let kilogramme = UnitFamily("kilogramme", "kg", .mass, takesPrefixes: false,
                                       isDisplayUnit: false, namesDimension: false)
    /// Prefixed grams, `kgram` included, are the display units for mass.
    static let gram = UnitFamily("gram", "g", .mass, scaleExponent: -3,
                                 isDisplayUnit: true, namesDimension: false)
    static let gramme = UnitFamily("gramme", "g", .mass, scaleExponent: -3,
                                   isDisplayUnit: false, namesDimension: false)
    static let second = UnitFamily("second", "s", .time, isDisplayUnit: true, namesDimension: true)
    static let amp = UnitFamily("amp", "A", .current, isDisplayUnit: true, namesDimension: true)
    static let ampere = UnitFamily("ampere", "A", .current, isDisplayUnit: false, namesDimension: false)
    static let kelvin = UnitFamily("kelvin", "K", .temperature, takesPrefixes: false,
                                   isDisplayUnit: true, namesDimension: true)
    static let mole = UnitFamily("mole", "mol", .amount, isDisplayUnit: true, namesDimension: true)
    static let mol = UnitFamily("mol", "mol", .amount, isDisplayUnit: false, namesDimension: false)
    static let candle = UnitFamily("candle", "cd", .luminousIntensity,
                                   isDisplayUnit: true, namesDimension: true)
    static let volt = UnitFamily("volt", "V", .voltage, isDisplayUnit: true, namesDimension: true)
    static let ohm = UnitFamily("ohm", "ohm", .resistance, isDisplayUnit: true, namesDimension: true)
    static let siemens = UnitFamily("siemens", "S", .conductance, isDisplayUnit: true, namesDimension: true)
    static let farad = UnitFamily("farad", "F", .capacitance, isDisplayUnit: true, namesDimension: true)
    static let coulomb = UnitFamily("coulomb", "C", .charge, isDisplayUnit: true, namesDimension: true)
    static let weber = UnitFamily("weber", "Wb", .magneticFlux, isDisplayUnit: true, namesDimension: true)
    static let tesla = UnitFamily("tesla", "T", .magneticFluxDensity,
                                  isDisplayUnit: true, namesDimension: true)
    static let henry = UnitFamily("henry", "H", .inductance, isDisplayUnit: true, namesDimension: true)
    static let newton = UnitFamily("newton", "N", .force, isDisplayUnit: true, namesDimension: true)
    static let pascal = UnitFamily("pascal", "Pa", .pressure, isDisplayUnit: true, namesDimension: true)
    static let joule = UnitFamily("joule", "J", .energy, isDisplayUnit: true, namesDimension: true)
    static let watt = UnitFamily("watt", "W", .power, isDisplayUnit: true, namesDimension: true)
    static let hertz = UnitFamily("hertz", "Hz", .frequency, isDisplayUnit: true, namesDimension: true)
    static let becquerel = UnitFamily("becquerel", "Bq", .frequency,
                                      isDisplayUnit: false, namesDimension: false)
    static let gray = UnitFamily("gray", "Gy", .absorbedDose, isDisplayUnit: true, namesDimension: true)
    static let sievert = UnitFamily("sievert", "Sv", .absorbedDose,
                                    isDisplayUnit: false, namesDimension: false)
    static let katal = UnitFamily("katal", "kat", .catalyticActivity,
                                  isDisplayUnit: true, namesDimension: true)
    /// Brian treats the steradian as dimensionless, so a lumen is a candela.
    static let lumen = UnitFamily("lumen", "lm", .luminousIntensity,
                                  isDisplayUnit: false, namesDimension: false)
    static let lux = UnitFamily("lux", "lx", .illuminance, isDisplayUnit: true, namesDimension: true)
    /// Molar is mole per litre; `mmolar` is the unscaled unit, mole per cubic metre.
    static let molar = UnitFamily("molar", "M", .concentration, scaleExponent: 3,
                                  isDisplayUnit: true, namesDimension: false)
    static let liter = UnitFamily("liter", "l", .volume, scaleExponent: -3, takesPowers: false,
                                  isDisplayUnit: false, namesDimension: false)
    static let litre = UnitFamily("litre", "l", .volume, scaleExponent: -3, takesPowers: false,
                                  isDisplayUnit: false, namesDimension: false)
    static let radian = UnitFamily("radian", "rad", .dimensionless,
                                   isDisplayUnit: false, namesDimension: false)
    static let steradian = UnitFamily("steradian", "sr", .dimensionless,
                                      isDisplayUnit: false, namesDimension: false)

    /// Every family, in the order ``Dimension/description`` prefers names when two describe a
    /// dimension equally well.
    static let all: [UnitFamily] = [
        .metre, .meter, .kilogram, .kilogramme, .gram, .gramme, .second, .amp, .ampere, .kelvin,
        .mole, .mol, .candle, .volt, .ohm, .siemens, .farad, .coulomb, .weber, .tesla, .henry,
        .newton, .pascal, .joule, .watt, .hertz, .becquerel, .gray, .sievert, .katal, .lumen, .lux,
        .molar, .liter, .litre, .radian, .steradian,
    ]
}
