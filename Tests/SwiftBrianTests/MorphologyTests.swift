import Foundation
import SwiftBrian
import XCTest

/// Foundation has a `Morphology` of its own (grammatical inflection); this module means Brian's.
typealias Morphology = SwiftBrian.Morphology

/// The compartment fixtures of Tests/Fixtures/compartments (Brian 2.9; README.md there).
enum CompartmentFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/compartments")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static var swcPath: String { folder.appendingPathComponent("mp_ma_40984_gc2.CNG.swc").path }
}

/// `Morphology` (issue 11, item 1) against Brian 2.9: geometry per compartment, numbering,
/// topology text, SWC reading and generated coordinates.
final class MorphologyTests: XCTestCase {
    /// The seven morphologies of spatial_morphology_geometry.py.
    static func geometryCases() throws -> [String: Morphology] {
        let tree = try Soma(diameter: 25 * um)
        tree.trunk = try Cylinder(diameter: 3 * um, length: 80 * um, n: 4)
        tree.trunk?.L = try Section(diameters: [2, 1.6, 1.3, 1] * um, lengths: [15, 20, 25] * um, n: 3)
        tree.trunk?.R = try Cylinder(diameter: 1 * um, length: 40 * um, n: 2)
        tree.trunk?.L?.tip = try Cylinder(diameter: 0.5 * um, length: 10 * um, n: 2)
        tree.axon = try Cylinder(diameter: 1 * um, length: 60 * um, n: 3)

        let treeCoords = try Soma(diameter: 20 * um, x: 5 * um, y: 0 * um, z: 0 * um)
        treeCoords.dend = try Cylinder(diameter: 2 * um, n: 3, x: [10, 70] * um, y: [0, 0] * um, z: [0, 0] * um)
        treeCoords.dend?.L = try Section(diameters: [2, 1.5, 1] * um, x: [0, 20, 30] * um, y: [0, 20, 40] * um, n: 2)
        treeCoords.dend?.R = try Cylinder(diameter: 1 * um, n: 2, x: [0, 20] * um, y: [0, -20] * um, z: [0, 10] * um)
        return [
            "soma_only": try Soma(diameter: 20 * um),
            "cylinder_length": try Cylinder(diameter: 2 * um, length: 100 * um, n: 5),
            "cylinder_coords": try Cylinder(diameter: 1.5 * um, n: 4, x: [0, 30] * um, y: [0, 40] * um),
            "tapered_section": try Section(diameters: [4, 3.5, 3, 2, 1.5, 1] * um, lengths: [10, 20, 15, 25, 30] * um, n: 5),
            "section_coords": try Section(diameters: [3, 2.5, 2, 1.2] * um, x: [0, 10, 20, 25] * um,
                                          y: [0, 5, 5, 15] * um, z: [0, 0, -5, -5] * um, n: 3),
            "tree": tree,
            "tree_coords": treeCoords,
        ]
    }

    /// The flattened arrays of `flat` by Brian's variable name.
    private func arrays(_ flat: FlatMorphology) -> [String: [Double]] {
        var result = ["area": flat.area, "volume": flat.volume, "length": flat.length, "distance": flat.distance,
                      "diameter": flat.diameter, "r_length_1": flat.rLength1, "r_length_2": flat.rLength2]
        if let c = flat.coordinates {
            result.merge(["x": c.x, "y": c.y, "z": c.z, "start_x": c.startX, "start_y": c.startY, "start_z": c.startZ,
                          "end_x": c.endX, "end_y": c.endY, "end_z": c.endZ]) { $1 }
        }
        return result
    }

    /// Brian's section table (`refcase.morphology`) against ours.
    private func assertSections(_ flat: FlatMorphology, _ block: [String: Any], _ what: String,
                                file: StaticString = #filePath, line: UInt = #line) throws {
        let sections = try XCTUnwrap(block["sections"] as? [[String: Any]])
        XCTAssertEqual(flat.count, block["total_compartments"] as? Int, "\(what) compartments", file: file, line: line)
        XCTAssertEqual(flat.sections.count, block["total_sections"] as? Int, "\(what) sections", file: file, line: line)
        for (k, (entry, expected)) in zip(flat.sections, sections).enumerated() {
            let path = (expected["path"] as? String ?? "").split(separator: ".").dropFirst().joined(separator: ".")
            XCTAssertEqual(flat.path(of: k), path, what, file: file, line: line)
            let parentPath = entry.parent.map { flat.path(of: $0).isEmpty ? "morpho" : "morpho." + flat.path(of: $0) }
            XCTAssertEqual(parentPath, expected["parent"] as? String, "\(what) \(path) parent", file: file, line: line)
            let className = entry.section is Soma ? "Soma" : entry.section is Cylinder ? "Cylinder" : "Section"
            XCTAssertEqual(className, expected["class"] as? String, "\(what) \(path) class", file: file, line: line)
            XCTAssertEqual(entry.section.type, expected["type"] as? String, "\(what) \(path) type", file: file, line: line)
            XCTAssertEqual(entry.section.n, expected["n"] as? Int, "\(what) \(path) n", file: file, line: line)
            XCTAssertEqual(entry.start, expected["start"] as? Int, "\(what) \(path) start", file: file, line: line)
            XCTAssertEqual(entry.stop, expected["stop"] as? Int, "\(what) \(path) stop", file: file, line: line)
            assertClose([entry.endDistance], [try XCTUnwrap(expected["end_distance"] as? Double)], rtol: 1e-12,
                        atol: 1e-18, "\(what) \(path) end_distance", file: file, line: line)
            XCTAssertEqual(entry.section.endDistance.value, entry.endDistance, "\(what) \(path)", file: file, line: line)
        }
    }

    func testGeometryOfCodeBuiltMorphologiesIsBrians() throws {
        let reference = try ReferenceCase("spatial_morphology_geometry", folder: "compartments")
        let blocks = try XCTUnwrap(reference.json["morphology"] as? [String: Any])
        let finalState = try XCTUnwrap(reference.json["final_state"] as? [String: Any])
        for (name, morphology) in try Self.geometryCases() {
            let flat = morphology.flattened
            for (variable, values) in arrays(flat) where finalState["\(name).\(variable)"] != nil {
                try reference.compareFinal("\(name).\(variable)", QuantityArray(values: values, dimension: .length))
            }
            XCTAssertEqual(flat.coordinates == nil, finalState["\(name).x"] == nil, name)
            try assertSections(flat, try XCTUnwrap(blocks[name] as? [String: Any]), name)
            // Per-section accessors agree with the flattened arrays.
            for entry in flat.sections {
                let s = entry.section, range = entry.compartments
                XCTAssertEqual(s.distance.values, Array(flat.distance[range]), "\(name) \(entry.name)")
                XCTAssertEqual(s.area.values, Array(flat.area[range]))
                XCTAssertEqual(s.volume.values, Array(flat.volume[range]))
                XCTAssertEqual(s.rLength1.values, Array(flat.rLength1[range]))
                XCTAssertEqual(s.rLength2.values, Array(flat.rLength2[range]))
                XCTAssertEqual(s.diameter.values, Array(flat.diameter[range]))
                XCTAssertEqual(s.length.values, Array(flat.length[range]))
                if let c = flat.coordinates {
                    XCTAssertEqual(s.x?.values, Array(c.x[range]))
                    XCTAssertEqual(s.startY?.values, Array(c.startY[range]))
                    XCTAssertEqual(s.endZ?.values, Array(c.endZ[range]))
                }
            }
        }
    }

    func testSectionsKeepTheirDiametersAndUnits() throws {
        let section = try Section(diameters: [4, 3, 2] * um, lengths: [10, 20] * um)
        XCTAssertEqual(section.n, 2)
        XCTAssertEqual(section.startDiameter.values, [4e-6, 3e-6])
        XCTAssertEqual(section.endDiameter.values, [3e-6, 2e-6])
        XCTAssertEqual(section.area.dimension, .area)
        XCTAssertEqual(section.volume.dimension, .volume)
        XCTAssertEqual(section.rLength1.dimension, .length)
        XCTAssertNil(section.x)
        XCTAssertFalse(section.hasCoordinates)
        XCTAssertEqual(try Soma(diameter: 10 * um).type, "soma")
        XCTAssertNil(try Cylinder(diameter: 1 * um, length: 10 * um).type)
        XCTAssertEqual(try Cylinder(diameter: 1 * um, length: 10 * um, type: "axon").type, "axon")
    }

    func testTheShippedSWCFileGivesBriansCell() throws {
        let reference = try ReferenceCase("spatial_swc_cell", folder: "compartments")
        let extras = try CompartmentFixture.json("morphology_extras")
        let morpho = try Morphology.fromSWC(CompartmentFixture.swcPath)
        let flat = morpho.flattened
        XCTAssertEqual(morpho.totalCompartments, 353)
        XCTAssertEqual(morpho.totalSections, 29)
        let block = try XCTUnwrap((reference.json["morphology"] as? [String: Any])?["neuron"] as? [String: Any])
        try assertSections(flat, block, "swc")
        let values = arrays(flat)
        for variable in ["area", "length", "distance", "diameter", "r_length_1", "r_length_2", "x", "y", "z"] {
            try reference.compareFinal("neuron.\(variable)", QuantityArray(values: try XCTUnwrap(values[variable]), dimension: .length))
        }
        let swcFlat = try XCTUnwrap(extras["swc_flat"] as? [String: Any])
        for variable in ["volume", "start_x", "start_y", "start_z", "end_x", "end_y", "end_z"] {
            assertClose(try XCTUnwrap(values[variable]), try XCTUnwrap(swcFlat[variable] as? [Double]), rtol: 1e-12,
                        atol: 1e-18, "swc \(variable)")
        }
        for (key, observed) in [("total_area", flat.area.reduce(0, +)), ("total_length", flat.length.reduce(0, +)),
                                ("total_dendritic_length", flat.length.dropFirst().reduce(0, +)),
                                ("max_distance", flat.distance.max() ?? 0), ("soma_diameter", flat.diameter[0])] {
            let (expected, tolerance) = try reference.statistic(key)
            XCTAssertLessThanOrEqual(abs(observed - expected), tolerance, key)
        }
        // Named compartments: by type names and by L/R paths, as in the script.
        let named = try XCTUnwrap(block["named_compartments"] as? [String: [String: Any]])
        func index(_ section: Morphology?, _ k: Int) throws -> Int {
            let entry = try XCTUnwrap(flat.entry(of: try XCTUnwrap(section)))
            return k >= 0 ? entry.start + k : entry.stop + k
        }
        XCTAssertEqual(try index(morpho.dend, 0), named["dend_first"]?["index"] as? Int)
        XCTAssertEqual(try index(morpho.L, 0), named["dend_first"]?["index"] as? Int)
        XCTAssertEqual(try index(morpho.dend2?.dend?.dend2?.dend2, 20), named["dend2_dend_dend2_dend2_20"]?["index"] as? Int)
        XCTAssertEqual(try index(morpho["RLRR"], 20), named["dend2_dend_dend2_dend2_20"]?["index"] as? Int)
        XCTAssertEqual(try index(morpho["RRLRLL"], -1), named["farthest_tip"]?["index"] as? Int)
        XCTAssertTrue(morpho["RRLRLL"] === morpho.dend2?.dend2?.dend?.dend2?.dend?.dend)
        // Every name of every section, in Brian's order.
        let names = try XCTUnwrap(extras["swc_names"] as? [[String: Any]])
        XCTAssertEqual(flat.sections.count - 1, names.count)
        for (k, expected) in zip(1..., names) {
            let section = flat.sections[k].section, parent = try XCTUnwrap(section.parent)
            XCTAssertEqual(parent.names(of: section), expected["names"] as? [String], flat.path(of: k))
            XCTAssertEqual("morpho." + flat.path(of: k), expected["path"] as? String)
        }
    }

    func testTopologyIsBriansText() throws {
        let topology = try XCTUnwrap(try CompartmentFixture.json("morphology_extras")["topology"] as? [String: String])
        let cases = try Self.geometryCases()
        XCTAssertEqual(try XCTUnwrap(cases["soma_only"]).topology(), topology["soma"])
        XCTAssertEqual(try XCTUnwrap(cases["cylinder_length"]).topology(), topology["cylinder"])
        XCTAssertEqual(try XCTUnwrap(cases["tree"]).topology(), topology["tree"])
        XCTAssertEqual(try XCTUnwrap(cases["tree_coords"]).topology(), topology["tree_coords"])
        XCTAssertEqual(try chain().topology(), topology["chain"])
        XCTAssertEqual(try Morphology.fromSWC(CompartmentFixture.swcPath).topology(), topology["swc"])
    }

    /// The chain of morphology_extras.py: a root cylinder with three children.
    private func chain() throws -> Morphology {
        let chain = try Cylinder(diameter: 1 * um, length: 30 * um, n: 3)
        chain.a = try Cylinder(diameter: 1 * um, length: 10 * um, n: 2)
        chain.b = try Cylinder(diameter: 1 * um, length: 10 * um, n: 1)
        chain.c = try Cylinder(diameter: 1 * um, length: 10 * um, n: 12)
        chain.c?.deep = try Section(diameters: [1, 1] * um, lengths: [5] * um, n: 1)
        return chain
    }

    /// Flattened arrays against one entry of morphology_extras.json (null is NaN).
    private func assertFlat(_ flat: FlatMorphology, _ expected: [String: Any], _ what: String,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let values = arrays(flat)
        XCTAssertEqual(flat.sections.map(\.start), expected["starts"] as? [Int], what, file: file, line: line)
        XCTAssertEqual(flat.sections.map(\.stop), expected["ends"] as? [Int], what, file: file, line: line)
        assertClose(flat.sections.map(\.endDistance), try XCTUnwrap(expected["end_distance"] as? [Double]), rtol: 1e-12,
                    atol: 1e-18, "\(what) end_distance", file: file, line: line)
        for (variable, reference) in expected {
            guard let reference = reference as? [Any], !["starts", "ends", "end_distance", "points"].contains(variable) else {
                continue
            }
            let actual = try XCTUnwrap(values[variable], "\(what) \(variable)", file: file, line: line)
            let numbers = reference.map { ($0 as? Double) ?? .nan }
            XCTAssertEqual(actual.map(\.isNaN), numbers.map(\.isNaN), "\(what) \(variable) NaN", file: file, line: line)
            assertClose(actual.filter { !$0.isNaN }, numbers.filter { !$0.isNaN }, rtol: 1e-12, atol: 1e-18,
                        "\(what) \(variable)", file: file, line: line)
        }
    }

    func testGeneratedCoordinatesAreBrians() throws {
        let generated = try XCTUnwrap(try CompartmentFixture.json("morphology_extras")["generated"] as? [String: [String: Any]])
        let tree = try XCTUnwrap(try Self.geometryCases()["tree"])
        XCTAssertFalse(tree.hasCoordinates)
        let withCoordinates = tree.generatingCoordinates()
        XCTAssertEqual(withCoordinates.topology(), tree.topology())
        try assertFlat(withCoordinates.flattened, try XCTUnwrap(generated["tree"]), "tree")

        let mixed = try Soma(diameter: 20 * um, x: 5 * um, y: 0 * um, z: 0 * um)
        mixed.dend = try Section(diameters: [2, 1.5, 1] * um, x: [10, 30, 40] * um, y: [0, 20, 40] * um, n: 2)
        mixed.dend?.tip = try Cylinder(diameter: 0.5 * um, length: 10 * um, n: 2)
        mixed.axon = try Cylinder(diameter: 1 * um, length: 20 * um, n: 2)
        try assertFlat(mixed.flattened, try XCTUnwrap(generated["mixed_flat"]), "mixed (NaN where missing)")
        try assertFlat(mixed.generatingCoordinates().flattened, try XCTUnwrap(generated["mixed"]), "mixed")

        let somaChain = try Soma(diameter: 10 * um)
        somaChain.chain = try chain()
        try assertFlat(somaChain.generatingCoordinates().flattened, try XCTUnwrap(generated["soma_chain"]), "soma_chain")

        // A root section without coordinates (Brian 2.9 divides by zero) gets them as well.
        let placed = try chain().generatingCoordinates()
        XCTAssertTrue(placed.flattened.sections.allSatisfy { $0.section.hasCoordinates })
        assertClose(placed.flattened.length, try chain().flattened.length, rtol: 1e-12, atol: 0, "chain lengths")
        // Existing coordinates can be replaced.
        let redrawn = mixed.generatingCoordinates(overwriteExisting: true)
        XCTAssertEqual(redrawn.flattened.coordinates?.x.first, 0)
    }

    func testPointsWithThreePointSomaAndWithoutSoma() throws {
        let extras = try CompartmentFixture.json("morphology_extras")
        for key in ["points_three_point_soma", "points_no_soma"] {
            let expected = try XCTUnwrap(extras[key] as? [String: Any])
            let points = try XCTUnwrap(expected["points"] as? [[Any]]).map { p in
                MorphologyPoint(index: p[0] as? Int ?? 0, type: p[1] as? String, x: p[2] as? Double ?? 0,
                                y: p[3] as? Double ?? 0, z: p[4] as? Double ?? 0, diameter: p[5] as? Double ?? 0,
                                parent: p[6] as? Int ?? 0)
            }
            let morpho = try Morphology.fromPoints(points)
            XCTAssertEqual(morpho.topology(), expected["topology"] as? String, key)
            XCTAssertEqual(morpho.totalSections, expected["total_sections"] as? Int, key)
            try assertFlat(morpho.flattened, expected, key)
        }
    }

    func testChildrenAreAttachedReplacedAndRemovedByName() throws {
        let morpho = try Soma(diameter: 20 * um)
        let dend = try Cylinder(diameter: 1 * um, length: 100 * um, n: 10)
        morpho.dend = dend
        morpho["axon"] = try Cylinder(diameter: 1 * um, length: 50 * um, n: 5)
        XCTAssertTrue(morpho.dend === dend)
        XCTAssertTrue(morpho["1"] === dend)
        XCTAssertTrue(dend.parent === morpho)
        XCTAssertEqual(morpho.names(of: dend), ["1", "dend"])
        XCTAssertEqual(morpho.name(of: dend), "dend")
        XCTAssertEqual(morpho.totalCompartments, 16)
        XCTAssertNil(morpho.basal)
        XCTAssertNil(morpho["LR"])

        // A second name for the same child.
        morpho.L = dend
        XCTAssertTrue(morpho.L === dend)
        XCTAssertEqual(morpho.children.count, 2)

        // Replacing keeps the position and the names.
        let thicker = try Cylinder(diameter: 2 * um, length: 100 * um, n: 4)
        morpho.dend = thicker
        XCTAssertTrue(morpho.children.first === thicker)
        XCTAssertTrue(morpho.L === thicker)
        XCTAssertNil(dend.parent)
        XCTAssertEqual(morpho.flattened.sections.map(\.name), ["", "dend", "axon"])

        // Attaching a section of another tree, or the tree itself, attaches a copy.
        let other = try Soma(diameter: 10 * um)
        other.dend = morpho.axon
        XCTAssertFalse(other.dend === morpho.axon)
        XCTAssertTrue(morpho.axon?.parent === morpho)
        morpho.dend?.loop = morpho
        XCTAssertEqual(morpho.totalSections, 6)
        XCTAssertEqual(morpho.dend?.loop?.topology(), """
            ( )  [root] 
               `----|  .dend
               `-----|  .axon

            """)

        // Paths set and remove below the sections they lead to; a missing section is skipped.
        morpho.axon?.L = try Cylinder(diameter: 1 * um, length: 5 * um)
        let tip = try Cylinder(diameter: 0.5 * um, length: 5 * um)
        morpho["2LR"] = tip
        XCTAssertTrue(morpho.axon?.L?.R === tip)
        morpho["2RR"] = tip
        XCTAssertEqual(morpho.axon?.totalSections, 3)
        morpho["2LR"] = nil
        XCTAssertNil(tip.parent)
        morpho.axon?.L = nil
        // An explicit name that is an automatic number: the next automatic number takes it over.
        let extra = try Cylinder(diameter: 1 * um, length: 5 * um)
        morpho["4"] = extra
        morpho.late = try Cylinder(diameter: 1 * um, length: 5 * um)
        XCTAssertTrue(morpho["4"] === morpho.late)
        XCTAssertEqual(morpho.names(of: extra), ["3"])
        morpho["3"] = nil
        morpho.late = nil

        // nil removes.
        morpho.dend = nil
        XCTAssertNil(morpho.dend)
        XCTAssertNil(morpho.L)
        XCTAssertEqual(morpho.totalCompartments, 6)
        XCTAssertEqual(morpho.flattened.sections.map(\.start), [0, 1])

        // A copy of a tree is a new tree with the same names and geometry.
        let copy = morpho.copyTree()
        XCTAssertFalse(copy === morpho)
        XCTAssertEqual(copy.topology(), morpho.topology())
        XCTAssertEqual(copy.flattened.area, morpho.flattened.area)
    }

    func testDeepTreesNeedNoRecursion() throws {
        // 20000 points alternating between two types: 10000 nested sections.
        var text = "1 1 0 0 0 5 -1\n"
        for k in 2...20001 { text += "\(k) \(k % 2 == 0 ? 3 : 4) \(k) 0 0 0.5 \(k - 1)\n" }
        let morpho = try Morphology.fromSWC(text: text)
        XCTAssertEqual(morpho.totalSections, 20001)
        let flat = morpho.flattened
        XCTAssertEqual(flat.count, 20001)
        XCTAssertEqual(flat.sections.last?.depth, 20000)
        XCTAssertEqual(flat.sections.last?.section.distance.values, [flat.distance[20000]])
        XCTAssertEqual(morpho.generatingCoordinates().totalCompartments, 20001)
        XCTAssertEqual(morpho.copyTree().totalSections, 20001)
    }
}
