import Foundation
import SwiftBrianLanguage

/// The user functions with C code that a model's kernels call (see ``CImplementation``): what they
/// add to the generated source (headers and code, once each), to the compilation (their source
/// files, include and library folders, libraries), and which of them a compiler or loader error
/// is about, so that the error names the function.
struct CUserFunctions {
    private struct Entry {
        let name: String
        let c: CImplementation
        /// The lines of the generated source its headers and code occupy (1-based).
        var lines: Range<Int> = 0..<0
        var cName: String { c.name ?? name }
    }

    private var entries: [Entry] = []

    /// The distinct C implementations of `functions`.
    ///
    /// - Throws: a ``ModelError`` when two functions of one name have different C code.
    init(_ functions: [Function]) throws {
        for function in functions {
            guard let c = function.cImplementation else { continue }
            if let known = entries.first(where: { $0.name == function.name }) {
                guard known.c == c else {
                    throw ModelError(.invalidArgument, "Two functions named '\(function.name)' have different C code")
                }
                continue
            }
            entries.append(Entry(name: function.name, c: c))
        }
    }

    /// The headers and code of every function, to be placed in the generated source from line
    /// `line` on (1-based); remembers where each lies.
    mutating func code(startingAtLine line: Int) -> String {
        var text = "", next = line
        for k in entries.indices {
            let c = entries[k].c
            var lines = ["/* C code of the function '\(entries[k].name)' */"]
            lines += c.headers.map { header in
                header.hasPrefix("<") || header.hasPrefix("\"") ? "#include \(header)" : "#include <\(header)>"
            }
            lines += c.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            entries[k].lines = next..<(next + lines.count)
            next += lines.count
            text += lines.joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The source files the functions add, with their contents (which the cache key includes).
    ///
    /// - Throws: a ``ModelError`` naming the function whose source file cannot be read.
    func sourceFiles() throws -> [(path: String, contents: String)] {
        try entries.flatMap { entry in
            try entry.c.sources.map { path in
                do {
                    return (path, try String(contentsOfFile: path, encoding: .utf8))
                } catch {
                    throw ModelError(.invalidArgument, "Cannot read the C source file '\(path)' of the function "
                                     + "'\(entry.name)': \(error.localizedDescription)")
                }
            }
        }
    }

    /// Compiler flags: the include folders.
    var compileFlags: [String] { entries.flatMap { $0.c.includeDirectories.map { "-I" + $0 } } }

    /// Linker flags: library folders (also searched when the model is loaded) and libraries.
    var linkFlags: [String] {
        entries.flatMap { $0.c.libraryDirectories.flatMap { ["-L" + $0, "-Wl,-rpath," + $0] } }
            + entries.flatMap { $0.c.libraries.map { "-l" + $0 } }
    }

    /// The error for a failed compilation of the generated file `sourceFile` with log `log`, when
    /// it is about a user function: a diagnostic at a line of its code or in one of its source
    /// files, one that names its C function (called but not declared, say), or a library of its
    /// that is not found.
    func compileError(log: String, sourceFile: String) -> ModelError? {
        for line in log.split(separator: "\n") {
            if let entry = entries.first(where: { entry in
                entry.c.sources.contains { line.hasPrefix($0 + ":") }
                    || entry.c.libraries.contains { line.contains("-l" + $0) }
                    || Self.lineNumber(of: line, in: sourceFile).map(entry.lines.contains) == true
                    || line.contains("error") && line.contains("'\(entry.cName)'")
            }) {
                return ModelError(.invalidArgument, "The C code of the function '\(entry.name)' fails to compile or link:\n" + log)
            }
        }
        return nil
    }

    /// The error for a compiled model that cannot be loaded, when a user function's C function is
    /// missing (declared, but defined by no code, source file or library).
    func loadError(_ message: String) -> ModelError? {
        guard let entry = entries.first(where: { message.hasSuffix("undefined symbol: " + $0.cName) }) else { return nil }
        return ModelError(.invalidArgument, "The C function '\(entry.cName)' of the function '\(entry.name)' is "
                          + "not defined by its code, its source files or its libraries (\(message))")
    }

    /// The line number of a diagnostic `file:line:column: ...` about `file`.
    private static func lineNumber(of diagnostic: Substring, in file: String) -> Int? {
        guard diagnostic.hasPrefix(file + ":") else { return nil }
        return Int(diagnostic.dropFirst(file.count + 1).prefix { $0.isNumber })
    }
}
