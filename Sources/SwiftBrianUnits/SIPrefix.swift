/// The twenty SI prefixes Brian 2 attaches to unit names, from yocto (10⁻²⁴) to yotta (10²⁴).
public enum SIPrefix: String, CaseIterable, Hashable, Sendable {
    /// 10⁻²⁴, written `y`.
    case yocto = "y"
    /// 10⁻²¹, written `z`.
    case zepto = "z"
    /// 10⁻¹⁸, written `a`.
    case atto = "a"
    /// 10⁻¹⁵, written `f`.
    case femto = "f"
    /// 10⁻¹², written `p`.
    case pico = "p"
    /// 10⁻⁹, written `n`.
    case nano = "n"
    /// 10⁻⁶, written `u` (Brian uses the ASCII letter, not µ).
    case micro = "u"
    /// 10⁻³, written `m`.
    case milli = "m"
    /// 10⁻², written `c`.
    case centi = "c"
    /// 10⁻¹, written `d`.
    case deci = "d"
    /// 10¹, written `da`.
    case deca = "da"
    /// 10², written `h`.
    case hecto = "h"
    /// 10³, written `k`.
    case kilo = "k"
    /// 10⁶, written `M`.
    case mega = "M"
    /// 10⁹, written `G`.
    case giga = "G"
    /// 10¹², written `T`.
    case tera = "T"
    /// 10¹⁵, written `P`.
    case peta = "P"
    /// 10¹⁸, written `E`.
    case exa = "E"
    /// 10²¹, written `Z`.
    case zetta = "Z"
    /// 10²⁴, written `Y`.
    case yotta = "Y"

    /// The prefix as it is written in front of a unit name or symbol.
    public var symbol: String { rawValue }

    /// The power of ten the prefix stands for.
    public var exponent: Int {
        switch self {
        case .yocto: -24
        case .zepto: -21
        case .atto: -18
        case .femto: -15
        case .pico: -12
        case .nano: -9
        case .micro: -6
        case .milli: -3
        case .centi: -2
        case .deci: -1
        case .deca: 1
        case .hecto: 2
        case .kilo: 3
        case .mega: 6
        case .giga: 9
        case .tera: 12
        case .peta: 15
        case .exa: 18
        case .zetta: 21
        case .yotta: 24
        }
    }
}
