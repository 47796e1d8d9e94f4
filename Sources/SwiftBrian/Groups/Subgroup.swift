import SwiftBrianKernel
import SwiftBrianLanguage

/// A contiguous part of a group (Brian's `G[10:20]`), usable wherever a group is: its variables
/// are the parent's, `i` counts from 0 within the subgroup, and its spikes are the parent's spikes
/// in its range.
public class Subgroup: Group {
    /// The group this is part of.
    public let parent: Group
    /// The parent's index of this subgroup's first element.
    public var offset: Int { start - parent.start }

    init(_ parent: Group, _ range: Range<Int>) throws {
        guard range.lowerBound >= 0, range.upperBound <= parent.size, !range.isEmpty else {
            throw ModelError(.invalidArgument, "The subgroup \(range.lowerBound)..<\(range.upperBound) is empty or "
                             + "not within the \(parent.size) elements of '\(parent.name)'")
        }
        self.parent = parent
        super.init(name: ObjectNames.unique("\(parent.name)_subgroup"), size: range.count,
                   start: parent.start + range.lowerBound, clock: parent.clock, order: parent.order,
                   variables: parent.variables, model: parent.model, namespace: parent.namespace)
        eventLists = parent.eventLists
        dependents = [parent]
    }

    /// The parent's namespace, as it is now.
    override var currentNamespace: Namespace { parent.currentNamespace }

    override func record(_ record: InitializationRecord) {
        let elements = record.elements.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
            ?? offset..<(offset + size)
        parent.record(InitializationRecord(variable: record.variable, value: record.value,
                                           condition: record.condition, elements: elements))
    }

    override var stateBuffers: [DoubleBuffer] { [] }
    override var indexBuffers: [IndexBuffer] { [] }
}
