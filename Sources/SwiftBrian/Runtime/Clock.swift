import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// A clock: the time step of the objects that use it. Time is `timestep*dt`, a product, never a
/// running sum, so long runs do not drift. Objects without a clock of their own use
/// ``defaultClock``.
public final class Clock {
    /// The time step. It may be changed between runs; it is checked when a run starts.
    public var dt: Quantity {
        didSet { dtBuffer[0] = dt.value }
    }
    /// A name for messages.
    public let name: String

    /// The current step, as kernels read it (`t_in_timesteps`).
    let timestep: DoubleBuffer
    /// The current time in seconds, as kernels read it (`t`).
    let time: DoubleBuffer
    /// The time step in seconds, as kernels read it (`dt`).
    let dtBuffer: DoubleBuffer
    /// The step at which the current run ends for this clock.
    var endStep = 0

    /// A clock with time step `dt`, at t = 0.
    public init(dt: Quantity, name: String = "clock") {
        self.dt = dt
        self.name = name
        timestep = DoubleBuffer(name: "\(name).timestep", scalar: 0)
        time = DoubleBuffer(name: "\(name).t", scalar: 0)
        dtBuffer = DoubleBuffer(name: "\(name).dt", scalar: dt.value)
    }

    /// The current time.
    public var t: Quantity { Quantity(value: time[0], dimension: .time) }

    /// The current step.
    public var step: Int { Int(timestep[0]) }

    /// Throws unless `dt` is a positive time.
    func validate() throws {
        guard dt.dimension == .time else {
            throw ModelError(.dimensionMismatch, "The time step of \(name) must be a time, but it is \(dt)")
        }
        guard dt.value > 0, dt.value.isFinite else {
            throw ModelError(.invalidArgument, "The time step of \(name) must be positive, but it is \(dt)")
        }
    }

    /// Moves the clock to `step`; a buffer already holding its value is not written (so that a
    /// backend keeping a copy elsewhere sees no change, see `Buffer.version`).
    func set(step: Int) {
        for (buffer, value) in [(timestep, Double(step)), (time, Double(step) * dt.value)]
        where buffer[0].bitPattern != value.bitPattern {
            buffer[0] = value
        }
    }

    /// Brian's rule for the step at time `t` (seconds): the nearest step if it is within 1e-4 dt,
    /// else the next one.
    func step(at t: Double) -> Int {
        let dt = self.dt.value
        let nearest = (t / dt).rounded(.toNearestOrEven)
        if nearest * dt == t || Swift.abs(nearest * dt - t) / dt <= Clock.epsilon { return Int(nearest) }
        return Int((t / dt).rounded(.up))
    }

    /// Clocks tick together when their times agree within this fraction of a step.
    static let epsilon = 1e-4
}

/// The clock of objects that are given no `dt` or clock: 0.1 ms, as in Brian.
public let defaultClock = Clock(dt: 0.1 * ms, name: "defaultclock")
