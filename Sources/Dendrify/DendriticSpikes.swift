import SwiftBrian

/// One type of dendritic spike on one dendrite, as Dendrify implements it: a custom event
/// `spike_<type>_<dendrite>` when the voltage reaches the threshold outside the refractory
/// period, which records the time step (`spiketime_*`) and opens the gate (`gate_* = 1`); a rise
/// current (conductance `g_rise_max`, reversal `E_rise_<type>`) flows for `duration_rise` steps
/// after the event, and a fall current from `offset_fall` to `offset_fall + duration_fall` steps.
/// Durations are integer numbers of time steps of ``defaultClock`` at the time they are given.
struct DendriticSpikes: Sendable {
    /// The type (`"Na"`).
    let type: String
    /// The dendrite's name.
    let dendrite: String
    var threshold: Quantity?
    var gRise: Quantity
    var gFall: Quantity
    var reversalRise: Quantity?
    var reversalFall: Quantity?
    var durationRise: Int?
    var durationFall: Int?
    var offsetFall: Int?
    var refractory: Int?

    /// Dendrify's id, `<type>_<dendrite>`.
    var id: String { "\(type)_\(dendrite)" }
    /// The event's name, `spike_<type>_<dendrite>`.
    var event: String { "spike_\(id)" }
    /// What messages call it.
    var owner: String { "the dSpikes '\(type)' of '\(dendrite)'" }

    /// New dSpikes with the conductances checked (the rest may come from ``configure``).
    init(type: String, dendrite: String, gRise: Quantity, gFall: Quantity) throws {
        try ArgumentChecks.identifier(type, "dSpike name")
        self.type = type
        self.dendrite = dendrite
        self.gRise = gRise
        self.gFall = gFall
        try ArgumentChecks.positive(gRise, "gRise", of: owner, dimension: .conductance, unit: "a conductance")
        try ArgumentChecks.positive(gFall, "gFall", of: owner, dimension: .conductance, unit: "a conductance")
    }

    /// Sets the values given (nil leaves a value as it is), durations converted to time steps of
    /// ``defaultClock`` now.
    mutating func configure(threshold: Quantity?, durationRise: Quantity?, durationFall: Quantity?,
                            reversalRise: (any ReversalPotential)?, reversalFall: (any ReversalPotential)?,
                            offsetFall: Quantity?, refractory: Quantity?) throws {
        if let threshold {
            try ArgumentChecks.finite(threshold, "threshold", of: owner, dimension: .voltage, unit: "a voltage")
            self.threshold = threshold
        }
        if let reversalRise { self.reversalRise = try DefaultParameters.voltage(reversalRise, "reversalRise", of: owner) }
        if let reversalFall { self.reversalFall = try DefaultParameters.voltage(reversalFall, "reversalFall", of: owner) }
        let dt = defaultClock.dt.value
        if let durationRise { self.durationRise = try steps(durationRise, "durationRise", dt: dt, zeroAllowed: false) }
        if let durationFall { self.durationFall = try steps(durationFall, "durationFall", dt: dt, zeroAllowed: false) }
        if let offsetFall { self.offsetFall = try steps(offsetFall, "offsetFall", dt: dt, zeroAllowed: true) }
        if let refractory { self.refractory = try steps(refractory, "refractory", dt: dt, zeroAllowed: true) }
    }

    /// `duration` in time steps by Brian's rule `timestep(t, dt) = int((t + 1e-3*dt)/dt)`.
    private func steps(_ duration: Quantity, _ argument: String, dt: Double, zeroAllowed: Bool) throws -> Int {
        if zeroAllowed {
            try ArgumentChecks.notNegative(duration, argument, of: owner, dimension: .time, unit: "a time")
        } else {
            try ArgumentChecks.positive(duration, argument, of: owner, dimension: .time, unit: "a time")
        }
        let steps = ((duration.value + 1e-3 * dt) / dt).rounded(.towardZero)
        guard steps < 1e15 else {
            throw ModelError(.invalidArgument, "\(argument) of \(owner) is \(duration), too many time steps of "
                             + "\(defaultClock.dt)")
        }
        return Int(steps)
    }

    /// The event's condition.
    var condition: String {
        "V_\(dendrite) >= Vth_\(id) and t_in_timesteps >= spiketime_\(id) + refractory_\(id) * gate_\(id)"
    }

    /// The statements run on the event.
    var action: String { "spiketime_\(id) = t_in_timesteps; gate_\(id) = 1" }

    /// The currents inserted into `I_<dendrite>`.
    var currents: String { "I_rise_\(id) + I_fall_\(id)" }

    /// The equations appended to the dendrite's.
    var equations: String {
        let v = "V_\(dendrite)"
        return """
            I_rise_\(id) = g_rise_\(id) * (E_rise_\(type)-\(v))  :amp
            I_fall_\(id) = g_fall_\(id) * (E_fall_\(type)-\(v))  :amp
            g_rise_\(id) = g_rise_max_\(id) * int(t_in_timesteps <= spiketime_\(id) + duration_rise_\(id)) * gate_\(id) :siemens
            g_fall_\(id) = g_fall_max_\(id) * int(t_in_timesteps <= spiketime_\(id) + offset_fall_\(id) + duration_fall_\(id)) * int(t_in_timesteps >= spiketime_\(id) + offset_fall_\(id)) *  gate_\(id) :siemens
            spiketime_\(id)  :1
            gate_\(id)  :1
            """
    }

    /// The parameters in Dendrify's order (those not given yet are left out).
    var parameters: ModelParameters {
        var parameters = ModelParameters()
        let values: [(String, Quantity?)] = [("Vth_\(id)", threshold), ("g_rise_max_\(id)", gRise),
                                             ("g_fall_max_\(id)", gFall), ("E_rise_\(type)", reversalRise),
                                             ("E_fall_\(type)", reversalFall)]
        for case let (name, value?) in values { parameters.set(name, value) }
        let counts: [(String, Int?)] = [("duration_rise_\(id)", durationRise), ("duration_fall_\(id)", durationFall),
                                        ("offset_fall_\(id)", offsetFall), ("refractory_\(id)", refractory)]
        for case let (name, value?) in counts { parameters.set(name, Quantity(value: Double(value)), isInteger: true) }
        return parameters
    }

    /// Throws unless every value is given (before a group is made).
    func checkComplete() throws {
        let missing = [("threshold", threshold == nil), ("reversalRise", reversalRise == nil),
                       ("reversalFall", reversalFall == nil), ("durationRise", durationRise == nil),
                       ("durationFall", durationFall == nil), ("offsetFall", offsetFall == nil),
                       ("refractory", refractory == nil)].filter(\.1).map(\.0)
        guard missing.isEmpty else {
            throw ModelError(.invalidArgument, "\(owner) have no \(missing.joined(separator: ", ")): give them to "
                             + "dspikes(...) or the model's configDspikes(\"\(type)\", ...)")
        }
    }
}
