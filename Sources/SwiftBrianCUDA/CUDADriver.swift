import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage

/// The CUDA driver (`libcuda.so.1`, installed with every NVIDIA driver), loaded with `dlopen`:
/// the first GPU's primary context, modules loaded from PTX, device memory and kernel launches.
/// Only the calls the CUDA backend makes, each checked: a failure throws a ``ModelError`` with
/// the driver's own words. Launches are queued without waiting; a copy back to the host waits
/// for them.
final class CUDADriver: ComputeDevice, @unchecked Sendable {
    typealias Status = Int32
    private typealias Init = @convention(c) (UInt32) -> Status
    private typealias Count = @convention(c) (UnsafeMutablePointer<Int32>) -> Status
    private typealias Device = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Status
    private typealias Name = @convention(c) (UnsafeMutablePointer<CChar>, Int32, Int32) -> Status
    private typealias Retain = @convention(c) (UnsafeMutablePointer<OpaquePointer?>, Int32) -> Status
    private typealias SetCurrent = @convention(c) (OpaquePointer?) -> Status
    private typealias LoadModule = @convention(c) (UnsafeMutablePointer<OpaquePointer?>, UnsafeRawPointer) -> Status
    private typealias GetFunction = @convention(c) (UnsafeMutablePointer<OpaquePointer?>, OpaquePointer?,
                                                    UnsafePointer<CChar>) -> Status
    private typealias Allocate = @convention(c) (UnsafeMutablePointer<UInt64>, Int) -> Status
    private typealias Free = @convention(c) (UInt64) -> Status
    private typealias ToDevice = @convention(c) (UInt64, UnsafeRawPointer, Int) -> Status
    private typealias ToHost = @convention(c) (UnsafeMutableRawPointer, UInt64, Int) -> Status
    private typealias Within = @convention(c) (UInt64, UInt64, Int) -> Status
    private typealias Launch = @convention(c) (OpaquePointer?, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
                                               OpaquePointer?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                               UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Status
    typealias ErrorText = @convention(c) (Status, UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Status

    private let library: DynamicLibrary
    private let loadModule: LoadModule, getFunction: GetFunction, allocate: Allocate, free: Free
    private let toDevice: ToDevice, toHost: ToHost, within: Within, launchKernel: Launch
    private let errorText: ErrorText?
    private let nvrtc: NVRTC
    /// The GPU's name (`NVIDIA H100 80GB HBM3`).
    let name: String
    let target = CUDATarget.device
    private(set) var traffic = DeviceTraffic()

    /// The driver with a context on the first GPU made current on this thread, compiling with
    /// NVRTC.
    ///
    /// - Throws: a ``ModelError`` beginning "no NVIDIA GPU:" when there is no driver or no GPU,
    ///   or saying how to install NVRTC when it is missing.
    init() throws {
        guard let library = DynamicLibrary(firstOf: ["libcuda.so.1", "libcuda.so"]) else {
            throw ModelError(.invalidArgument, "no NVIDIA GPU: no NVIDIA driver (libcuda.so.1) found")
        }
        self.library = library
        errorText = try? library.function("cuGetErrorString", as: ErrorText.self)
        loadModule = try library.function("cuModuleLoadData", as: LoadModule.self)
        getFunction = try library.function("cuModuleGetFunction", as: GetFunction.self)
        allocate = try library.function("cuMemAlloc_v2", as: Allocate.self)
        free = try library.function("cuMemFree_v2", as: Free.self)
        toDevice = try library.function("cuMemcpyHtoD_v2", as: ToDevice.self)
        toHost = try library.function("cuMemcpyDtoH_v2", as: ToHost.self)
        within = try library.function("cuMemcpyDtoD_v2", as: Within.self)
        launchKernel = try library.function("cuLaunchKernel", as: Launch.self)
        let initialize = try library.function("cuInit", as: Init.self)
        let status = initialize(0)
        guard status == 0 else {
            throw ModelError(.invalidArgument, "no NVIDIA GPU: the driver did not start (\(CUDADriver.describe(status, errorText)))")
        }
        var count: Int32 = 0
        try CUDADriver.check(try library.function("cuDeviceGetCount", as: Count.self)(&count), "counting GPUs", errorText)
        guard count > 0 else { throw ModelError(.invalidArgument, "no NVIDIA GPU: the driver sees none") }
        var device: Int32 = 0
        try CUDADriver.check(try library.function("cuDeviceGet", as: Device.self)(&device, 0), "opening GPU 0", errorText)
        var name = [CChar](repeating: 0, count: 256)
        _ = try library.function("cuDeviceGetName", as: Name.self)(&name, 255, device)
        self.name = String(cString: name)
        var context: OpaquePointer?
        try CUDADriver.check(try library.function("cuDevicePrimaryCtxRetain", as: Retain.self)(&context, device),
                             "creating a context", errorText)
        try CUDADriver.check(try library.function("cuCtxSetCurrent", as: SetCurrent.self)(context), "using the context",
                             errorText)
        nvrtc = try NVRTC.load()
    }

    private static func describe(_ status: Status, _ errorText: ErrorText?) -> String {
        var text: UnsafePointer<CChar>?
        if let errorText, errorText(status, &text) == 0, let text { return "\(String(cString: text)), status \(status)" }
        return "status \(status)"
    }

    /// The driver's status for memory it could not allocate (`CUDA_ERROR_OUT_OF_MEMORY`).
    static let outOfMemory: Status = 2

    /// Throws unless `status` is success: `insufficientMemory` for ``outOfMemory``, naming `what`
    /// failed, else the driver's words.
    static func check(_ status: Status, _ what: String, _ errorText: ErrorText?) throws {
        guard status != 0 else { return }
        guard status != outOfMemory else {
            throw ModelError(.insufficientMemory, "Out of memory on the GPU: \(what) failed (\(describe(status, errorText))). "
                             + "Make the model smaller (fewer neurons, synapses or recorded values) or use a GPU "
                             + "with more memory")
        }
        throw ModelError(.invalidArgument, "CUDA backend: \(what) failed (\(describe(status, errorText)))")
    }

    private func check(_ status: Status, _ what: String) throws { try CUDADriver.check(status, what, errorText) }

    func load(_ program: CUDAProgram, of kernels: [Kernel], entries names: Set<String>) throws -> [String: OpaquePointer] {
        let ptx = try nvrtc.ptx(for: program.source).ptx
        var module: OpaquePointer?
        try ptx.withCString { try check(loadModule(&module, $0), "loading the compiled kernels") }
        var functions: [String: OpaquePointer] = [:]
        for name in names {
            var function: OpaquePointer?
            try check(getFunction(&function, module, name), "finding the kernel \(name)")
            if let function { functions[name] = function }
        }
        return functions
    }

    /// `bytes` bytes of device memory (at least 1) for `what` (a buffer's name, for the error).
    ///
    /// - Throws: `ModelError(.insufficientMemory)` naming `what` and the size when the GPU has
    ///   not the memory.
    func allocate(_ bytes: Int, for what: String) throws -> UInt64 {
        var pointer: UInt64 = 0
        try check(allocate(&pointer, max(bytes, 1)), "allocating \(bytes) bytes for \(what)")
        return pointer
    }

    func release(_ pointer: UInt64) { _ = free(pointer) }

    func copy(_ source: UnsafeRawPointer, to destination: UInt64, bytes: Int) throws {
        guard bytes > 0 else { return }
        traffic.countToDevice(bytes)
        try check(toDevice(destination, source, bytes), "copying to the GPU")
    }

    func copy(_ source: UInt64, to destination: UnsafeMutableRawPointer, bytes: Int) throws {
        guard bytes > 0 else { return }
        traffic.countToHost(bytes)
        try check(toHost(destination, source, bytes), "copying from the GPU")
    }

    func move(_ source: UInt64, to destination: UInt64, bytes: Int) throws {
        guard bytes > 0 else { return }
        try check(within(destination, source, bytes), "copying within the GPU")
    }

    func launch(_ function: OpaquePointer, x: Int, y: Int, arguments: LaunchArguments) throws {
        var values = arguments
        try withUnsafeMutablePointer(to: &values) { values in
            let base = UnsafeMutableRawPointer(values)
            func field<T>(_ path: KeyPath<LaunchArguments, T>) -> UnsafeMutableRawPointer? {
                MemoryLayout<LaunchArguments>.offset(of: path).map { base + $0 }
            }
            // The entry points' parameters in order: b, q, c, seed, status, error, threads, position.
            var parameters: [UnsafeMutableRawPointer?] = [
                field(\.buffers), field(\.queues), field(\.constants), field(\.seed), field(\.status), field(\.error),
                field(\.threads), field(\.position)]
            try parameters.withUnsafeMutableBufferPointer { parameters in
                try check(launchKernel(function, UInt32(x), UInt32(y), 1, UInt32(KernelPartition.blockSize), 1, 1, 0,
                                       nil, parameters.baseAddress, nil), "launching a kernel")
            }
        }
    }
}
