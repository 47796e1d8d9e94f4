import Foundation
@testable import SwiftBrianCUDA
import SwiftBrianNative
import SwiftBrianKernel
import XCTest

/// Kernels a network of neurons and synapses makes, built by hand: how each is spread over GPU
/// threads, and the code its threads run.
final class KernelPartitionTests: XCTestCase {
    let v = try! DoubleBuffer(name: "v", count: 8, value: 0), w = try! DoubleBuffer(name: "w", count: 4, value: 0.5)
    let spikes = try! IndexBuffer(name: "spikes", count: 0, value: 0)
    let post = try! IndexBuffer(name: "post", values: [1, 2, 2, 3])
    let offsets = try! IndexBuffer(name: "offsets", values: [0, 2, 2, 3, 4, 4, 4, 4, 4])
    let step = try! DoubleBuffer(name: "step", count: 1, value: 0)

    func kernel(_ iteration: Iteration, _ vector: [KernelOperation], scalar: [KernelOperation] = []) -> Kernel {
        Kernel(name: "partition_test", scalar: scalar, iteration: iteration, vector: vector,
               random: RandomKey(stream: 7, step: step))
    }

    var update: KernelOperation {
        .store(ArrayReference(v, .element), .binary(.multiply, .load(ArrayReference(v, .element)), .constant(0.9)))
    }
    var threshold: Kernel {
        kernel(.range(0, 8), [.when(.binary(.greater, .load(ArrayReference(v, .element)), .constant(1)), [.emit(spikes)])],
               scalar: [.clear(spikes)])
    }
    func onPre(_ value: KernelExpression) -> Kernel {
        kernel(.synapses(events: spikes, lower: 0, upper: 8, offsets: offsets, members: nil),
               [.store(ArrayReference(v, .mapped(post)), value)])
    }
    var addWeight: KernelExpression { .binary(.add, .load(ArrayReference(v, .mapped(post))), .load(ArrayReference(w, .element))) }

    func testStateUpdatesRunOneThreadPerElement() throws {
        guard case .elements(0, 8) = try KernelPartition.of(kernel(.range(0, 8), [update])).partition else {
            return XCTFail("a state update runs element-wise")
        }
    }

    func testThresholdsSetFlagsThenCompact() throws {
        let (flagged, partition) = try KernelPartition.of(threshold)
        guard case .threshold(0, 8, let flags, _, let list) = partition else { return XCTFail("\(partition)") }
        XCTAssertTrue(list === spikes)
        XCTAssertTrue(flagged.scalar.isEmpty, "the list is emptied by the compaction")
        XCTAssertEqual(flagged.vector, [.when(.binary(.greater, .load(ArrayReference(v, .element)), .constant(1)),
                                              [.store(ArrayReference(flags, .element), .constant(1))])])
        // Appending without emptying the list first is left to one thread.
        guard case .single = try KernelPartition.of(kernel(.range(0, 8), [.emit(spikes)])).partition else {
            return XCTFail("appending to a list that is not emptied runs on one thread")
        }
    }

    func testResetsRunOneThreadPerSpike() throws {
        let reset = kernel(.events(spikes, 0, 8), [.store(ArrayReference(v, .element), .constant(0))])
        guard case .events(let list) = try KernelPartition.of(reset).partition, list === spikes else {
            return XCTFail("a reset runs one thread per spike")
        }
    }

    func testPropagationAddsAtomicallyAndOtherWritesRunOnOneThread() throws {
        guard case .synapses = try KernelPartition.of(onPre(addWeight)).partition else { return XCTFail("v_post += w") }
        let (source, _) = try CEmitter.emitThread(onPre(addWeight), name: "sb_thread", perThread: true)
        XCTAssertTrue(source.contains("sb_atomic_add(&d2[i3[_idx]], d1[_idx]);"), source)
        let subtract = KernelExpression.binary(.subtract, .load(ArrayReference(v, .mapped(post))), .constant(2))
        guard case .synapses = try KernelPartition.of(onPre(subtract)).partition else { return XCTFail("v_post -= 2") }
        // Setting (not adding) through the map, or reading what is added to, is left to one thread.
        for value in [KernelExpression.load(ArrayReference(w, .element)),
                      .binary(.add, .load(ArrayReference(v, .mapped(post))), .load(ArrayReference(v, .mapped(post))))] {
            guard case .single = try KernelPartition.of(onPre(value)).partition else { return XCTFail("\(value)") }
        }
        XCTAssertThrowsError(try CEmitter.emitThread(onPre(.constant(1)), name: "sb_thread", perThread: true))
        // Through a temporary, as synaptic code is lowered: the definition adds atomically and
        // gives the sum, the store is left out.
        let viaTemporary = kernel(.synapses(events: spikes, lower: 0, upper: 8, offsets: offsets, members: nil),
                                  [.define(0, addWeight), .store(ArrayReference(v, .mapped(post)), .temporary(0))])
        guard case .synapses = try KernelPartition.of(viaTemporary).partition else { return XCTFail("_t0 = v_post + w") }
        let (code, _) = try CEmitter.emitThread(viaTemporary, name: "sb_thread", perThread: true)
        XCTAssertTrue(code.contains("_t0 = sb_atomic_add_old(&d2[i3[_idx]], d1[_idx], &_atomic_old);"), code)
        XCTAssertFalse(code.contains("= _t0;"), code)
        // A store under a condition its definition is not under is no atomic addition.
        let conditional = kernel(.synapses(events: spikes, lower: 0, upper: 8, offsets: offsets, members: nil),
                                 [.define(0, addWeight),
                                  .when(.load(ArrayReference(w, .element)), [.store(ArrayReference(v, .mapped(post)), .temporary(0))])])
        guard case .single = try KernelPartition.of(conditional).partition else { return XCTFail("a conditional store") }
    }

    /// The effects of delayed spikes: one thread per synapse of the queue's current slot, adding
    /// atomically; a launch has a thread per entry the fullest slot has room for. Pushing (which
    /// moves the queue first) runs on one thread.
    func testDelayedEffectsRunOneThreadPerQueuedSynapse() throws {
        let queue = try SpikeQueue(name: "queue", maximumDelay: 2)
        let effect = kernel(.queue(queue), [.store(ArrayReference(v, .mapped(post)), addWeight)])
        guard case .queued(let partitioned) = try KernelPartition.of(effect).partition, partitioned === queue else {
            return XCTFail("a delayed v_post += w runs one thread per queued synapse")
        }
        let (source, _) = try CEmitter.emitThread(effect, name: "sb_thread", perThread: true)
        XCTAssertTrue(source.contains("if (_thread >= _slot->count) return 0;"), source)
        XCTAssertTrue(source.contains("sb_atomic_add(&d2[i3[_idx]], d1[_idx]);"), source)
        let setting = kernel(.queue(queue), [.store(ArrayReference(v, .mapped(post)), .constant(0))])
        guard case .single = try KernelPartition.of(setting).partition else { return XCTFail("v_post = 0 runs in order") }
        let push = kernel(.synapses(events: spikes, lower: 0, upper: 8, offsets: offsets, members: nil),
                          [.enqueue(queue, steps: .constant(1))], scalar: [.advance(queue)])
        guard case .single = try KernelPartition.of(push).partition else { return XCTFail("pushing runs on one thread") }
        queue.slots[1].reserve(300)
        let program = try CUDAProgram([effect], target: .emulation)
        guard case .perSlotEntry = program.launches[0]?.first?.shape else { return XCTFail("launched per slot entry") }
        XCTAssertEqual(program.launches[0]?.first?.shape.layout { $0.capacity }.threads, 300, "the fullest slot's room")
    }

    /// Over a queue of targets (`SpikeQueue.targets`) the loop index is a target that several
    /// queued synapses may reach: an addition there is atomic, a setting runs in order.
    func testQueuedTargetsAddAtomically() throws {
        let queue = try SpikeQueue(name: "targets", maximumDelay: 2)
        queue.targets = post
        let addOne = KernelExpression.binary(.add, .load(ArrayReference(v, .element)), .constant(1))
        let effect = kernel(.queue(queue), [.store(ArrayReference(v, .element), addOne)])
        guard case .queued = try KernelPartition.of(effect).partition else {
            return XCTFail("a delayed v_post += 1 runs one thread per queued target")
        }
        let (source, _) = try CEmitter.emitThread(effect, name: "sb_thread", perThread: true)
        XCTAssertTrue(source.contains("sb_atomic_add(&d1[_idx], (1.0));"), source)
        let setting = kernel(.queue(queue), [.store(ArrayReference(v, .element), .constant(0))])
        guard case .single = try KernelPartition.of(setting).partition else { return XCTFail("v_post = 0 runs in order") }
    }

    func testMonitorsRunOnOneThread() throws {
        let times = try DoubleBuffer(name: "t", count: 0, value: 0)
        let monitor = kernel(.events(spikes, 0, 8), [.append(.load(ArrayReference(step, .shared)), times)])
        guard case .single = try KernelPartition.of(monitor).partition else { return XCTFail("a monitor appends in order") }
    }

    /// The device program of these kernels compiles to PTX with NVRTC, with an entry point per
    /// kernel and the compaction's; skipped (and said so) where NVRTC is not installed, except
    /// where `SWIFTBRIAN_REQUIRE_NVRTC` is set (CI), where its absence fails.
    func testDeviceProgramCompilesToPTX() throws {
        let kernels = [kernel(.range(0, 8), [update]), threshold,
                       kernel(.events(spikes, 0, 8), [.store(ArrayReference(v, .element), .constant(0))]), onPre(addWeight)]
        let program = try CUDAProgram(kernels, target: .device)
        XCTAssertTrue(program.source.contains("#define SB_GLOBAL extern \"C\" __global__"))
        XCTAssertTrue(program.source.contains("SB_GLOBAL void sb_kernel_3_global("))
        guard let nvrtc = try requireNVRTC() else { return }
        let ptx = try nvrtc.ptx(for: program.source).ptx
        for entry in ["sb_kernel_0_global", "sb_kernel_1_global", "sb_kernel_3_global", "sb_compact_flags"] {
            XCTAssertTrue(ptx.contains(".entry \(entry)("), "\(entry) in\n\(ptx.prefix(2000))")
        }
        XCTAssertTrue(ptx.contains("atom.global.add.f64"), "v_post += w adds atomically")
        XCTAssertThrowsError(try nvrtc.ptx(for: program.source + "\nthis is not CUDA;")) { error in
            XCTAssertTrue("\(error)".contains("NVRTC failed"), "\(error)")
        }
    }
}

/// NVRTC, or nil after saying why the test skips its compilation; fails where NVRTC is required.
func requireNVRTC(file: StaticString = #filePath, line: UInt = #line) throws -> NVRTC? {
    do {
        return try NVRTC.load()
    } catch {
        if ProcessInfo.processInfo.environment["SWIFTBRIAN_REQUIRE_NVRTC"] == "1" {
            XCTFail("NVRTC is required here (SWIFTBRIAN_REQUIRE_NVRTC=1): \(error)", file: file, line: line)
        } else {
            print("Skipping the compilation to PTX: \(error)")
        }
        return nil
    }
}
