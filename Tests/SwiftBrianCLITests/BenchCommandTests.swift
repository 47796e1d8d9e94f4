import Foundation
import XCTest

/// `swiftbrian bench` on the multicompartment models: the line gives the compartments, the memory
/// per compartment and the mean membrane potential; a population too large for memory is an error.
final class BenchCommandTests: XCTestCase {
    func testMulticompartmentLine() throws {
        let output = try SwiftBrianExecutable.run(["bench", "ball_and_stick", "--n", "2", "--duration", "0.001"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("swiftbrian ball_and_stick N=2 target=native spikes=0 synapses=0 "),
                      output.stdout)
        XCTAssertTrue(output.stdout.contains(" compartments=102 bytes_per_compartment=198 v_mean_mV=-"), output.stdout)
    }

    func testPopulationTooLargeForMemory() throws {
        let output = try SwiftBrianExecutable.run(["bench", "ball_and_stick", "--n", "100000000000"])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.contains("100000000000 ball-and-stick cells need about"), output.stderr)
        XCTAssertTrue(output.stderr.contains("of memory is available"), output.stderr)
    }
}
