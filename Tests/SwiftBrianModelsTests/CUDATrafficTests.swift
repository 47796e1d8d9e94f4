import Foundation
import SwiftBrian
import SwiftBrianCUDA
import SwiftBrianModels
import XCTest

/// COBAHH run as ten runs of 10 ms on the emulated GPU: after the first run, no state is copied
/// to the device (only the headers of monitor buffers given more room), and the spikes are the
/// native backend's. The copies of each run are printed (`SWIFTBRIAN_TRAFFIC_N` sets N; 400 by
/// default, as in BENCHMARKS.md's measurement at 4000).
final class CUDATrafficTests: XCTestCase {
    func testCOBAHHInTenRunsCopiesNoStateToTheDeviceAfterTheFirst() throws {
        let n = ProcessInfo.processInfo.environment["SWIFTBRIAN_TRAFFIC_N"].flatMap { Int($0) } ?? 400
        CUDABackend.checksCopies = false
        func tenRuns(_ backend: BackendKind) throws -> (spikes: [Double], traffic: [DeviceTraffic]) {
            let model = try BenchmarkModel.cobahh.build(n: n, backend: backend)
            var traffic: [DeviceTraffic] = []
            for _ in 0..<10 {
                let before = (model.network.backend as? CUDABackend)?.traffic ?? DeviceTraffic()
                try model.network.run(10 * ms)
                traffic.append(((model.network.backend as? CUDABackend)?.traffic ?? DeviceTraffic()).since(before))
            }
            let spikes = try XCTUnwrap(model.spikes)
            return (spikes.i.map(Double.init) + spikes.t.values, traffic)
        }
        let native = try tenRuns(.native).spikes
        let (emulated, traffic) = try tenRuns(.cudaEmulated)
        XCTAssertEqual(emulated.map(\.bitPattern), native.map(\.bitPattern))
        XCTAssertGreaterThan(native.count, 0)
        for (k, run) in traffic.enumerated() {
            print("COBAHH N = \(n), run \(k + 1) of 10 ms: to the device \(run.copiesToDevice) copies, \(run.bytesToDevice) "
                  + "bytes; to the host \(run.copiesToHost) copies, \(run.bytesToHost) bytes")
        }
        let total = traffic.reduce(into: (up: 0, down: 0)) { $0.up += $1.bytesToDevice; $0.down += $1.bytesToHost }
        print("COBAHH N = \(n), ten runs: \(total.up) bytes to the device, \(total.down) bytes to the host")
        for run in traffic.dropFirst() {
            XCTAssertEqual(run.bytesToDevice, 24 * run.copiesToDevice, "only headers of buffers given more room")
        }
    }
}
