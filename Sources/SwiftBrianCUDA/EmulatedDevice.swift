import Foundation
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// The GPU emulated on the CPU: memory of its own (allocations apart from the model's buffers,
/// reached only by copies), and the generated program compiled as plain C (see
/// ``CUDATarget/emulation``) with the C compiler of the native backend, each launch running its
/// blocks and threads one after the other. Atomics run in a fixed order (spikes in list order,
/// synapses in row order), the C loop's, so results equal the interpreter's bit for bit. As on
/// the GPU, nothing grows on it: a kernel that would grow a buffer fails.
///
/// With ``checksPTX`` it also compiles the program for the GPU with NVRTC (when NVRTC is found),
/// so that every model it runs is known to compile for the GPU.
final class EmulatedDevice: ComputeDevice {
    let name = "the GPU emulated on the CPU"
    let target = CUDATarget.emulation
    private(set) var traffic = DeviceTraffic()
    /// Whether ``load(_:of:entries:)`` also compiles the program for the GPU to PTX.
    let checksPTX: Bool
    /// The PTX of the last load (empty without ``checksPTX`` or NVRTC).
    private(set) var lastPTX = ""
    private var allocations: Set<UInt64> = []
    private var libraries: [UnsafeMutableRawPointer] = []
    private var launcher: Launcher?

    private typealias Launcher = @convention(c) (OpaquePointer?, UInt32, UInt32, UInt32, UInt64, UInt64, UInt64, UInt64,
                                                 UInt64, UInt64, Int64, Int64, UInt64) -> Void

    init(checksPTX: Bool) {
        self.checksPTX = checksPTX
    }

    deinit {
        for address in allocations { free(UnsafeMutableRawPointer(bitPattern: UInt(address))) }
        for library in libraries { dlclose(library) }
    }

    func load(_ program: CUDAProgram, of kernels: [Kernel], entries: Set<String>) throws -> [String: OpaquePointer] {
        guard let compiler = CCompiler.shared else {
            throw ModelError(.invalidArgument, "The emulated CUDA backend needs a C compiler (set CC to one)")
        }
        if checksPTX, let nvrtc = NVRTC.shared {
            lastPTX = try nvrtc.ptx(for: try CUDAProgram(kernels, target: .device).source).ptx
        }
        let path: String
        do {
            path = try compiler.library(for: program.source, flags: CCompiler.exactFlags).path
        } catch let failure as CCompiler.Failure {
            throw ModelError(.invalidArgument, "The C compiler failed on the emulated CUDA code \(failure.sourceFile):\n"
                             + failure.log)
        }
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ModelError(.invalidArgument, "Cannot load the emulated CUDA code \(path): " + String(cString: dlerror()))
        }
        libraries.append(library)
        // Every growth fails, as on the GPU.
        dlsym(library, "sb_growths_left")?.assumingMemoryBound(to: Int64.self).pointee = 0
        func symbol(_ name: String) throws -> UnsafeMutableRawPointer {
            guard let symbol = dlsym(library, name) else {
                throw ModelError(.invalidArgument, "The emulated CUDA code \(path) has no function \(name)")
            }
            return symbol
        }
        launcher = unsafeBitCast(try symbol("sb_launch"), to: Launcher.self)
        var functions: [String: OpaquePointer] = [:]
        for entry in entries { functions[entry] = OpaquePointer(try symbol(entry)) }
        return functions
    }

    func allocate(_ bytes: Int, for what: String) throws -> UInt64 {
        guard let memory = calloc(max(bytes, 1), 1) else {
            throw ModelError(.insufficientMemory, "Out of memory on the emulated GPU: allocating \(bytes) bytes for \(what) "
                             + "failed. Make the model smaller (fewer neurons, synapses or recorded values)")
        }
        let address = UInt64(UInt(bitPattern: memory))
        allocations.insert(address)
        return address
    }

    func release(_ address: UInt64) {
        guard allocations.remove(address) != nil else { return }
        free(UnsafeMutableRawPointer(bitPattern: UInt(address)))
    }

    func copy(_ source: UnsafeRawPointer, to destination: UInt64, bytes: Int) throws {
        guard bytes > 0 else { return }
        traffic.countToDevice(bytes)
        try memory(destination).copyMemory(from: source, byteCount: bytes)
    }

    func copy(_ source: UInt64, to destination: UnsafeMutableRawPointer, bytes: Int) throws {
        guard bytes > 0 else { return }
        traffic.countToHost(bytes)
        destination.copyMemory(from: try memory(source), byteCount: bytes)
    }

    func move(_ source: UInt64, to destination: UInt64, bytes: Int) throws {
        guard bytes > 0 else { return }
        try memory(destination).copyMemory(from: try memory(source), byteCount: bytes)
    }

    func launch(_ function: OpaquePointer, x: Int, y: Int, arguments: LaunchArguments) throws {
        guard let launcher else { throw ModelError(.invalidArgument, "CUDA backend: a launch before the program was loaded") }
        launcher(function, UInt32(x), UInt32(y), UInt32(KernelPartition.blockSize), arguments.buffers, arguments.queues,
                 arguments.constants, arguments.seed, arguments.status, arguments.error,
                 arguments.threads, arguments.position, arguments.rows)
    }

    /// The host's view of the device address `address`.
    private func memory(_ address: UInt64) throws -> UnsafeMutableRawPointer {
        guard let pointer = UnsafeMutableRawPointer(bitPattern: UInt(address)) else {
            throw ModelError(.invalidArgument, "CUDA backend: a copy at the device address 0")
        }
        return pointer
    }
}
