/// Executes kernels on the buffers they reference. The interpreter is the reference backend;
/// every other backend must give the same results.
public protocol Backend: AnyObject {
    /// The seed of every random draw.
    var seed: UInt64 { get set }
    /// Prepares the kernels of a run for repeated execution (a compiling backend compiles them
    /// here).
    func prepare(_ schedule: StepSchedule) throws -> PreparedSchedule
    /// Runs `kernel` once.
    func execute(_ kernel: Kernel) throws
}

/// The kernels of a time step, in schedule order, with the clock each runs on.
public struct StepSchedule {
    /// The kernels, in the order they run within a step.
    public var kernels: [Kernel]
    /// For each kernel, its clock's index in `clocks`.
    public var kernelClocks: [Int]
    /// The clocks.
    public var clocks: [ClockBuffers]
    /// The clocks on whose steps Swift code (a network operation) runs too: a native loop hands
    /// such steps back to Swift.
    public var swiftClocks: Set<Int>
    /// Runs of kernels whose members are independent of each other (see ``IndependentGroup``), in
    /// schedule order, not overlapping; a backend may run their members on several threads.
    public var independentGroups: [IndependentGroup]

    /// A schedule of `kernels` on `clocks`, with `independentGroups` among them.
    public init(kernels: [Kernel], kernelClocks: [Int], clocks: [ClockBuffers], swiftClocks: Set<Int>,
                independentGroups: [IndependentGroup] = []) {
        self.kernels = kernels
        self.kernelClocks = kernelClocks
        self.clocks = clocks
        self.swiftClocks = swiftClocks
        self.independentGroups = independentGroups
    }
}

/// A clock as kernels see it: its current step, time and time step, each a one-element buffer.
/// Time is always `step*dt`. Clocks tick together when their times agree within 1e-4 of the
/// earliest clock's step.
public struct ClockBuffers {
    public var step: DoubleBuffer
    public var time: DoubleBuffer
    public var dt: DoubleBuffer

    public init(step: DoubleBuffer, time: DoubleBuffer, dt: DoubleBuffer) {
        self.step = step
        self.time = time
        self.dt = dt
    }
}

/// A schedule ready to run: each kernel on its own, and, where the backend can, a loop that runs
/// whole time steps without returning to Swift.
public struct PreparedSchedule {
    /// Runs each kernel once, in schedule order.
    public var kernels: [() throws -> Void]
    /// Runs steps until every clock reached its end step, until a step of a clock in
    /// `swiftClocks` is due (which Swift must run), or for at most `maxSteps` steps.
    public var loop: ((_ endSteps: [Int], _ maxSteps: Int) throws -> LoopStop)?
    /// Runs once after the run's last step, however the run ended but by an error (a backend
    /// whose loop leaves state on a device between the chunks of a run copies it back here).
    public var finish: (() throws -> Void)?

    public init(kernels: [() throws -> Void], loop: ((_ endSteps: [Int], _ maxSteps: Int) throws -> LoopStop)?,
                finish: (() throws -> Void)? = nil) {
        self.kernels = kernels
        self.loop = loop
        self.finish = finish
    }
}

/// Why a native loop returned.
public enum LoopStop: Int32 {
    /// Every clock reached its end.
    case finished = 0
    /// The next step needs Swift (a network operation, or a kernel only the interpreter runs).
    case swiftStepDue = 1
    /// `maxSteps` steps were run.
    case paused = 2
}
