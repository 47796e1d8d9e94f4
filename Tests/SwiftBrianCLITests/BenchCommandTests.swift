import Foundation
import XCTest

/// `swiftbrian bench` on the multicompartment models: the line gives the compartments, the memory
/// per compartment and the mean membrane potential; a population too large for memory is an error.
/// On the dendritic network: dendritic spikes and population rates. The Brunel–Hakim models give
/// the same spikes on both backends.
final class BenchCommandTests: XCTestCase {
    func testBrunelHakimLinesAgreeBetweenBackends() throws {
        for model in ["brunel_hakim", "brunel_hakim_hetero"] {
            var spikes: [String] = []
            for backend in ["native", "interpreter"] {
                let output = try SwiftBrianExecutable.run(["bench", model, "--n", "100", "--duration", "0.05",
                                                           "--backend", backend])
                XCTAssertEqual(output.status, 0, output.stderr)
                // 1000 synapses per neuron asked of 100 neurons: every pair, 100 × 100.
                XCTAssertTrue(output.stdout.hasPrefix("swiftbrian \(model) N=100 target=\(backend) spikes="), output.stdout)
                XCTAssertTrue(output.stdout.contains(" synapses=10000 "), output.stdout)
                spikes.append(output.stdout.split(separator: " ").first { $0.hasPrefix("spikes=") }.map(String.init) ?? "")
            }
            XCTAssertEqual(spikes[0], spikes[1], model)
            XCTAssertNotEqual(spikes[0], "spikes=0", model)
        }
    }

    func testMulticompartmentLine() throws {
        let output = try SwiftBrianExecutable.run(["bench", "ball_and_stick", "--n", "2", "--duration", "0.001"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("swiftbrian ball_and_stick N=2 target=native spikes=0 synapses=0 "),
                      output.stdout)
        XCTAssertTrue(output.stdout.contains(" compartments=102 bytes_per_compartment=198 v_mean_mV=-"), output.stdout)
    }

    /// The dendritic network's line also gives the dendritic spikes and the rate of each
    /// population, as scripts/dendrify_bench.py prints them; the 6 projections of 20 + 20 neurons
    /// have 40·5·2 + 4·20·40 synapses.
    func testDendrifyNetworkLine() throws {
        let output = try SwiftBrianExecutable.run(["bench", "dendrify_network", "--n", "40", "--duration", "0.05"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.hasPrefix("swiftbrian dendrify_network N=40 target=native spikes="), output.stdout)
        XCTAssertTrue(output.stdout.contains(" synapses=3600 "), output.stdout)
        XCTAssertNotNil(output.stdout.range(of: #" dspikes=\d+ rate_e_hz=[\d.]+ rate_i_hz=[\d.]+\n$"#,
                                            options: .regularExpression), output.stdout)
        let single = try SwiftBrianExecutable.run(["bench", "dendrify_network", "--n", "1"])
        XCTAssertEqual(single.status, 1)
        XCTAssertTrue(single.stderr.contains("needs at least 2 neurons (one per population), but N is 1"), single.stderr)
    }

    func testPopulationTooLargeForMemory() throws {
        let output = try SwiftBrianExecutable.run(["bench", "ball_and_stick", "--n", "100000000000"])
        XCTAssertEqual(output.status, 1)
        XCTAssertTrue(output.stderr.contains("100000000000 ball-and-stick cells need about"), output.stderr)
        XCTAssertTrue(output.stderr.contains("of memory is available"), output.stderr)
    }
}
