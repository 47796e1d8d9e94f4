/// Every unit name Brian 2.9 defines, resolvable to its value in SI base units.
///
/// The names are those of `brian2.units.allunits` and `brian2.units.stdunits`: each named unit
/// with every SI prefix (`mvolt`, `kohm`, `dametre`), squared and cubed forms (`metre2`,
/// `cmetre3`) and the short names (`mV`, `ms`, `nS`, `cm2`, `mM`, ...). Names are case-sensitive.
public enum UnitRegistry {
    /// A registered unit: its symbol as Brian prints it, its value in SI base units, and the
    /// power of the named unit it is (2 for `cmetre2`).
    struct Entry: Sendable {
        let symbol: String
        let unit: Quantity
        let power: Int
    }

    /// Brian's short names (`brian2.units.stdunits`) and the full names they stand for.
    private static let shortNames: [String: String] = [
        "mV": "mvolt", "mA": "mamp", "uA": "uamp", "nA": "namp", "pA": "pamp",
        "pF": "pfarad", "uF": "ufarad", "nF": "nfarad", "nS": "nsiemens", "uS": "usiemens",
        "mS": "msiemens", "ms": "msecond", "us": "usecond", "Hz": "hertz", "kHz": "khertz",
        "MHz": "Mhertz", "cm": "cmetre", "cm2": "cmetre2", "cm3": "cmetre3", "mm": "mmetre",
        "mm2": "mmetre2", "mm3": "mmetre3", "um": "umetre", "um2": "umetre2", "um3": "umetre3",
        "mM": "mmolar", "uM": "umolar", "nM": "nmolar",
    ]

    static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        for family in UnitFamily.all {
            for power in family.powers {
                for prefix in family.prefixes {
                    entries[family.name(prefix, power: power)] =
                        Entry(symbol: family.symbol(prefix, power: power),
                              unit: family.unit(prefix, power: power), power: power)
                }
            }
        }
        for (shortName, fullName) in shortNames {
            entries[shortName] = entries[fullName]
        }
        return entries
    }()

    /// The registered units, plain names before squared and cubed ones, then by name: the
    /// order in which a unit's symbol is looked up from its size (`ml` rather than `cm^3`).
    static let entriesBySimplicity: [Entry] = entries
        .sorted { ($0.value.power, $0.key) < ($1.value.power, $1.key) }
        .map(\.value)

    /// Every registered unit name, sorted.
    public static let allNames: [String] = entries.keys.sorted()

    /// The unit called `name` as a quantity in SI base units (`named("mV")` is 0.001 volt),
    /// or `nil` when Brian has no unit of that name.
    public static func named(_ name: String) -> Quantity? {
        entries[name]?.unit
    }

    /// The symbol Brian prints for the unit called `name` (`"mV"` for `mvolt`, `"um^2"` for
    /// `umetre2`), or `nil` when Brian has no unit of that name.
    public static func symbol(named name: String) -> String? {
        entries[name]?.symbol
    }
}
