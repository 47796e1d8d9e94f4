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
    var link: ArrayReference?
    /// Whether users may set it (state variables and parameters, not `i`, `N` or subexpressions).
    var isSettable: Bool

    var name: String { description.name }
    var dimension: Dimension { description.dimension }
    var isShared: Bool { description.isShared }
}
