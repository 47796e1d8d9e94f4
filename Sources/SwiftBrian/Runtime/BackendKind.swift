import SwiftBrianCUDA
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianNative

/// Which backend executes a network's kernels.
public enum BackendKind: String, CaseIterable, Sendable {
    /// C generated from the kernels, compiled by the toolchain's C compiler and loaded (the
    /// default; cached, so a model compiles once).
    case native
    /// The reference interpreter: slower, needs no compiler, defines the semantics.
    case interpreter
    /// The CUDA backend's kernels emulated on the CPU (see `CUDABackend.emulated(checksPTX:)`): slow, for
    /// testing the GPU's decomposition of the kernels without a GPU.
    case cudaEmulated
    /// The first NVIDIA GPU (see `CUDABackend`): needs an NVIDIA driver and NVRTC
    /// (`pip install nvidia-cuda-nvrtc-cu12`); without them making it throws, saying what is missing.
    case cuda

    /// A new backend of this kind (`threads` for the native one).
    func make(fastMath: Bool, precision: Precision, threads: Int) throws -> Backend {
        switch self {
        case .native:
            return NativeBackend(fastMath: fastMath, precision: precision, threads: threads)
        case .interpreter:
            guard precision == .double else {
                throw ModelError(.invalidArgument, "Single precision needs the native backend; the interpreter "
                                 + "computes in double precision")
            }
            return Interpreter()
        case .cudaEmulated:
            guard precision == .double else {
                throw ModelError(.invalidArgument, "The emulated CUDA backend computes in double precision")
            }
            return CUDABackend.emulated()
        case .cuda:
            guard precision == .double else {
                throw ModelError(.invalidArgument, "The CUDA backend computes in double precision")
            }
            return try CUDABackend()
        }
    }
}
