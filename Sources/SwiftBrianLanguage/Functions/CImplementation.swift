/// A user function written in C, for the native backend: Brian's
/// `@implementation('cpp', code, name=, sources=, headers=, libraries=, include_dirs=, library_dirs=)`.
///
/// The code is placed in the generated C of every model that calls the function, after the
/// headers, and is compiled and linked with the model; the function then runs inside the native
/// code. It must define (or declare, when a source file defines it) a function taking one
/// `double` per argument and returning a `double`, all in SI base units:
///
///     let sigmoid = Function("sigmoid", arguments: [.dimensionless], result: .dimensionless,
///                            implementation: { 1 / (1 + exp(-$0[0])) },
///                            c: CImplementation(code: "double sigmoid(double x) { return 1.0/(1.0 + exp(-x)); }"))
///
/// The Swift implementation is what the interpreter runs; both should compute the same thing
/// (with the same operations in the same order they give the same bits). `<math.h>` and
/// `<stdint.h>` are included already. A model's compiled library is cached under a hash of its
/// source, which includes this code and the contents of ``sources``; a change in a header or a
/// library is not noticed.
public struct CImplementation: Hashable, Sendable {
    /// C code defining the function (and whatever it needs).
    public var code: String
    /// The name of the C function to call; nil for the function's own name.
    public var name: String?
    /// Paths of further C source files, compiled and linked with the model.
    public var sources: [String]
    /// Headers to include before the code, as written after `#include` (`<gsl/gsl_sf.h>` or
    /// `"my_header.h"`; a bare name is taken as `<name>`).
    public var headers: [String]
    /// Libraries to link, by name (`gsl` for `-lgsl`).
    public var libraries: [String]
    /// Folders searched for headers (`-I`).
    public var includeDirectories: [String]
    /// Folders searched for libraries, when linking and when loading (`-L` and the run-time path).
    public var libraryDirectories: [String]

    /// A C implementation; see the properties.
    public init(code: String, name: String? = nil, sources: [String] = [], headers: [String] = [],
                libraries: [String] = [], includeDirectories: [String] = [], libraryDirectories: [String] = []) {
        self.code = code
        self.name = name
        self.sources = sources
        self.headers = headers
        self.libraries = libraries
        self.includeDirectories = includeDirectories
        self.libraryDirectories = libraryDirectories
    }
}
