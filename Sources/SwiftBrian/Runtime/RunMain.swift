import Foundation

/// Runs a script's model code and turns a mistake into a message instead of a crash: a thrown
/// error is printed on standard error (a ``ModelError`` with its caret) and the program exits
/// with status 1; otherwise it exits with 0. Write a script's top level as one call:
///
///     import SwiftBrian
///
///     runMain {
///         let G = try NeuronGroup(10, model: "dv/dt = -v/(10*ms) : volt")
///         try Network(G).run(100 * ms)
///     }
///
/// Without it, an error thrown at the top level of `main.swift` ends the program with Swift's
/// "Fatal error: Error raised at top level" and a backtrace.
public func runMain(_ body: () throws -> Void) -> Never {
    exit(runReportingErrors(body) { FileHandle.standardError.write(Data($0.utf8)) })
}

/// Runs `body`; a thrown error is written to `write` as `error: MESSAGE` (one line, then the
/// source line and caret of a ``ModelError``) and gives exit status 1, success gives 0.
func runReportingErrors(_ body: () throws -> Void, write: (String) -> Void) -> Int32 {
    do {
        try body()
        return 0
    } catch {
        write("error: \(error)\n")
        return 1
    }
}
