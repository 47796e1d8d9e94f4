import CSwiftBrianRuntime
import SwiftBrianKernel

/// A spike queue's copy on a device: an `sb_queue` header pointing to an array of its slots'
/// headers (the slots themselves are ``DeviceBuffer``s, copied with the other buffers), as the
/// generated code reads queues. Its slots get room for every synapse that can be queued in them
/// before a run's steps, since nothing grows on the device.
final class DeviceQueue {
    /// The device address of the header.
    let header: UInt64
    /// The queue on the host.
    let queue: SpikeQueue
    /// The copies of its slots, in order.
    let slots: [DeviceBuffer]
    private let slotArray: UInt64
    private let device: ComputeDevice

    /// The copy of `queue` on `device`, its slots' copies made by `mirror`.
    init(_ queue: SpikeQueue, on device: ComputeDevice, slots mirror: (IndexBuffer) throws -> DeviceBuffer) throws {
        self.queue = queue
        self.device = device
        slots = try queue.slots.map(mirror)
        header = try device.allocate(MemoryLayout<sb_queue>.stride, for: "the spike queue '\(queue.name)'")
        slotArray = try device.allocate(max(slots.count, 1) * 8, for: "the slots of the spike queue '\(queue.name)'")
        var addresses = slots.map(\.header)
        try device.copy(&addresses, to: slotArray, bytes: addresses.count * 8)
    }

    deinit {
        device.release(header)
        device.release(slotArray)
    }

    /// Copies the header (the slots' array, their number and the cursor) to the device.
    func upload() throws {
        var fields: [Int64] = [Int64(bitPattern: slotArray), Int64(slots.count), Int64(queue.cursor)]
        try device.copy(&fields, to: header, bytes: 24)
    }

    /// Copies the cursor back.
    func download() throws {
        var fields: [Int64] = [0, 0, 0]
        try device.copy(header, to: &fields, bytes: 24)
        queue.header.pointee.cursor = fields[2]
    }
}
