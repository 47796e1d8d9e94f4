import SwiftBrianKernel

/// One implicit step of the cable equation for one system (``KernelOperation/solveCables(_:)``),
/// as Brian's `SpatialStateUpdater` computes it: per section a tridiagonal elimination for the
/// particular solution and the responses to unit potentials at the section's start and end node,
/// then the tree-shaped system of the node potentials, eliminated from the leaves to the root, and
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
}
