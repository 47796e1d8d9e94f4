import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// `network.describe(format:)`: the whole simulation as run, in Markdown, HTML and LaTeX.
final class ModelDescriptionTests: XCTestCase {
    /// A clock of the tests' own: other tests read the default clock's time after their runs.
    private let clock = Clock(dt: 0.1 * ms, name: "description_clock")

    /// A small network with every kind of object a description covers, run twice.
    private func describedNetwork() throws -> Network {
        seed(5)
        let stimulus = try TimedArray(QuantityArray(values: [0, 1e-9, 0], dimension: .current), dt: 10 * ms,
                                      name: "stimulus")
        let namespace = Namespace(["taum": 10 * ms, "El": -70 * mV, "Vt": -50 * mV, "R": 1e7 * ohm],
                                  timedArrays: [stimulus])
        let G = try NeuronGroup(8, model: "dv/dt = (El - v + R*stimulus(t))/taum : volt (unless refractory)",
                                threshold: "v > Vt", reset: "v = El", refractory: 2 * ms, method: .euler,
                                namespace: namespace, clock: clock, name: "G")
        try G.v.set("El + rand()*(Vt - El)")
        let P = try PoissonGroup(5, rates: 20 * Hz, clock: clock, name: "P")
        let generator = try SpikeGeneratorGroup(2, indices: [0, 1, 1], times: QuantityArray(values: [1e-3, 2e-3, 3e-3],
                                                                                           dimension: .time),
                                                clock: clock, name: "gen")
        let input = try PoissonInput(G, "v", N: 10, rate: 5 * Hz, weight: 0.5 * mV, name: "background")
        let S = try Synapses(P, G, model: "w : volt", onPre: "v_post += w", clock: clock, name: "S")
        try S.connect(condition: "i != j", p: 0.5)
        try S.w.set(0.2 * mV)
        try S.delay.set("i*ms")
        let spikes = try SpikeMonitor(G, name: "spikes")
        let trace = try StateMonitor(G, variables: ["v"], record: [0, 1], dt: 0.1 * ms, name: "trace")
        let net = try Network(G, P, generator, input, S, spikes, trace, backend: .interpreter)
        try net.run(5 * ms)
        try net.run(3 * ms)
        return net
    }

    func testMarkdownDescribesEveryPartOfTheSimulation() throws {
        let net = try describedNetwork()
        let markdown = net.describe(format: .markdown, title: "Test network")
        let synapses = try XCTUnwrap(net.objects.compactMap { $0 as? Synapses }.first).size
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for heading in ["# Test network", "## Overview", "## Neuron populations", "### G", "## Inputs", "### P",
                        "### gen", "### background", "### stimulus", "## Synapses", "### S", "## Monitors",
                        "## Constants", "## Simulation"] {
            XCTAssert(lines.contains(heading), "missing heading '\(heading)' in\n\(markdown)")
        }
        XCTAssert(lines.contains("$$\\frac{dv}{dt} = \\frac{E_{l} - v + R \\, \\operatorname{stimulus}\\left(t\\right)}"
                                 + "{\\tau_{m}} \\qquad [v] = \\mathrm{V} \\quad \\text{(unless refractory)}$$"), markdown)
        XCTAssert(lines.contains("8 neurons, integrated with the euler method."))
        XCTAssert(lines.contains("- Threshold: $v > V_{t}$"))
        XCTAssert(lines.contains("- Refractory period: $2\\,\\mathrm{ms}$"))
        XCTAssert(lines.contains("$$v \\leftarrow E_{l}$$"))
        XCTAssert(lines.contains("- $v = E_{l} + \\mathcal{U}(0,1) \\, \\left(V_{t} - E_{l}\\right)$"))
        XCTAssert(lines.contains("Poisson group of 5 neurons, rates $20\\,\\mathrm{Hz}$."))
        XCTAssert(lines.contains("Spike generator of 2 neurons emitting 3 spikes."))
        XCTAssert(lines.contains("10 independent Poisson sources at $5\\,\\mathrm{Hz}$ each, onto $v$ of G, adding "
                                 + "$0.5\\,\\mathrm{mV}$ per input spike."), markdown)
        XCTAssert(lines.contains("Timed array of 3 values, one every 10 ms, read as `stimulus(t)`."))
        XCTAssert(lines.contains("\(synapses) synapses from P to G."))
        XCTAssert(lines.contains("- pairs where $i \\neq j$, with probability $0.5$: \(synapses) synapses made"), markdown)
        XCTAssert(lines.contains("On each presynaptic spike (pathway `pre`, delays set per synapse, see the initial "
                                 + "values):"), markdown)
        XCTAssert(lines.contains("$$v_{post} \\mathrel{+=} w$$"))
        XCTAssert(lines.contains("- $\\mathit{delay} = i \\, \\mathrm{ms}$"), markdown)
        XCTAssert(lines.contains("- `spikes`: spikes of G"))
        XCTAssert(lines.contains("- `trace`: $v$ of 2 elements of G, every 100 us"), markdown)
        XCTAssert(lines.contains("| $\\tau_{m}$ | $10\\,\\mathrm{ms}$ |"))
        XCTAssert(lines.contains("- Run 1: 5 ms, from 0 s to 5 ms"))
        XCTAssert(lines.contains("- Run 2: 3 ms, from 5 ms to 8 ms"))
        XCTAssert(lines.contains("- Random seed: 5"))
        // The same network gives the same text.
        XCTAssertEqual(markdown, net.describe(format: .markdown, title: "Test network"))
    }

    func testHTMLIsAStandalonePageWithTheSameContent() throws {
        let html = try describedNetwork().describe(format: .html)
        XCTAssert(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssert(html.contains("<h1>Model description</h1>"))
        XCTAssert(html.contains("<h2>Neuron populations</h2>"))
        XCTAssert(html.contains("<h3>G</h3>"))
        XCTAssert(html.contains("<div class=\"equation\">\\[\\frac{dv}{dt} = "))
        XCTAssert(html.contains("<li>Threshold: \\(v &gt; V_{t}\\)</li>"), html)
        XCTAssertFalse(html.contains("$$"))
        // Every element opened is closed.
        for tag in ["ul", "li", "p", "table", "tr", "h2", "h3"] {
            XCTAssertEqual(html.components(separatedBy: "<\(tag)>").count, html.components(separatedBy: "</\(tag)>").count,
                           tag)
        }
    }

    func testLaTeXIsASectionWithEquationEnvironments() throws {
        let latex = try describedNetwork().describe(format: .latex)
        XCTAssert(latex.hasPrefix("\\section{Model description}\n"))
        XCTAssert(latex.contains("\\subsection{Neuron populations}"))
        XCTAssert(latex.contains("\\subsubsection{G}"))
        XCTAssert(latex.contains("\\begin{equation*}\n\\frac{dv}{dt} = "))
        XCTAssertEqual(latex.components(separatedBy: "\\begin{equation*}").count,
                       latex.components(separatedBy: "\\end{equation*}").count)
        XCTAssert(latex.contains("\\item Threshold: $v > V_{t}$"))
        XCTAssert(latex.contains("\\texttt{stimulus(t)}"))
        XCTAssertEqual(DescriptionDocument.escaped("a_b & 5% {x} #1 ~^\\"),
                       "a\\_b \\& 5\\% \\{x\\} \\#1 \\textasciitilde{}\\textasciicircum{}\\textbackslash{}")
    }

    func testANetworkNotRunYetSaysSo() throws {
        let G = try NeuronGroup(3, model: "v : 1", name: "idle")
        let markdown = try Network(G, backend: .interpreter).describe()
        XCTAssert(markdown.contains("It has not been run."))
        XCTAssertFalse(markdown.contains("Random seed"))
    }

    func testLoopsOfSetsAndRunsAreSummedUp() throws {
        let G = try NeuronGroup(2, model: "x : 1", clock: clock, name: "looped")
        for k in 0..<1005 { try G.x.set(Double(k)) }
        XCTAssertEqual(G.initializations.count, Group.maximumRecordedInitializations)
        XCTAssertEqual(G.unrecordedInitializations, 5)
        let net = try Network(G, backend: .interpreter)
        for _ in 0..<25 { try net.run(0.1 * ms) }
        let lines = net.describe().split(separator: "\n").map(String.init)
        XCTAssert(lines.contains("- $x = 19$"))
        XCTAssertFalse(lines.contains("- $x = 20$"))
        XCTAssert(lines.contains("- … and 985 more values set"), lines.joined(separator: "\n"))
        XCTAssert(lines.contains("- Run 20: 100 us, from 1.9 ms to 2 ms"), lines.joined(separator: "\n"))
        XCTAssert(lines.contains("- … and 5 more runs, to 2.5 ms"), lines.joined(separator: "\n"))
    }

    func testASpatialNeuronIsOneNeuronOfCompartments() throws {
        let morpho = try Soma(diameter: 30 * um)
        morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 50)
        let neuron = try SpatialNeuron(morphology: morpho, model: """
            Im = gL*(EL - v) : amp/meter**2
            I : amp (point current)
            """, Cm: 1 * uF / cm2, Ri: 150 * ohm * cm, namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV],
            name: "cell")
        try neuron["dend"][250 * um].I.set(0.1 * nA)
        let lines = try Network(neuron, backend: .interpreter).describe().split(separator: "\n").map(String.init)
        XCTAssert(lines.contains { $0.hasPrefix("The network has 1 neuron population (1 neuron in all)") },
                  lines.joined(separator: "\n"))
        XCTAssert(lines.contains { $0.hasPrefix("51 compartments, integrated with the ") }, lines.joined(separator: "\n"))
        XCTAssert(lines.contains("- $I = 100\\,\\mathrm{pA}$ (compartments 26 to 26)"), lines.joined(separator: "\n"))
        // The equations given, not those the spatial neuron adds (geometry, linearised current).
        XCTAssert(lines.contains { $0.hasPrefix("$$I_{m} = g_{L} \\, \\left(E_{L} - v\\right)") })
        XCTAssertFalse(lines.contains { $0.contains("private") || $0.contains("diameter") }, lines.joined(separator: "\n"))
    }
}
