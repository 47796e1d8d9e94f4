/// The linear system of one implicit (backward Euler) time step of the cable equation on a tree of
/// sections, as Brian's `SpatialStateUpdater` sets it up: what ``KernelOperation/solveCables(_:)``
/// solves.
///
/// For compartment `i` with membrane capacitance `Cm`, area `A`, the membrane current linearised
/// around the start-of-step potential as `I0 - gtot*v` (per area), and axial conductances `g` to its
/// neighbours `j`:
///
///     Cm_i (v_i' - v_i)/dt = I0_i - gtot_i v_i' + (1/A_i) Σ_j g_ij (v_j' - v_i')
///
/// Inside a section the neighbours are the adjacent compartments. The first and last compartment of
/// a section connect to the section's start and end *nodes*, points without membrane where current
/// is conserved; a section's start node is its parent's end node (a branch point), the root's start
/// node and the leaves' end nodes are sealed ends. The step solves each section's tridiagonal
/// system for three right-hand sides (the particular solution and the responses to a unit potential
/// at either end), then the tree-shaped system of the node potentials, and combines them: O(n).
///
/// Node 0 is the root's start node and node `s + 1` the end node of section `s`; sections are in
/// depth-first order, so a section's parent comes before it. Like Brian, the step solves for the
/// potential of every node, sealed ends included (a sealed node's potential is that of its only
/// compartment): the same operations in the same order as Brian's, so that the results agree with
/// Brian's to rounding even where a soma makes the system ill-conditioned (a formulation without
/// the sealed nodes differs from Brian by ~1e-8 V in a spiking cell with a soma).
/// The coefficients that stay constant during a run (``prepare(dt:axialResistivity:)``) are
/// computed before each run; the step reads the per-compartment `gtot` and `I0` a kernel wrote
/// just before it.
public final class CableSystem: Hashable, @unchecked Sendable {
    /// A name for messages and generated code.
    public let name: String
    /// The number of compartments.
    public let count: Int
    /// The membrane potential at the start of the step.
    public let v: DoubleBuffer
    /// The membrane potential at the end of the step, which the kernel then stores into `v`: the
    /// step computes it in the buffer of the particular solution.
    public var solution: DoubleBuffer { particular }
    /// The capacitive current per area of the step, `Cm (v' - v)/dt` (Brian's `Ic`).
    public let capacitiveCurrent: DoubleBuffer
    /// Specific membrane capacitance, per compartment.
    public let capacitance: DoubleBuffer
    /// The linearised membrane current of the step, `I0 - gtot*v`: the total conductance `gtot`
    /// per area and compartment (written by the kernel before the solve).
    public let conductance: DoubleBuffer
    /// The current per area at `v = 0`, `I0`, per compartment (written with `conductance`).
    public let current: DoubleBuffer

    /// Per section: the first compartment, one past the last, the node its start connects to.
    public let sectionStart: IndexBuffer
    public let sectionStop: IndexBuffer
    public let sectionStartNode: IndexBuffer
    /// Per node, the nodes at the far ends of its child sections: `childNodes[childOffsets[k] ..<
    /// childOffsets[k + 1]]`.
    public let childOffsets: IndexBuffer
    public let childNodes: IndexBuffer
    /// Per section, its entry in its start node's list of children.
    public let sectionEntry: IndexBuffer

    /// Constant during a run (see ``prepare(dt:axialResistivity:)``): per compartment, the part of
    /// the diagonal that does not depend on the membrane current (`-Cm/dt - Σ g/A`), the coupling
    /// to the next compartment (`g/A_i`) and to the previous one (`g/A_i`), the right-hand sides of
    /// the unit responses; per section, the axial conductance to its start and end node.
    public let diagonal: DoubleBuffer
    public let upper: DoubleBuffer
    public let lower: DoubleBuffer
    public let startResponse: DoubleBuffer
    public let endResponse: DoubleBuffer
    public let startConductance: DoubleBuffer
    public let endConductance: DoubleBuffer
    /// The time step the constant coefficients were computed for (one element).
    public let dt: DoubleBuffer

    /// Work space of the step: per compartment, the particular solution, the unit responses to the
    /// end and start node, the eliminated upper diagonal; per node, the diagonal, the coupling to the
    /// parent node and the right-hand side (then the solution); per child entry, the coupling to the
    /// child node.
    public let particular: DoubleBuffer
    public let towardsEnd: DoubleBuffer
    public let towardsStart: DoubleBuffer
    public let eliminated: DoubleBuffer
    /// The factorization of each section's matrix, kept between steps: per compartment, the
    /// reciprocal pivot of the elimination, and the `gtot` it was computed with. A section whose
    /// `gtot` is the same as at its last factorization (a passive section, always) reuses it and the
    /// unit responses, which depend on nothing else, and solves only for the particular solution:
    /// the same values as a new factorization, without its divisions. ``prepare(dt:axialResistivity:)``
    /// invalidates it.
    public let pivot: DoubleBuffer
    public let factoredConductance: DoubleBuffer
    public let nodeDiagonal: DoubleBuffer
    public let nodeParent: DoubleBuffer
    public let nodeValue: DoubleBuffer
    public let nodeChild: DoubleBuffer

    /// The per-section geometry: compartment ranges and the parent section of each section (nil
    /// for the root), in depth-first order.
    public struct SectionLayout {
        public var range: Range<Int>
        public var parent: Int?

        public init(range: Range<Int>, parent: Int?) {
            self.range = range
            self.parent = parent
        }
    }

    /// The geometry of each compartment, read before each run: its area, and the lengths Brian
    /// calls `r_length_1` and `r_length_2`, whose inverse times the axial resistivity is the
    /// resistance from the compartment's start and end to its middle.
    public let area: DoubleBuffer
    public let rLength1: DoubleBuffer
    public let rLength2: DoubleBuffer

    /// The system of a tree of `sections` (depth first, each compartment in exactly one section),
    /// on the neuron's buffers of potential, capacitance, capacitive current and geometry.
    public init(name: String, sections: [SectionLayout], area: DoubleBuffer, rLength1: DoubleBuffer,
                rLength2: DoubleBuffer, v: DoubleBuffer, capacitance: DoubleBuffer, capacitiveCurrent: DoubleBuffer) throws {
        self.name = name
        count = area.count
        self.area = area
        self.rLength1 = rLength1
        self.rLength2 = rLength2
        self.v = v
        self.capacitance = capacitance
        self.capacitiveCurrent = capacitiveCurrent
        func doubles(_ suffix: String, _ count: Int) throws -> DoubleBuffer {
            try DoubleBuffer(name: "\(name).\(suffix)", count: count, value: 0)
        }
        let n = area.count, nodes = sections.count + 1
        conductance = try doubles("_gtot", n)
        current = try doubles("_I0", n)
        sectionStart = try IndexBuffer(name: "\(name)._starts", values: sections.map { Int32($0.range.lowerBound) })
        sectionStop = try IndexBuffer(name: "\(name)._ends", values: sections.map { Int32($0.range.upperBound) })
        sectionStartNode = try IndexBuffer(name: "\(name)._parent_node", values: sections.map { Int32(($0.parent ?? -1) + 1) })
        var children = [[Int32]](repeating: [], count: nodes)
        var positions: [Int] = []
        for (s, section) in sections.enumerated() {
            let node = (section.parent ?? -1) + 1
            positions.append(children[node].count)
            children[node].append(Int32(s + 1))
        }
        var offsets: [Int32] = [0]
        for list in children { offsets.append(offsets[offsets.count - 1] + Int32(list.count)) }
        childOffsets = try IndexBuffer(name: "\(name)._child_offsets", values: offsets)
        childNodes = try IndexBuffer(name: "\(name)._children", values: children.flatMap { $0 })
        sectionEntry = try IndexBuffer(name: "\(name)._child_entry", values: sections.indices.map { s in
            offsets[(sections[s].parent ?? -1) + 1] + Int32(positions[s])
        })
        diagonal = try doubles("_diagonal", n)
        upper = try doubles("_upper", n)
        lower = try doubles("_lower", n)
        startResponse = try doubles("_b_minus", n)
        endResponse = try doubles("_b_plus", n)
        startConductance = try doubles("_invr0", sections.count)
        endConductance = try doubles("_invrn", sections.count)
        dt = try doubles("_dt", 1)
        pivot = try doubles("_pivot", n)
        factoredConductance = try doubles("_gtot_factored", n)
        particular = try doubles("_v_star", n)
        towardsEnd = try doubles("_u_plus", n)
        towardsStart = try doubles("_u_minus", n)
        eliminated = try doubles("_c", n)
        nodeDiagonal = try doubles("_P_diag", nodes)
        nodeParent = try doubles("_P_parent", nodes)
        nodeValue = try doubles("_B", nodes)
        nodeChild = try doubles("_P_children", max(childNodes.count, 1))
    }

    /// The number of values the system keeps per compartment besides the buffers it shares with
    /// the neuron (the linearised current, the constant coefficients, the kept factorization, the
    /// work space).
    public static let valuesPerCompartment = 13

    /// The number of sections.
    public var sectionCount: Int { sectionStart.count }

    /// Whether `other` has the same compartments, sections and nodes, numbered alike (the same
    /// morphology's structure), so that one pass can solve both (their coefficients may differ).
    public func sharesLayout(with other: CableSystem) -> Bool {
        count == other.count && [sectionStart, sectionStop, sectionStartNode, childOffsets, childNodes, sectionEntry]
            .map(\.array) == [other.sectionStart, other.sectionStop, other.sectionStartNode, other.childOffsets,
                               other.childNodes, other.sectionEntry].map(\.array)
    }

    /// Computes the coefficients that stay constant during a run, from the time step, the axial
    /// resistivity `Ri` and the capacitance now set (Brian does this before each run).
    public func prepare(dt step: Double, axialResistivity ri: Double) {
        dt[0] = step
        let n = count
        // The axial conductance between compartment i - 1 and i; 0 across section boundaries.
        var axial = [Double](repeating: 0, count: n)
        for i in 1..<max(n, 1) { axial[i] = 1 / (ri * (1 / rLength2[i - 1] + 1 / rLength1[i])) }
        for s in 0..<sectionCount { axial[Int(sectionStart[s])] = 0 }
        for i in 0..<n {
            diagonal[i] = -(capacitance[i] / step) - axial[i] / area[i]
            upper[i] = 0
            lower[i] = 0
            startResponse[i] = 0
            endResponse[i] = 0
            factoredConductance[i] = .nan
        }
        for i in 1..<max(n, 1) {
            upper[i - 1] = axial[i] / area[i - 1]
            lower[i] = axial[i] / area[i]
            diagonal[i - 1] -= axial[i] / area[i - 1]
        }
        for s in 0..<sectionCount {
            let first = Int(sectionStart[s]), last = Int(sectionStop[s]) - 1
            let toStart = rLength1[first] / ri, toEnd = rLength2[last] / ri
            startConductance[s] = toStart
            endConductance[s] = toEnd
            diagonal[first] -= toStart / area[first]
            diagonal[last] -= toEnd / area[last]
            endResponse[last] = -(toEnd / area[last])
            startResponse[first] = -(toStart / area[first])
        }
    }

    /// The memory the system holds besides the buffers it shares with the neuron (`v`,
    /// `capacitance`, `capacitiveCurrent` and the geometry), in bytes: coefficients, work space and
    /// the section and node layout.
    public var allocatedBytes: Int {
        let doubles = [conductance, current, diagonal, upper, lower, startResponse, endResponse, startConductance,
                       endConductance, dt, particular, towardsEnd, towardsStart, eliminated, pivot, factoredConductance,
                       nodeDiagonal, nodeParent, nodeValue, nodeChild]
        let indices = [sectionStart, sectionStop, sectionStartNode, childOffsets, childNodes, sectionEntry]
        return doubles.map(\.allocatedBytes).reduce(0, +) + indices.map(\.allocatedBytes).reduce(0, +)
    }

    public static func == (lhs: CableSystem, rhs: CableSystem) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
