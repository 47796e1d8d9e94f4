import SwiftBrian
import SwiftBrianKernel
@testable import SwiftBrianNative
import XCTest

/// Generated C for many copies of one model: copies share one C function, and a value used twice
/// is one constant, so the compiler can compute a repeated subexpression once.
final class NativeKernelSharingTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// Three passive cells of the same model with different currents compile to as many C
    /// functions as one cell, and each still runs with its own values. (Kernels that check for
    /// NaN name their group in the message, so those are still one function per group.)
    func testCopiesOfOneNeuronShareTheirFunctions() throws {
        guard NativeBackend.compilerAvailable else { throw XCTSkip("no C compiler") }
        func cell(_ k: Int) throws -> SpatialNeuron {
            let morpho = try Soma(diameter: 30 * um)
            morpho.dend = try Cylinder(diameter: 2 * um, length: 500 * um, n: 10)
            let neuron = try SpatialNeuron(morphology: morpho, model: """
                Im = gL*(EL - v) : amp/meter**2
                I : amp (point current)
                """, namespace: ["gL": 1e-4 * siemens / cm2, "EL": -70 * mV], name: "copy\(k)")
            try neuron.v.set(-70 * mV)
            try neuron.I.set(Double(k) * 0.1 * nA, where: "i == 10")
            return neuron
        }
        let one = try Network(try cell(0))
        try one.run(0.1 * ms)
        let cells = try (0..<3).map(cell)
        let three = try Network(cells)
        try three.run(1 * ms)
        let functions = try XCTUnwrap(one.backend as? NativeBackend).kernelFunctions
        XCTAssertGreaterThan(functions, 0)
        XCTAssertEqual(try XCTUnwrap(three.backend as? NativeBackend).kernelFunctions, functions)
        let ends = try cells.map { try $0.v[10].value }
        XCTAssertEqual(ends[0], -70e-3, accuracy: 1e-10, "at rest, up to rounding")
        XCTAssertEqual(ends[2] - ends[0], 2 * (ends[1] - ends[0]), accuracy: 1e-12, "a linear cable")
        XCTAssertGreaterThan(ends[1], ends[0])
    }

    /// Equal constants (bit for bit) take one slot of the constants array; -0.0 is not 0.0.
    func testEqualConstantsShareASlot() throws {
        let x = DoubleBuffer(name: "x", count: 4, value: 0), y = DoubleBuffer(name: "y", count: 4, value: 0)
        let value = KernelExpression.binary(.multiply, .constant(0.375), .constant(-0.0))
        let kernel = Kernel(name: "constants_test", iteration: .range(0, 4), vector: [
            .store(ArrayReference(x, .element), .binary(.add, value, .constant(0.375))),
            .store(ArrayReference(y, .element), .binary(.add, .constant(0.0), .constant(2.5))),
        ], random: RandomKey(stream: RandomKey.stream(named: "constants_test"),
                             step: DoubleBuffer(name: "step", count: 1, value: 0)))
        let (_, emitter) = try CEmitter.emit(kernel, name: "constants_test")
        XCTAssertEqual(emitter.constants.map(\.bitPattern), [0.375, -0.0, 2.5].map(\.bitPattern))
    }
}
