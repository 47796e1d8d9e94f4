import SwiftBrianKernel

/// One implicit step of the cable equation for one system (``KernelOperation/solveCables(_:)``),
/// as Brian's `SpatialStateUpdater` computes it: per section a tridiagonal elimination for the
/// particular solution and the responses to unit potentials at the section's start and end node
/// (in a long section from both ends, ``CableSystem/twistedLength``), then the tree-shaped system of the node potentials, eliminated from the leaves to the root, and
/// the potentials as the sum of the three. The native backend's `sb_cable_steps` computes each value
/// by the same operations in the same order.
enum CableStep {
    static func run(_ system: CableSystem) {
        let dt = system.dt[0]
        let v = system.v.pointer, cm = system.capacitance.pointer
        let gtot = system.conductance.pointer, i0 = system.current.pointer
        let diagonal = system.diagonal.pointer, upper = system.upper.pointer, lower = system.lower.pointer
        let particular = system.particular.pointer
        let towardsEnd = system.towardsEnd.pointer, towardsStart = system.towardsStart.pointer
        let eliminated = system.eliminated.pointer
        let pivot = system.pivot.pointer, factored = system.factoredConductance.pointer
        let starts = system.sectionStart.pointer, stops = system.sectionStop.pointer
        let startNodes = system.sectionStartNode.pointer
        let sections = system.sectionCount

        // Each section: the three tridiagonal solves. As in Brian, a section's first compartment is
        // eliminated like any other (its coupling to the previous section is 0), except the very
        // first, which divides by its diagonal. A section whose gtot changed since its last
        // factorization is factorized anew (pivots, eliminated upper diagonal, unit responses);
        // the particular solution then uses the section's factorization, new or kept, which gives
        // the same values.
        for s in 0..<sections {
            let first = Int(starts[s]), stop = Int(stops[s])
            var unchanged = true
            for j in first..<stop { unchanged = unchanged && gtot[j] == factored[j] }
            if stop - first >= CableSystem.twistedLength {
                twisted(system, first: first, stop: stop, fresh: !unchanged)
                continue
            }
            if !unchanged {
                for j in first..<stop {
                    towardsEnd[j] = system.endResponse[j]
                    towardsStart[j] = system.startResponse[j]
                    let b = diagonal[j] - gtot[j]
                    factored[j] = gtot[j]
                    if j > 0 {
                        let a = lower[j]
                        let m = 1.0 / (b - a * eliminated[j - 1])
                        pivot[j] = m
                        eliminated[j] = upper[j] * m
                        towardsEnd[j] = (towardsEnd[j] - a * towardsEnd[j - 1]) * m
                        towardsStart[j] = (towardsStart[j] - a * towardsStart[j - 1]) * m
                    } else {
                        eliminated[j] = upper[j] / b
                        towardsEnd[j] = towardsEnd[j] / b
                        towardsStart[j] = towardsStart[j] / b
                    }
                }
                var j = stop - 2
                while j >= first {
                    towardsEnd[j] = towardsEnd[j] - eliminated[j] * towardsEnd[j + 1]
                    towardsStart[j] = towardsStart[j] - eliminated[j] * towardsStart[j + 1]
                    j -= 1
                }
            }
            for j in first..<stop {
                particular[j] = -(cm[j] / dt * v[j]) - i0[j]
                if j > 0 {
                    particular[j] = (particular[j] - lower[j] * particular[j - 1]) * pivot[j]
                } else {
                    particular[j] = particular[j] / (diagonal[j] - gtot[j])
                }
            }
            var j = stop - 2
            while j >= first {
                particular[j] = particular[j] - eliminated[j] * particular[j + 1]
                j -= 1
            }
        }

        // The node system: current conservation at each node; the root's start node is sealed.
        let nodeDiagonal = system.nodeDiagonal.pointer, nodeParent = system.nodeParent.pointer
        let nodeValue = system.nodeValue.pointer, nodeChild = system.nodeChild.pointer
        for s in 0..<sections {
            let first = Int(starts[s]), last = Int(stops[s]) - 1, node = Int(startNodes[s])
            let entry = Int(system.sectionEntry[s])
            let toStart = system.startConductance[s], toEnd = system.endConductance[s]
            if s == 0 {
                nodeDiagonal[0] = towardsStart[first] - 1
                nodeChild[entry] = towardsEnd[first]
                nodeValue[0] = -particular[first]
            } else {
                nodeDiagonal[node] += (1 - towardsStart[first]) * toStart
                nodeChild[entry] = -towardsEnd[first] * toStart
                nodeValue[node] += particular[first] * toStart
            }
            nodeDiagonal[s + 1] = (1 - towardsEnd[last]) * toEnd
            nodeParent[s + 1] = -towardsStart[last] * toEnd
            nodeValue[s + 1] = particular[last] * toEnd
        }
        // Leaves to root: each child node's row is subtracted from its parent's.
        let offsets = system.childOffsets.pointer, children = system.childNodes.pointer
        var node = sections
        while node >= 0 {
            for k in Int(offsets[node])..<Int(offsets[node + 1]) {
                let child = Int(children[k])
                let factor = nodeChild[k] / nodeDiagonal[child]
                nodeDiagonal[node] = nodeDiagonal[node] - factor * nodeParent[child]
                nodeValue[node] = nodeValue[node] - factor * nodeValue[child]
            }
            node -= 1
        }
        // Root to leaves.
        nodeValue[0] = nodeValue[0] / nodeDiagonal[0]
        for node in stride(from: 1, through: sections, by: 1) {
            let parent = Int(startNodes[node - 1])
            nodeValue[node] = (nodeValue[node] - nodeParent[node] * nodeValue[parent]) / nodeDiagonal[node]
        }

        // The potentials, in place of the particular solution.
        for s in 0..<sections {
            let startValue = nodeValue[Int(startNodes[s])], endValue = nodeValue[s + 1]
            for j in Int(starts[s])..<Int(stops[s]) {
                particular[j] = particular[j] + startValue * towardsStart[j] + endValue * towardsEnd[j]
            }
        }
        let capacitive = system.capacitiveCurrent.pointer
        for i in 0..<system.count {
            capacitive[i] = cm[i] * (particular[i] - v[i]) / dt
        }
    }

    /// The three solves of a long section (``CableSystem/twistedLength``), eliminated from both
    /// ends: rows above the meeting row downward, rows below it upward (`eliminated` holding the
    /// eliminated lower diagonal there), the meeting row, then the substitution back from it. A
    /// `fresh` section is factorized anew; a kept one solves only for the particular solution.
    private static func twisted(_ system: CableSystem, first: Int, stop: Int, fresh: Bool) {
        let dt = system.dt[0]
        let v = system.v.pointer, cm = system.capacitance.pointer
        let gtot = system.conductance.pointer, i0 = system.current.pointer
        let diagonal = system.diagonal.pointer, upper = system.upper.pointer, lower = system.lower.pointer
        let endResponse = system.endResponse.pointer, startResponse = system.startResponse.pointer
        let particular = system.particular.pointer
        let towardsEnd = system.towardsEnd.pointer, towardsStart = system.towardsStart.pointer
        let eliminated = system.eliminated.pointer
        let pivot = system.pivot.pointer, factored = system.factoredConductance.pointer
        let meet = first + (stop - first) / 2
        // One row: `a` couples it to the row eliminated before it in its direction (`previous`;
        // none at the section's ends), `other` (at the meeting row) to the row below it.
        func eliminate(_ j: Int, coupling a: Double, previous: Int?, other: (coupling: Double, row: Int)?) {
            if fresh {
                var denominator = diagonal[j] - gtot[j] - a * (previous.map { eliminated[$0] } ?? 0)
                var end = endResponse[j] - a * (previous.map { towardsEnd[$0] } ?? 0)
                var start = startResponse[j] - a * (previous.map { towardsStart[$0] } ?? 0)
                if let other {
                    denominator = denominator - other.coupling * eliminated[other.row]
                    end = end - other.coupling * towardsEnd[other.row]
                    start = start - other.coupling * towardsStart[other.row]
                }
                let m = 1.0 / denominator
                factored[j] = gtot[j]
                pivot[j] = m
                towardsEnd[j] = end * m
                towardsStart[j] = start * m
            }
            var rhs = -(cm[j] / dt * v[j]) - i0[j] - a * (previous.map { particular[$0] } ?? 0)
            if let other { rhs = rhs - other.coupling * particular[other.row] }
            particular[j] = rhs * pivot[j]
        }
        for j in first..<meet {
            eliminate(j, coupling: lower[j], previous: j > first ? j - 1 : nil, other: nil)
            if fresh { eliminated[j] = upper[j] * pivot[j] }
        }
        var r = stop - 1
        while r > meet {
            eliminate(r, coupling: upper[r], previous: r < stop - 1 ? r + 1 : nil, other: nil)
            if fresh { eliminated[r] = lower[r] * pivot[r] }
            r -= 1
        }
        eliminate(meet, coupling: lower[meet], previous: meet > first ? meet - 1 : nil,
                  other: meet < stop - 1 ? (upper[meet], meet + 1) : nil)
        // Back from the meeting row: upward above it, downward below it.
        for (range, step) in [(stride(from: meet - 1, through: first, by: -1), 1),
                              (stride(from: meet + 1, through: stop - 1, by: 1), -1)] {
            for j in range {
                let c = eliminated[j]
                if fresh {
                    towardsEnd[j] = towardsEnd[j] - c * towardsEnd[j + step]
                    towardsStart[j] = towardsStart[j] - c * towardsStart[j + step]
                }
                particular[j] = particular[j] - c * particular[j + step]
            }
        }
    }
}
