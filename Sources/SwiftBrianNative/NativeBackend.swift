import Foundation
import SwiftBrianInterpreter
import SwiftBrianKernel
import SwiftBrianLanguage

/// The default backend: the kernels of a run are emitted as C (see ``CEmitter``), compiled into
/// one shared library (cached), loaded, and called directly on the model's buffers. A kernel the
/// C emitter cannot express (a user function without C code) runs on the interpreter. Without a C
/// compiler every kernel runs on the interpreter, and a warning says so once.
public final class NativeBackend: Backend {
    /// The seed of every random draw.
    public var seed: UInt64 = 0
    /// Seconds spent compiling in the last `prepare` (0 when the library came from the cache).
    public private(set) var compileSeconds = 0.0
    /// Whether the last `prepare` found its library in the cache.
    public private(set) var usedCache = false
    private let interpreter = Interpreter()
    private let compiler: CCompiler?
    private var libraries: [UnsafeMutableRawPointer] = []
    nonisolated(unsafe) private static var warned = false

    /// A backend using the toolchain's C compiler.
    public init() {
        compiler = CCompiler.find()
        if compiler == nil, !NativeBackend.warned {
            NativeBackend.warned = true
            FileHandle.standardError.write(Data(("warning: no C compiler found (set CC to one); SwiftBrian runs on "
                                                 + "its interpreter, which is much slower\n").utf8))
        }
    }

    deinit {
        for library in libraries { dlclose(library) }
    }

    private typealias Function = @convention(c) (UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                                 UnsafePointer<Double>?, UInt64,
                                                 UnsafeMutablePointer<CChar>?) -> Int32

    public func prepare(_ kernels: [Kernel]) throws -> [() throws -> Void] {
        compileSeconds = 0
        usedCache = false
        guard let compiler else { return try interpreter.prepare(kernels) }
        var source = CPrelude.source
        var emitted: [(name: String, emitter: CEmitter)?] = []
        for (number, kernel) in kernels.enumerated() {
            let name = "sb_kernel_\(number)"
            do {
                let (code, emitter) = try CEmitter.emit(kernel, name: name)
                source += "/* \(kernel.name) */\n" + code + "\n"
                emitted.append((name, emitter))
            } catch is CEmitter.Unsupported {
                emitted.append(nil)
            }
        }
        let started = Date()
        let (path, compiled) = try compiler.library(for: source)
        if compiled { compileSeconds = Date().timeIntervalSince(started) }
        usedCache = !compiled
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ModelError(.invalidArgument, "Cannot load the compiled model \(path): "
                             + String(cString: dlerror()))
        }
        libraries.append(library)
        return try zip(kernels, emitted).map { kernel, entry in
            guard let (name, emitter) = entry else {
                return { [interpreter] in try interpreter.execute(kernel) }
            }
            guard let symbol = dlsym(library, name) else {
                throw ModelError(.invalidArgument, "The compiled model \(path) has no function \(name)")
            }
            return bind(unsafeBitCast(symbol, to: Function.self), emitter, kernel: kernel)
        }
    }

    /// A closure calling `function` with the kernel's buffers, queues and constants.
    private func bind(_ function: Function, _ emitter: CEmitter, kernel: Kernel) -> () throws -> Void {
        let buffers = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: max(emitter.buffers.count, 1))
        for (k, reference) in emitter.buffers.enumerated() { buffers[k] = reference.header }
        let queues = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: max(emitter.queues.count, 1))
        for (k, queue) in emitter.queues.enumerated() { queues[k] = UnsafeMutableRawPointer(queue.header) }
        let constants = emitter.constants
        let owners = emitter.buffers.map(\.owner) + emitter.queues
        let binding = Binding(buffers: buffers, queues: queues, owners: owners)
        return { [unowned self] in
            var message = [CChar](repeating: 0, count: 512)
            let status = constants.withUnsafeBufferPointer { c in
                function(binding.buffers, binding.queues, c.baseAddress, self.seed, &message)
            }
            if status != 0 {
                throw ModelError(.invalidArgument, String(cString: message))
            }
        }
    }

    public func execute(_ kernel: Kernel) throws {
        interpreter.seed = seed
        try interpreter.execute(kernel)
    }
}

/// The pointer arrays of a bound kernel, freed with the closure that uses them; it keeps the
/// buffers and queues alive.
private final class Binding {
    let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    let queues: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    let owners: [AnyObject]

    init(buffers: UnsafeMutablePointer<UnsafeMutableRawPointer?>, queues: UnsafeMutablePointer<UnsafeMutableRawPointer?>,
         owners: [AnyObject]) {
        self.buffers = buffers
        self.queues = queues
        self.owners = owners
    }

    deinit {
        buffers.deallocate()
        queues.deallocate()
    }
}
