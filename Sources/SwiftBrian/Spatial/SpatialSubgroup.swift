import SwiftBrianLanguage
import SwiftBrianUnits

/// A section of a ``SpatialNeuron`` with every section below it (Brian's `neuron.dend`): a
/// subgroup of the neuron's compartments (they are numbered so that a subtree is contiguous),
/// usable wherever a group is — to set variables, to record, as a synaptic target.
///
///     try neuron["dend"].gNa.set(0 * siemens / cm2)
///     try neuron["dend"].main.v.values            // the section only
///     try neuron["dend"][250 * um].I.set(0.1 * nA) // the compartment at 250 µm
public final class SpatialSubgroup: Subgroup, CompartmentTree {
    /// The neuron.
    public let neuron: SpatialNeuron
    /// The subtree's first section.
    public let morphology: Morphology

    init(_ neuron: SpatialNeuron, section: Morphology) throws {
        self.neuron = neuron
        morphology = section
        let first = section.indices.lowerBound
        try super.init(neuron, first..<(first + section.totalCompartments))
    }
}

/// What ``SpatialNeuron`` and ``SpatialSubgroup`` share: a tree of sections whose compartments
/// can be selected by section name, by position along the first section, or by index.
public protocol CompartmentTree: Group {
    /// The neuron the compartments belong to.
    var neuron: SpatialNeuron { get }
    /// The first section of the tree.
    var morphology: Morphology { get }
}

extension CompartmentTree {
    /// The subtree whose first section is the child `name` of this tree's first section (Brian's
    /// `neuron.dend`), or a path of `L`, `R` and digits (`neuron["LRL"]`).
    ///
    /// - Throws: `ModelError(.unknownIdentifier)` naming the children there are.
    public subscript(_ name: String) -> SpatialSubgroup {
        get throws {
            guard let section = morphology[name] else {
                let names = morphology.children.compactMap { morphology.name(of: $0) }
                let hint = Suggestions.hint(for: name, among: names)
                throw ModelError(.unknownIdentifier, "The section has no child '\(name)'\(hint)"
                                 + (names.isEmpty ? "; it has no children" : "; its children are "
                                    + names.map { "'\($0)'" }.joined(separator: ", ")))
            }
            return try SpatialSubgroup(neuron, section: section)
        }
    }

    /// The compartments of the first section only, without the sections below it (Brian's
    /// `neuron.dend.main`).
    public var main: Subgroup {
        get throws { try Subgroup(neuron, morphology.indices) }
    }

    /// The compartment of the first section that contains the point `position` along it (Brian's
    /// `neuron.dend[250*um]`, with Brian's rule at compartment boundaries; see
    /// ``Morphology/compartment(at:)``).
    public subscript(_ position: Quantity) -> Subgroup {
        get throws {
            let index = try morphology.index(at: position)
            return try Subgroup(neuron, index..<(index + 1))
        }
    }

    /// The compartments of the first section between `start` and `stop` along it (Brian's
    /// `neuron.dend[100*um:200*um]`); nil means the section's start or end.
    public func segment(from start: Quantity? = nil, to stop: Quantity? = nil) throws -> Subgroup {
        let range = try morphology.compartments(from: start, to: stop), first = morphology.indices.lowerBound
        return try Subgroup(neuron, (first + range.lowerBound)..<(first + range.upperBound))
    }

    /// The index in the neuron of the compartment of the first section that contains `position`
    /// (for a StateMonitor's `record` or `thresholdLocation`).
    public func index(at position: Quantity) throws -> Int { try morphology.index(at: position) }
}
