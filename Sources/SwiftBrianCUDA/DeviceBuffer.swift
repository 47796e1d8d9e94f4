import CSwiftBrianRuntime
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// A model buffer's copy on a device: its elements and an `sb_buffer` header pointing to them, as
/// the generated code reads buffers. The device copy has the host buffer's capacity (reserved
/// before launches for whatever they may append), since nothing grows on the device.
final class DeviceBuffer {
    /// The device address of the header.
    let header: UInt64
    /// The device address of the elements.
    private(set) var data: UInt64
    /// The elements the device copy has room for.
    private(set) var capacity: Int
    private let host: UnsafeMutablePointer<sb_buffer>
    private let owner: HostBuffer
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

    /// Whether the host buffer has more room than the device copy (it was reserved for appends).
    var hostHasMoreRoom: Bool { Int(host.pointee.capacity) > capacity }

    /// Copies the elements and the header to the device, first growing the device copy to the
    /// host buffer's capacity.
    func upload() throws {
        if Int(host.pointee.capacity) > capacity {
            // The new memory first: without it, the device copy stays as it was.
            let grown = Int(host.pointee.capacity)
            let newData = try device.allocate(grown * elementSize, for: "'\(owner)' (\(grown) elements)")
            device.release(data)
            data = newData
            capacity = grown
        }
        if let elements = host.pointee.data {
            try device.copy(elements, to: data, bytes: Int(host.pointee.count) * elementSize)
        }
        var fields: [Int64] = [Int64(bitPattern: data), host.pointee.count, Int64(capacity)]
        try fields.withUnsafeMutableBytes { try device.copy($0.baseAddress!, to: header, bytes: $0.count) }
    }

    /// Copies the header and the elements back (a kernel may have changed the count).
    func download() throws {
        var fields: [Int64] = [0, 0, 0]
        try fields.withUnsafeMutableBytes { try device.copy(header, to: $0.baseAddress!, bytes: $0.count) }
        let count = Int(min(max(fields[1], 0), Int64(capacity)))
        if !owner.reserve(count) { try BufferGrowth.check() }
        if let elements = host.pointee.data { try device.copy(data, to: elements, bytes: count * elementSize) }
        host.pointee.count = Int64(count)
    }
}
