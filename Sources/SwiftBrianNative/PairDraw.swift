import SwiftBrianKernel

/// The random draws that a blocked loop over elements makes for every element of a block before
/// its loop: elements `2k` and `2k + 1` share the Philox block of `k` (see
/// `RandomNumbers.uniform` and `RandomNumbers.normal`), so a loop of its own over the block's
/// pairs draws one Philox block for two elements (`sb_uniform_pair`, `sb_normal_pair`) and
/// vectorizes; the element loop reads its values from an array on the stack. Each element's value
/// is that of `sb_uniform` or `sb_normal`, defined by the element's index alone, so a block or a
/// thread's part may start at an odd element (the pair loop then also draws the element before
/// it, which nothing reads).
///
/// A Poisson group's threshold `rand() < rates*dt` (STDP's input, most of its run) drew a whole
/// block for each element before uniforms shared blocks: with pairs, STDP at N = 4,000 took
/// 0.096–0.136 s of processor time in place of 0.130–0.156 s, its thresholder 2.1 in place of
/// 2.8 ns per input and step (AMD Zen 3, one thread). The pairs' loop vectorizes over pairs (four
/// Philox blocks in a vector of 64-bit lanes); the element loop then reads the block's array.
struct PairDraw: Hashable, Comparable {
    /// Whether the draw is normal (`randn()`, `xi`) rather than uniform (`rand()`).
    let normal: Bool
    /// The draw's site in its kernel (the last word of its Philox counter).
    let site: UInt32

    /// How many elements a block draws for at a time (in arrays on the stack, so they stay in the
    /// first-level cache).
    static let blockSize = 256

    /// The uniform and normal draws in `expressions`, which the caller gives as those evaluated
    /// for every element (not under a condition).
    static func sites(in expressions: [KernelExpression]) -> Set<PairDraw> {
        var draws: Set<PairDraw> = []
        for value in expressions {
            value.visit {
                switch $0 {
                case .random(.uniform, let site): draws.insert(PairDraw(normal: false, site: site))
                case .random(.normal, let site): draws.insert(PairDraw(normal: true, site: site))
                default: break
                }
            }
        }
        return draws
    }

    static func < (a: PairDraw, b: PairDraw) -> Bool { (a.normal ? 1 : 0, a.site) < (b.normal ? 1 : 0, b.site) }

    /// The distribution's name in the prelude's functions (`sb_uniform_pair`, `sb_normal_pair`).
    private var distribution: String { normal ? "normal" : "uniform" }

    /// The array of the block's values (two more than a block: a block starting at an odd element
    /// starts at the element before it).
    var array: String { "_\(distribution)\(site)" }

    /// The array's declaration at the top of the function.
    var declaration: String { "double \(array)[\(PairDraw.blockSize + 2)];" }

    /// The value of the element `_idx` of the block.
    var element: String { "\(array)[_idx - 2 * _pair0]" }

    /// The loop that fills the arrays of `draws` for the block `_base..<_end` (in kernel `stream`
    /// at time step `step`), with `pragma` before it; none without draws.
    static func fill(_ draws: Set<PairDraw>, stream: UInt32, step: String, pragma: String) -> [String] {
        guard !draws.isEmpty else { return [] }
        return ["const int64_t _pair0 = _base >> 1;", pragma, "for (int64_t _p = _pair0; _p < (_end + 1) >> 1; _p++) {"]
            + draws.sorted().map {
                "    sb_\($0.distribution)_pair(\($0.array) + 2 * (_p - _pair0), seed, \(stream)u, \(step), _p, \($0.site)u);"
            } + ["}"]
    }
}
