import SwiftBrianKernel

/// The steps of a run on the device, the host only launching (``CUDABackend``'s loop): a chunk of
/// steps reserves room for what its kernels append, copies to the device what the host changed
/// since the device last had it (nothing, after a chunk that paused), launches every step's kernels
/// and clock steps with no copy between them, and copies back what the launches may have changed:
/// at a pause (the run goes on with the next chunk) only what the host reads between chunks, the
/// clocks and the monitors' records; the rest when Swift runs next (a network operation, the run's
/// end: ``CUDABackend``'s `finish`) or an error stops the run. The host follows the clocks with the
/// same arithmetic as the device (and the C loop of the native backend, `CLoopEmitter`) to know
/// which kernels each step runs. A kernel the host runs copies back what the device changed before
/// it, and what it changed to the device after it.
struct DeviceStepLoop {
    unowned let backend: CUDABackend
    let kernels: [CUDABackend.PreparedKernel]
    let kernelClocks: [Int]
    let clocks: [ClockBuffers]
    /// For each clock, its step on the device.
    let clockLaunches: [CUDABackend.BoundLaunch]
    let swiftClocks: Set<Int>

    /// Runs steps until every clock reached its end step (`endSteps`), until a step of a clock
    /// in `swiftClocks` is due, or for at most `maxSteps` steps (fewer when what the kernels
    /// append has room for fewer).
    func run(endSteps: [Int], maxSteps: Int) throws -> LoopStop {
        do {
            return try runChunk(endSteps: endSteps, maxSteps: maxSteps)
        } catch {
            // The state the host keeps for inspection is the device's.
            try backend.downloadChanged()
            throw error
        }
    }

    /// ``run(endSteps:maxSteps:)``, the state left on the device if it throws.
    private func runChunk(endSteps: [Int], maxSteps: Int) throws -> LoopStop {
        guard !clocks.isEmpty else { return .finished }
        let onHost = kernels.contains { $0.launches == nil }
        // A kernel on the host may grow a list whose room bounds a launch: then a chunk is a step.
        // Otherwise room is made for the steps the run has left at most.
        let left = zip(clocks, endSteps).reduce(0) { $0 + max($1.1 - Int($1.0.step[0]), 0) }
        let steps = try backend.reserveRoom(for: kernels, steps: onHost ? 1 : max(min(maxSteps, left), 1))
        try backend.uploadChanged()
        try backend.clearStatus()
        let before = backend.traffic.copies
        var step = clocks.map { $0.step[0] }, time = clocks.map { $0.time[0] }
        let dt = clocks.map { $0.dt[0] }
        var stop = LoopStop.paused
        for _ in 0..<steps {
            var earliest = 0
            for i in clocks.indices.dropFirst() where time[i] < time[earliest] { earliest = i }
            if Int64(step[earliest]) >= Int64(endSteps[earliest]) {
                stop = .finished
                break
            }
            let now = time[earliest], tolerance = 1e-4 * dt[earliest]
            let current = time.map { $0 == now || abs($0 - now) < tolerance }
            if swiftClocks.contains(where: { current[$0] }) {
                stop = .swiftStepDue
                break
            }
            for (k, kernel) in kernels.enumerated() where current[kernelClocks[k]] {
                if let launches = kernel.launches {
                    for launch in launches { try backend.launch(launch) }
                } else {
                    try runOnHost(kernel.kernel)
                }
            }
            for i in clocks.indices where current[i] {
                try backend.launch(clockLaunches[i])
                step[i] += 1
                time[i] = step[i] * dt[i]
            }
        }
        backend.copiesWhileStepping += backend.traffic.copies - before
        try backend.downloadChanged(pausing: stop == .paused)
        try backend.checkStatus(kernels)
        return stop
    }

    /// Runs `kernel` on the host with the device's state (after throwing the error of a launch
    /// that failed before it: the state is then the failing step's).
    private func runOnHost(_ kernel: Kernel) throws {
        try backend.downloadChanged()
        try backend.checkStatus(kernels)
        try backend.runOnHost(kernel)
        try backend.reserveRoom(for: kernels, steps: 1)
        try backend.uploadChanged()
    }
}
