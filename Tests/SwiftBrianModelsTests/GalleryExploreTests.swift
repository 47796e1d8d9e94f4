import Foundation
import SwiftBrian
import SwiftBrianModels
import XCTest

final class GalleryExploreTests: XCTestCase {
    func testExplore() throws {
        guard let names = ProcessInfo.processInfo.environment["GALLERY_EXPLORE"] else { return }
        for type in Gallery.all where names == "all" || names.split(separator: ",").contains(Substring(type.name)) {
            let start = Date()
            let result = try type.init().run(seed: 1, backend: .native, duration: nil)
            let stats = result.statistics.map { "\($0.name)=\(String(format: "%.4g", $0.value))\($0.unit)" }
            print("EXPLORE \(type.name) \(String(format: "%.2f", Date().timeIntervalSince(start)))s compile=\(result.network.compileSeconds) \(stats.joined(separator: " "))")
        }
    }

    func testExploreBrunel() throws {
        guard ProcessInfo.processInfo.environment["GALLERY_BRUNEL"] != nil else { return }
        for s in [1] as [UInt64] {
            for regime in Brunel2000.Regime.allCases {
                var b = Brunel2000(regime: regime)
                b.N_E = 5000; b.epsilon = 0.2; b.transient = 100 * ms
                let start = Date()
                let result = try b.run(seed: s, duration: 0.4 * second)
                let stats = result.statistics.map { "\($0.name)=\(String(format: "%.4g", $0.value))" }
                print("BRUNEL \(regime.rawValue) \(s) \(String(format: "%.2f", Date().timeIntervalSince(start)))s \(stats.joined(separator: " "))")
            }
            var bh = BrunelHakim1999()
            bh.transient = 50 * ms
            let r = try bh.run(seed: s, duration: 0.3 * second)
            print("BH \(s) \(r.statistics.map { "\($0.name)=\(String(format: "%.4g", $0.value))" }.joined(separator: " "))")
            var stdp = STDP()
            let t0 = Date()
            let r2 = try stdp.run(seed: s, duration: 30 * second)
            print("STDP \(s) \(Date().timeIntervalSince(t0)) \(r2.statistics.map { "\($0.name)=\(String(format: "%.4g", $0.value))" }.joined(separator: " "))")
            _ = stdp
        }
    }
}
