import Foundation
import SwiftBrian
import SwiftBrianModels
import SwiftBrianTools
import XCTest

/// The Markdown descriptions of CUBA, STDP and Brunel–Hakim committed under docs/descriptions
/// (written by `swiftbrian describe EXAMPLE --output docs/descriptions/EXAMPLE.md`): parsed, and
/// their numbers checked against the models. Each example is built again and run briefly; the
/// description of that run must equal the committed one in every line but those that state the
/// simulated time (the overview and the run), which must state the example's own duration.
final class GalleryDescriptionTests: XCTestCase {
    private static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/descriptions")

    private func committed(_ name: String) throws -> [String] {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("\(name).md"), encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `20. ms` as the description writes it: `20 ms`.
    private func plain(_ quantity: Quantity) -> String {
        "\(quantity)".replacingOccurrences(of: ". ", with: " ")
    }

    /// Checks the committed description of `example` against a brief run of it, and returns its lines.
    private func check(_ example: any GalleryExample.Type, duration: Quantity,
                       file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let lines = try committed(example.name)
        let result = try example.simulate(settings: [], seed: 1, backend: .interpreter, duration: 1 * ms, report: nil)
        let fresh = result.network.describe(title: "Model description: \(example.name)")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, fresh.count, file: file, line: line)
        for (committedLine, freshLine) in zip(lines, fresh) where !freshLine.hasPrefix("The network has")
            && !freshLine.hasPrefix("- Run 1:") {
            XCTAssertEqual(committedLine, freshLine, file: file, line: line)
        }
        XCTAssertEqual(lines.first, "# Model description: \(example.name)", file: file, line: line)
        for heading in ["## Overview", "## Neuron populations", "## Synapses", "## Monitors", "## Constants",
                        "## Simulation"] {
            XCTAssert(lines.contains(heading), "\(example.name): no '\(heading)'", file: file, line: line)
        }
        XCTAssert(lines.contains("- Run 1: \(plain(duration)), from 0 s to \(plain(duration))"),
                  "\(example.name): the run of \(duration)", file: file, line: line)
        XCTAssert(lines.contains { $0.hasPrefix("The network has") && $0.hasSuffix("simulated for \(plain(duration)) in 1 run.") },
                  file: file, line: line)
        XCTAssert(lines.contains("- Random seed: 1"), file: file, line: line)
        // Each Synapses' count, and each connect call's, as the model makes them.
        for synapses in result.network.objects.compactMap({ $0 as? Synapses }) {
            XCTAssert(lines.contains("\(synapses.size) synapses from \(synapses.source.name) to \(synapses.target.name)."),
                      "\(synapses.name)", file: file, line: line)
            for record in synapses.connections {
                XCTAssert(lines.contains { $0.hasPrefix("- ") && $0.hasSuffix(": \(record.created) synapses made") },
                          file: file, line: line)
            }
        }
        // One displayed equation per differential equation of each group.
        for group in result.network.objects.compactMap({ $0 as? NeuronGroup }) {
            XCTAssert(lines.contains("\(group.size) neuron\(group.size == 1 ? "" : "s"), integrated with the "
                                     + "\(group.method.rawValue) method."), file: file, line: line)
        }
        return lines
    }

    func testCUBA() throws {
        let lines = try check(CUBA.self, duration: CUBA().duration)
        XCTAssert(lines.contains("$$\\frac{dv}{dt} = \\frac{g_{e} + g_{i} - \\left(v - E_{l}\\right)}{\\tau_{m}} \\qquad "
                                 + "[v] = \\mathrm{V} \\quad \\text{(unless refractory)}$$"))
        XCTAssertEqual(lines.filter { $0.hasPrefix("$$\\frac{d") }.count, 3)
        XCTAssert(lines.contains("4000 neurons, integrated with the exact method."))
        XCTAssert(lines.contains("- Threshold: $v > V_{t}$"))
        XCTAssert(lines.contains("- Refractory period: $5\\,\\mathrm{ms}$"))
        XCTAssert(lines.contains("- $v = V_{r} + \\mathcal{U}(0,1) \\, \\left(V_{t} - V_{r}\\right)$"))
        XCTAssert(lines.contains("| $N_{e}$ | $3200$ |"))
        XCTAssert(lines.contains { $0.hasPrefix("- pairs where $i < N_{e}$, with probability $0.02$: ") })
        XCTAssert(lines.contains("$$g_{e} \\mathrel{+=} w_{e}$$"))
    }

    func testSTDP() throws {
        let lines = try check(STDP.self, duration: STDP().duration)
        XCTAssert(lines.contains("Poisson group of 1000 neurons, rates $15\\,\\mathrm{Hz}$."))
        XCTAssert(lines.contains("1000 synapses from input to neurons."))
        XCTAssert(lines.contains("On each postsynaptic spike (pathway `post`):"))
        XCTAssert(lines.contains("$$w \\leftarrow \\operatorname{clip}\\left(w + \\mathit{Apre}, 0, \\mathit{gmax}\\right)$$"))
        XCTAssert(lines.contains { $0.hasPrefix("Plasticity: ") && $0.contains("$w$") })
        XCTAssert(lines.contains { $0.hasPrefix("$$\\frac{d\\mathit{Apre}}{dt}") && $0.hasSuffix("\\text{(event-driven)}$$") })
    }

    func testBrunelHakimWithDelays() throws {
        let lines = try check(BrunelHakim1999.self, duration: BrunelHakim1999().duration)
        XCTAssert(lines.contains("5000 neurons, integrated with the euler method."))
        XCTAssert(lines.contains("$$\\frac{dV}{dt} = \\frac{-V + \\mathit{muext} + \\sigma_{ext} \\, \\sqrt{\\tau} \\, \\xi}"
                                 + "{\\tau} \\qquad [V] = \\mathrm{V}$$"))
        XCTAssert(lines.contains("On each presynaptic spike (pathway `pre`, delay $2\\,\\mathrm{ms}$):"))
        XCTAssert(lines.contains("$$V \\mathrel{+=} -J$$"))
        XCTAssert(lines.contains("- Refractory period: $2\\,\\mathrm{ms}$"))
    }
}
