import CSwiftBrianRuntime
import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// A model buffer's copy on a device: its elements and an `sb_buffer` header pointing to them, as
/// the generated code reads buffers. The device copy has the host buffer's capacity (reserved
/// before launches for whatever they may append), since nothing grows on the device.
///
/// The copy remembers which side changed since they last agreed: the host (its buffer's
/// ``Buffer/version`` is not the one the copy was made from, or it made more room) or the device
/// (a launch that may write it ran, ``deviceChanged``). Only then is it copied, the host's
/// changes to the device, the device's back (of a buffer the launches only append to, the new
/// elements alone).
final class DeviceBuffer {
    /// The device address of the header.
    let header: UInt64
    /// The device address of the elements.
    private(set) var data: UInt64
    /// The elements the device copy has room for.
    private(set) var capacity: Int
    /// The buffer on the host.
    let owner: HostBuffer
    /// Whether a launch may have changed the device copy since the host last had it.
    private(set) var deviceChanged = false
    /// Whether only the device reads the buffer (a threshold's flags): it is never copied back.
    var deviceOnly = false
    /// Whether the launches only append to the buffer: copying it back copies the new elements.
    var appendedOnly = false
    /// Whether the host reads the buffer between the chunks of a run (a clock, a buffer appended
    /// to, whose count bounds the next chunk's room): copied back at every chunk's end, the others
    /// only when Swift runs next (a network operation, the run's end).
    var readBetweenChunks = false
    /// The host buffer's version the device copy was made from or copied back at (nil before
    /// the first copy).
    private var agreedVersion: UInt64?
    private let host: UnsafeMutablePointer<sb_buffer>
    private let elementSize: Int
    private let device: ComputeDevice

    init(_ reference: BufferReference, on device: ComputeDevice) throws {
        host = reference.header.assumingMemoryBound(to: sb_buffer.self)
        guard let owner = reference.owner as? HostBuffer else {
            throw ModelError(.invalidArgument, "CUDA backend: \(reference.owner) is not a buffer")
        }
        self.owner = owner
        self.device = device
        elementSize = reference.owner is DoubleBuffer ? MemoryLayout<Double>.stride : MemoryLayout<Int32>.stride
        capacity = Int(host.pointee.capacity)
        header = try device.allocate(MemoryLayout<sb_buffer>.stride, for: "the header of '\(reference.owner)'")
        do {
            data = try device.allocate(capacity * elementSize, for: "'\(reference.owner)' (\(capacity) elements)")
        } catch {
            device.release(header)
            throw error
        }
    }

    deinit {
        device.release(header)
        device.release(data)
    }

    /// Whether the host changed the buffer (or made more room in it) since the device copy was
    /// made from it or copied back to it.
    var hostChanged: Bool { agreedVersion != owner.version || Int(host.pointee.capacity) > capacity }

    /// Notes that a launch may have changed the device copy.
    func noteDeviceChange() {
        if !deviceOnly { deviceChanged = true }
    }

    /// Makes the device copy be made afresh from the host's at the next ``upload()`` (after a
    /// failed launch, a buffer only the device reads may have been left as no step leaves it).
    func forgetDeviceCopy() {
        agreedVersion = nil
    }

    /// Brings the device copy up to date (first copying back what the device changed, which the
    /// backend has always done before: nothing is lost): grown to the host buffer's capacity, its
    /// elements moved within the device, and, where the host changed the buffer, its elements
    /// copied to the device; the header too where either changed.
    func upload() throws {
        if deviceChanged { try download() }
        let hostChangedContents = agreedVersion != owner.version
        let grows = Int(host.pointee.capacity) > capacity
        if grows {
            // The new memory first: without it, the device copy stays as it was.
            let grown = Int(host.pointee.capacity)
            let newData = try device.allocate(grown * elementSize, for: "'\(owner)' (\(grown) elements)")
            do {
                if !hostChangedContents { try device.move(data, to: newData, bytes: capacity * elementSize) }
            } catch {
                device.release(newData)
                throw error
            }
            device.release(data)
            data = newData
            capacity = grown
        }
        if hostChangedContents, let elements = host.pointee.data {
            try device.copy(elements, to: data, bytes: Int(host.pointee.count) * elementSize)
        }
        if hostChangedContents || grows {
            var fields: [Int64] = [Int64(bitPattern: data), host.pointee.count, Int64(capacity)]
            try fields.withUnsafeMutableBytes { try device.copy($0.baseAddress!, to: header, bytes: $0.count) }
        }
        agreedVersion = owner.version
    }

    /// Copies the header and the elements back (a kernel may have changed the count); of a
    /// buffer ``appendedOnly``, the elements past the host's count only.
    func download() throws {
        let count = try deviceCount()
        let first = appendedOnly ? min(Int(host.pointee.count), count) : 0
        if !owner.reserve(count) { try BufferGrowth.check() }
        if let elements = host.pointee.data, count > first {
            try device.copy(data + UInt64(first * elementSize), to: elements + first * elementSize,
                            bytes: (count - first) * elementSize)
        }
        host.pointee.count = Int64(count)
        agreedVersion = owner.version
        deviceChanged = false
    }

    /// Whether the device copy holds the host's count and elements (a check of the backend's
    /// bookkeeping: a copy that neither side is known to have changed must).
    func agreesWithHost() throws -> Bool {
        let count = try deviceCount()
        guard count == Int(host.pointee.count) else { return false }
        guard count > 0, let elements = host.pointee.data else { return true }
        var copy = [UInt8](repeating: 0, count: count * elementSize)
        try copy.withUnsafeMutableBytes { try device.copy(data, to: $0.baseAddress!, bytes: $0.count) }
        return copy.withUnsafeBytes { memcmp($0.baseAddress!, elements, $0.count) == 0 }
    }

    /// The count in the device's header (within the device copy's room).
    private func deviceCount() throws -> Int {
        var fields: [Int64] = [0, 0, 0]
        try fields.withUnsafeMutableBytes { try device.copy(header, to: $0.baseAddress!, bytes: $0.count) }
        return Int(min(max(fields[1], 0), Int64(capacity)))
    }
}
