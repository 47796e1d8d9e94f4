/// Positions along one axis of a heat map (times, or places along a cell) grouped into at most
/// a given number of bins, so that a picture of a long recording keeps a bounded size: equal
/// positions share a bin, and each bin holds the same number of consecutive distinct positions
/// (the last one fewer). A bin reaches halfway to the neighbouring positions; the outer ones half
/// a neighbouring gap beyond the outer positions (0.5 for a single position).
struct HeatMapBins {
    /// The bin of each position, in the order given.
    let bin: [Int]
    /// The bin boundaries, ascending: one more than the bins (empty for no positions).
    let edges: [Double]

    /// The number of bins.
    var count: Int { max(0, edges.count - 1) }

    /// The bins of `positions` (finite numbers), at most `limit` of them (at least 1).
    init(_ positions: [Double], limit: Int) {
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        var distinct: [Double] = []
        var group = [Int](repeating: 0, count: positions.count)
        for k in order {
            if distinct.last != positions[k] { distinct.append(positions[k]) }
            group[k] = distinct.count - 1
        }
        guard let first = distinct.first, let last = distinct.last else {
            bin = []
            edges = []
            return
        }
        let perBin = max(1, (distinct.count + max(limit, 1) - 1) / max(limit, 1))
        let bins = (distinct.count + perBin - 1) / perBin
        bin = group.map { $0 / perBin }
        let n = distinct.count
        let firstGap = n > 1 ? distinct[1] - first : 1, lastGap = n > 1 ? last - distinct[n - 2] : 1
        edges = [first - firstGap / 2] + (1..<bins).map { b in
            (distinct[b * perBin - 1] + distinct[b * perBin]) / 2
        } + [last + lastGap / 2]
    }
}
