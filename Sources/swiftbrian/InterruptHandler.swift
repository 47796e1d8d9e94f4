import Dispatch
import Foundation
import SwiftBrian

/// Ctrl-C during `swiftbrian run`: the first one asks the simulation to stop at the end of the
/// current time step (``RunInterruption``), so that what was recorded so far is still written;
/// a second one ends the program at once, as Ctrl-C usually does.
enum InterruptHandler {
    /// The exit status after an interrupted run: 128 + SIGINT, as shells report a program
    /// ended by Ctrl-C.
    static let exitStatus: Int32 = 128 + SIGINT

    nonisolated(unsafe) private static var source: DispatchSourceSignal?

    /// Takes over SIGINT until the program ends.
    static func install() {
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            RunInterruption.request()
            let message = "\nInterrupted: stopping at the end of this time step to write the results so far "
                + "(press Ctrl-C again to quit at once)\n"
            FileHandle.standardError.write(Data(message.utf8))
            signal(SIGINT, SIG_DFL)
        }
        source.resume()
        self.source = source
    }
}
