import SwiftBrian
import struct SwiftBrianUnits.Dimension
import XCTest

/// The constants of Brian's `brian2.units.constants`, and a Nernst potential computed with them in
/// a model (`Tests/Fixtures/brian/constants.py` prints Brian 2.9's values).
final class PhysicalConstantsTests: XCTestCase {
    func testValuesAndUnitsAreBrians() {
        let brian: [(Quantity, Double, Dimension)] = [
            (avogadroConstant, 6.0221408570000002e+23, Dimension(amount: -1)),
            (boltzmannConstant, 1.3806485199999999e-23, Dimension(length: 2, mass: 1, time: -2, temperature: -1)),
            (electricConstant, 8.8541878170000005e-12, Dimension(length: -3, mass: -1, time: 4, current: 2)),
            (electronMass, 9.1093835599999998e-31, Dimension(mass: 1)),
            (elementaryCharge, 1.6021766208000001e-19, Dimension(time: 1, current: 1)),
            (faradayConstant, 96485.332890000005, Dimension(time: 1, current: 1, amount: -1)),
            (gasConstant, 8.3144597999999998, Dimension(length: 2, mass: 1, time: -2, temperature: -1, amount: -1)),
            (magneticConstant, 1.2566370614359173e-06, Dimension(length: 1, mass: 1, time: -2, current: -2)),
            (molarMassConstant, 0.001, Dimension(mass: 1, amount: -1)),
            (zeroCelsius, 273.14999999999998, Dimension(temperature: 1)),
        ]
        for (constant, value, dimension) in brian {
            XCTAssertEqual(constant.value, value, "\(constant)")
            XCTAssertEqual(constant.dimension, dimension, "\(constant)")
        }
    }

    /// E = R*T/(z*F)*log(c_out/c_in) at 37 °C for K+ and Ca2+, as Brian computes it.
    func testNernstPotentialInAModel() throws {
        let temperature = try zeroCelsius + 37 * kelvin
        let result = try onBothBackends("Nernst") { backend in
            let G = try NeuronGroup(2, model: """
                E = R*T/(z*F)*log(c_out/c_in) : volt
                z : 1 (constant)
                c_out : mmolar (constant)
                c_in : mmolar (constant)
                """, namespace: ["R": gasConstant, "F": faradayConstant, "T": temperature], name: "G")
            try G.z.set([1, 2])
            try G.c_out.set(QuantityArray(values: [5, 2]) * mmolar)
            try G.c_in.set(QuantityArray(values: [140, 1e-4]) * mmolar)
            try Network(G, backend: backend).run(0.1 * ms)
            var result = CaseResult()
            result.values("E", try G.E.values.values)
            return result
        }
        let brian = [-0.089058663142973948, 0.13234352201203525]
        for (value, expected) in zip(result.numbers("E"), brian) {
            XCTAssertEqual(value, expected, accuracy: 1e-15 * abs(expected))
        }
    }
}
