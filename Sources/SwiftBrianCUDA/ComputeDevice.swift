import SwiftBrianKernel

/// What ``CUDABackend`` needs of a device: its own memory (allocated, copied to and from the
/// host), the generated program loaded, and launches of its kernels. Two devices implement it: a
/// GPU through the CUDA driver (``CUDADriver``) and its emulation on the CPU (``EmulatedDevice``),
/// whose memory is separate from the model's buffers like a GPU's, so that the backend's every
/// copy, binding and launch runs the same on both, and a missing copy gives a wrong result on
/// the CPU too.
protocol ComputeDevice: AnyObject {
    /// The device's name, for reports.
    var name: String { get }
    /// What the program is generated as for this device.
    var target: CUDATarget { get }
    /// The copies between the host and the device made so far.
    var traffic: DeviceTraffic { get }

    /// Loads `program` (generated for ``target`` from `kernels`) and returns its functions
    /// `entries`, by name.
    func load(_ program: CUDAProgram, of kernels: [Kernel], entries: Set<String>) throws -> [String: OpaquePointer]
    /// `bytes` bytes of device memory (at least 1) for `what` (a buffer's name, for the error).
    ///
    /// - Throws: `ModelError(.insufficientMemory)` naming `what` and the size when the device
    ///   has not the memory.
    func allocate(_ bytes: Int, for what: String) throws -> UInt64
    /// Gives back device memory.
    func release(_ address: UInt64)
    /// Copies `bytes` bytes from the host to the device.
    func copy(_ source: UnsafeRawPointer, to destination: UInt64, bytes: Int) throws
    /// Copies `bytes` bytes from the device to the host (after every launch before it ended).
    func copy(_ source: UInt64, to destination: UnsafeMutableRawPointer, bytes: Int) throws
    /// Copies `bytes` bytes within the device's memory (after every launch before it; no copy
    /// between the host and the device, not counted in ``traffic``).
    func move(_ source: UInt64, to destination: UInt64, bytes: Int) throws
    /// Launches `function` on a grid of `x` × `y` blocks of ``KernelPartition/blockSize`` threads;
    /// it may return before the launch ends.
    func launch(_ function: OpaquePointer, x: Int, y: Int, arguments: LaunchArguments) throws
}

/// The arguments of a launch, all device addresses or numbers: the entry points' parameters
/// (see `CUDAProgram`), and `rows`, the header of the event list of a grouped launch (0 for
/// none), whose rows past its count return at once (the emulation skips them).
struct LaunchArguments {
    var buffers: UInt64
    var queues: UInt64
    var constants: UInt64
    var seed: UInt64
    var status: UInt64
    var error: UInt64
    var threads: Int64
    var position: Int64
    var rows: UInt64
}
