import Foundation
import SwiftBrian
import XCTest

/// User functions with C code (Brian's `@implementation('cpp', ...)`): the native backend runs the
/// C code inside the generated library, the interpreter the Swift implementation.
final class UserCFunctionTests: XCTestCase {
    override func setUp() {
        defaultClock.dt = 0.1 * ms
    }

    /// `softplus(x, s)` with the same operations in Swift and in C, in a differential equation and
    /// in code: bit-identical on both backends.
    func testSwiftAndCImplementationsAgree() throws {
        let softplus = Function("softplus", arguments: [.dimensionless, .dimensionless], result: .dimensionless,
                                implementation: { x in x[1] * log1p(exp(x[0] / x[1])) },
                                c: CImplementation(code: """
                                    double softplus(double x, double s) {
                                        return s * log1p(exp(x / s));
                                    }
                                    """))
        let result = try onBothBackends("softplus") { backend in
            let G = try NeuronGroup(50, model: "dv/dt = (softplus(I - v, 0.5) - v)/(10*ms) : 1\nI : 1\ny : 1",
                                    method: .rk4, namespace: Namespace([:], functions: [softplus]), name: "G")
            try G.I.set("(i - 25)*0.2")
            try G.runRegularly("y = softplus(v*i, 1 + i/10)", name: "G_softplus")
            try Network(G, backend: backend).run(5 * ms)
            var result = CaseResult()
            result.final("v", try G.v.values)
            result.final("y", try G.y.values)
            return result
        }
        XCTAssertGreaterThan(result.numbers("v").max() ?? 0, 0.5)
    }

    /// Brian's `f(x) = x**3 - 2*x + sin(x)` (a Python function in Brian, C and Swift here) in
    /// `dv/dt = (f(v) - v)/ms`: Brian's values for euler and rk4 (Tests/Fixtures/brian/user_function.py).
    func testAgainstBrian() throws {
        let brian = try BrianFixture("user_function")
        let f = Function("f", arguments: [.dimensionless], result: .dimensionless,
                         implementation: { x in x[0] * x[0] * x[0] - 2 * x[0] + sin(x[0]) },
                         c: CImplementation(code: "double f(double x) { return x * x * x - 2 * x + sin(x); }"))
        for method in [IntegrationMethod.euler, .rk4] {
            let result = try onBothBackends("f with \(method)") { backend in
                let G = try NeuronGroup(1, model: "dv/dt = (f(v) - v)/ms : 1", method: method,
                                        namespace: Namespace([:], functions: [f]), name: "G")
                try G.v.set(0.3)
                try Network(G, backend: backend).run(2 * ms)
                var result = CaseResult()
                result.final("v", try G.v.values)
                return result
            }
            assertClose(result.numbers("v"), [try brian.number("\(method.rawValue)_v_final")], rtol: 1e-12, atol: 1e-15,
                        "\(method)")
        }
    }

    /// The C code is what the native backend runs (here it differs from the Swift closure on
    /// purpose): no kernel falls back to the interpreter.
    func testNativeRunsTheCCode() throws {
        let twice = Function("scaled", arguments: [.dimensionless], result: .dimensionless, implementation: { 3 * $0[0] },
                             c: CImplementation(code: "double scaled_c(double x) { return 2 * x; }", name: "scaled_c"))
        for (backend, factor) in [(BackendKind.native, 2.0), (.interpreter, 3.0)] {
            let G = try NeuronGroup(3, model: "x : 1\ny : 1", namespace: Namespace([:], functions: [twice]), name: "G")
            try G.x.set([1, 2, 3])
            try G.runRegularly("y = scaled(x)", name: "G_scaled")
            try Network(G, backend: backend).run(0.1 * ms)
            XCTAssertEqual(try G.y.values.values, [1, 2, 3].map { factor * $0 }, "\(backend)")
        }
    }

    /// Source files, headers, folders and libraries; the cache key includes the source files'
    /// contents, so an edited file is compiled again.
    func testSourceFilesHeadersAndLibraries() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sb_user_c_\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = folder.appendingPathComponent("gain.h"), source = folder.appendingPathComponent("gain.c")
        try "double gain_of(double x);\n".write(to: header, atomically: true, encoding: .utf8)
        func run(gain: Int) throws -> [Double] {
            try "#include <math.h>\ndouble gain_of(double x) { return \(gain) * fabs(x); }\n"
                .write(to: source, atomically: true, encoding: .utf8)
            let function = Function("gain", arguments: [.dimensionless], result: .dimensionless,
                                    implementation: { Double(gain) * abs($0[0]) },
                                    c: CImplementation(code: "double gain(double x) { return gain_of(x); }",
                                                       sources: [source.path], headers: ["\"gain.h\""], libraries: ["m"],
                                                       includeDirectories: [folder.path]))
            let G = try NeuronGroup(2, model: "x : 1\ny : 1", namespace: Namespace([:], functions: [function]), name: "G")
            try G.x.set([-1, 2])
            try G.runRegularly("y = gain(x)", name: "G_gain")
            try Network(G, backend: .native).run(0.1 * ms)
            return try G.y.values.values
        }
        XCTAssertEqual(try run(gain: 4), [4, 8])
        XCTAssertEqual(try run(gain: 5), [5, 10], "the edited source file is compiled again")
    }

    func testErrorsInTheCCodeNameTheFunction() throws {
        let cases: [(CImplementation, String)] = [
            (CImplementation(code: "double broken(double x) { return x +; }"),
             "The C code of the function 'broken' fails to compile or link"),
            (CImplementation(code: "double broken(double x) { return x; }", libraries: ["sb_no_such_library"]),
             "The C code of the function 'broken' fails to compile or link"),
            (CImplementation(code: "double broken_c(double x);", name: "broken_c"),
             "The C function 'broken_c' of the function 'broken' is not defined by its code, its source files or its libraries"),
            (CImplementation(code: "double broken(double x) { return x; }", sources: ["/nonexistent/sb.c"]),
             "Cannot read the C source file '/nonexistent/sb.c' of the function 'broken'"),
        ]
        for (c, message) in cases {
            let function = Function("broken", arguments: [.dimensionless], result: .dimensionless,
                                    implementation: { $0[0] }, c: c)
            let G = try NeuronGroup(1, model: "x : 1", namespace: Namespace([:], functions: [function]), name: "G")
            try G.runRegularly("x = broken(x)", name: "G_broken")
            XCTAssertThrowsError(try Network(G, backend: .native).run(0.1 * ms)) { error in
                XCTAssertTrue((error as? ModelError)?.message.hasPrefix(message) == true, "\(error)")
            }
        }
    }
}
