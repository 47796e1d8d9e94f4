import Foundation
import SwiftBrian

/// Morphologies to plot: a small tree built in code and the SWC cell shipped with Brian.
enum MorphologySamples {
    /// A soma of 30 µm with two dendrites (the second with two branches) and an axon, without
    /// coordinates: 1 + 10 + 8 + 5 + 5 + 20 = 49 compartments in 6 sections.
    static func tree() throws -> SwiftBrian.Morphology {
        let soma = try Soma(diameter: 30 * um)
        soma["dend1"] = try Cylinder(diameter: 2 * um, length: 150 * um, n: 10)
        soma["dend2"] = try Cylinder(diameter: 1.5 * um, length: 80 * um, n: 8)
        soma["dend2"]?["L"] = try Cylinder(diameter: 1 * um, length: 60 * um, n: 5)
        soma["dend2"]?["R"] = try Cylinder(diameter: 1 * um, length: 90 * um, n: 5)
        soma["axon"] = try Cylinder(diameter: 1 * um, length: 300 * um, n: 20)
        return soma
    }

    /// The SWC file `mp_ma_40984_gc2.CNG.swc` of Brian's distribution.
    static func swcCell() throws -> SwiftBrian.Morphology {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/compartments/mp_ma_40984_gc2.CNG.swc")
        return try SwiftBrian.Morphology.fromSWC(url.path)
    }

    /// A wave travelling along 400 µm at 0.8 µm/ms for 600 ms, sampled every 0.1 ms at 200
    /// places: the value (in volts) is -70 mV plus a 40 mV bump 40 µm wide.
    static func travellingWave(times: Int = 6000, positions: Int = 200)
        -> (times: QuantityArray, positions: QuantityArray, values: [[Double]]) {
        let t = (0..<times).map { Double($0) * 0.1e-3 }
        let x = (0..<positions).map { Double($0) * 400e-6 / Double(max(positions - 1, 1)) }
        let values = t.map { time in
            x.map { place in
                let centre = -50e-6 + 0.8e-3 * time
                let d = (place - centre) / 40e-6
                return -70e-3 + 40e-3 * exp(-d * d)
            }
        }
        return (QuantityArray(values: t, dimension: .time), QuantityArray(values: x, dimension: .length), values)
    }
}
