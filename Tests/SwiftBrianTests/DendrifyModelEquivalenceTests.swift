import Dendrify
import Foundation
import SwiftBrian
import XCTest

/// The model the Swift API generates for each Dendrify reference case against the one Dendrify
/// 2.2.0 generated (`dendrify.model` of each JSON): the same variables with the same units, kinds
/// and flags and the same expressions after parsing, the same events and event actions after
/// parsing, and the same parameters name by name (value, unit, integer step counts, order).
final class DendrifyModelEquivalenceTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// Dendrify's model of `name`: its JSON block, and the raw text of the JSON (which keeps the
    /// parameters' order and whether each value is an integer).
    private func dendrifyModel(_ name: String) throws -> (model: [String: Any], raw: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compartments/dendrify/\(name).json")
        let data = try Data(contentsOf: url)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let model = try XCTUnwrap((json["dendrify"] as? [String: Any])?["model"] as? [String: Any])
        return (model, String(decoding: data, as: UTF8.self))
    }

    /// The parameters of the raw JSON in order, each with the text of its value.
    private func parameterOrder(_ raw: String) throws -> [(name: String, value: String)] {
        let start = try XCTUnwrap(raw.range(of: "\"parameters\":{"))
        let section = raw[start.upperBound...]
        let pattern = try NSRegularExpression(pattern: #""([A-Za-z_][A-Za-z0-9_]*)":\{"value":([^,]+),"#)
        let text = String(section)
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let name = Range(match.range(at: 1), in: text), let value = Range(match.range(at: 2), in: text) else {
                return nil
            }
            return (String(text[name]), String(text[value]))
        }
    }

    /// Compares `model` with Dendrify's model of the case `name`.
    private func assertEquivalent(_ model: some DendrifyModel, to name: String, file: StaticString = #filePath,
                                  line: UInt = #line) throws {
        let (reference, raw) = try dendrifyModel(name)
        // Equations: the same variables, kinds, units, flags and parsed expressions.
        let referenceText = try XCTUnwrap(reference["equations"] as? String)
        let ours = try Equations(model.equations), theirs = try Equations(referenceText)
        XCTAssertEqual(ours.names, theirs.names, "\(name): variables", file: file, line: line)
        for equation in theirs {
            guard let mine = ours[equation.name] else { continue }
            XCTAssertEqual(mine.kind, equation.kind, "\(name): kind of \(equation.name)", file: file, line: line)
            XCTAssertEqual(mine.dimension, equation.dimension, "\(name): unit of \(equation.name)", file: file, line: line)
            XCTAssertEqual(mine.type, equation.type, "\(name): type of \(equation.name)", file: file, line: line)
            XCTAssertEqual(mine.flags, equation.flags, "\(name): flags of \(equation.name)", file: file, line: line)
            XCTAssertEqual(mine.expression?.description, equation.expression?.description,
                           "\(name): expression of \(equation.name)", file: file, line: line)
        }
        // Term for term, so that sums are evaluated in Dendrify's order.
        XCTAssertEqual(model.equations, referenceText, "\(name): text", file: file, line: line)
        // Events and their actions, parsed.
        let events = try XCTUnwrap(reference["events"] as? [String: String])
        XCTAssertEqual(Set(model.events.keys), Set(events.keys), "\(name): events", file: file, line: line)
        for (event, condition) in events {
            XCTAssertEqual(try model.events[event].map { try Expression(parsing: $0).description },
                           try Expression(parsing: condition).description, "\(name): \(event)", file: file, line: line)
        }
        let actions = try XCTUnwrap(reference["event_actions"] as? [String: String])
        XCTAssertEqual(Set(model.eventActions.keys), Set(actions.keys), "\(name): event actions", file: file, line: line)
        for (event, action) in actions {
            XCTAssertEqual(try model.eventActions[event].map { try Statement.parseLines($0).map(\.description) },
                           try Statement.parseLines(action).map(\.description), "\(name): action of \(event)",
                           file: file, line: line)
        }
        // Parameters: order, value (bit for bit), unit, and integers where Dendrify has integers.
        let parameters = try XCTUnwrap(reference["parameters"] as? [String: [String: Any]])
        let order = try parameterOrder(raw)
        XCTAssertEqual(order.count, parameters.count, "\(name): parameters read", file: file, line: line)
        XCTAssertEqual(model.parameters.names, order.map(\.name), "\(name): parameter names", file: file, line: line)
        for (parameter, valueText) in order {
            let entry = try XCTUnwrap(parameters[parameter])
            // The JSON's text, read exactly (Foundation's JSON reader may round the last bit).
            let value = try XCTUnwrap(Double(valueText))
            let unit = try XCTUnwrap(entry["unit"] as? String)
            let dimension = try UnitSpecification.parse(unit).dimension
            guard let mine = model.parameters[parameter] else {
                XCTFail("\(name): no parameter \(parameter)", file: file, line: line)
                continue
            }
            XCTAssertEqual(mine.value, value, "\(name): value of \(parameter)", file: file, line: line)
            XCTAssertEqual(mine.dimension, dimension, "\(name): unit of \(parameter)", file: file, line: line)
            let isInteger = !valueText.contains(".") && !valueText.contains("e")
            XCTAssertEqual(model.parameters.isInteger(parameter), isInteger, "\(name): \(parameter) an integer",
                           file: file, line: line)
        }
    }

    func testAttenuationModel() throws {
        try assertEquivalent(try DendrifyCases.attenuation(), to: "dendrify_attenuation")
    }

    func testInputOutputModel() throws {
        try assertEquivalent(try DendrifyCases.io(), to: "dendrify_io")
    }

    func testPointAdexModel() throws {
        try assertEquivalent(try DendrifyCases.pointAdex(), to: "dendrify_point_adex")
    }

    func testNetworkSmallModel() throws {
        try assertEquivalent(try DendrifyCases.networkSmall(), to: "dendrify_network_small")
    }

    /// dendrify_api_extras.py's neuron: adaptiveIF soma, rise–decay AMPA (scaled) and GABA, noise,
    /// dSpikes given in full, `.cylinder(of:)` and half-cylinder couplings, area factors reset by
    /// the NeuronModel, extra equations and parameters.
    func testExtrasNeuronModel() throws {
        let soma = try Dendrify.Soma("soma", model: .adaptiveIF, length: 20 * um, diameter: 20 * um)
        let a = try Dendrite("a", length: 120 * um, diameter: 2 * um)
        let c = try Dendrite("c", length: 80 * um, diameter: 1 * um, scaleFactor: 1.5, spineFactor: 2)
        try a.synapse(.ampa, tag: "p", g: 2 * nS, tRise: 0.5 * ms, tDecay: 3 * ms, scaleG: true)
        try a.synapse(.gaba, tag: "q", g: 1 * nS, tRise: 1 * ms, tDecay: 10 * ms)
        try a.noise(tau: 10 * ms, sigma: 5 * pA, mean: 1 * pA)
        try c.dspikes("Ca", threshold: -30 * mV, gRise: 5 * nS, gFall: 3 * nS, durationRise: 2.25 * ms,
                      durationFall: 7 * ms, reversalRise: "E_Ca", reversalFall: -90 * mV, offsetFall: 1.05 * ms,
                      refractory: 20 * ms)
        try soma.addParameters(["a_soma": 2 * nS, "tauw_soma": 100 * ms])
        let model = try NeuronModel(connections: [(soma, a, .cylinder(of: a)), (a, c, .halfCylinders)],
                                    cm: 1 * uF / cm2, gl: 40 * uS / cm2, rAxial: 150 * ohm * cm, vRest: -68 * mV,
                                    spineFactor: 1.5)
        try model.addEquations("dz/dt = -z/(5*ms) : 1")
        try model.addParameters(["zz": 3 * mV])
        try assertEquivalent(model, to: "dendrify_api_extras_neuron")
        // The model copied its compartments: adding to one afterwards changes nothing.
        try a.synapse(.nmda, tag: "late", g: 1 * nS, tDecay: 50 * ms)
        try assertEquivalent(model, to: "dendrify_api_extras_neuron")
    }

    /// dendrify_api_extras.py's point neuron: from geometry, a rise–decay NMDA synapse, default noise.
    func testExtrasPointModel() throws {
        let model = try PointNeuronModel(model: .leakyIF, length: 30 * um, diameter: 30 * um, cm: 1 * uF / cm2,
                                         gl: 50 * uS / cm2, vRest: -70 * mV)
        try model.synapse(.nmda, tag: "e", g: 1 * nS, tRise: 2 * ms, tDecay: 80 * ms)
        try model.noise()
        try assertEquivalent(model, to: "dendrify_api_extras_point")
    }
}
