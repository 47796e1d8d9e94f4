import SwiftBrianKernel

/// A group's state update and its threshold, run together block by block of elements in the
/// chunks run optimistically (see ``OptimisticChunks``).
///
/// Run one after the other over a large group, the threshold reads again from the third-level
/// cache (or memory) the variables the update has just written: CUBA at N = 40,000 streams 88
/// bytes per neuron and step, 16 of them the threshold's, which was 16% of the run (perf,
/// 2026-12-03). Over blocks of ``blockElements`` elements, the threshold reads the block the update
/// left in the first- or second-level cache. Both kernels work element by element (the update
/// writes and reads only its elements, the threshold too, besides appending its events in
/// order; each reads what the other writes only at its own element), so each element sees the
/// same values in either order, and the event list is filled in the same order. Kernels
/// scheduled between the two are passed over by the threshold: they must work element by element
/// and touch nothing the threshold writes, nor write anything it reads.
///
/// The fused pass is one of a chunk's optimistic forms: where it fails (a value that is not
/// finite, a buffer that cannot grow, any error), the chunk is put back and runs again with the
/// kernels one after the other, guarded, which fail as the interpreter does.
struct FusedThresholds {
    /// The elements of a block: the cuba update touches 8 arrays, 128 KB a block, within the
    /// second-level cache.
    static let blockElements = 2048

    /// An update and its threshold, by position among the kernels, over `lower..<upper`.
    struct Pair: Hashable {
        var update: Int, threshold: Int, lower: Int, upper: Int
    }

    /// The pairs among the kernels; each kernel in at most one.
    let pairs: [Pair]

    /// The pairs that `kernels` (with their clocks) allow: for each threshold over a range, the
    /// last kernel before it on its clock over the same range that works element by element and
    /// writes what the threshold reads (its group's update), when the two, and the kernels
    /// between them, are as the type's documentation says.
    init(_ kernels: [Kernel], clocks: [Int]) {
        var pairs: [Pair] = []
        for (b, threshold) in kernels.enumerated() {
            guard case .range(let lower, let upper) = threshold.iteration, upper > lower,
                  threshold.parallelEvents != nil,
                  let thresholdWrites = Kernel.elementwiseWrites(threshold.vector, appending: true),
                  let (a, updateWrites) = FusedThresholds.update(before: b, in: kernels, clocks: clocks),
                  !pairs.contains(where: { $0.update == a || $0.threshold == a }) else { continue }
            let update = kernels[a]
            let sameIndices = updateWrites.allSatisfy { id, map in thresholdWrites[id].map { $0 == map } ?? true }
            guard sameIndices, Kernel.listsRead(by: update.scalar + update.vector).isEmpty,
                  Kernel.readsOwnElements(update.scalar + update.vector, written: thresholdWrites),
                  Kernel.readsOwnElements(threshold.scalar + threshold.vector, written: updateWrites) else { continue }
            let written = Set(thresholdWrites.keys), touched = threshold.touchedBuffers
            let between = ((a + 1)..<b).allSatisfy { m in
                let other = kernels[m]
                guard other.runsElementwise, Kernel.listsRead(by: other.scalar + other.vector).isEmpty,
                      let otherWrites = Kernel.elementwiseWrites(other.vector, appending: false) else { return false }
                return written.isDisjoint(with: other.touchedBuffers) && touched.isDisjoint(with: otherWrites.keys)
            }
            if between { pairs.append(Pair(update: a, threshold: b, lower: lower, upper: upper)) }
        }
        self.pairs = pairs
    }

    /// The pairs whose two kernels are both among `positions` (the kernels the loop runs, by
    /// position among all), at their positions there, when `fusable` accepts them.
    func among(_ positions: [Int], where fusable: (Pair) -> Bool) -> FusedThresholds {
        let place = Dictionary(uniqueKeysWithValues: positions.enumerated().map { ($1, $0) })
        return FusedThresholds(pairs: pairs.compactMap { pair in
            guard let update = place[pair.update], let threshold = place[pair.threshold] else { return nil }
            let moved = Pair(update: update, threshold: threshold, lower: pair.lower, upper: pair.upper)
            return fusable(moved) ? moved : nil
        })
    }

    private init(pairs: [Pair]) {
        self.pairs = pairs
    }

    /// The last kernel before position `b` on its clock and over its range that works element by
    /// element and writes what the threshold at `b` reads (its group's update), with what it
    /// writes (see ``Kernel/elementwiseWrites(_:appending:)``).
    private static func update(before b: Int, in kernels: [Kernel], clocks: [Int])
        -> (position: Int, writes: [ObjectIdentifier: IndexMap])? {
        let threshold = kernels[b]
        for a in stride(from: b - 1, through: 0, by: -1)
        where clocks[a] == clocks[b] && kernels[a].iteration == threshold.iteration && kernels[a].runsElementwise {
            if let writes = Kernel.elementwiseWrites(kernels[a].vector, appending: false),
               !threshold.loadedBuffers.isDisjoint(with: writes.keys) {
                return (a, writes)
            }
        }
        return nil
    }

    /// For each pair, `static int sb_fused_U(sb_buffer ***kb, sb_queue ***kq, const double **kc,
    /// uint64_t seed, char *error)` (U the update's position), which runs the update's and the
    /// threshold's block forms (`kernelNames` + `_block`) block by block over their range.
    func source(kernelNames: [String]) -> String {
        pairs.map { pair in
            let (u, t) = (pair.update, pair.threshold)
            return """
                static int sb_fused_\(u)(sb_buffer ***kb, sb_queue ***kq, const double **kc, uint64_t seed, char *error) {
                    for (int64_t lo = \(pair.lower); lo < \(pair.upper); lo += \(FusedThresholds.blockElements)) {
                        const int64_t hi = lo + \(FusedThresholds.blockElements) < \(pair.upper) ? lo + \(FusedThresholds.blockElements) : \(pair.upper);
                        int s = \(kernelNames[u])_block(kb[\(u)], kq[\(u)], kc[\(u)], seed, error, lo, hi);
                        if (!s) s = \(kernelNames[t])_block(kb[\(t)], kq[\(t)], kc[\(t)], seed, error, lo, hi);
                        if (s) return s;
                    }
                    return 0;
                }

                """
        }.joined()
    }
}
