import Foundation
import SwiftBrian
import XCTest

/// Bad input to `Soma`, `Cylinder`, `Section` and the SWC reader (issue 11, item 1): each is a
/// `ModelError` in the user's terms, with the line and a caret for SWC files.
final class MorphologyBadInputTests: XCTestCase {
    func testSectionArgumentsAreChecked() {
        assertModelError(try Soma(diameter: 10 * mV), "The diameter of the Soma must be a length, but it is")
        assertModelError(try Soma(diameter: 0 * um), "The diameter of the Soma must be positive")
        assertModelError(try Soma(diameter: Quantity(value: .nan, dimension: .length)), "must be finite")
        assertModelError(try Soma(diameter: 10 * um, x: 1 * second), "The x coordinate of the Soma must be a length")
        assertModelError(try Cylinder(diameter: 1 * um, length: 10 * um, n: 0),
                         "The number of compartments n must be at least 1, but it is 0")
        assertModelError(try Cylinder(diameter: 1 * um, length: 10 * um, n: Int.max),
                         "The number of compartments n must be less than 2147483647")
        assertModelError(try Cylinder(diameter: 1 * um, length: -10 * um), "The length of the Cylinder must be positive")
        assertModelError(try Cylinder(diameter: -1 * um, length: 10 * um), "The diameter of the Cylinder must be positive")
        assertModelError(try Cylinder(diameter: 1 * um, length: 10 * ms), "The length of the Cylinder must be a length")
        assertModelError(try Cylinder(diameter: 1 * um, n: 2), "A Cylinder needs a length or at least one of the coordinates")
        assertModelError(try Cylinder(diameter: 1 * um, n: 2, x: [0, 10, 20] * um),
                         "The x coordinates of the Cylinder must be 2 values, but 3 are given")
        assertModelError(try Cylinder(diameter: 1 * um, n: 2, x: [5, 5] * um),
                         "Compartment 0 of the Cylinder has length 0")
        assertModelError(try Cylinder(diameter: 1 * um, n: 2, y: [0, 1] * mV), "must be lengths, but they are")
        assertModelError(try Section(diameters: [1, 1] * um, lengths: [10, 10] * um),
                         "The diameters of the Section must be 3 values, but 2 are given")
        assertModelError(try Section(diameters: [1, 1, 1] * um, lengths: [10, 10] * um, n: 3),
                         "n is 3, but the lengths give 2 compartments")
        assertModelError(try Section(diameters: [1] * um, lengths: QuantityArray(values: [], dimension: .length)),
                         "A section needs at least 1 compartment, but the lengths give 0")
        assertModelError(try Section(diameters: [1] * um, x: QuantityArray(values: [], dimension: .length)),
                         "A section needs at least 1 compartment, but the coordinates give 0")
        assertModelError(try Section(diameters: [1, 1] * um, lengths: [1] * um, n: 0),
                         "The number of compartments n must be at least 1, but it is 0")
        assertModelError(try Section(diameters: [1, 0, 1] * um, lengths: [10, 10] * um),
                         "The diameters of the Section (value 1) must be positive")
        assertModelError(try Section(diameters: [1, 1, 1] * um, lengths: [10, -1] * um),
                         "The lengths of the Section (value 1) must be positive")
        assertModelError(try Section(diameters: [1, 1, 1] * mV, lengths: [10, 10] * um), "must be lengths")
        assertModelError(try Section(diameters: [1, 1] * um, x: [0, 10] * um, y: [0, 1, 2] * um),
                         "The y coordinates of the Section must be 2 values, but 3 are given")
        assertModelError(try Section(diameters: [1, 1, 1] * um, x: [0, 10, 10] * um),
                         "Compartment 1 of the Section has length 0")
        assertModelError(try Section(diameters: [1, 1] * um), "A Section needs a length or at least one of the coordinates")
    }

    private let goodLines = """
        # a small cell
        1 1 0 0 0 5 -1
        2 3 5 0 0 1 1
        3 3 15 0 0 0.8 2
        4 2 -5 0 0 0.5 1
        """

    /// `text` read as SWC must fail with `message`, the line `line` and a caret under `excerpt`.
    private func assertSWCError(_ text: String, _ message: String, line: Int, caretUnder excerpt: String,
                                file: StaticString = #filePath, lineNumber: UInt = #line) {
        assertModelError(try Morphology.fromSWC(text: text, name: "cell.swc"), message, caretUnder: excerpt,
                         file: file, line: lineNumber)
        XCTAssertThrowsError(try Morphology.fromSWC(text: text, name: "cell.swc"), file: file, line: lineNumber) { error in
            XCTAssertTrue("\(error)".contains("line \(line)"), "\(error)", file: file, line: lineNumber)
        }
    }

    func testSWCErrorsNameTheLine() throws {
        XCTAssertEqual(try Morphology.fromSWC(text: goodLines).totalCompartments, 4)
        assertSWCError(goodLines + "\n5 3 20 0 0 0.5", "Line 6 of SWC file 'cell.swc': an SWC line has 7 entries",
                       line: 6, caretUnder: "5 3 20 0 0 0.5")
        assertSWCError(goodLines + "\n5 3 20 0 zero 0.5 3", "the z coordinate 'zero' is not a finite number",
                       line: 6, caretUnder: "zero")
        assertSWCError(goodLines + "\n5 3 20 0 0 nan 3", "the radius 'nan' is not a finite number", line: 6, caretUnder: "nan")
        assertSWCError(goodLines + "\n5.5 3 20 0 0 1 3", "the index '5.5' is not an integer", line: 6, caretUnder: "5.5")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 three", "the parent index 'three' is not an integer", line: 6,
                       caretUnder: "three")
        assertSWCError(goodLines + "\n5 dend 20 0 0 1 3", "unknown type 'dend'", line: 6, caretUnder: "dend")
        assertSWCError(goodLines + "\n5 -3 20 0 0 1 3", "unknown type '-3'", line: 6, caretUnder: "-3")
        assertSWCError(goodLines + "\n5 3 20 0 0 0 3", "the radius 0 is not positive", line: 6, caretUnder: "0")
        assertSWCError(goodLines + "\n5 3 20 0 0 -1 3", "the radius -1 is not positive", line: 6, caretUnder: "-1")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 9", "The point at line 6 has the parent 9, but there is no point with that index",
                       line: 6, caretUnder: "5 3 20 0 0 1 9")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 5", "lists itself as its parent (a cycle)", line: 6,
                       caretUnder: "5 3 20 0 0 1 5")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 6\n6 3 25 0 0 1 5", "is part of a cycle of parents: 5 → 6 → 5",
                       line: 6, caretUnder: "5 3 20 0 0 1 6")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 6\n6 3 25 0 0 1 3", "has the parent 6, which comes after it (line 7)",
                       line: 6, caretUnder: "5 3 20 0 0 1 6")
        assertSWCError(goodLines + "\n3 3 20 0 0 1 2", "repeats the index 3 of line 4", line: 6, caretUnder: "3 3 20 0 0 1 2")
        assertSWCError(goodLines + "\n5 3 20 0 0 1 -1", "is a second root", line: 6, caretUnder: "5 3 20 0 0 1 -1")
        assertSWCError("2 1 0 0 0 5 1\n1 3 5 0 0 1 2", "is the first point and must be the root", line: 1,
                       caretUnder: "2 1 0 0 0 5 1")
        assertSWCError(goodLines + "\n5 3 15 0 0 1 3", "is at the same place as the point before it", line: 6,
                       caretUnder: "5 3 15 0 0 1 3")
        assertSWCError("1 3 0 0 0 1 -1\n2 4 1 0 0 1 1", "is a root section of one point", line: 1, caretUnder: "1 3 0 0 0 1 -1")
        assertSWCError("1 1 0 0 0 5 -1\n2 1 0 5 0 4 1\n3 1 0 -5 0 5 1", "belongs to a 3-point soma, but its diameter 8.0 µm differs",
                       line: 2, caretUnder: "2 1 0 5 0 4 1")
        assertSWCError("1 1 0 0 0 5 -1\n2 1 0 5 0 5 1\n3 1 0 -7 0 5 1", "belongs to a 3-point soma, but it is 7.0 µm from",
                       line: 3, caretUnder: "3 1 0 -7 0 5 1")
        assertModelError(try Morphology.fromSWC(text: "# only a comment\n\n"), "A morphology needs at least one point")
        assertModelError(try Morphology.fromSWC("/nonexistent/cell.swc"), "Cannot read the SWC file '/nonexistent/cell.swc'")
        assertModelError(try Morphology.fromPoints([MorphologyPoint(index: 1, type: "soma", x: 0, y: 0, z: 0, diameter: -2,
                                                                    parent: -1)]),
                         "The point at point 1 (index 1) has the diameter -2.0 µm, which is not positive")
    }

    func testSWCReadsTabsCRLFAndUnnamedTypes() throws {
        let text = "# comment\r\n1\t1\t0\t0\t0\t5\t-1\r\n2 7 5 0 0 1 1\r\n3 7 15 0 0 1 2\r\n  \r\n4 3 -5 0 0 1 1\r\n"
        let morpho = try Morphology.fromSWC(text: text)
        XCTAssertEqual(morpho.totalCompartments, 4)
        XCTAssertEqual(morpho.children.map(\.type), [nil, "dend"])
        XCTAssertEqual(morpho.topology(), "( )  [root] \n   `--|  .None\n   `-|  .dend\n")
        XCTAssertTrue(morpho.L === morpho.children.first)
        XCTAssertTrue(morpho.R === morpho.dend)
        // Without a spherical soma, the soma point is the start of a soma-typed section.
        let cylindrical = try Morphology.fromSWC(text: "1 1 0 0 0 5 -1\n2 1 10 0 0 5 1\n3 3 20 0 0 1 2",
                                                 sphericalSoma: false)
        XCTAssertFalse(cylindrical is Soma)
        XCTAssertEqual(cylindrical.type, "soma")
        XCTAssertEqual(cylindrical.totalCompartments, 2)
    }

    /// Random mutations of the shipped SWC file never crash the reader: each gives a morphology
    /// or a ModelError.
    func testFuzzedSWCFilesGiveMorphologiesOrErrors() throws {
        let original = try String(contentsOfFile: CompartmentFixture.swcPath, encoding: .utf8)
        let lines = original.components(separatedBy: "\n")
        var generator = SplitMix64(seed: 11)
        let tokens = ["", "-1", "0", "1", "3", "7", "1e400", "-0", "nan", "x", "#", "2.5", "99999", "  ", "\t", "1 2",
                      "-99", "5e-324", "0x1p3", "µ"]
        var outcomes = (ok: 0, errors: 0)
        for _ in 0..<300 {
            var mutated = lines
            for _ in 0..<(1 + Int(generator.next() % 4)) where !mutated.isEmpty {
                let k = Int(generator.next() % UInt64(mutated.count))
                switch generator.next() % 6 {
                case 0: mutated.remove(at: k)
                case 1: mutated.insert(mutated[k], at: Int(generator.next() % UInt64(mutated.count)))
                case 2: mutated.swapAt(k, Int(generator.next() % UInt64(mutated.count)))
                case 3:
                    var fields = mutated[k].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                    if !fields.isEmpty {
                        fields[Int(generator.next() % UInt64(fields.count))] = tokens[Int(generator.next() % UInt64(tokens.count))]
                    }
                    mutated[k] = fields.joined(separator: " ")
                case 4: mutated[k] = String(mutated[k].prefix(Int(generator.next() % 20)))
                default: mutated = Array(mutated.prefix(k))
                }
            }
            do {
                let morpho = try Morphology.fromSWC(text: mutated.joined(separator: "\n"), name: "fuzz.swc")
                let flat = morpho.flattened
                XCTAssertEqual(flat.count, morpho.totalCompartments)
                XCTAssertFalse(morpho.topology().isEmpty)
                outcomes.ok += 1
            } catch let error as ModelError {
                XCTAssertFalse(error.description.isEmpty)
                outcomes.errors += 1
            }
        }
        XCTAssertGreaterThan(outcomes.ok, 0)
        XCTAssertGreaterThan(outcomes.errors, 0)
    }
}
