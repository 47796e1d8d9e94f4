import Foundation
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// The CUDA backend's kernels run on the CPU: the generated CUDA program compiled as plain C (see
/// ``CUDATarget/emulation``), each launch running its blocks and threads one after the other, so
/// that the GPU's decomposition of every kernel (threads per element, compacted spike lists,
/// propagation per spike and synapse with atomic additions) is tested without a GPU. Atomics
/// run in a fixed order (spikes in list order, synapses in row order), the C loop's, so results
/// equal the interpreter's bit for bit.
///
/// With ``checksPTX`` it also compiles the program for the device with NVRTC (when NVRTC is
/// found), so that every model it runs is known to compile for the GPU.
public final class EmulatedCUDABackend: Backend {
    /// The seed of every random draw.
    public var seed: UInt64 = 0
    /// Whether `prepare` also compiles the device program to PTX (where NVRTC is found).
    public let checksPTX: Bool
    /// The PTX of the last `prepare` (empty without ``checksPTX`` or NVRTC).
    public private(set) var lastPTX = ""
    /// How the last `prepare` spread each kernel over threads, by kernel name: `elements` (one
    /// thread per element), `threshold` (flags, then an ordered compaction), `events` (one thread
    /// per spike), `synapses` (one thread per synapse of each spike), `single` (one thread runs
    /// the loop) or `interpreter` (the C emitter cannot express it).
    public private(set) var partitions: [(kernel: String, partition: String)] = []
    /// The ``checksPTX`` of backends created from now on (tests set it).
    nonisolated(unsafe) public static var defaultChecksPTX = false

    private let interpreter = Interpreter()
    private var libraries: [UnsafeMutableRawPointer] = []

    private typealias Launcher = @convention(c) (UnsafeMutableRawPointer?, UInt32, UInt32, UInt32,
                                                 UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafePointer<Double>?, UInt64, UnsafeMutablePointer<CChar>?,
                                                 Int64) -> Int32

    /// A backend emulating the GPU with the C compiler of the native backend.
    public init(checksPTX: Bool = EmulatedCUDABackend.defaultChecksPTX) {
        self.checksPTX = checksPTX
    }

    deinit {
        for library in libraries { dlclose(library) }
    }

    public func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule {
        guard let compiler = CCompiler.shared else {
            throw ModelError(.invalidArgument, "The emulated CUDA backend needs a C compiler (set CC to one)")
        }
        let program = try CUDAProgram(schedule.kernels, target: .emulation)
        partitions = zip(schedule.kernels, program.partitions).map { ($0.name, $1) }
        if checksPTX, let nvrtc = NVRTC.shared {
            lastPTX = try nvrtc.ptx(for: try CUDAProgram(schedule.kernels, target: .device).source).ptx
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
        Binding.limitGrowths(of: library)
        guard let launchSymbol = dlsym(library, "sb_launch") else {
            throw ModelError(.invalidArgument, "The emulated CUDA code \(path) has no function sb_launch")
        }
        let launch = unsafeBitCast(launchSymbol, to: Launcher.self)
        var kernels: [() throws -> Void] = []
        for (k, kernel) in schedule.kernels.enumerated() {
            guard let launches = program.launches[k] else {
                kernels.append { [unowned self] in
                    self.interpreter.seed = self.seed
                    try self.interpreter.execute(kernel)
                }
                continue
            }
            let bound = try launches.map { launch -> (UnsafeMutableRawPointer, Binding, CUDAProgram.Shape) in
                guard let entry = dlsym(library, launch.entry) else {
                    throw ModelError(.invalidArgument, "The emulated CUDA code \(path) has no function \(launch.entry)")
                }
                return (entry, Binding(buffers: launch.buffers, queues: launch.queues, constants: launch.constants),
                        launch.shape)
            }
            let checks = program.finiteChecks[k]
            kernels.append { [unowned self] in
                var message = [CChar](repeating: 0, count: 512)
                for (entry, binding, shape) in bound {
                    let layout = shape.layout
                    guard layout.x > 0, layout.y > 0 else { continue }
                    let status = launch(entry, UInt32(layout.x), UInt32(layout.y), UInt32(KernelPartition.blockSize),
                                        binding.buffers, binding.queues, binding.constants, self.seed, &message,
                                        Int64(layout.threads))
                    if status == CEmitter.nonFiniteStatus {
                        throw ModelError(.nonFiniteValue, CEmitter.nonFiniteMessage(String(cString: message), checks: checks))
                    }
                    if status == CEmitter.growthFailedStatus {
                        throw Binding.growthError(String(cString: message), in: [binding])
                    }
                    if status != 0 { throw ModelError(.invalidArgument, String(cString: message)) }
                }
            }
        }
        return PreparedSchedule(kernels: kernels, loop: nil)
    }

    public func execute(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }
}
