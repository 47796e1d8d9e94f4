/// The copies a device made between the host's memory and its own, by direction: how many and
/// how many bytes.
public struct DeviceTraffic: Equatable, Sendable {
    /// The copies from the host to the device.
    public private(set) var copiesToDevice = 0
    /// The copies from the device to the host.
    public private(set) var copiesToHost = 0
    /// The bytes copied from the host to the device.
    public private(set) var bytesToDevice = 0
    /// The bytes copied from the device to the host.
    public private(set) var bytesToHost = 0

    /// No copies.
    public init() {}

    /// The copies in both directions.
    public var copies: Int { copiesToDevice + copiesToHost }

    /// Counts a copy of `bytes` bytes to the device.
    mutating func countToDevice(_ bytes: Int) {
        copiesToDevice += 1
        bytesToDevice += bytes
    }

    /// Counts a copy of `bytes` bytes to the host.
    mutating func countToHost(_ bytes: Int) {
        copiesToHost += 1
        bytesToHost += bytes
    }

    /// The copies since `earlier` (this device's traffic at an earlier time).
    public func since(_ earlier: DeviceTraffic) -> DeviceTraffic {
        var difference = DeviceTraffic()
        difference.copiesToDevice = copiesToDevice - earlier.copiesToDevice
        difference.copiesToHost = copiesToHost - earlier.copiesToHost
        difference.bytesToDevice = bytesToDevice - earlier.bytesToDevice
        difference.bytesToHost = bytesToHost - earlier.bytesToHost
        return difference
    }
}
