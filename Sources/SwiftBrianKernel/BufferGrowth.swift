import Foundation
import SwiftBrianLanguage

/// Growth of buffers during a run that found no memory. A growth that fails writes nothing: the
/// buffer keeps what it had, the element is dropped, and the failure is recorded for the thread
/// that ran the kernel, here (Swift buffers) or in the generated library (`sb_reserve` in C, a
/// thread-local record); the backend that ran the kernel throws ``error(name:elements:bytes:)``
/// once the kernel has finished. Networks run on different threads at the same time each see
/// their own failures only.
///
/// Outside a run (building a model, creating synapses, restoring), a buffer that cannot be
/// allocated throws ``allocationError(name:elements:bytes:)`` at once.
package enum BufferGrowth {
    /// A growth that failed: the buffer's name, the elements and the bytes asked for.
    package struct Failure: Equatable {
        package var name: String
        package var elements: Int
        package var bytes: Int
    }

    /// The first growth of a Swift buffer that failed on the calling thread since the last
    /// ``check()``.
    package static var failure: Failure? {
        get { FailureRecord.current.failure }
        set { FailureRecord.current.failure = newValue }
    }

    /// Records the failed growth of `name` to `elements` elements (`bytes` bytes) on the calling
    /// thread, unless one is recorded already (the first one is reported).
    static func record(name: String, elements: Int, bytes: Int) {
        let record = FailureRecord.current
        if record.failure == nil { record.failure = Failure(name: name, elements: elements, bytes: bytes) }
    }

    /// For tests: how many growths succeed before every one fails (nil: no limit), on every
    /// thread. The native backends copy it into each library they prepare, which counts its own
    /// growths.
    nonisolated(unsafe) package static var growthsBeforeFailure: Int?

    /// Whether the next growth may allocate (it counts down ``growthsBeforeFailure``).
    static func allowsGrowth() -> Bool {
        guard let left = growthsBeforeFailure else { return true }
        guard left > 0 else { return false }
        growthsBeforeFailure = left - 1
        return true
    }

    /// The error for the buffer `name` that could not grow to `elements` elements (`bytes` bytes)
    /// during a run.
    package static func error(name: String, elements: Int, bytes: Int) -> ModelError {
        ModelError(.insufficientMemory, "Out of memory during the run: '\(name)' could not grow to \(elements) "
                   + "elements (\(describe(bytes))). Record fewer variables or neurons, record with a larger dt, "
                   + "or run for a shorter time")
    }

    /// The error for the buffer `name` whose `elements` elements (`bytes` bytes; `Int.max`: more
    /// than can be counted) could not be allocated outside a run.
    package static func allocationError(name: String, elements: Int, bytes: Int) -> ModelError {
        ModelError(.insufficientMemory, "Out of memory: '\(name)' needs \(elements) elements (\(describe(bytes))), "
                   + "more than could be allocated. Make the model smaller (fewer neurons, synapses, recorded "
                   + "elements or input values) or free memory")
    }

    /// `bytes` as the messages say it: "128 bytes", "more bytes than can be counted".
    private static func describe(_ bytes: Int) -> String {
        bytes == Int.max ? "more bytes than can be counted" : "\(bytes) bytes"
    }

    /// Throws the failure of a Swift buffer recorded on the calling thread since the last check,
    /// and forgets it.
    package static func check() throws {
        let record = FailureRecord.current
        guard let failure = record.failure else { return }
        record.failure = nil
        throw error(name: failure.name, elements: failure.elements, bytes: failure.bytes)
    }
}

/// The failure record of one thread (see ``BufferGrowth/failure``), kept in a POSIX thread-specific
/// slot and released with its thread.
private final class FailureRecord {
    var failure: BufferGrowth.Failure?

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            guard let pointer else { return }
            Unmanaged<FailureRecord>.fromOpaque(UnsafeRawPointer(pointer)).release()
        }
        return key
    }()

    /// The calling thread's record, created on first use.
    static var current: FailureRecord {
        if let pointer = pthread_getspecific(key) {
            return Unmanaged<FailureRecord>.fromOpaque(UnsafeRawPointer(pointer)).takeUnretainedValue()
        }
        let record = FailureRecord()
        pthread_setspecific(key, Unmanaged.passRetained(record).toOpaque())
        return record
    }
}
