import Foundation
import XCTest

/// `swiftbrian export EXAMPLE --neuroml DIR` as a newcomer uses it.
final class ExportCommandTests: XCTestCase {
    func testAnExampleIsWrittenAsNeuroMLAndLEMS() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try SwiftBrianExecutable.run(["export", "cuba", "--set", "N=100", "--duration", "0.005",
                                                   "--neuroml", folder.path])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssert(output.stdout.contains("pynml LEMS_cuba.xml -nogui"), output.stdout)
        let nml = try String(contentsOf: folder.appendingPathComponent("cuba.nml"), encoding: .utf8)
        XCTAssert(nml.contains("<ComponentType name=\"P_cell\""), nml)
        let lems = try String(contentsOf: folder.appendingPathComponent("LEMS_cuba.xml"), encoding: .utf8)
        XCTAssert(lems.contains("<Include file=\"cuba.nml\"/>"), lems)
        XCTAssert(lems.contains("<Simulation id=\"simulation\" length=\"0.005s\""), lems)
        XCTAssert(lems.contains("<EventOutputFile id=\"s_mon\" fileName=\"s_mon.spikes\""), lems)
    }

    func testWhatLEMSCannotExpressIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("swiftbrian-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try SwiftBrianExecutable.run(["export", "brunel_hakim1999", "--duration", "0.001", "--neuroml", folder.path])
        XCTAssertEqual(output.status, 1)
        XCTAssert(output.stderr.contains("'group' cannot be exported to NeuroML/LEMS: LEMS cannot express the stochastic "
                                         + "equation of 'V'"), output.stderr)
    }
}
