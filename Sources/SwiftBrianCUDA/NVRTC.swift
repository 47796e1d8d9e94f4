import Foundation
import SwiftBrianLanguage
import SwiftBrianNative

/// NVIDIA's run-time compiler, loaded with `dlopen`: compiles generated CUDA C++ to PTX, with no
/// GPU and no CUDA toolkit (PyPI ships it as `nvidia-cuda-nvrtc-cu12`). PTX is cached in the
/// folder of the compiled C libraries under a hash of the source, the options and NVRTC's version.
final class NVRTC: @unchecked Sendable {
    private typealias Status = Int32
    private typealias Create = @convention(c) (UnsafeMutablePointer<OpaquePointer?>, UnsafePointer<CChar>,
                                               UnsafePointer<CChar>?, Int32, UnsafePointer<UnsafePointer<CChar>?>?,
                                               UnsafePointer<UnsafePointer<CChar>?>?) -> Status
    private typealias Compile = @convention(c) (OpaquePointer?, Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Status
    private typealias Size = @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int>) -> Status
    private typealias Text = @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>) -> Status
    private typealias Destroy = @convention(c) (UnsafeMutablePointer<OpaquePointer?>) -> Status
    private typealias Version = @convention(c) (UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Int32>) -> Status

    private let library: DynamicLibrary
    private let create: Create, compileProgram: Compile, destroy: Destroy
    private let logSize: Size, log: Text, ptxSize: Size, ptx: Text
    /// NVRTC's version, `major.minor` (part of the cache key).
    let version: String

    /// The virtual architecture PTX is generated for: `SWIFTBRIAN_CUDA_ARCH` (`compute_90`) or
    /// `compute_80` (Ampere; a newer GPU's driver compiles it for itself).
    static var architecture: String {
        ProcessInfo.processInfo.environment["SWIFTBRIAN_CUDA_ARCH"].flatMap { $0.isEmpty ? nil : $0 } ?? "compute_80"
    }

    /// The options of every compilation: every function without an execution space is a device
    /// function (the C prelude's), and no multiply-add contraction (results must equal the CPU's
    /// where the operations are the same).
    static var options: [String] {
        ["--gpu-architecture=\(architecture)", "--device-as-default-execution-space", "--fmad=false", "-w"]
    }

    /// NVRTC found on this machine, looked up once (nil when it is not installed).
    static let shared: NVRTC? = try? load()

    /// NVRTC, or an error saying where it was looked for and how to install it.
    static func load() throws -> NVRTC {
        guard let library = DynamicLibrary(firstOf: candidates()) else {
            throw ModelError(.invalidArgument, "CUDA backend: libnvrtc not found (install it with "
                             + "`pip install nvidia-cuda-nvrtc-cu12`, or set SWIFTBRIAN_NVRTC to the path of libnvrtc.so.12)")
        }
        return try NVRTC(library)
    }

    /// Where NVRTC is looked for, in order: `SWIFTBRIAN_NVRTC`; the pip wheel in the active
    /// virtual environment, in the package's `.build/cuda-venv` (where CI installs it) and
    /// wherever `python3` imports it from; then the system's library search.
    static func candidates() -> [String] {
        let environment = ProcessInfo.processInfo.environment
        var paths: [String] = []
        if let path = environment["SWIFTBRIAN_NVRTC"], !path.isEmpty { paths.append(path) }
        let wheel = "nvidia/cuda_nvrtc/lib/libnvrtc.so.12"
        let environments = [environment["VIRTUAL_ENV"], FileManager.default.currentDirectoryPath + "/.build/cuda-venv"]
        for root in environments.compactMap({ $0 }) {
            let lib = URL(fileURLWithPath: root).appendingPathComponent("lib")
            let versions = (try? FileManager.default.contentsOfDirectory(atPath: lib.path)) ?? []
            for python in versions.sorted() where python.hasPrefix("python") {
                paths.append(lib.appendingPathComponent(python).appendingPathComponent("site-packages/\(wheel)").path)
            }
        }
        if let folder = pythonWheelFolder() { paths.append(folder + "/lib/libnvrtc.so.12") }
        return paths + ["libnvrtc.so.12", "libnvrtc.so"]
    }

    /// The folder of the `nvidia.cuda_nvrtc` package as `python3` imports it, if it does.
    private static func pythonWheelFolder() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import nvidia.cuda_nvrtc as m; print(list(m.__path__)[0])"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let folder = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return process.terminationStatus == 0 && !folder.isEmpty ? folder : nil
    }

    private init(_ library: DynamicLibrary) throws {
        self.library = library
        create = try library.function("nvrtcCreateProgram", as: Create.self)
        compileProgram = try library.function("nvrtcCompileProgram", as: Compile.self)
        destroy = try library.function("nvrtcDestroyProgram", as: Destroy.self)
        logSize = try library.function("nvrtcGetProgramLogSize", as: Size.self)
        log = try library.function("nvrtcGetProgramLog", as: Text.self)
        ptxSize = try library.function("nvrtcGetPTXSize", as: Size.self)
        ptx = try library.function("nvrtcGetPTX", as: Text.self)
        var major: Int32 = 0, minor: Int32 = 0
        _ = try library.function("nvrtcVersion", as: Version.self)(&major, &minor)
        version = "\(major).\(minor)"
    }

    /// The path of the library in use.
    var path: String { library.path }

    /// The PTX of `source` (from the cache, or compiled now); `compiled` tells which.
    ///
    /// - Throws: a ``ModelError`` with NVRTC's log when the source does not compile, or when
    ///   the cache folder cannot be written.
    func ptx(for source: String) throws -> (ptx: String, compiled: Bool) {
        let options = NVRTC.options
        let key = CCompiler.hash(([source, version] + options).joined(separator: "\n"))
        let directory = CCompiler.cacheDirectory
        let file = directory.appendingPathComponent("sb_\(key).ptx")
        if let cached = try? String(contentsOf: file, encoding: .utf8) { return (cached, false) }
        let text = try compile(source, options: options, name: "sb_\(key).cu")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let temporary = directory.appendingPathComponent("sb_\(key).\(ProcessInfo.processInfo.processIdentifier).ptx")
            try Data(text.utf8).write(to: temporary)
            _ = try? FileManager.default.removeItem(at: file)
            try FileManager.default.moveItem(at: temporary, to: file)
        } catch {
            throw ModelError(.invalidArgument, "Cannot write to the cache folder \(directory.path): \(error)")
        }
        return (text, true)
    }

    private func compile(_ source: String, options: [String], name: String) throws -> String {
        var program: OpaquePointer?
        let created = create(&program, source, name, 0, nil, nil)
        guard created == 0 else { throw ModelError(.invalidArgument, "CUDA backend: NVRTC could not create a program (status \(created))") }
        defer { _ = destroy(&program) }
        let arguments = options.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        let status = arguments.map { UnsafePointer($0) }.withUnsafeBufferPointer {
            compileProgram(program, Int32(options.count), $0.baseAddress)
        }
        guard status == 0 else {
            throw ModelError(.invalidArgument, "CUDA backend: NVRTC failed on the generated code:\n" + read(program, logSize, log))
        }
        return read(program, ptxSize, ptx)
    }

    /// A text NVRTC gives as a size and then the characters (a log, the PTX).
    private func read(_ program: OpaquePointer?, _ size: Size, _ text: Text) -> String {
        var count = 0
        guard size(program, &count) == 0, count > 0 else { return "" }
        var characters = [CChar](repeating: 0, count: count + 1)
        guard text(program, &characters) == 0 else { return "" }
        return String(cString: characters)
    }
}
