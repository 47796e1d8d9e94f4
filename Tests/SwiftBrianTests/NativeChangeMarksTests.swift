import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// After a call, the native backend marks changed (``SwiftBrianKernel/Buffer/version``) what the
/// kernel may have written and nothing it only reads (``KernelWrites``): a backend keeping copies
/// elsewhere sees every change, and marking only those is what keeps the marks cheap.
final class NativeChangeMarksTests: XCTestCase {
    func testAStoreMarksItsTargetAndNotWhatItReads() throws {
        guard NativeBackend.compilerAvailable else { throw XCTSkip("no C compiler") }
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let read = try DoubleBuffer(name: "read", count: 4, value: 2)
        let written = try DoubleBuffer(name: "written", count: 4, value: 0)
        let kernel = Kernel(name: "copy", iteration: .range(0, 4),
                            vector: [.store(ArrayReference(written), .load(ArrayReference(read)))],
                            random: RandomKey(stream: 1, step: step))
        let (readVersion, writtenVersion) = (read.version, written.version)
        try NativeBackend().run(kernel)
        XCTAssertEqual(written.array, [2, 2, 2, 2])
        XCTAssertNotEqual(written.version, writtenVersion)
        XCTAssertEqual(read.version, readVersion)
    }

    func testACableStepMarksItsWorkSpaceAndCapacitiveCurrentAndNotItsCoefficients() throws {
        guard NativeBackend.compilerAvailable else { throw XCTSkip("no C compiler") }
        func buffer(_ name: String, _ value: Double) throws -> DoubleBuffer {
            try DoubleBuffer(name: name, count: 3, value: value)
        }
        let system = try CableSystem(name: "cell", sections: [.init(range: 0..<3, parent: nil)],
                                     area: try buffer("area", 1e-9), rLength1: try buffer("r_length_1", 1e-4),
                                     rLength2: try buffer("r_length_2", 1e-4), v: try buffer("v", -0.07),
                                     capacitance: try buffer("Cm", 0.01), capacitiveCurrent: try buffer("Ic", 0))
        system.prepare(dt: 25e-6, axialResistivity: 1.5)
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let kernel = Kernel(name: "cable", scalar: [.solveCables([system])], iteration: .range(0, 3),
                            vector: [.store(ArrayReference(system.v), .load(ArrayReference(system.solution)))],
                            random: RandomKey(stream: 1, step: step))
        let written = CCableStep.written(by: system) + [system.v]
        let read = [system.capacitance, system.conductance, system.current, system.diagonal, system.upper,
                    system.lower, system.area]
        let before = (written + read).map(\.version)
        try NativeBackend().run(kernel)
        let after = (written + read).map(\.version)
        for (k, buffer) in written.enumerated() { XCTAssertNotEqual(after[k], before[k], buffer.name) }
        for (k, buffer) in read.enumerated() {
            XCTAssertEqual(after[written.count + k], before[written.count + k], buffer.name)
        }
    }
}
