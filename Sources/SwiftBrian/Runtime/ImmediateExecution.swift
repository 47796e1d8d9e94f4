import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianNative

/// Runs a kernel now, outside a run (setting variables, creating synapses): natively when the
/// work is large (millions of candidate synapses) and a C compiler exists, else on the
/// interpreter. Both give the same results; the compiled code is cached, so a model built again
/// compiles nothing.
enum ImmediateExecution {
    /// Work (elements or candidate pairs) from which compiling pays off.
    static let nativeThreshold = 200_000

    nonisolated(unsafe) private static var native: NativeBackend?

    /// Runs `kernel`, which visits about `work` elements.
    static func execute(_ kernel: Kernel, work: Int) throws {
        if work >= nativeThreshold, NativeBackend.compilerAvailable {
            let backend = native ?? NativeBackend()
            native = backend
            backend.seed = RandomSeed.current
            try backend.run(kernel)
        } else {
            try Interpreter(seed: RandomSeed.current).execute(kernel)
        }
    }
}
