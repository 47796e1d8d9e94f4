import SwiftBrianKernel

/// One implicit step of the cable equation (``KernelOperation/solveCable(_:)``), as Brian's
/// `SpatialStateUpdater` computes it: per section a tridiagonal elimination for the particular
/// solution (ends sealed) and, at each end that is a branch point, the response to a unit
/// potential there; then the tree-shaped system of the branch points' potentials, eliminated from
/// the leaves to the root; and the potentials as the sum of the parts. The native backend's
/// `sb_cable_step` performs the same operations in the same order. The potentials are left in the
/// system's `solution` (the kernel stores them into `v`, checked where finite values are).
enum CableStep {
    static func run(_ system: CableSystem) {
        let dt = system.dt[0]
        let v = system.v.pointer, cm = system.capacitance.pointer
        let gtot = system.conductance.pointer, i0 = system.current.pointer
        let diagonal = system.diagonal.pointer, upper = system.upper.pointer, lower = system.lower.pointer
        let solution = system.solution.pointer, particular = system.particular.pointer
        let towardsEnd = system.towardsEnd.pointer, towardsStart = system.towardsStart.pointer
        let eliminated = system.eliminated.pointer
        let starts = system.sectionStart.pointer, stops = system.sectionStop.pointer
        let startNodes = system.sectionStartNode.pointer
        let sections = system.sectionCount

        for s in 0..<sections {
            let first = Int(starts[s]), stop = Int(stops[s])
            let startNode = s > 0, endNode = system.hasChildren(s)
            for j in first..<stop {
                particular[j] = -(cm[j] / dt * v[j]) - i0[j]
                let b = diagonal[j] - gtot[j]
                if j > first {
                    let a = lower[j]
                    let m = 1.0 / (b - a * eliminated[j - 1])
                    eliminated[j] = upper[j] * m
                    particular[j] = (particular[j] - a * particular[j - 1]) * m
                    if startNode { towardsStart[j] = (system.startResponse[j] - a * towardsStart[j - 1]) * m }
                    if endNode { towardsEnd[j] = (system.endResponse[j] - a * towardsEnd[j - 1]) * m }
                } else {
                    eliminated[j] = upper[j] / b
                    particular[j] = particular[j] / b
                    if startNode { towardsStart[j] = system.startResponse[j] / b }
                    if endNode { towardsEnd[j] = system.endResponse[j] / b }
                }
            }
            var j = stop - 2
            while j >= first {
                particular[j] = particular[j] - eliminated[j] * particular[j + 1]
                if startNode { towardsStart[j] = towardsStart[j] - eliminated[j] * towardsStart[j + 1] }
                if endNode { towardsEnd[j] = towardsEnd[j] - eliminated[j] * towardsEnd[j + 1] }
                j -= 1
            }
        }

        // Current conservation at each branch point (the end node of a section with children).
        let nodeDiagonal = system.nodeDiagonal.pointer, nodeParent = system.nodeParent.pointer
        let nodeValue = system.nodeValue.pointer, nodeChild = system.nodeChild.pointer
        for s in 0..<sections {
            let first = Int(starts[s]), last = Int(stops[s]) - 1
            let toStart = system.startConductance[s], toEnd = system.endConductance[s]
            let endNode = system.hasChildren(s)
            if endNode {
                nodeDiagonal[s + 1] = (1 - towardsEnd[last]) * toEnd
                nodeParent[s + 1] = s > 0 ? -towardsStart[last] * toEnd : 0
                nodeValue[s + 1] = particular[last] * toEnd
            }
            if s > 0 {
                let node = Int(startNodes[s])
                nodeDiagonal[node] += (1 - towardsStart[first]) * toStart
                nodeChild[Int(system.sectionEntry[s])] = endNode ? -towardsEnd[first] * toStart : 0
                nodeValue[node] += particular[first] * toStart
            }
        }
        // Leaves to root: each branch point's row is subtracted from its parent's.
        let offsets = system.childOffsets.pointer, children = system.childNodes.pointer
        var node = sections
        while node >= 1 {
            if system.hasChildren(node - 1) {
                for k in Int(offsets[node])..<Int(offsets[node + 1]) where system.hasChildren(Int(children[k]) - 1) {
                    let child = Int(children[k])
                    let factor = nodeChild[k] / nodeDiagonal[child]
                    nodeDiagonal[node] = nodeDiagonal[node] - factor * nodeParent[child]
                    nodeValue[node] = nodeValue[node] - factor * nodeValue[child]
                }
            }
            node -= 1
        }
        // Root to leaves.
        for node in stride(from: 1, through: sections, by: 1) where system.hasChildren(node - 1) {
            let parent = Int(startNodes[node - 1])
            if parent > 0 {
                nodeValue[node] = (nodeValue[node] - nodeParent[node] * nodeValue[parent]) / nodeDiagonal[node]
            } else {
                nodeValue[node] = nodeValue[node] / nodeDiagonal[node]
            }
        }

        for s in 0..<sections {
            let startNode = s > 0, endNode = system.hasChildren(s)
            let startValue = startNode ? nodeValue[Int(startNodes[s])] : 0, endValue = endNode ? nodeValue[s + 1] : 0
            for j in Int(starts[s])..<Int(stops[s]) {
                var value = particular[j]
                if startNode { value = value + startValue * towardsStart[j] }
                if endNode { value = value + endValue * towardsEnd[j] }
                solution[j] = value
            }
        }
        let capacitive = system.capacitiveCurrent.pointer
        for i in 0..<system.count {
            capacitive[i] = cm[i] * (solution[i] - v[i]) / dt
        }
    }
}
