import Foundation
import SwiftBrianLanguage

/// Compiles generated C into a shared library with the C compiler of the Swift toolchain (clang
/// beside `swiftc`), or `$CC`. Libraries are cached in the user's cache folder
/// (`$XDG_CACHE_HOME/swiftbrian` or `~/.cache/swiftbrian`) under a hash of the source, the flags and
/// the compiler's version, so a model compiled once loads at once the next time.
package struct CCompiler {
    /// The compiler executable.
    let path: String
    /// Its version line, part of the cache key.
    let version: String
    /// Flags: optimized for this machine, position-independent, no floating-point contraction
    /// (results must equal the interpreter's); math functions do not set `errno`, so the compiler
    /// may hoist them out of loops (their values are unchanged). On x86, loops vectorize with the
    /// widest vectors the machine has (AVX-512: 8 doubles; clang otherwise stops at 256 bits): the
    /// portable `exp`, whose polynomial is a chain of dependent operations, the Philox rounds of
    /// Poisson draws and conductance-based state updates run 15–25% faster (the Hodgkin–Huxley
    /// axon of rallpack3 20–25%). Each element's arithmetic is the same at any vector width.
    package static let exactFlags = ["-O3", "-march=native"] + widestVectors + ["-fPIC", "-shared", "-std=c11",
                             "-ffp-contract=off", "-fno-fast-math", "-fno-math-errno", "-w"]
    #if arch(x86_64)
    private static let widestVectors = ["-mprefer-vector-width=512"]
    #else
    private static let widestVectors: [String] = []
    #endif
    /// With `fastMath`: the compiler may reorder arithmetic and use vectorized math functions, as
    /// Brian's C++ targets do by default; results then differ from the interpreter's in the last
    /// bits (and chaotic models diverge). `SB_FAST_MATH` tells the generated code (clang's own
    /// `__FAST_MATH__` is not defined with `-fno-finite-math-only`).
    static let fastFlags = ["-O3", "-march=native"] + widestVectors + ["-fPIC", "-shared", "-std=c11", "-ffast-math",
                            "-fno-finite-math-only", "-fveclib=libmvec", "-DSB_FAST_MATH", "-w"]

    /// The compiler found on this machine, looked up once.
    package static let shared: CCompiler? = find()

    /// Whether there is a compiler.
    static var available: Bool { shared != nil }

    /// The compiler to use, or nil when there is none.
    static func find() -> CCompiler? {
        var candidates: [String] = []
        let environment = ProcessInfo.processInfo.environment
        if let cc = environment["CC"], !cc.isEmpty { candidates.append(cc) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let swiftc = "\(directory)/swiftc"
            if FileManager.default.isExecutableFile(atPath: swiftc) {
                let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
                candidates.append(resolved.appendingPathComponent("clang").path)
                candidates.append("\(directory)/clang")
            }
        }
        candidates += ["/opt/swift/usr/bin/clang", "/usr/bin/clang", "/usr/bin/cc", "/usr/bin/gcc"]
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            if let version = try? run(candidate, ["--version"]).output.split(separator: "\n").first {
                return CCompiler(path: candidate, version: String(version))
            }
        }
        return nil
    }

    /// The cache folder.
    package static var cacheDirectory: URL {
        let environment = ProcessInfo.processInfo.environment
        let base = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        return base.appendingPathComponent("swiftbrian")
    }

    /// Why the compiler failed: its output, and the file the generated source was written to.
    package struct Failure: Error {
        package let log: String
        package let sourceFile: String
    }

    /// The library for `source` compiled with `flags`, together with the C files `extraSources`
    /// (paths and contents) and linked with `linkFlags`: from the cache, or compiled now.
    /// `compiled` tells which. The cache key covers the source, the flags, the compiler, the extra
    /// files' contents and the link flags.
    ///
    /// - Throws: ``Failure`` when the compiler fails; a ``ModelError`` when the cache folder cannot
    ///   be written.
    package func library(for source: String, flags: [String], extraSources: [(path: String, contents: String)] = [],
                 linkFlags: [String] = []) throws -> (path: String, compiled: Bool) {
        let inputs = extraSources.map { "\($0.path)\n\($0.contents)" } + [linkFlags.joined(separator: " ")]
        let key = CCompiler.hash(([source, flags.joined(separator: " "), version] + inputs).joined(separator: "\n"))
        let directory = CCompiler.cacheDirectory
        let library = directory.appendingPathComponent("sb_\(key).so")
        if FileManager.default.fileExists(atPath: library.path) { return (library.path, false) }
        let sourceFile = directory.appendingPathComponent("sb_\(key).c")
        let temporary = directory.appendingPathComponent("sb_\(key).\(ProcessInfo.processInfo.processIdentifier).so")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(source.utf8).write(to: sourceFile)
        } catch {
            throw ModelError(.invalidArgument, "Cannot write to the cache folder \(directory.path): \(error)")
        }
        let result = try CCompiler.run(path, flags + [sourceFile.path] + extraSources.map(\.path)
                                       + ["-o", temporary.path] + linkFlags + ["-lm"])
        guard result.status == 0 else { throw Failure(log: result.output, sourceFile: sourceFile.path) }
        // Renaming is atomic: a parallel process sees the whole library or none.
        _ = try? FileManager.default.removeItem(at: library)
        try FileManager.default.moveItem(at: temporary, to: library)
        return (library.path, true)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    /// 128-bit FNV-1a of `text` as hex (a content hash for file names, not for security).
    package static func hash(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325, b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            b = (b ^ UInt64(byte) ^ (a >> 29)) &* 0x0000_0100_0000_01B3
        }
        return String(a, radix: 16) + String(b, radix: 16)
    }
}
