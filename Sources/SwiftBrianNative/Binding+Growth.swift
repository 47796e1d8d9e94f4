import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage

extension Binding {
    /// The error of a kernel that returned ``CEmitter/growthFailedStatus``: `numbers` as
    /// ``CEmitter/growthReport(buffer:elements:bytes:)`` writes them, the buffer named by its
    /// owner among the buffers and queues of `bindings`.
    package static func growthError(_ numbers: String, in bindings: [Binding]) -> ModelError {
        let fields = numbers.split(separator: " ").map(String.init)
        guard fields.count == 3, let address = UInt(fields[0]), let elements = Int(fields[1]), let bytes = Int(fields[2])
        else { return ModelError(.insufficientMemory, "Out of memory during the run: " + numbers) }
        let name = bindings.lazy.compactMap { $0.name(ofHeader: address) }.first ?? "a buffer of the run"
        return BufferGrowth.error(name: name, elements: elements, bytes: bytes)
    }

    /// The name of the buffer (or a queue's slot) whose header is at `address`.
    private func name(ofHeader address: UInt) -> String? {
        func at<Header>(_ header: UnsafeMutablePointer<Header>) -> Bool { UInt(bitPattern: header) == address }
        for owner in owners {
            if let buffer = owner as? DoubleBuffer, at(buffer.header) { return buffer.name }
            if let buffer = owner as? IndexBuffer, at(buffer.header) { return buffer.name }
            if let queue = owner as? SpikeQueue, let slot = queue.slots.first(where: { at($0.header) }) {
                return slot.name
            }
        }
        return nil
    }

    /// Gives the library `library` the growths ``BufferGrowth/growthsBeforeFailure`` allows (tests
    /// set it; no limit otherwise).
    package static func limitGrowths(of library: UnsafeMutableRawPointer) {
        guard let symbol = dlsym(library, "sb_growths_left") else { return }
        symbol.assumingMemoryBound(to: Int64.self).pointee = Int64(BufferGrowth.growthsBeforeFailure ?? -1)
    }
}
