import Foundation
import SwiftBrianIntegration
import SwiftBrianLanguage
import SwiftBrianUnits
import XCTest

/// The `not_refractory` variable a group with a refractory period provides.
let notRefractoryVariable = VariableDescription(name: "not_refractory", dimension: .dimensionless, type: .boolean,
                                                kind: .parameter, isWritable: true, isConstant: false)

/// `equations` analyzed in a neuron group with the namespace written as `name = value` lines;
/// `refractory` adds the `not_refractory` variable.
func analyze(_ equations: String, namespace: String = "", refractory: Bool = false) throws -> AnalyzedEquations {
    try AnalyzedEquations(Equations(equations), namespace: Namespace(assignments: namespace),
                          extraVariables: refractory ? [notRefractoryVariable] : [])
}

/// The state update of `equations` with `method` (nil: Brian's automatic choice).
func stateUpdate(_ equations: String, namespace: String = "", method: IntegrationMethod? = nil,
                 refractory: Bool = false) throws -> StateUpdate {
    try StateUpdate.make(for: analyze(equations, namespace: namespace, refractory: refractory), method: method)
}

/// Runs the statements of a state update on plain numbers for one element, with the language's
/// Evaluator: the reference semantics every backend reproduces.
struct Stepper {
    let statements: [Statement]
    /// The values of state variables and parameters, updated by each step.
    var values: [String: Double]
    /// The namespace values, in SI units.
    let constants: [String: Double]

    init(_ update: StateUpdate, _ analyzed: AnalyzedEquations, values: [String: Double]) {
        statements = update.statements
        self.values = values
        constants = analyzed.scope.namespace.values.mapValues(\.value)
    }

    /// One step from time `t`; `normal` supplies the `randn()` draws.
    mutating func step(t: Double, dt: Double, normal: @escaping () -> Double = { 0 }) throws {
        var scratch = values
        scratch["t"] = t
        scratch["dt"] = dt
        let constants = self.constants
        let evaluator = Evaluator(lookup: { name in
            scratch[name] ?? constants[name] ?? UnitRegistry.named(name)?.value ?? Identifiers.constants[name]
        }, normal: normal)
        for statement in statements {
            scratch[statement.target] = try evaluator.evaluate(statement.expanded.value)
        }
        for name in values.keys { values[name] = scratch[name] }
    }

    /// `steps` steps of `dt` from `t = 0`.
    mutating func run(steps: Int, dt: Double, normal: @escaping () -> Double = { 0 }) throws {
        for index in 0..<steps { try step(t: Double(index) * dt, dt: dt, normal: normal) }
    }
}

/// The least-squares slope of log(error) against log(step): the observed order of convergence.
func observedOrder(steps: [Double], errors: [Double]) -> Double {
    let x = steps.map { log($0) }, y = errors.map { log($0) }
    let meanX = x.reduce(0, +) / Double(x.count), meanY = y.reduce(0, +) / Double(y.count)
    let covariance = zip(x, y).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
    let variance = x.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
    return covariance / variance
}

/// A small seeded generator (SplitMix64) with Box–Muller normal draws, so stochastic tests are
/// reproducible.
final class SeededNormal {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Double((z ^ (z >> 31)) >> 11) / Double(1 << 53)
    }

    func normal() -> Double {
        sqrt(-2 * log(1 - uniform())) * cos(2 * Double.pi * uniform())
    }
}

/// Asserts `|actual - expected| <= relative*|expected|` (plus `absolute`).
func assertRelative(_ actual: Double, _ expected: Double, _ relative: Double, absolute: Double = 0,
                    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs(actual - expected), relative * abs(expected) + absolute,
                             "\(actual) vs \(expected) \(message())", file: file, line: line)
}

/// Asserts that `body` throws a `ModelError` of kind `.integration` whose message contains `message`.
func assertIntegrationError(_ message: String, file: StaticString = #filePath, line: UInt = #line,
                            _ body: () throws -> Void) {
    do {
        try body()
        XCTFail("expected an error containing \"\(message)\"", file: file, line: line)
    } catch let error as ModelError {
        XCTAssertEqual(error.kind, .integration, "\(error)", file: file, line: line)
        XCTAssertTrue(error.message.contains(message), "message was: \(error.message)", file: file, line: line)
    } catch {
        XCTFail("expected a ModelError, got \(error)", file: file, line: line)
    }
}

/// A reference case of Brian 2.9 from Tests/Fixtures/reference, as parsed JSON.
func referenceCase(_ name: String) throws -> [String: Any] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/reference/\(name).json")
    let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    return try XCTUnwrap(object as? [String: Any])
}

/// The values of `key` in the case's `final_state`.
func finalState(_ reference: [String: Any], _ key: String) throws -> [Double] {
    let states = try XCTUnwrap(reference["final_state"] as? [String: Any])
    return try XCTUnwrap(states[key] as? [Double], "no final state \(key)")
}
