import SwiftBrianSymbolic
import XCTest

final class SubstitutionTests: XCTestCase {
    func testReplacesNamesAndSimplifies() {
        let expression = symbolic("(v - El)/tau + w")
        XCTAssertEqual(expression.substituting(["v": symbolic("El + 1")]), symbolic("1/tau + w"))
        XCTAssertEqual(expression.substituting(["w": 0, "El": 0]), symbolic("v/tau"))
        XCTAssertEqual(symbolic("x*y").substituting(["x": symbolic("1/y")]), 1)
    }

    func testReplacesSimultaneously() {
        let swapped = symbolic("x - 2*y").substituting(["x": .symbol("y"), "y": .symbol("x")])
        XCTAssertEqual(swapped, symbolic("y - 2*x"))
    }

    func testReachesIntoFunctionsAndKeepsOtherNames() throws {
        let expression = symbolic("exp(-t/tau)*sin(omega*t)")
        let shifted = expression.substituting(["t": symbolic("t + dt/2")])
        XCTAssertEqual(shifted.symbols, ["t", "dt", "tau", "omega"])
        let values = ["t": 0.3, "dt": 0.01, "tau": 0.5, "omega": 7.0]
        assertClose(try evaluate(shifted, values), exp(-0.305/0.5)*sin(7*0.305), tolerance: 1e-14)
    }
}
