import SwiftBrianUnits
import XCTest

final class DimensionTests: XCTestCase {
    private let half = Rational(1) / 2

    func testProductsQuotientsAndPowers() {
        XCTAssertEqual(Dimension.voltage / Dimension.resistance, .current)
        XCTAssertEqual(Dimension.current * .time, .charge)
        XCTAssertEqual(Dimension.length.raised(to: 2), .area)
        XCTAssertEqual(pow(Dimension.area, half), .length)
        XCTAssertEqual(Dimension.time.raised(to: half).raised(to: 2), .time)
        XCTAssertEqual(Dimension.voltage / .voltage, .dimensionless)
        XCTAssertEqual(Dimension.frequency * .time, .dimensionless)
    }

    func testExponentsAndDimensionlessness() {
        let voltage = Dimension.voltage
        XCTAssertEqual(voltage[.length], 2)
        XCTAssertEqual(voltage[.mass], 1)
        XCTAssertEqual(voltage[.time], -3)
        XCTAssertEqual(voltage[.current], -1)
        XCTAssertEqual(voltage[.temperature], 0)
        XCTAssertEqual(Dimension([.length: 2, .mass: 1, .time: -3, .current: -1]), voltage)
        XCTAssertTrue(Dimension.dimensionless.isDimensionless)
        XCTAssertFalse(Dimension.luminousIntensity.isDimensionless)
        XCTAssertNotEqual(Dimension.absorbedDose, .energy)
    }

    func testDescriptionUsesTheNameOfAMatchingUnit() {
        XCTAssertEqual(Dimension.dimensionless.description, "1")
        XCTAssertEqual(Dimension.voltage.description, "volt")
        XCTAssertEqual(Dimension.current.description, "amp")
        XCTAssertEqual(Dimension.conductance.description, "siemens")
        XCTAssertEqual(Dimension.capacitance.description, "farad")
        XCTAssertEqual(Dimension.resistance.description, "ohm")
        XCTAssertEqual(Dimension.time.description, "second")
        XCTAssertEqual(Dimension.frequency.description, "hertz")
        XCTAssertEqual(Dimension.length.description, "metre")
        XCTAssertEqual(Dimension.mass.description, "kilogram")
        XCTAssertEqual(Dimension.amount.description, "mole")
        XCTAssertEqual(Dimension.luminousIntensity.description, "candle")
        XCTAssertEqual(Dimension.charge.description, "coulomb")
        XCTAssertEqual(Dimension.energy.description, "joule")
        XCTAssertEqual(Dimension.absorbedDose.description, "gray")
    }

    func testDescriptionCombinesOneNamedUnitWithBaseUnits() {
        XCTAssertEqual((Dimension.voltage / .time).description, "volt/second")
        XCTAssertEqual((Dimension.conductance / .area).description, "siemens/metre**2")
        XCTAssertEqual((Dimension.capacitance / .area).description, "farad/metre**2")
        XCTAssertEqual(Dimension.voltage.raised(to: 2).description, "volt**2")
        XCTAssertEqual((Dimension.resistance * .length).description, "ohm*metre")
        XCTAssertEqual((Dimension.energy / .temperature).description, "joule/kelvin")
        XCTAssertEqual((Dimension.voltage / Dimension.time.raised(to: half)).description,
                       "volt/second**0.5")
        XCTAssertEqual((Dimension.voltage / (Dimension.length * .time)).description,
                       "volt/(metre*second)")
    }

    func testDescriptionFallsBackToBaseUnits() {
        XCTAssertEqual(Dimension.area.description, "metre**2")
        XCTAssertEqual((Dimension.length / .time).description, "metre/second")
        XCTAssertEqual((Dimension.area / .time).description, "metre**2/second")
        XCTAssertEqual((Dimension.current / .area).description, "amp/metre**2")
        XCTAssertEqual(Dimension.time.raised(to: -half).description, "second**-0.5")
        XCTAssertEqual(Dimension.time.raised(to: -2).description, "second**-2")
        XCTAssertEqual((Dimension.dimensionless / (Dimension.length * .time)).description,
                       "metre**-1*second**-1")
        XCTAssertEqual(Dimension.concentration.description, "mole/metre**3")
        XCTAssertEqual(Dimension.length.raised(to: Rational(1) / 3).description, "metre**(1/3)")
    }

    func testBaseUnitNotationMatchesBrian() {
        // Strings from Brian 2.9: str((volt/second).dim), str(mV.dim), str((volt**0.5).dim).
        XCTAssertEqual((Dimension.voltage / .time).baseUnitNotation, "m^2 kg s^-4 A^-1")
        XCTAssertEqual(Dimension.voltage.baseUnitNotation, "m^2 kg s^-3 A^-1")
        XCTAssertEqual(Dimension.voltage.raised(to: half).baseUnitNotation, "m kg^0.5 s^-1.5 A^-0.5")
        XCTAssertEqual(Dimension.dimensionless.baseUnitNotation, "1")
        XCTAssertEqual(Dimension.illuminance.baseUnitNotation, "m^-2 cd")
    }
}
