/// The rhythm of the pyloric network's three cells (AB/PD, LP, PY) in one observation, from their
/// spike times: bursts are runs of spikes less than ``burstGap`` apart; a cycle runs from one AB/PD
/// burst to the next.
struct BurstRhythm {
    /// The longest interval between two spikes of one burst, in seconds.
    static let burstGap = 0.2

    /// The number of spikes of each cell.
    let spikeCounts: [Int]
    /// The mean interval between the onsets of AB/PD's bursts, in seconds (NaN with fewer than two).
    let period: Double
    /// The fraction of AB/PD cycles in which LP starts a burst before PY does, both within the
    /// cycle: the triphasic order AB/PD → LP → PY (NaN without a whole cycle).
    let triphasicFraction: Double

    /// The rhythm of the spike trains `trains` (seconds, sorted), one per cell, AB/PD first.
    init(_ trains: [[Double]]) {
        spikeCounts = trains.map(\.count)
        let onsets = trains.map(Self.burstOnsets)
        let pacemaker = onsets.first ?? []
        period = pacemaker.count > 1 ? (pacemaker[pacemaker.count - 1] - pacemaker[0]) / Double(pacemaker.count - 1) : .nan
        let cycles = zip(pacemaker, pacemaker.dropFirst()).map { $0...$1 }
        let ordered = cycles.filter { cycle in
            let lp = onsets.count > 1 ? onsets[1].first(where: cycle.contains) : nil
            let py = onsets.count > 2 ? onsets[2].first(where: cycle.contains) : nil
            guard let lp, let py else { return false }
            return lp < py
        }
        triphasicFraction = cycles.isEmpty ? .nan : Double(ordered.count) / Double(cycles.count)
    }

    /// The times of the first spikes of the bursts of `train`.
    private static func burstOnsets(_ train: [Double]) -> [Double] {
        bursts(train, gap: burstGap).map(\.[0])
    }

    /// The bursts of `train` (sorted): its runs of spikes less than `gap` apart (more than `gap`
    /// between one burst's last spike and the next one's first).
    static func bursts(_ train: [Double], gap: Double) -> [[Double]] {
        var bursts: [[Double]] = []
        for (k, time) in train.enumerated() {
            if k == 0 || time - train[k - 1] > gap { bursts.append([time]) } else { bursts[bursts.count - 1].append(time) }
        }
        return bursts
    }
}
