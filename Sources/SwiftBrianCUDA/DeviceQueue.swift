import CSwiftBrianRuntime
import SwiftBrianKernel

/// A spike queue's copy on a device: an `sb_queue` header pointing to an array of its slots'
/// headers (the slots themselves are ``DeviceBuffer``s, copied with the other buffers), as the
/// generated code reads queues. Its slots get room for every synapse that can be queued in them
/// before a run's steps, since nothing grows on the device. Like a buffer's copy, it is copied
/// only when a side changed it: the host (its cursor is not the one the copy has) or the device
/// (a launch moved the cursor, ``deviceChanged``).
final class DeviceQueue {
    /// The device address of the header.
    let header: UInt64
    /// The queue on the host.
    let queue: SpikeQueue
    /// The copies of its slots, in order.
    let slots: [DeviceBuffer]
    /// Whether a launch may have moved the device's cursor since the host last had it.
    private(set) var deviceChanged = false
    /// The cursor the device copy has (nil before the first copy).
    private var agreedCursor: Int?
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

    /// Whether the copy is of the queue's present slots (restoring a queue replaces them).
    var hasTheQueuesSlots: Bool {
        slots.count == queue.slots.count && zip(slots, queue.slots).allSatisfy { $0.owner === $1 }
    }

    /// Whether the host moved the cursor since the device copy was made or copied back.
    var hostChanged: Bool { agreedCursor != queue.cursor }

    /// Notes that a launch may have moved the device's cursor.
    func noteDeviceChange() {
        deviceChanged = true
    }

    /// Copies the header (the slots' array, their number and the cursor) to the device, first
    /// copying back a cursor the device moved.
    func upload() throws {
        if deviceChanged { try download() }
        var fields: [Int64] = [Int64(bitPattern: slotArray), Int64(slots.count), Int64(queue.cursor)]
        try device.copy(&fields, to: header, bytes: 24)
        agreedCursor = queue.cursor
    }

    /// Copies the cursor back.
    func download() throws {
        var fields: [Int64] = [0, 0, 0]
        try device.copy(header, to: &fields, bytes: 24)
        queue.header.pointee.cursor = fields[2]
        agreedCursor = queue.cursor
        deviceChanged = false
    }

    /// Whether the device's cursor is the host's (see ``DeviceBuffer/agreesWithHost()``).
    func agreesWithHost() throws -> Bool {
        var fields: [Int64] = [0, 0, 0]
        try device.copy(header, to: &fields, bytes: 24)
        return fields[2] == Int64(queue.cursor)
    }
}
