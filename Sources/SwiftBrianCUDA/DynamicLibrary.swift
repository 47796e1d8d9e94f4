import Foundation
import SwiftBrianLanguage

/// A shared library opened at run time with `dlopen` (the CUDA libraries are never linked, so
/// the package builds and runs without them), and its functions.
final class DynamicLibrary: @unchecked Sendable {
    /// The path or name it was opened with.
    let path: String
    private let handle: UnsafeMutableRawPointer

    /// The first of `candidates` (paths, or names for the system's search) that opens, or nil.
    init?(firstOf candidates: [String]) {
        for candidate in candidates {
            if let handle = dlopen(candidate, RTLD_NOW | RTLD_LOCAL) {
                self.handle = handle
                path = candidate
                return
            }
        }
        return nil
    }

    /// The function `name` as a `T` (a `@convention(c)` function type).
    func function<T>(_ name: String, as type: T.Type) throws -> T {
        guard let symbol = dlsym(handle, name) else {
            throw ModelError(.invalidArgument, "CUDA backend: \(path) has no function \(name)")
        }
        return unsafeBitCast(symbol, to: type)
    }
}
