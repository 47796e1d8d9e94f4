import Foundation
import SwiftBrian

/// The folder `swiftbrian run` writes into: created and checked before anything is simulated,
/// and problems said in plain words (what could not be written, and why).
enum OutputFolder {
    /// Creates `folder` (and the folders above it) if needed and checks that a file can be
    /// written in it.
    static func prepare(_ folder: URL) throws {
        let path = folder.path
        var isFolder: ObjCBool = false
        // The nearest part of the path that exists must be a folder; the missing ones are made.
        var existing = folder, missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path, isDirectory: &isFolder), existing.path != "/" {
            missing.insert(existing.path, at: 0)
            existing.deleteLastPathComponent()
        }
        guard isFolder.boolValue else {
            throw cannotWrite(path, "'\(existing.path)' is a file, not a folder")
        }
        for folder in missing where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw cannotWrite(path, "cannot create '\(folder)': \(String(cString: strerror(errno)))")
        }
        let probe = folder.appendingPathComponent(".swiftbrian-write-test").path
        let descriptor = open(probe, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw cannotWrite(path, String(cString: strerror(errno))) }
        close(descriptor)
        unlink(probe)
    }

    /// The error of writing the outputs into `folder`, in plain words.
    static func writeError(_ error: Error, folder: URL) -> ModelError {
        cannotWrite(folder.path, reason(error))
    }

    private static func cannotWrite(_ path: String, _ reason: String) -> ModelError {
        ModelError(.invalidArgument, "Cannot write the outputs into '\(path)': \(reason)")
    }

    /// Why a file operation failed, in plain words: the system's message for the underlying
    /// error number (`Permission denied`, `No space left on device`), not Foundation's dump.
    private static func reason(_ error: Error) -> String {
        var current = error as NSError
        while true {
            if current.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(current.code))) }
            guard let underlying = current.userInfo[NSUnderlyingErrorKey] as? NSError else { break }
            current = underlying
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteOutOfSpace: return "the disk is full"
            case .fileWriteVolumeReadOnly: return "the disk is read-only"
            case .fileWriteFileExists: return "a file of that name is in the way"
            default: break
            }
        }
        return current.localizedDescription
    }
}
