/// One of the seven SI base dimensions, in the order Brian 2 and the SI list them.
public enum BaseDimension: Int, CaseIterable, Hashable, Sendable {
    /// Length, measured in metres.
    case length
    /// Mass, measured in kilograms.
    case mass
    /// Time, measured in seconds.
    case time
    /// Electric current, measured in amperes.
    case current
    /// Thermodynamic temperature, measured in kelvins.
    case temperature
    /// Amount of substance, measured in moles.
    case amount
    /// Luminous intensity, measured in candelas.
    case luminousIntensity

    /// The symbol of the SI base unit, as Brian prints it: `m`, `kg`, `s`, `A`, `K`, `mol`, `cd`.
    public var unitSymbol: String {
        switch self {
        case .length: "m"
        case .mass: "kg"
        case .time: "s"
        case .current: "A"
        case .temperature: "K"
        case .amount: "mol"
        case .luminousIntensity: "cd"
        }
    }

    /// The name of the SI base unit as Brian spells it: `metre`, `kilogram`, `second`, `amp`,
    /// `kelvin`, `mole`, `candle`.
    public var unitName: String {
        switch self {
        case .length: "metre"
        case .mass: "kilogram"
        case .time: "second"
        case .current: "amp"
        case .temperature: "kelvin"
        case .amount: "mole"
        case .luminousIntensity: "candle"
        }
    }
}
