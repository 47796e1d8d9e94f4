/// One simulated trial of the action-control task of ``PFCActionControl``: what was asked and
/// what the action-selection stage did.
public struct ActionTrial: Sendable, Equatable {
    /// The condition of the session.
    public let condition: PFCCondition
    /// The session (one copy of the circuit) within its condition.
    public let session: Int
    /// The trial's number within its session.
    public let trial: Int
    /// The stop-signal delay (seconds after the go cue) on a stop trial, nil on a go trial.
    public let stopSignalDelay: Double?
    /// Whether the trial comes after the reversal of the rewarded action.
    public let afterReversal: Bool
    /// The action rewarded on this trial (0 or 1).
    public let rewarded: Int
    /// The action chosen (0 or 1), nil when no action population reached the threshold.
    public let choice: Int?
    /// The action latency: seconds from the go cue to the threshold crossing (nil without action).
    public let latency: Double?

    /// Whether the trial is a stop trial.
    public var isStop: Bool { stopSignalDelay != nil }
}

/// The behavioural readouts of a set of trials of one condition (``ActionTrial``): action latency,
/// stop-signal reaction time by the integration method, reversal accuracy and perseveration.
public struct ActionBehaviour: Sendable {
    /// The trials the readouts come from.
    public let trials: [ActionTrial]
    /// The time from the go cue to the end of a trial: the latency given to go trials without an
    /// action in the integration method.
    public let responseWindow: Double

    /// The readouts of `trials`, whose responses could come up to `responseWindow` after the cue.
    public init(_ trials: [ActionTrial], responseWindow: Double) {
        self.trials = trials
        self.responseWindow = responseWindow
    }

    /// The go trials.
    public var goTrials: [ActionTrial] { trials.filter { !$0.isStop } }
    /// The stop trials.
    public var stopTrials: [ActionTrial] { trials.filter(\.isStop) }

    /// The action latencies of the go trials with an action (seconds).
    public var latencies: [Double] { goTrials.compactMap(\.latency) }

    /// The mean action latency of the go trials with an action (NaN without any).
    public var meanLatency: Double { Self.mean(latencies) }

    /// The fraction of go trials without an action (NaN without go trials).
    public var omissionRate: Double { Self.mean(goTrials.map { $0.choice == nil ? 1 : 0 }) }

    /// The fraction of stop trials with an action, p(respond | signal) (NaN without stop trials).
    public var respondProbability: Double { Self.mean(stopTrials.map { $0.choice == nil ? 0 : 1 }) }

    /// The stop-signal reaction time by the integration method of the race model (Logan & Cowan
    /// 1984; Verbruggen et al. 2019), with the stop trials of all delays pooled: the latency of the
    /// go trials at the quantile p(respond | signal), with go omissions given the longest latency
    /// (the response window), less the mean stop-signal delay. NaN without go or stop trials.
    public var ssrt: Double {
        let stops = stopTrials
        let go = goTrials.map { $0.latency ?? responseWindow }.sorted()
        guard !stops.isEmpty, !go.isEmpty else { return .nan }
        let rank = min(go.count - 1, max(0, Int((respondProbability * Double(go.count)).rounded(.up)) - 1))
        return go[rank] - Self.mean(stops.compactMap(\.stopSignalDelay))
    }

    /// Reversal accuracy: the fraction of go trials after the reversal on which the newly
    /// rewarded action was chosen (an omission counts as not correct); NaN without such trials.
    public var reversalAccuracy: Double {
        Self.mean(goTrials.filter(\.afterReversal).map { $0.choice == $0.rewarded ? 1 : 0 })
    }

    /// Perseveration errors: per session, the number of go trials after the reversal on which the
    /// formerly rewarded action was chosen before the newly rewarded one was chosen for the first
    /// time, averaged over sessions; NaN without trials after the reversal.
    public var perseverationErrors: Double { Self.mean(sessionPerseverationErrors.map(Double.init)) }

    /// The perseveration errors of each session (see ``perseverationErrors``), by session number.
    public var sessionPerseverationErrors: [Int] {
        let sessions = Dictionary(grouping: goTrials.filter(\.afterReversal), by: \.session)
        return sessions.keys.sorted().map { session in
            let ordered = (sessions[session] ?? []).sorted { $0.trial < $1.trial }
            let streak = ordered.prefix { $0.choice != $0.rewarded }
            return streak.filter { $0.choice != nil }.count
        }
    }

    /// The mean of `values`, NaN when there are none.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }
}
