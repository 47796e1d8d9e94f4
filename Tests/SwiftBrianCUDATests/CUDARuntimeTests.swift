import Foundation
@testable import SwiftBrianCUDA
import SwiftBrianKernel
import SwiftBrianLanguage
import XCTest

/// Finding NVRTC, and the room the GPU backend reserves for what a kernel appends.
final class CUDARuntimeTests: XCTestCase {
    func testNVRTCIsLookedForFirstWhereSWIFTBRIAN_NVRTCSays() {
        let saved = getenv("SWIFTBRIAN_NVRTC").map { String(cString: $0) }
        defer { if let saved { setenv("SWIFTBRIAN_NVRTC", saved, 1) } else { unsetenv("SWIFTBRIAN_NVRTC") } }
        setenv("SWIFTBRIAN_NVRTC", "/nowhere/libnvrtc.so.12", 1)
        let candidates = NVRTC.candidates()
        XCTAssertEqual(candidates.first, "/nowhere/libnvrtc.so.12")
        XCTAssertEqual(candidates.last, "libnvrtc.so", "the system's search comes last")
        if FileManager.default.fileExists(atPath: ".build/cuda-venv/lib") {
            XCTAssertTrue(candidates.contains {
                $0.contains("/.build/cuda-venv/lib/python") && $0.hasSuffix("/site-packages/nvidia/cuda_nvrtc/lib/libnvrtc.so.12")
            }, "the wheel where CI installs it: \(candidates)")
        }
    }

    func testAppendsGetRoomForEveryElement() throws {
        let spikes = try IndexBuffer(name: "spikes", values: [3, 5])
        let times = try DoubleBuffer(name: "t", count: 0, value: 0), indices = try IndexBuffer(name: "i", count: 0, value: 0)
        let vector: [KernelOperation] = [.append(.constant(1), times), .when(.constant(1), [.append(.constant(2), times)]),
                                         .appendIndex(.index, indices)]
        let appended = CUDABackend.appendedBuffers(vector)
        XCTAssertEqual(appended.map { ObjectIdentifier($0.0) }, [ObjectIdentifier(times), ObjectIdentifier(indices)],
                       "in the order they are first appended to")
        XCTAssertEqual(appended.map(\.1), [2, 1])
        // A threshold empties its list first: the list needs room for one step only.
        let step = try DoubleBuffer(name: "step", count: 1, value: 0)
        let threshold = Kernel(name: "threshold", scalar: [.clear(spikes)], iteration: .range(0, 10),
                               vector: [.when(.constant(1), [.emit(spikes)])], random: RandomKey(stream: 1, step: step))
        let lists = CUDABackend.appended(by: threshold)
        XCTAssertEqual(lists.count, 1)
        XCTAssertTrue(lists.first?.buffer === spikes)
        XCTAssertEqual(lists.first?.scalar, 0)
        XCTAssertEqual(lists.first?.element, 1)
        XCTAssertEqual(lists.first?.cleared, true)
        spikes.reserve(30)
        XCTAssertEqual(CUDABackend.iterationBound(.events(spikes, 0, 10)), 30, "a list's room bounds its count on the device")
        XCTAssertEqual(CUDABackend.iterationBound(.range(4, 10)), 6)
        let offsets = try IndexBuffer(name: "offsets", values: [0, 3, 7])
        XCTAssertEqual(CUDABackend.iterationBound(.synapses(events: spikes, lower: 0, upper: 2, offsets: offsets,
                                                            members: nil)), 7)
    }

    /// A device allocation that finds no memory (`CUDA_ERROR_OUT_OF_MEMORY`) is the same
    /// `insufficientMemory` error as on the CPU, naming what was allocated; other failures are
    /// the driver's words.
    func testAnAllocationWithoutDeviceMemoryIsInsufficientMemory() {
        XCTAssertNoThrow(try CUDADriver.check(0, "allocating", nil))
        XCTAssertThrowsError(try CUDADriver.check(CUDADriver.outOfMemory, "allocating 8000 bytes for 'G.v' (1000 elements)",
                                                  nil)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .insufficientMemory)
            XCTAssertTrue((error as? ModelError)?.message.hasPrefix("Out of memory on the GPU: allocating 8000 bytes for "
                                                                    + "'G.v' (1000 elements) failed (status 2)") ?? false,
                          "\(error)")
        }
        XCTAssertThrowsError(try CUDADriver.check(700, "launching", nil)) { error in
            XCTAssertEqual((error as? ModelError)?.kind, .invalidArgument)
        }
    }
}
