import Foundation
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// The GPU backend (`backend: .cuda`): the kernels of a run generated as CUDA (see
/// ``CUDAProgram``), compiled to PTX with NVRTC (cached), loaded with the CUDA driver and launched
/// as ``KernelPartition`` spreads them over threads — the same program whose emulation
/// (``EmulatedCUDABackend``) the test suite runs against the interpreter.
///
/// This first version treats the GPU as a coprocessor of each kernel: the buffers a launch uses
/// are copied to the GPU before it and back after it, so the model's buffers stay the truth and
/// everything else (monitors, network operations, reading values) works unchanged. Keeping the
/// state on the GPU between steps (and launching a step as a CUDA Graph) is the next step.
/// Kernels with spike queues (synaptic delays) and kernels calling user functions do not run on
/// the GPU yet: preparing a run with one throws, naming it.
public final class CUDABackend: Backend {
    /// The seed of every random draw.
    public var seed: UInt64 = 0
    private let driver: CUDADriver
    private let nvrtc: NVRTC
    private let interpreter = Interpreter()
    private var mirrors: [ObjectIdentifier: DeviceBuffer] = [:]
    private var allocations: [UInt64] = []

    /// The name of the GPU in use.
    public var deviceName: String { driver.deviceName }

    /// A backend on the first GPU.
    ///
    /// - Throws: a ``ModelError`` beginning "no NVIDIA GPU:" without a driver or a GPU, or saying
    ///   how to install NVRTC when it is missing.
    public init() throws {
        driver = try CUDADriver()
        nvrtc = try NVRTC.load()
    }

    deinit {
        for pointer in allocations + mirrors.values.flatMap({ [$0.data, $0.header] }) { driver.release(pointer) }
    }

    public func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule {
        let program = try CUDAProgram(schedule.kernels, target: .device)
        for (kernel, launches) in zip(schedule.kernels, program.launches) {
            guard let launches else {
                throw ModelError(.invalidArgument, "CUDA backend: '\(kernel.name)' calls a user function, "
                                 + "which does not run on the GPU yet")
            }
            if launches.contains(where: { !$0.queues.isEmpty }) {
                throw ModelError(.invalidArgument, "CUDA backend: '\(kernel.name)' uses a spike queue (synaptic delays), "
                                 + "which does not run on the GPU yet")
            }
        }
        let entries = Set(program.launches.flatMap { ($0 ?? []).map(\.entry) })
        let functions = try driver.functions(entries, ptx: try nvrtc.ptx(for: program.source).ptx)
        var kernels: [() throws -> Void] = []
        for (k, kernel) in schedule.kernels.enumerated() {
            let launches = try (program.launches[k] ?? []).map { try bind($0, functions) }
            let appended = CUDABackend.appendedBuffers(kernel.vector)
            let checks = program.finiteChecks[k]
            kernels.append { [unowned self] in
                // Room for whatever the kernel may append (nothing grows on the GPU).
                let most = CUDABackend.iterationBound(kernel.iteration)
                for (buffer, perElement) in appended where !buffer.reserve(buffer.count + most * perElement) {
                    try BufferGrowth.check()
                }
                for launch in launches { try self.run(launch, kernel: kernel.name, checks: checks) }
            }
        }
        return PreparedSchedule(kernels: kernels, loop: nil)
    }

    public func execute(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }

    // MARK: Launches

    /// A launch with its arguments on the GPU: the array of buffer headers, the constants, the
    /// status and the message.
    private struct BoundLaunch {
        let function: OpaquePointer
        let launch: CUDAProgram.Launch
        let headers: UInt64, constants: UInt64, status: UInt64, error: UInt64
    }

    private func bind(_ launch: CUDAProgram.Launch, _ functions: [String: OpaquePointer]) throws -> BoundLaunch {
        guard let function = functions[launch.entry] else {
            throw ModelError(.invalidArgument, "CUDA backend: the compiled kernels have no \(launch.entry)")
        }
        let headers = try mirrorArray(launch.buffers.map { try mirror($0).header })
        let constants = try driver.allocate(launch.constants.count * 8, for: "the constants of '\(launch.entry)'")
        try launch.constants.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { try driver.copy(base, to: constants, bytes: bytes.count) }
        }
        let status = try driver.allocate(4, for: "a status"), error = try driver.allocate(512, for: "a message")
        allocations += [constants, status, error]
        return BoundLaunch(function: function, launch: launch, headers: headers, constants: constants, status: status,
                           error: error)
    }

    private func mirrorArray(_ pointers: [UInt64]) throws -> UInt64 {
        let array = try driver.allocate(pointers.count * 8, for: "the buffer headers of a launch")
        allocations.append(array)
        try pointers.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress { try driver.copy(base, to: array, bytes: bytes.count) }
        }
        return array
    }

    /// Copies the launch's buffers to the GPU, runs it, and copies them back.
    private func run(_ bound: BoundLaunch, kernel: String, checks: [FiniteCheck]) throws {
        let layout = bound.launch.shape.layout
        guard layout.x > 0, layout.y > 0 else { return }
        let buffers = try bound.launch.buffers.map { try mirror($0) }
        for buffer in buffers { try buffer.upload(driver) }
        var zero: Int32 = 0
        try driver.copy(&zero, to: bound.status, bytes: 4)
        var arguments: [UInt64] = [bound.headers, 0, bound.constants, seed, bound.status, bound.error,
                                   UInt64(bitPattern: Int64(layout.threads))]
        try arguments.withUnsafeMutableBufferPointer { values in
            var pointers = (0..<values.count).map { UnsafeMutableRawPointer(values.baseAddress! + $0) as UnsafeMutableRawPointer? }
            try pointers.withUnsafeMutableBufferPointer {
                try driver.launch(bound.function, x: layout.x, y: layout.y, block: KernelPartition.blockSize,
                                  parameters: $0.baseAddress!)
            }
        }
        for buffer in buffers { try buffer.download(driver) }
        var status: Int32 = 0
        try driver.copy(bound.status, to: &status, bytes: 4)
        if status == CEmitter.nonFiniteStatus {
            let names = Set(checks.map(\.variable)).sorted().joined(separator: ", ")
            throw ModelError(.nonFiniteValue, "A value of \(names) became infinite or NaN in '\(kernel)' on the GPU "
                             + "(the CPU backends name the element)")
        }
        if status == CEmitter.growthFailedStatus {
            // Nothing grows on the GPU: a kernel that needed more room than was reserved for it
            // before the launch drops what did not fit and says so (see CUDATarget).
            let names = bound.launch.buffers.map { "'\($0.owner)'" }.joined(separator: ", ")
            throw ModelError(.insufficientMemory, "Out of memory during the run: '\(kernel)' needed more room on the GPU "
                             + "than was reserved for its buffers (\(names)); what did not fit was dropped")
        }
        if status != 0 { throw ModelError(.invalidArgument, "CUDA backend: '\(kernel)' failed on the GPU (status \(status))") }
    }

    private func mirror(_ reference: BufferReference) throws -> DeviceBuffer {
        let id = ObjectIdentifier(reference.owner)
        if let known = mirrors[id] { return known }
        let buffer = try DeviceBuffer(reference, driver)
        mirrors[id] = buffer
        return buffer
    }

    // MARK: Bounds

    /// The buffers `operations` append to, each with the most values one element appends.
    static func appendedBuffers(_ operations: [KernelOperation]) -> [(HostBuffer, Int)] {
        var counts: [ObjectIdentifier: (HostBuffer, Int)] = [:]
        func add(_ buffer: HostBuffer) {
            counts[ObjectIdentifier(buffer), default: (buffer, 0)].1 += 1
        }
        func visit(_ operations: [KernelOperation]) {
            for operation in operations {
                switch operation {
                case .emit(let list): add(list)
                case .append(_, let buffer): add(buffer)
                case .appendIndex(_, let buffer): add(buffer)
                case .when(_, let inner): visit(inner)
                default: break
                }
            }
        }
        visit(operations)
        return Array(counts.values)
    }

    /// The most elements `iteration` can visit now.
    static func iterationBound(_ iteration: Iteration) -> Int {
        switch iteration {
        case .range(let lower, let upper): return max(upper - lower, 0)
        case .events(let list, _, _), .indices(let list): return list.count
        case .synapses(_, _, _, let offsets, _): return offsets.count > 0 ? Int(offsets[offsets.count - 1]) : 0
        case .sortedRun(let keys, _, _): return keys.count
        case .queue, .pairs: return 0
        }
    }
}

/// A buffer whose capacity can be reserved, whatever its element type.
protocol HostBuffer: AnyObject {
    var count: Int { get }
    func reserve(_ minimum: Int) -> Bool
}

extension Buffer: HostBuffer {}
