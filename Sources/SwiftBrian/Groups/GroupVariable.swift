import SwiftBrianKernel
import SwiftBrianLanguage
import SwiftBrianUnits

/// A variable of a group as the simulation stores it: its description (unit, type, kind) and,
/// unless it is a subexpression, the buffer holding one value per element (one for all when
/// shared).
struct GroupVariable {
    var description: VariableDescription
    /// The values; nil for subexpressions, which are computed from the others.
    var buffer: DoubleBuffer?
    /// For a linked variable: the variable it reads, once linked.
    var link: Link?
    /// Whether users may set it (state variables and parameters, not `i`, `N` or subexpressions).
    var isSettable: Bool

    var name: String { description.name }
    var dimension: Dimension { description.dimension }
    var isShared: Bool { description.isShared }
}

/// What a linked variable stands for (Brian's `linked_var`): a variable of another group, read
/// through a map from this group's elements to that group's (computed when code is built, as a
/// Synapses' presynaptic indices change with `connect`).
struct Link {
    let group: Group
    let name: String
    let map: () -> IndexMap
}
