import SwiftBrianLanguage

/// Growth of buffers during a run that found no memory. A growth that fails writes nothing: the
/// buffer keeps what it had, the element is dropped, and the failure is recorded here (Swift
/// buffers) or in the generated library (`sb_reserve` in C); the backend that ran the kernel
/// throws ``error(name:elements:bytes:)`` once the kernel has finished. The run stops in the step
/// where a buffer could not grow: the kernels before it in that step have run, the clocks stay
/// at that step, and the buffer lacks the elements that did not fit.
package enum BufferGrowth {
    /// The first growth of a Swift buffer that failed since the last ``check()``.
    nonisolated(unsafe) package static var failure: (name: String, elements: Int, bytes: Int)?

    /// For tests: how many growths succeed before every one fails (nil: no limit). The native
    /// backends copy it into each library they prepare, which counts its own growths.
    nonisolated(unsafe) package static var growthsBeforeFailure: Int?

    /// Whether the next growth may allocate (it counts down ``growthsBeforeFailure``).
    static func allowsGrowth() -> Bool {
        guard let left = growthsBeforeFailure else { return true }
        guard left > 0 else { return false }
        growthsBeforeFailure = left - 1
        return true
    }

    /// The error for the buffer `name` that could not grow to `elements` elements (`bytes` bytes).
    package static func error(name: String, elements: Int, bytes: Int) -> ModelError {
        ModelError(.insufficientMemory, "Out of memory during the run: '\(name)' could not grow to \(elements) "
                   + "elements (\(bytes) bytes). Record fewer variables or neurons, record with a larger dt, "
                   + "or run for a shorter time")
    }

    /// Throws the failure of a Swift buffer recorded since the last check, and forgets it.
    package static func check() throws {
        guard let failure else { return }
        self.failure = nil
        throw error(name: failure.name, elements: failure.elements, bytes: failure.bytes)
    }
}
