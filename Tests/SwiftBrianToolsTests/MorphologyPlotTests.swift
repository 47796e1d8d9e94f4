import Foundation
import SwiftBrian
@testable import SwiftBrianTools
import XCTest

/// Pictures of a morphology (its projection, diameters to scale) and of its dendrogram.
final class MorphologyPlotTests: XCTestCase {
    private typealias Point = (x: Double, y: Double)

    /// The subpaths of an SVG path of `M` and `L` commands, as their points.
    private func subpaths(_ d: String) -> [[Point]] {
        d.split(separator: "M").map { subpath in
            subpath.split(separator: "L").map { pair in
                let numbers = pair.split(separator: " ").compactMap { Double($0) }
                return (numbers.first ?? .nan, numbers.last ?? .nan)
            }
        }
    }

    /// The segments drawn by a morphology plot: each with its points, colour and width.
    private func segments(_ document: SVGDocument) -> [(points: [Point], color: String, width: Double)] {
        document.children(ofClass: "segments").flatMap { path in
            subpaths(path.attributes["d"] ?? "").map {
                ($0, path.attributes["stroke"] ?? "", Double(path.attributes["stroke-width"] ?? "") ?? .nan)
            }
        }
    }

    private func isHexColor(_ text: String) -> Bool {
        text.count == 7 && text.hasPrefix("#") && text.dropFirst().allSatisfy(\.isHexDigit)
    }

    func testEachCompartmentIsASegmentAndTheSomaADisc() throws {
        let plot = try Plot.morphology(MorphologySamples.tree())
        let document = try SVGDocument.check(plot.svg())
        XCTAssertEqual(segments(document).count, 48)
        XCTAssertEqual(document.children(ofClass: "discs").filter { $0.name == "circle" }.count, 1)
        XCTAssertEqual(document.withClass("x-label").first?.text, "x (µm)")
        XCTAssertEqual(document.withClass("y-label").first?.text, "y (µm)")
        XCTAssertEqual(document.withClass("title").first?.text, "Morphology")
        XCTAssertTrue(document.withClass("colorbar").isEmpty)
        // Without values, sections alternate between two colours.
        XCTAssertEqual(Set(segments(document).map(\.color)), Set(CompartmentColors.sectionColors.map(\.css)))
    }

    func testAMicrometreSpansAsManyPixelsAcrossAsUpAndDiametersAreToScale() throws {
        let soma = try Soma(diameter: 20 * um, x: 0 * um, y: 0 * um)
        soma["across"] = try Cylinder(diameter: 4 * um, n: 1, x: QuantityArray([0 * um, 100 * um]))
        soma["up"] = try Cylinder(diameter: 4 * um, n: 1, y: QuantityArray([0 * um, 50 * um]))
        let document = try SVGDocument.check(Plot.morphology(soma).svg())
        let drawn = segments(document)
        XCTAssertEqual(drawn.count, 2)
        guard drawn.count == 2, let disc = document.children(ofClass: "discs").first else { return }
        let across = drawn[0].points, up = drawn[1].points
        let perMicrometreAcross = abs(across[1].x - across[0].x) / 100
        let perMicrometreUp = abs(up[1].y - up[0].y) / 50
        XCTAssertEqual(perMicrometreAcross, perMicrometreUp, accuracy: 0.002 * perMicrometreAcross)
        XCTAssertEqual(across[0].y, across[1].y, accuracy: 0.05)
        XCTAssertLessThan(up[1].y, up[0].y, "y grows upwards")
        // The soma: a disc of 20 µm; the cylinders 4 µm wide.
        XCTAssertEqual(Double(disc.attributes["r"] ?? "") ?? 0, 10 * perMicrometreAcross, accuracy: 0.06)
        XCTAssertEqual(drawn[0].width, 4 * perMicrometreAcross, accuracy: 0.06)
    }

    func testValuesColourTheCompartmentsWithAColourBar() throws {
        let tree = try MorphologySamples.tree()
        let flat = tree.flattened
        let document = try SVGDocument.check(Plot.morphology(tree, values: flat.distanceArray, label: "distance").svg())
        XCTAssertEqual(document.withClass("colorbar-label").first?.text, "distance (µm)")
        XCTAssertFalse(document.children(ofClass: "colorbar-ticks").isEmpty)
        XCTAssertEqual(document.all("linearGradient").count, 1)
        let drawn = segments(document)
        XCTAssertEqual(drawn.count, 48)
        XCTAssertTrue(drawn.allSatisfy { isHexColor($0.color) })
        // The soma is nearest (viridis' first colour), the axon's tip farthest (its last).
        XCTAssertEqual(document.children(ofClass: "discs").first?.attributes["fill"], "#440154")
        XCTAssertTrue(drawn.contains { $0.color == "#fde725" })
        let farthest = try XCTUnwrap(flat.distance.indices.max { flat.distance[$0] < flat.distance[$1] })
        XCTAssertEqual(ColorMap.viridis.color(for: flat.distance[farthest], in: 0...flat.distance[farthest]),
                       "#fde725")
    }

    func testAWrongNumberOfValuesIsAnErrorNamingBothCounts() throws {
        let tree = try MorphologySamples.tree()
        let values = QuantityArray(values: [1, 2, 3], dimension: .voltage)
        for make in [{ try Plot.morphology(tree, values: values) }, { try Plot.dendrogram(tree, values: values) }] {
            XCTAssertThrowsError(try make()) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains("3 values") && message.contains("49 compartments"), message)
            }
        }
    }

    func testProjectionsShowTheirPlane() throws {
        let tree = try MorphologySamples.tree()
        for (projection, labels) in [(MorphologyProjection.xz, ["x (µm)", "z (µm)"]), (.yz, ["y (µm)", "z (µm)"])] {
            let document = try SVGDocument.check(Plot.morphology(tree, projection: projection).svg())
            XCTAssertEqual([document.withClass("x-label").first?.text, document.withClass("y-label").first?.text],
                           labels)
            // The generated coordinates lie in the x–y plane: every point at z = 0.
            let heights = Set(segments(document).flatMap { $0.points.map(\.y) })
            XCTAssertEqual(heights.count, 1, "\(projection)")
        }
    }

    func testTheSWCCellIsDrawnWithItsOwnCoordinates() throws {
        let cell = try MorphologySamples.swcCell()
        let flat = cell.flattened
        let coordinates = try XCTUnwrap(flat.coordinates)
        let plot = try Plot.morphology(cell, values: flat.distanceArray, label: "distance")
        let document = try SVGDocument.check(plot.svg())
        let discs = document.children(ofClass: "discs").count
        XCTAssertEqual(discs, 1)
        XCTAssertEqual(segments(document).count + discs, flat.count)
        let xs = plot.series.flatMap(\.x)
        let given = (coordinates.startX + coordinates.endX).map { $0 / 1e-6 }
        XCTAssertEqual(xs.min() ?? 0, given.min() ?? 1, accuracy: 1e-9)
        XCTAssertEqual(xs.max() ?? 0, given.max() ?? 1, accuracy: 1e-9)
        XCTAssertTrue(plot.equalAspect)
    }

    func testDendrogramSpreadsLeavesAndPutsParentsAboveTheMeanOfTheirChildren() throws {
        // Sections in order: soma, dend1 (leaf 0), dend2 (above L and R), L (leaf 1), R (leaf 2),
        // axon (leaf 3); the soma above the mean of dend1, dend2 and axon.
        let plot = try Plot.dendrogram(MorphologySamples.tree())
        XCTAssertEqual(plot.series.count, 3)
        guard plot.series.count == 3 else { return }
        let connectors = plot.series[0], lines = plot.series[1], soma = plot.series[2]
        func section(at x: Double) -> (low: Double, high: Double) {
            let ys = zip(lines.x, lines.y).filter { $0.0 == x }.map(\.1)
            return (ys.min() ?? .nan, ys.max() ?? .nan)
        }
        XCTAssertEqual(lines.x.count, 2 * 48)
        XCTAssertEqual(section(at: 0).low, 0, accuracy: 1e-9)
        XCTAssertEqual(section(at: 0).high, 150, accuracy: 1e-9)
        XCTAssertEqual(section(at: 1.5).high, 80, accuracy: 1e-9)
        XCTAssertEqual(section(at: 1).low, 80, accuracy: 1e-9)
        XCTAssertEqual(section(at: 1).high, 140, accuracy: 1e-9)
        XCTAssertEqual(section(at: 2).high, 170, accuracy: 1e-9)
        XCTAssertEqual(section(at: 3).high, 300, accuracy: 1e-9)
        XCTAssertEqual(soma.x, [1.5])
        XCTAssertEqual(soma.y, [0])
        // Branch points: the soma's children at 0 µm, L and R at the end of dend2.
        XCTAssertEqual(connectors.x, [0, 3, 1, 2])
        XCTAssertEqual(connectors.y.map { ($0 * 1e6).rounded() / 1e6 }, [0, 0, 80, 80])

        let document = try SVGDocument.check(plot.svg())
        XCTAssertTrue(document.children(ofClass: "x-ticks").isEmpty, "the horizontal axis has no numbers")
        XCTAssertEqual(document.withClass("y-label").first?.text, "Distance from the root (µm)")
        XCTAssertEqual(document.withClass("segments").last?.attributes["stroke-linecap"], "butt")
    }

    func testDendrogramColoursCompartmentsByValue() throws {
        let cell = try MorphologySamples.swcCell()
        let flat = cell.flattened
        let plot = try Plot.dendrogram(cell, values: flat.distanceArray, label: "distance")
        let document = try SVGDocument.check(plot.svg())
        XCTAssertEqual(document.withClass("colorbar-label").first?.text, "distance (µm)")
        let somata = flat.sections.filter { $0.section is Soma }.count
        XCTAssertEqual(plot.series[1].x.count / 2 + somata, flat.count)
        XCTAssertEqual(plot.series[1].colors?.count, flat.count - somata)
        // The farther up, the later in viridis: the top of the tallest line is its last colour.
        let top = try XCTUnwrap(plot.series[1].y.indices.max { plot.series[1].y[$0] < plot.series[1].y[$1] })
        XCTAssertEqual(plot.series[1].colors?[top / 2], "#fde725")
    }
}
