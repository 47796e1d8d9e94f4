import Foundation
import SwiftBrianUnits
// Foundation also declares a `Dimension`; this import makes the name mean ours.
import struct SwiftBrianUnits.Dimension
import XCTest

/// Checks the registry against `brian_unit_names.tsv`, the unit names Brian 2.9 exports with
/// their scales, dimensions and symbols (written by `generate_brian_fixtures.py`).
final class UnitRegistryTests: XCTestCase {
    private struct BrianUnit {
        let name: String
        let scale: Double
        let dimension: Dimension
        let symbol: String
    }

    private func brianUnits() throws -> [BrianUnit] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("brian_unit_names.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }
        let header = lines[0].split(separator: "\t").map(String.init)
        XCTAssertEqual(header.prefix(10), ["name", "scale", "m", "kg", "s", "A", "K", "mol", "cd", "symbol"])
        return try lines.dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let exponents = try fields[2...8].map { try XCTUnwrap(Int($0), "exponent in \(line)") }
            var dimension = Dimension.dimensionless
            for (base, exponent) in zip(BaseDimension.allCases, exponents) {
                dimension = dimension * Dimension([base: Rational(exponent)])
            }
            return BrianUnit(name: fields[0], scale: try XCTUnwrap(Double(fields[1])),
                             dimension: dimension, symbol: fields[9])
        }
    }

    func testEveryBrianUnitNameResolvesToBriansScaleDimensionAndSymbol() throws {
        let units = try brianUnits()
        XCTAssertEqual(units.count, 2095)
        for unit in units {
            guard let quantity = UnitRegistry.named(unit.name) else {
                XCTFail("\(unit.name) is missing")
                continue
            }
            XCTAssertEqual(quantity.value, unit.scale, accuracy: 1e-12 * unit.scale, unit.name)
            XCTAssertEqual(quantity.dimension, unit.dimension, unit.name)
            XCTAssertEqual(UnitRegistry.symbol(named: unit.name), unit.symbol, unit.name)
        }
    }

    func testTheRegistryHoldsExactlyBriansNames() throws {
        let brianNames = try brianUnits().map(\.name)
        XCTAssertEqual(UnitRegistry.allNames, brianNames.sorted())
        XCTAssertEqual(UnitRegistry.allNames.count, brianNames.count)
        XCTAssertEqual(UnitRegistry.allNames, UnitRegistry.allNames.sorted())
    }

    func testUnknownNamesAreNil() {
        XCTAssertNil(UnitRegistry.named("celsius"))
        XCTAssertNil(UnitRegistry.named("MV"))  // Brian has Mvolt but no short form MV
        XCTAssertNil(UnitRegistry.named("kilogram4"))
        XCTAssertNil(UnitRegistry.named(""))
        XCTAssertNil(UnitRegistry.symbol(named: "volts"))
    }

    func testSwiftConstantsAreTheRegisteredUnits() {
        for (name, constant) in Self.constants {
            XCTAssertEqual(UnitRegistry.named(name), constant, name)
        }
    }

    private static let constants: [String: Quantity] = [
        "second": second,
        "ysecond": ysecond,
        "zsecond": zsecond,
        "asecond": asecond,
        "fsecond": fsecond,
        "psecond": psecond,
        "nsecond": nsecond,
        "usecond": usecond,
        "msecond": msecond,
        "csecond": csecond,
        "dsecond": dsecond,
        "dasecond": dasecond,
        "hsecond": hsecond,
        "ksecond": ksecond,
        "Msecond": Msecond,
        "Gsecond": Gsecond,
        "Tsecond": Tsecond,
        "Psecond": Psecond,
        "Esecond": Esecond,
        "Zsecond": Zsecond,
        "Ysecond": Ysecond,
        "volt": volt,
        "yvolt": yvolt,
        "zvolt": zvolt,
        "avolt": avolt,
        "fvolt": fvolt,
        "pvolt": pvolt,
        "nvolt": nvolt,
        "uvolt": uvolt,
        "mvolt": mvolt,
        "cvolt": cvolt,
        "dvolt": dvolt,
        "davolt": davolt,
        "hvolt": hvolt,
        "kvolt": kvolt,
        "Mvolt": Mvolt,
        "Gvolt": Gvolt,
        "Tvolt": Tvolt,
        "Pvolt": Pvolt,
        "Evolt": Evolt,
        "Zvolt": Zvolt,
        "Yvolt": Yvolt,
        "amp": amp,
        "yamp": yamp,
        "zamp": zamp,
        "aamp": aamp,
        "famp": famp,
        "pamp": pamp,
        "namp": namp,
        "uamp": uamp,
        "mamp": mamp,
        "camp": camp,
        "damp": damp,
        "daamp": daamp,
        "hamp": hamp,
        "kamp": kamp,
        "Mamp": Mamp,
        "Gamp": Gamp,
        "Tamp": Tamp,
        "Pamp": Pamp,
        "Eamp": Eamp,
        "Zamp": Zamp,
        "Yamp": Yamp,
        "siemens": siemens,
        "ysiemens": ysiemens,
        "zsiemens": zsiemens,
        "asiemens": asiemens,
        "fsiemens": fsiemens,
        "psiemens": psiemens,
        "nsiemens": nsiemens,
        "usiemens": usiemens,
        "msiemens": msiemens,
        "csiemens": csiemens,
        "dsiemens": dsiemens,
        "dasiemens": dasiemens,
        "hsiemens": hsiemens,
        "ksiemens": ksiemens,
        "Msiemens": Msiemens,
        "Gsiemens": Gsiemens,
        "Tsiemens": Tsiemens,
        "Psiemens": Psiemens,
        "Esiemens": Esiemens,
        "Zsiemens": Zsiemens,
        "Ysiemens": Ysiemens,
        "farad": farad,
        "yfarad": yfarad,
        "zfarad": zfarad,
        "afarad": afarad,
        "ffarad": ffarad,
        "pfarad": pfarad,
        "nfarad": nfarad,
        "ufarad": ufarad,
        "mfarad": mfarad,
        "cfarad": cfarad,
        "dfarad": dfarad,
        "dafarad": dafarad,
        "hfarad": hfarad,
        "kfarad": kfarad,
        "Mfarad": Mfarad,
        "Gfarad": Gfarad,
        "Tfarad": Tfarad,
        "Pfarad": Pfarad,
        "Efarad": Efarad,
        "Zfarad": Zfarad,
        "Yfarad": Yfarad,
        "ohm": ohm,
        "yohm": yohm,
        "zohm": zohm,
        "aohm": aohm,
        "fohm": fohm,
        "pohm": pohm,
        "nohm": nohm,
        "uohm": uohm,
        "mohm": mohm,
        "cohm": cohm,
        "dohm": dohm,
        "daohm": daohm,
        "hohm": hohm,
        "kohm": kohm,
        "Mohm": Mohm,
        "Gohm": Gohm,
        "Tohm": Tohm,
        "Pohm": Pohm,
        "Eohm": Eohm,
        "Zohm": Zohm,
        "Yohm": Yohm,
        "metre": metre,
        "ymetre": ymetre,
        "zmetre": zmetre,
        "ametre": ametre,
        "fmetre": fmetre,
        "pmetre": pmetre,
        "nmetre": nmetre,
        "umetre": umetre,
        "mmetre": mmetre,
        "cmetre": cmetre,
        "dmetre": dmetre,
        "dametre": dametre,
        "hmetre": hmetre,
        "kmetre": kmetre,
        "Mmetre": Mmetre,
        "Gmetre": Gmetre,
        "Tmetre": Tmetre,
        "Pmetre": Pmetre,
        "Emetre": Emetre,
        "Zmetre": Zmetre,
        "Ymetre": Ymetre,
        "hertz": hertz,
        "yhertz": yhertz,
        "zhertz": zhertz,
        "ahertz": ahertz,
        "fhertz": fhertz,
        "phertz": phertz,
        "nhertz": nhertz,
        "uhertz": uhertz,
        "mhertz": mhertz,
        "chertz": chertz,
        "dhertz": dhertz,
        "dahertz": dahertz,
        "hhertz": hhertz,
        "khertz": khertz,
        "Mhertz": Mhertz,
        "Ghertz": Ghertz,
        "Thertz": Thertz,
        "Phertz": Phertz,
        "Ehertz": Ehertz,
        "Zhertz": Zhertz,
        "Yhertz": Yhertz,
        "meter": meter,
        "kilogram": kilogram,
        "kilogramme": kilogramme,
        "gram": gram,
        "gramme": gramme,
        "ampere": ampere,
        "kelvin": kelvin,
        "mole": mole,
        "mol": mol,
        "candle": candle,
        "molar": molar,
        "radian": radian,
        "steradian": steradian,
        "newton": newton,
        "pascal": pascal,
        "joule": joule,
        "watt": watt,
        "coulomb": coulomb,
        "weber": weber,
        "tesla": tesla,
        "henry": henry,
        "lumen": lumen,
        "lux": lux,
        "becquerel": becquerel,
        "gray": gray,
        "sievert": sievert,
        "katal": katal,
        "liter": liter,
        "litre": litre,
        "mmolar": mmolar,
        "umolar": umolar,
        "nmolar": nmolar,
        "pmolar": pmolar,
        "mliter": mliter,
        "mlitre": mlitre,
        "metre2": metre2,
        "metre3": metre3,
        "cmetre2": cmetre2,
        "cmetre3": cmetre3,
        "mmetre2": mmetre2,
        "mmetre3": mmetre3,
        "umetre2": umetre2,
        "umetre3": umetre3,
        "second2": second2,
        "mV": mV,
        "mA": mA,
        "uA": uA,
        "nA": nA,
        "pA": pA,
        "pF": pF,
        "uF": uF,
        "nF": nF,
        "nS": nS,
        "uS": uS,
        "mS": mS,
        "ms": ms,
        "us": us,
        "Hz": Hz,
        "kHz": kHz,
        "MHz": MHz,
        "cm": cm,
        "cm2": cm2,
        "cm3": cm3,
        "mm": mm,
        "mm2": mm2,
        "mm3": mm3,
        "um": um,
        "um2": um2,
        "um3": um3,
        "mM": mM,
        "uM": uM,
        "nM": nM,
    ]
}
