import SwiftBrian
import XCTest

/// One namespace literal with plain numbers, quantities, TimedArrays and functions (issue 10).
final class NamespaceLiteralTests: XCTestCase {
    func testOneLiteralHoldsNumbersQuantitiesTimedArraysAndFunctions() throws {
        let steps = try TimedArray([0, 1, 2] * mV, dt: 1 * ms, name: "steps")
        let twice = Function("twice", arguments: [.any], result: .sameAs(0)) { 2 * $0[0] }
        let Ne = 3
        let namespace: Namespace = ["tau": 10 * ms, "w0": 0.5, "Ne": Ne, "drive": steps, "double_it": twice,
                                    "Cm": try 1 * ufarad * cm ** -2]
        XCTAssertEqual(namespace.values["w0"], Quantity(value: 0.5))
        XCTAssertEqual(namespace.values["Ne"], Quantity(value: 3))
        XCTAssertEqual(namespace.values["Cm"]?.dimension, ufarad.dimension / cmetre2.dimension)
        XCTAssertEqual(Set(namespace.functions.keys), ["drive", "double_it"])
        XCTAssertEqual(namespace.functions["drive"]?.name, "drive", "callable by the name it is given")

        for backend in [BackendKind.native, .interpreter] {
            let G = try NeuronGroup(5, model: """
                x = w0 * (i < Ne) : 1
                dv/dt = (double_it(drive(t)) - v)/tau : volt
                """, method: .euler, namespace: namespace, name: "G")
            try Network(G, backend: backend).run(3 * ms)
            XCTAssertEqual(try G.x.plainValues, [0.5, 0.5, 0.5, 0, 0], "\(backend)")
            XCTAssertGreaterThan(try G.v.values.max().value, 0, "\(backend): drive read through its new name")
        }
    }

    func testDictionaryOfQuantitiesStillMakesANamespace() {
        let values: [String: Quantity] = ["tau": 10 * ms]
        XCTAssertEqual(Namespace(values).values, values)
        var namespace = Namespace()
        namespace["tau"] = 5 * ms
        namespace.add(2, as: "n")
        XCTAssertEqual(namespace.values, ["tau": 5 * ms, "n": Quantity(value: 2)])
    }
}
